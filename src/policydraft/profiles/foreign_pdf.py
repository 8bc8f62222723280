"""A PDF made anywhere, checked against an agency profile (``policydraft verify``).

The PDF is first opened: one that needs a password can only be checked for being encrypted;
one without pages, or one that breaks pypdf part way, is a PD631 error at the file, never a
traceback; one without a text layer (a scan) is said to be so. Then every rule of the profile
checks it, as it checks our own rendered PDF.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cached_property
from typing import TypeVar

from pypdf.errors import FileNotDecryptedError, PyPdfError

from policydraft.profiles.pdf_fonts import TextRun, text_runs
from policydraft.profiles.pdf_reading import RenderedPdf
from policydraft.profiles.rendered import Rendered, check_rendered
from policydraft.profiles.rules import BaseRule, NotCopyProtectedRule, SearchableTextRule

R = TypeVar("R", bound=BaseRule)
UNREADABLE = "PD631"
NOT_CHECKED = "PD632"
RAISED_SHARE = 0.6
"""How far above a larger run's baseline a smaller run may sit and count as raised on its line."""
READ_ERRORS = (
    PyPdfError,
    ArithmeticError,
    AttributeError,
    LookupError,
    OSError,
    RecursionError,
    TypeError,
    ValueError,
)
"""What reading a broken PDF raises: pypdf's own errors, and the Python errors a stranger's
file has been seen to drive its parser into."""


def rules_of(rules: Sequence[object], kind: type[R]) -> list[R]:
    """The rules of one kind (a profile's, or a rule book's as the checks see it)."""
    return [rule for rule in rules if isinstance(rule, kind)]


class ForeignPdf(RenderedPdf):
    """A PDF made by another program: its superscripts found by where they sit.

    Our writer raises a note mark with a text rise (``Ts``); Word and LibreOffice draw it as
    smaller text moved up, with no rise. So a run smaller than another on its page whose
    baseline lies a little below it (less than ``RAISED_SHARE`` of that run's size: on the
    same line, not the line below) is counted as raised by the difference, as if by ``Ts``.
    """

    @cached_property
    def runs(self) -> list[TextRun]:
        runs = list(text_runs(self.reader))
        lines: dict[int, dict[float, float]] = {}  # each page's baselines: the largest size
        for run in runs:
            line = lines.setdefault(run.page, {})
            y = round(run.y, 1)
            line[y] = max(line.get(y, 0.0), run.size)
        return [_raised(run, lines[run.page]) for run in runs]


def _raised(run: TextRun, baselines: dict[float, float]) -> TextRun:
    if run.rise:
        return run
    for y, size in baselines.items():
        lift = run.y - y
        if size > run.size and 0.5 < lift < RAISED_SHARE * size:
            return dataclasses.replace(run, rise=lift)
    return run


def verify_pdf(rendered: Rendered) -> None:
    """The profile's rules on a PDF, once it is known to open and have pages."""
    assert rendered.pdf is not None  # a Rendered with a "pdf" file has one
    pdf = rendered.pdf = ForeignPdf(rendered.pdf.path, rendered.pdf.appendix_heading)
    try:
        problem = _opening_problem(pdf)
        if problem == "password":
            _locked(rendered, pdf)
            return
        if problem is not None:
            rendered.diags.error(UNREADABLE, f"{rendered.where.file} {problem}", rendered.where)
            return
        _note_textless(rendered, pdf)
        check_rendered(rendered)
    except READ_ERRORS as exc:
        _broken(rendered, exc)


def _opening_problem(pdf: RenderedPdf) -> str | None:
    """ "password" when the PDF opens only with one, else why it cannot be read, or None."""
    try:
        count = len(pdf.reader.pages)
    except FileNotDecryptedError:
        return "password"
    if count == 0:
        return "has no pages"
    return None


def _locked(rendered: Rendered, pdf: RenderedPdf) -> None:
    """A PDF that needs a password: the not-copy-protected rule is all that can be checked."""
    rules = rules_of(rendered.profile.rules, NotCopyProtectedRule)
    file = rendered.where.file
    if not rules:
        message = f"{file} is encrypted with a password: it cannot be opened to be checked"
        rendered.diags.error(UNREADABLE, message, rendered.where)
        return
    for rule in rules:
        rule.check_pdf(rendered, pdf)
    message = f"{file} opens only with a password: no other rule of the profile is checked"
    rendered.diags.warning(NOT_CHECKED, message, rendered.where)


def _note_textless(rendered: Rendered, pdf: RenderedPdf) -> None:
    """A PDF without a text layer (a scan): said, even if the profile asks nothing of it."""
    if any(text.strip() for text in pdf.texts):
        return
    if rules_of(rendered.profile.rules, SearchableTextRule):
        return  # the rule itself reports it, as an error citing the agency
    message = (
        f"{rendered.where.file} has no text layer (a scanned image?): its statement, page "
        "numbers and type sizes cannot be read; export it from the word processor instead"
    )
    rendered.diags.error(UNREADABLE, message, rendered.where)


def _broken(rendered: Rendered, exc: BaseException) -> None:
    message = (
        f"{rendered.where.file} is a damaged PDF: reading it failed ({type(exc).__name__}); "
        "export it again"
    )
    rendered.diags.error(UNREADABLE, message, rendered.where)
