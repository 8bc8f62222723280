"""The page: document template, note area drawing and the "Page X of Y" footer.

The footer needs the page count before it is known, so each page shows a form XObject named
after its number, and the forms are filled in at ``save`` when the total is known: one pass,
no second layout. Notes laid out by the frame are painted here at the page's end.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, PageTemplate

from policydraft.model import Metadata
from policydraft.review import ReviewCopy
from policydraft.typography import Alignment, PageFormat, RunningLine, RunningPicture, Typography

from .draft import DraftMarks
from .families import family_named
from .frame import FootnoteFrame, PageNotes
from .noted_paragraph import NotedParagraph, opening_lines

_BIG = 1e9


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """One running line where it is printed: ``align``ed at ``x`` on ``baseline``."""

    text: str  # may hold {page} and {total}
    align: Alignment
    x: float
    baseline: float
    in_header: bool = False


@dataclass(frozen=True, slots=True)
class FooterLine:
    """The header and footer lines of every page ("Page X of Y" unless a reference.docx
    gives others), in one font and size, and the pictures a reference.docx's header or
    footer holds (``page_height`` turns their distances from the top into PDF heights)."""

    font: str
    size: float
    lines: tuple[PlacedLine, ...]
    pictures: tuple[RunningPicture, ...] = ()
    page_height: float = 0.0
    letterhead: bool = False  # page 1 has a letterhead in place of the header

    @classmethod
    def of(cls, typography: Typography, font: str, *, letterhead: bool = False) -> FooterLine:
        """The typography's running lines. Word and LibreOffice put a line of fixed height on
        a baseline four fifths of the way down it; the footer's last line's bottom sits
        ``footer_distance`` above the paper's edge, the header's first line's top
        ``header_distance`` below its top edge. With a ``letterhead``, page 1 prints it
        instead of the header, as the DOCX's first-page header does."""
        page, fmt = typography.page, typography.footer
        header = typography.running.header
        footer = typography.running.footer
        top = page.height - page.header_distance - fmt.leading * 4 / 5
        bottom = page.footer_distance + fmt.leading / 5
        placed = [
            _placed(line, page, top - index * fmt.leading, in_header=True)
            for index, line in enumerate(header)
        ]
        count = len(footer)
        placed += [
            _placed(line, page, bottom + (count - 1 - index) * fmt.leading)
            for index, line in enumerate(footer)
        ]
        pictures = typography.running.pictures
        return cls(font, fmt.size, tuple(placed), pictures, page.height, letterhead)

    def shown(self, page: int) -> tuple[tuple[PlacedLine, ...], tuple[RunningPicture, ...]]:
        """The lines and pictures printed on ``page``: all, but on a letterhead's page 1 only
        the footer's (a picture in the upper half of the page is the header's)."""
        if not (self.letterhead and page == 1):
            return self.lines, self.pictures
        lines = tuple(line for line in self.lines if not line.in_header)
        pictures = tuple(p for p in self.pictures if p.top + p.height / 2 > self.page_height / 2)
        return lines, pictures


def _placed(
    line: RunningLine, page: PageFormat, baseline: float, *, in_header: bool = False
) -> PlacedLine:
    x = {"left": page.left, "right": page.width - page.right}.get(line.align, page.width / 2)
    return PlacedLine(line.text, line.align, x, baseline, in_header)


class FooterCanvas(Canvas):  # type: ignore[misc]
    """A canvas that prints the running lines on every page, Y filled in at save time."""

    footer: FooterLine  # set by ``canvas_maker``: reportlab makes the canvas itself
    letter_pages = 1 << 30  # pages past it are exhibits' (writers/pdf/exhibits.py): unnumbered

    def showPage(self) -> None:
        if self.getPageNumber() <= self.letter_pages:
            self.doForm(f"PageFooter{self.getPageNumber()}")
            self._draw_pictures()
        super().showPage()

    def _draw_pictures(self) -> None:
        """The reference.docx's header and footer pictures, at their size and place; one
        image object in the file however many pages show it."""
        running = self.footer
        _, pictures = running.shown(self.getPageNumber())
        for picture in pictures:
            bottom = running.page_height - picture.top - picture.height
            image = ImageReader(io.BytesIO(picture.data))
            self.drawImage(image, picture.left, bottom, picture.width, picture.height, mask="auto")

    def save(self) -> None:
        total, running = min(self.getPageNumber() - 1, self.letter_pages), self.footer
        for number in range(1, total + 1):
            self.beginForm(f"PageFooter{number}")
            self.setFont(running.font, running.size)
            lines, _ = running.shown(number)
            for line in lines:
                self._draw(line, line.text.format(page=number, total=total))
            self.endForm()
        super().save()

    def _draw(self, line: PlacedLine, text: str) -> None:
        if line.align == "left":
            self.drawString(line.x, line.baseline, text)
        elif line.align == "right":
            self.drawRightString(line.x, line.baseline, text)
        else:
            self.drawCentredString(line.x, line.baseline, text)


def canvas_maker(metadata: Metadata, footer: FooterLine) -> Callable[..., FooterCanvas]:
    """A canvas factory stamping the document's own date, so output is reproducible."""
    date = dt.datetime.combine(metadata.date, dt.time())
    stamp = date.strftime("D:%Y%m%d%H%M%S+00'00'")

    def make(*args: Any, **kwargs: Any) -> FooterCanvas:
        canvas = FooterCanvas(*args, **kwargs)
        canvas.footer = footer
        canvas.setDateFormatter(lambda *_: stamp)
        return canvas

    return make


def draw_notes(canvas: Any, page: PageNotes, x: float, bottom: float, width: float) -> None:
    """Paint the separator rule and the page's note slices above ``bottom``."""
    if not page.slices:
        return
    fmt, top = page.fmt, bottom + page.height
    canvas.saveState()
    canvas.setLineWidth(fmt.separator_width)
    rule = top - fmt.separator_space / 2
    canvas.line(x, rule, x + fmt.separator_length, rule)
    canvas.restoreState()
    slice_top, gap = top - fmt.separator_space, fmt.text.after
    for piece in page.slices:
        y = slice_top
        for flowable in piece.flowables:
            y -= flowable.wrap(width, _BIG)[1]
            flowable.drawOn(canvas, x, y)
            y -= gap
        slice_top -= piece.height + gap


class KeepWithFirstLine(KeepTogether):  # type: ignore[misc]
    """Keep-with-next as Word has it: a heading stays if the next paragraph's first line fits.

    reportlab's KeepTogether moves the heading unless the whole next paragraph fits under
    it; Word and LibreOffice, with widow control, need only its first two lines (and their
    notes), or all of a paragraph of three lines or fewer. The next paragraph must fit whole
    only if it keeps its lines together.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if self._first_line_fits(aW, aH):
            return list(self._content)
        return list(super().split(aW, aH))

    def _first_line_fits(self, aW: float, aH: float) -> bool:
        *run, last = self._content
        need, after = 0.0, 0.0
        for index, flowable in enumerate(run):
            if index:  # the frame lets one's space after and the next's space before overlap
                need += max(flowable.getSpaceBefore() - after, 0.0)
            after = flowable.getSpaceAfter()
            need += flowable.wrap(aW, aH)[1] + after
        need += max(last.getSpaceBefore() - after, 0.0)
        return bool(need + self._first_line(last, aW, aH) <= aH + 1e-6)

    def _first_line(self, flowable: Flowable, aW: float, aH: float) -> float:
        if not isinstance(flowable, NotedParagraph) or getattr(flowable.style, "keepLines", False):
            return float(flowable.wrap(aW, aH)[1])
        frame = getattr(self, "_frame", None)
        lines, notes = opening_lines(flowable, aW, aH)  # widow/orphan control: two lines
        growth = frame.growth(notes) if notes and isinstance(frame, FootnoteFrame) else 0.0
        return float(flowable.style.leading) * lines + growth


class FlushNotes(Flowable):  # type: ignore[misc]
    """Ends the story: adds pages until a note continued past the last text is printed."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class LetterDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """The typography's page: one body frame with its note area."""

    _curPageFlowableCount: int  # reportlab's count of what the current page has placed

    def __init__(
        self,
        out: BinaryIO,
        metadata: Metadata,
        typography: Typography,
        review: ReviewCopy | None = None,
    ) -> None:
        page = typography.page
        width = page.width - page.left - page.right
        height = page.height - page.top - page.bottom
        self.note_frame = FootnoteFrame(page.left, page.bottom, width, height, typography.notes)
        super().__init__(
            out,
            pagesize=(page.width, page.height),
            leftMargin=page.left,
            rightMargin=page.right,
            topMargin=page.top,
            bottomMargin=page.bottom,
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            creator="policydraft",
            lang=metadata.language,
            invariant=1,
            pageCompression=1,
            initialFontName=family_named(typography.pdf_font).regular,
            keepTogetherClass=KeepWithFirstLine,
        )
        self.marks = DraftMarks(review, typography) if review is not None else None
        template = PageTemplate(
            id="letter",
            frames=[self.note_frame],
            onPage=self._begin_page,
            onPageEnd=self._end_page,
        )
        self.addPageTemplates([template])

    def handle_pageEnd(self) -> None:
        """A page that prints notes is not empty, even when no body text fits on it.

        reportlab stops after ten pages without a flowable, taking them for a loop; a note
        longer than ten pages continues on such pages, and each one prints more of it.
        """
        if self.note_frame.page.slices:
            self._curPageFlowableCount = max(self._curPageFlowableCount, 1)
        super().handle_pageEnd()

    def _begin_page(self, canvas: Any, doc: Any) -> None:
        """A review copy's watermark, first: everything else prints over it."""
        canvas.draft_marks = self.marks
        if self.marks is not None:
            self.marks.begin_page(canvas)

    def _end_page(self, canvas: Any, doc: Any) -> None:
        if self.marks is not None:  # the body's lines are numbered; the notes' are not
            self.marks.end_body(canvas)
        frame = self.note_frame
        draw_notes(canvas, frame.take_page(), frame._x1, frame._y1, frame._width)

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:
        """Drop keep-with-next where nothing can follow (a page break, the end).

        reportlab would wrap such a run in a KeepTogether that keeps its last member's
        keep-with-next; when that run is taller than the room left it is re-wrapped forever.
        """
        run = 0
        while run < len(flowables) and flowables[run].getKeepWithNext():
            run += 1
        if run and (run == len(flowables) or getattr(flowables[run], "locChanger", False)):
            flowables[run - 1].__dict__["keepWithNext"] = 0
        super().handle_keepWithNext(flowables)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Add pages for notes still continuing at the end; let noted text wait for them.

        reportlab postpones a flowable to the next page only once, then calls it too large.
        A paragraph whose notes cannot start while an earlier note is still continuing is not
        too large, just early; the continuation shrinks every page, so waiting ends.
        """
        first = flowables[0] if flowables else None
        if self.note_frame.page.carry and getattr(first, "footnotes", None):
            first.__dict__.pop("_postponed", None)
        if isinstance(first, FlushNotes):
            if self.note_frame.page.carry:
                self.handle_pageEnd()
            else:
                del flowables[0]
            return
        super().handle_flowable(flowables)
