"""A review copy's marks in the PDF: watermark, line numbers and the "Draft of" line.

``DraftMarks`` follows each page: when it begins, the diagonal watermark is drawn first (so
the text prints over it) with the "Draft of DATE TIME" line above the running footer; while
the body is drawn, every paragraph reports its lines' baselines (``record``); when the body
ends, before the notes are painted, the lines are numbered 1, 2, ... down the left margin,
restarting on every page, as on pleading paper. Notes, running lines and the signatory
columns are not numbered (Word does not number notes either).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.rl_config import paraFontSizeHeightOffset

from policydraft.review import ReviewCopy
from policydraft.typography import Typography

from .families import family_named

WATERMARK_GREY = 0.75  # light grey, half transparent: the text stays readable through it
WATERMARK_ALPHA = 0.5
WATERMARK_MAX_SIZE = 120.0  # points: "DRAFT" across a Letter page
WATERMARK_SPAN = 0.7  # of the page's diagonal the watermark's text spans at most
NUMBER_GAP = 18.0  # points between a line number's right edge and the text's left margin
SAME_LINE = 0.5  # points: baselines closer than this are one line (a bullet and its text)


@dataclass
class DraftMarks:
    """The marks of a review copy, drawn page by page (see the module docstring)."""

    review: ReviewCopy
    typography: Typography
    recording: bool = False
    baselines: list[float] = field(default_factory=list)

    @property
    def _fonts(self) -> tuple[str, str]:
        family = family_named(self.typography.pdf_font)
        return family.regular, family.bold

    def begin_page(self, canvas: Any) -> None:
        """The watermark and the "Draft of" line, before anything else on the page."""
        self.baselines.clear()
        self.recording = True
        self._watermark(canvas)
        self._stamp(canvas)

    def end_body(self, canvas: Any) -> None:
        """Number the body's lines; what is drawn after (the notes) is not recorded."""
        self.recording = False
        regular = self._fonts[0]
        x = self.typography.page.left - NUMBER_GAP
        canvas.saveState()
        canvas.setFont(regular, self.typography.footer.size)
        for number, baseline in enumerate(numbered_lines(self.baselines), start=1):
            canvas.drawRightString(x, baseline, str(number))
        canvas.restoreState()
        self.baselines.clear()

    def record(self, paragraph: Any) -> None:
        """The baselines of the lines ``paragraph`` has just drawn, in page coordinates."""
        if not self.recording:
            return
        lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
        if not lines:
            return
        origin = float(paragraph.canv._currentMatrix[5])  # drawOn translated to its bottom
        leading = float(paragraph.style.leading)
        first = paragraph.height - _first_drop(paragraph)
        self.baselines.extend(origin + first - index * leading for index in range(len(lines)))

    def _watermark(self, canvas: Any) -> None:
        page, bold = self.typography.page, self._fonts[1]
        text = self.review.watermark
        span = math.hypot(page.width, page.height) * WATERMARK_SPAN
        size = min(WATERMARK_MAX_SIZE, span / max(stringWidth(text, bold, 1.0), 1e-6))
        canvas.saveState()
        canvas.setFillGray(WATERMARK_GREY)
        canvas.setFillAlpha(WATERMARK_ALPHA)
        canvas.translate(page.width / 2, page.height / 2)
        canvas.rotate(math.degrees(math.atan2(page.height, page.width)))
        canvas.setFont(bold, size)
        canvas.drawCentredString(0, -size / 3, text)  # centred on the cap height's middle
        canvas.restoreState()

    def _stamp(self, canvas: Any) -> None:
        """The line "Draft of DATE TIME", centred one line above the running footer's lines."""
        page, fmt = self.typography.page, self.typography.footer
        above = len(self.typography.running.footer)
        baseline = page.footer_distance + fmt.leading / 5 + above * fmt.leading
        canvas.saveState()
        canvas.setFont(self._fonts[0], fmt.size)
        canvas.drawCentredString(page.width / 2, baseline, self.review.footer)
        canvas.restoreState()


def _first_drop(paragraph: Any) -> float:
    """How far below a paragraph's top its first baseline sits, as reportlab draws it."""
    para = paragraph.blPara
    if paraFontSizeHeightOffset:
        return float(getattr(para, "fontSize", paragraph.style.fontSize))
    return float(getattr(para, "ascent", paragraph.style.fontSize))


def numbered_lines(baselines: list[float]) -> list[float]:
    """The page's distinct baselines, top first: line 1 is the highest."""
    lines: list[float] = []
    for baseline in sorted(baselines, reverse=True):
        if not lines or lines[-1] - baseline > SAME_LINE:
            lines.append(baseline)
    return lines


def record_lines(paragraph: Any) -> None:
    """Report a drawn paragraph's lines to its canvas's review-copy marks, if it has any."""
    marks = getattr(paragraph.canv, "draft_marks", None)
    if marks is not None:
        marks.record(paragraph)
