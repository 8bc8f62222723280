"""The type sizes a PDF really prints, read back from its content streams.

A size limit is about what a reader sees, so it is measured on the written file rather than
taken from the styles that produced it: the size set by each ``Tf`` operator, scaled by the
text matrix and the current transformation matrix, for every operator that shows text. The
position and rise (``Ts``) of each run are kept so a rule can exempt superscript note marks
and the page-number line. Form XObjects (reportlab draws "Page X of Y" in one) are followed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, DictionaryObject

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SHOW = {b"Tj", b"TJ", b"'", b'"'}
_MAX_DEPTH = 8  # forms drawing forms; deeper nesting is not something we write


@dataclass(frozen=True, slots=True)
class TextRun:
    """One text-showing operator: its page (0-based), printed size, baseline height and rise."""

    page: int
    size: float
    y: float
    rise: float


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention (apply m first, then n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


@dataclass
class _TextState:
    size: float = 0.0
    rise: float = 0.0
    leading: float = 0.0
    tm: Matrix = IDENTITY
    lm: Matrix = IDENTITY
    ctm_stack: list[Matrix] = field(default_factory=lambda: [IDENTITY])

    def move(self, tx: float, ty: float) -> None:
        self.lm = multiply((1, 0, 0, 1, tx, ty), self.lm)
        self.tm = self.lm


def text_runs(reader: PdfReader) -> Iterator[TextRun]:
    """Every text run of every page, in content order."""
    for number, page in enumerate(reader.pages):
        yield from _runs(page, page, reader, number, IDENTITY, 0)


def _runs(
    stream_owner: Any, page: PageObject, reader: PdfReader, number: int, ctm: Matrix, depth: int
) -> Iterator[TextRun]:
    parsed = _parsed(stream_owner)
    if parsed is not None:
        operations = parsed.operations
    else:
        page_content = isinstance(stream_owner, PageObject)
        content = stream_owner.get_contents() if page_content else stream_owner
        if content is None:
            return
        operations = ContentStream(content, reader).operations
    resources = stream_owner.get("/Resources") or page.get("/Resources") or {}
    state = _TextState(ctm_stack=[ctm])
    for operands, operator in operations:
        if operator in _SHOW:
            yield _run(state, number)
        elif operator == b"Do" and depth < _MAX_DEPTH:
            form = _form(resources, operands[0])
            if form is not None:
                inner = multiply(_matrix(form.get("/Matrix")), state.ctm_stack[-1])
                yield from _runs(form, page, reader, number, inner, depth + 1)
        else:
            _apply(state, operator, [_number(x) for x in operands])


def _parsed(stream_owner: Any) -> ContentStream | None:
    """A page's content stream when it was already parsed (``pdf_reading`` parses each page
    once for its text and its type sizes), else None."""
    if not isinstance(stream_owner, PageObject):
        return None
    contents = stream_owner.get("/Contents")
    resolved = contents.get_object() if contents is not None else None
    return resolved if isinstance(resolved, ContentStream) else None


def _apply(state: _TextState, operator: bytes, args: list[float]) -> None:
    """Update the graphics and text state for the operators that move or size text."""
    if operator == b"q":
        state.ctm_stack.append(state.ctm_stack[-1])
    elif operator == b"Q" and len(state.ctm_stack) > 1:
        state.ctm_stack.pop()
    elif operator == b"cm" and len(args) == 6:
        state.ctm_stack[-1] = multiply(_six(args), state.ctm_stack[-1])
    elif operator == b"BT":
        state.tm = state.lm = IDENTITY
    elif operator == b"Tm" and len(args) == 6:
        state.tm = state.lm = _six(args)
    elif operator in (b"Td", b"TD") and len(args) == 2:
        if operator == b"TD":
            state.leading = -args[1]
        state.move(args[0], args[1])
    elif operator == b"T*":
        state.move(0, -state.leading)
    elif operator == b"Tf" and len(args) == 2:
        state.size = args[1]
    elif operator == b"Ts" and args:
        state.rise = args[0]
    elif operator == b"TL" and args:
        state.leading = args[0]


def _run(state: _TextState, number: int) -> TextRun:
    full = multiply(state.tm, state.ctm_stack[-1])
    scale = math.hypot(full[2], full[3])
    return TextRun(number, round(state.size * scale, 2), full[5] + state.rise * scale, state.rise)


def _form(resources: Any, name: Any) -> Any:
    xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
    if xobjects is None or name not in xobjects:
        return None
    form = xobjects[name].get_object()
    return form if form.get("/Subtype") == "/Form" else None


def _matrix(value: Any) -> Matrix:
    if value is None or len(value) != 6:
        return IDENTITY
    return _six([float(x) for x in value])


def _six(args: list[float]) -> Matrix:
    return (args[0], args[1], args[2], args[3], args[4], args[5])


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0
