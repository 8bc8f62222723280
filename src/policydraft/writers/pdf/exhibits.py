"""Exhibits behind the letter: a cover page each, bookmarked, then the exhibit's pages.

The covers (and the page an image exhibit is placed on) are laid out with the letter, so a
reference ``[Exhibit A]`` links to its cover and the bookmarks follow the letter's own. A PDF
exhibit's pages are added after its cover once the letter is written (``append_pages``, with
pypdf). The letter's "Page X of Y" stops before the first cover: exhibits keep their own
page numbers, if any, and are not counted as the letter's pages (docs/submission-format.md).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, PageBreak, Spacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from policydraft.model import Exhibit, Exhibits, exhibit_anchor
from policydraft.typography import PageFormat

from .fonts import markup
from .noted_paragraph import noted_paragraph
from .notes import OutlineEntry
from .page import FlushNotes


@dataclass
class CoverPages:
    """Where each exhibit's cover was printed (1-based page numbers), filled in as drawn."""

    pages: dict[str, int] = field(default_factory=dict)
    exhibits: tuple[Exhibit, ...] = ()


class _CoverMark(Flowable):  # type: ignore[misc]
    """Takes no room; records the page it lands on, and that the letter's pages end before
    the first cover (the canvas prints no running lines past ``letter_pages``)."""

    def __init__(self, label: str, covers: CoverPages, first: bool) -> None:
        super().__init__()
        self.label, self.covers, self.first = label, covers, first

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = int(self.canv.getPageNumber())
        self.covers.pages[self.label] = page
        if self.first:
            self.canv.letter_pages = page - 1


def cover_story(
    block: Exhibits, style: ParagraphStyle, page: PageFormat, covers: CoverPages
) -> list[Flowable]:
    """The flowables of every cover (and image page), after the letter's last note."""
    covers.exhibits = block.exhibits
    centred = ParagraphStyle("exhibit-cover", parent=style, alignment=TA_CENTER)
    story: list[Flowable] = [FlushNotes(), PageBreakIfNotEmpty()]
    for index, exhibit in enumerate(block.exhibits):
        if index:
            story.append(PageBreak())
        story.extend(_cover(exhibit, centred, page, covers, first=not index))
        if exhibit.kind == "image":
            story.extend([PageBreak(), _fitted_image(exhibit.data, page)])
    return story


def _cover(
    exhibit: Exhibit, style: ParagraphStyle, page: PageFormat, covers: CoverPages, first: bool
) -> list[Flowable]:
    room = page.height - page.top - page.bottom
    text = markup(exhibit.heading)
    if exhibit.kind == "listed":
        text += f"<br/><br/>(filed separately: {markup(exhibit.file)})"
    title = noted_paragraph(text, style)
    title.outline = OutlineEntry(exhibit.heading, 0, exhibit_anchor(exhibit.label))
    return [_CoverMark(exhibit.label, covers, first), Spacer(1, room / 3), title]


def _fitted_image(data: bytes, page: PageFormat) -> Flowable:
    """The image at its own size, or smaller to fit within the margins (never larger)."""
    width, height = ImageReader(io.BytesIO(data)).getSize()
    room_w = page.width - page.left - page.right
    room_h = page.height - page.top - page.bottom - 1  # a point to spare: frames round
    scale = min(1.0, room_w / width, room_h / height)
    return Image(io.BytesIO(data), width * scale, height * scale)


def append_pages(letter: bytes, covers: CoverPages, out: BinaryIO) -> int:
    """The letter with each PDF exhibit's pages after its cover, written to ``out``."""
    from pypdf import PdfReader, PdfWriter  # only a letter with exhibits to append needs it

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(letter)))
    added = 0
    for exhibit in covers.exhibits:
        if exhibit.kind != "pdf":
            continue
        at = covers.pages[exhibit.label] + added  # the page after the cover, 0-based
        pages = PdfReader(io.BytesIO(exhibit.data)).pages
        for offset, page in enumerate(pages):
            writer.insert_page(page, at + offset)
        added += len(pages)
    writer.write(out)
    return len(writer.pages)


def has_pages_to_append(covers: CoverPages) -> bool:
    """Whether an exhibit's own pages are to be added after the letter is written."""
    return any(exhibit.kind == "pdf" for exhibit in covers.exhibits)
