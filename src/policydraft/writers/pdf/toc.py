"""The table of contents in the PDF: entries with dot leaders, linked to their headings.

The page numbers are those of the PDF's own layout: ``settle`` lays the letter out, reads the
page each listed heading is drawn on (``HeadingPages``), and lays it out again with those
numbers printed, until they no longer change (at most ``MAX_PASSES`` layouts). The DOCX
writer asks for the same pages (``contents_pages``), since the two formats break alike.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from policydraft.model import Document, TableOfContents, Text
from policydraft.writers.contents_format import ContentsFormats, contents_formats

from .authority_pages import authorities_of, pages_by_source, with_authority_pages
from .markup import inline_markup
from .paragraph import SafeParagraph
from .styles import Styles, paragraph_style

MAX_PASSES = 3
LEADER = "policydraftContentsLeader"  # the canvas callback that draws an entry's dots
_DOT_STEP = 4.0  # points from one leader dot to the next, on a grid shared by every entry


@dataclass(frozen=True, slots=True)
class ContentsLayout:
    """What one layout learned: each listed heading's page and bookmark, in entry order;
    and the page of each note citing a source, as (source id, page) pairs (``toa.py``)."""

    pages: tuple[int, ...] = ()
    keys: tuple[str, ...] = ()
    cited: tuple[tuple[str, int], ...] = ()


def contents_of(document: Document) -> TableOfContents | None:
    """The document's table of contents, if it has one (composing puts it at the top level)."""
    return next((b for b in document.blocks if isinstance(b, TableOfContents)), None)


def with_pages(document: Document, pages: tuple[int, ...]) -> Document:
    """``document`` with its table of contents' page numbers set to ``pages``."""
    blocks = tuple(
        replace(b, pages=pages) if isinstance(b, TableOfContents) else b for b in document.blocks
    )
    return replace(document, blocks=blocks)


@dataclass(slots=True)
class HeadingPages:
    """Listens to the layout: the page and bookmark of each listed heading, as drawn."""

    expected: tuple[str, ...]
    pages: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    cited: list[tuple[str, int]] = field(default_factory=list)

    def on_cited(self, label: str, page: int) -> None:
        """A note citing the sources ``label`` names (space-separated) is drawn on ``page``."""
        self.cited.extend((key, page) for key in label.split())

    def after_flowable(self, flowable: Flowable, page: int) -> None:
        """Note the page of ``flowable`` if it is the next heading the table lists."""
        outline = getattr(flowable, "outline", None)
        done = len(self.pages)
        if outline is None or done >= len(self.expected) or outline.title != self.expected[done]:
            return
        self.pages.append(page)
        self.keys.append(outline.key)

    def layout(self) -> ContentsLayout:
        return ContentsLayout(tuple(self.pages), tuple(self.keys), tuple(self.cited))


LayOut = Callable[[Document, ContentsLayout, HeadingPages, Any], int]
"""One layout of a document into a stream, printing a layout's pages; returns the page count."""


def settle(document: Document, lay_out: LayOut) -> tuple[bytes, int, ContentsLayout]:
    """Lay ``document`` out until its table's page numbers are those of the layout.

    Returns the PDF, its page count and the table's pages. Each pass prints the pages the
    previous one found; a table whose length moves the headings again is laid out again,
    at most ``MAX_PASSES`` times in all.
    """
    table = contents_of(document)
    expected = tuple(entry.text for entry in table.entries) if table else ()
    printed = ContentsLayout()
    for _ in range(MAX_PASSES):
        recorder = HeadingPages(expected)
        out = io.BytesIO()
        paged = with_authority_pages(with_pages(document, printed.pages), printed.cited)
        count = lay_out(paged, printed, recorder, out)
        found = recorder.layout()
        same_authorities = pages_by_source(found.cited) == pages_by_source(printed.cited)
        if found.pages == printed.pages and same_authorities:
            break
        if table is None and authorities_of(document) is None:
            break
        printed = found
    return out.getvalue(), count, printed


class ContentsLine(SafeParagraph):
    """One entry: its text, then leader dots and its page number at the right edge."""

    page_text: str = ""
    key: str = ""

    def draw(self) -> None:
        canvas = self.canv
        ends: list[tuple[float, float]] = []
        canvas.setNamedCB(LEADER, lambda canvas, kind, label: ends.append(_text_end(canvas)))
        if self.key:
            area = (0, 0, self.width, self.height)
            canvas.linkRect("", self.key, area, relative=1, thickness=0)
        super().draw()
        if ends:  # after the text, so text extraction reads "title .... page" in order
            self._leader(*ends[-1])

    def _leader(self, x: float, y: float) -> None:
        """Dots from where the text ends (``x``) to the page number, then the number. A
        title whose last line leaves no room before the number's place is followed by the
        number itself, a space after it, as LibreOffice sets the DOCX's right tab there."""
        font, size = self.style.fontName, self.style.fontSize
        right = float(self.width)
        number_left = right - stringWidth(self.page_text, font, size)
        first = (int(x / _DOT_STEP) + 2) * _DOT_STEP
        count = max(int((number_left - _DOT_STEP - first) / _DOT_STEP) + 1, 0)
        if number_left < x + stringWidth(" ", font, size):
            number_left, count = x + stringWidth(" ", font, size), 0
        canvas = self.canv
        canvas.saveState()
        text = canvas.beginText(first, y)
        text.setFont(font, size)
        text.setCharSpace(_DOT_STEP - stringWidth(".", font, size))
        text.textOut("." * count)
        text.setCharSpace(0)
        text.setTextOrigin(number_left, y)
        text.textOut(self.page_text)
        canvas.drawText(text)
        canvas.restoreState()


def _text_end(canvas: Any) -> tuple[float, float]:
    """Where the paragraph's text stands when the leader's callback is reached."""
    where = canvas._curr_tx_info
    return float(where["cur_x"]), float(where["cur_y"])


def contents_flowables(
    table: TableOfContents, styles: Styles, keys: tuple[str, ...]
) -> list[Flowable]:
    """The table as flowables: its title, then one line per entry (pages from ``table``)."""
    formats = contents_formats(styles.typography)
    title_style = paragraph_style("contents title", formats.title, styles.family)
    story: list[Flowable] = [SafeParagraph(_markup(table.title), title_style)]
    entry_styles = _entry_styles(formats, styles)
    for index, entry in enumerate(table.entries):
        text = f'{_markup(entry.text)}<onDraw name="{LEADER}" label="{index}"/>'
        line = ContentsLine(text, entry_styles[min(entry.level, 2) - 1])
        line.page_text = str(table.pages[index]) if index < len(table.pages) else ""
        line.key = keys[index] if index < len(keys) else ""
        story.append(line)
    return story


def _entry_styles(formats: ContentsFormats, styles: Styles) -> tuple[Any, Any]:
    family = styles.family
    return (
        paragraph_style("contents 1", formats.entry(1), family),
        paragraph_style("contents 2", formats.entry(2), family),
    )


def _markup(text: str) -> str:
    return inline_markup((Text(text),), lambda _: "")
