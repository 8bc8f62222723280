"""A reportlab paragraph that breaks lines after hyphens and survives rewrapping and splits.

Word and LibreOffice break a line after the hyphen of "small-business"; reportlab does so too
with ``embeddedHyphenation``, but reportlab 5 keeps the word list of its first wrap, and when
it wraps again (the frame and the note layout wrap a paragraph many times) or builds the
parts of a split paragraph from those words, it rejoins "small-" and "business" by stripping
the hyphen: the PDF would print "smallbusiness". So each wrap here starts from the parsed
text, and a split part is the whole paragraph showing a window of its lines. Greedy line
breaking at the same width gives the same lines, so the window is exactly the part.

The lines at a width are computed once and shared by the paragraph and all its parts: a long
paragraph is wrapped many times while it is placed page after page, and breaking all of it
again for every page would make its layout quadratic in its length. Very long paragraphs are
broken in chunks (``linebreak``), since reportlab's own breaking is quadratic in words.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from .draft import record_lines
from .linebreak import break_in_chunks, is_long

_FUZZ = 1e-6


@dataclass(frozen=True, slots=True)
class _Layout:
    """A paragraph's lines at one set of line widths, as ``breakLines`` left the paragraph."""

    lines: Any  # reportlab's ParaLines; each wrap gets a shallow copy to window
    frags: list[Any]
    widths: list[float]  # the widths after reportlab narrowed the first for a bullet
    width_max: float


MIN_LINES = 2
"""Word's widow/orphan control: a split paragraph leaves at least two lines on each page."""


def widow_safe(fit: int, total: int, top: bool = False) -> int:
    """How many of a paragraph's ``total`` lines to set before a page break when ``fit`` fit.

    As Word's (and LibreOffice's) widow/orphan control: a lone last line moves the line
    before it along; a lone first line, or a paragraph of three lines or fewer that does not
    fit whole, moves the paragraph to the next page (0). At the top of a page, where moving
    gains nothing, as many lines as fit.
    """
    if fit >= total:
        return total
    lines = fit - 1 if total - fit < MIN_LINES else fit
    if lines >= MIN_LINES:
        return lines
    return max(fit, 0) if top else 0


def at_top(flowable: Flowable) -> bool:
    """Whether ``flowable`` is being placed at the top of its frame (a fresh page)."""
    frame = getattr(flowable, "_frame", None)
    return bool(getattr(frame, "_atTop", False))


class SafeParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph wrapped from its source text every time; parts are windows of lines."""

    _window: tuple[int, int | None] = (0, None)
    frags: list[Any]
    bulletText: Any
    _width_max: float  # set by reportlab's breakLines

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._source = list(self.frags)
        self._layouts: dict[tuple[float, ...], _Layout] = {}  # shared with every part

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.frags = list(self._source)
        width, height = super().wrap(availWidth, availHeight)
        start, stop = self._window
        if start == 0 and stop is None:
            return width, height
        self.blPara.lines = self.blPara.lines[start:stop]
        self.height = len(self.blPara.lines) * self.style.leading
        return width, self.height

    def breakLines(self, width: list[float]) -> Any:
        """The lines at these widths: computed once, then shared (see the module docstring)."""
        key = tuple(width)
        layout = self._layouts.get(key)
        if layout is None:
            if is_long(self.frags):
                lines = break_in_chunks(self, width)
            else:
                lines = super().breakLines(width)
            layout = _Layout(lines, self.frags, list(width), float(self._width_max))
            self._layouts[key] = layout
        width[:] = layout.widths
        self.frags = layout.frags
        self._width_max = layout.width_max
        return copy.copy(layout.lines)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """As many whole lines as fit under widow/orphan control, then the rest."""
        self.wrap(availWidth, availHeight)
        fit = int((availHeight + _FUZZ) / self.style.leading)
        total = len(self.blPara.lines)
        if fit >= total:
            return [self]
        lines = widow_safe(fit, total, at_top(self))
        return self.split_after(lines) if lines > 0 else []

    def split_after(self, lines: int) -> list[Flowable]:
        """This paragraph as two parts, the first holding its first ``lines`` lines."""
        start, stop = self._window
        first, rest = copy.copy(self), copy.copy(self)
        first._window = (start, start + lines)
        first._JustifyLast = True  # its last line is not the paragraph's: justify it if asked
        rest._window = (start + lines, stop)
        for part in (first, rest):  # fresh parts, as reportlab's own split makes them
            for placement in ("blPara", "_postponed", "_frame"):
                part.__dict__.pop(placement, None)
        return [first, rest]

    def draw(self) -> None:
        """A part after the first carries on the text: its first line gets no bullet. A
        review copy numbers the lines drawn (``draft.record_lines``)."""
        if self._window[0] == 0:
            super().draw()
        else:
            bullet, self.bulletText = self.bulletText, None
            try:
                super().draw()
            finally:
                self.bulletText = bullet
        record_lines(self)
