"""The letterhead in the PDF: drawn at page 1's top, as the DOCX's first-page header.

Word puts a header's first line ``header_distance`` below the paper's top edge, and when the
header is taller than the top margin leaves it, the body starts under the header. The
flowable does the same: it is the story's first, draws the logo and the lines from the
header distance down (centred, in the letterhead style), and takes up in the body only the
height by which the letterhead overruns the top margin. It is drawn once, so only page 1
has it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from policydraft.model import Letterhead
from policydraft.typography import PageFormat

from .signature import lines_paragraph, picture_flowable

_BIG = 1e9


class LetterheadFlowable(Flowable):  # type: ignore[misc]
    """Page 1's letterhead; its height is what it overruns the top margin by."""

    def __init__(self, letterhead: Letterhead, style: ParagraphStyle, page: PageFormat) -> None:
        super().__init__()
        self._page = page
        width = page.width - page.left - page.right
        self._width = width
        self._parts: list[Any] = []
        if letterhead.picture is not None:
            self._parts.append(picture_flowable(letterhead.picture, "CENTER"))
        if letterhead.lines:
            self._parts.append(lines_paragraph(letterhead.lines, style))
        self._space_after = float(style.spaceAfter)

    def height_on_paper(self) -> float:
        """The letterhead's height from its top to the end of its space after."""
        heights = [float(part.wrap(self._width, _BIG)[1]) for part in self._parts]
        return sum(heights) + (self._space_after if self._parts else 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        page = self._page
        overrun = page.header_distance + self.height_on_paper() - page.top
        return availWidth, max(overrun, 0.0)

    def draw(self) -> None:
        canvas, page = self.canv, self._page
        x0, y0 = canvas.absolutePosition(0, 0)
        canvas.saveState()
        canvas.translate(-x0, -y0)  # page coordinates from here on
        top = page.height - page.header_distance
        for part in self._parts:
            width, height = part.wrap(self._width, _BIG)
            top -= height
            part.drawOn(canvas, page.left + (self._width - width) / 2, top)  # centred
        canvas.restoreState()
