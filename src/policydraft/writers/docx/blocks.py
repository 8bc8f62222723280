"""Block nodes as styled paragraphs: the letter's parts, headings, lists, quotes, breaks.

Paragraphs are appended with ``SubElement`` to a container (the body, a footnote), never
through python-docx's ``add_paragraph``, which rescans the body on each call.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Exhibits,
    Figure,
    Heading,
    Inline,
    Letterhead,
    LetterPart,
    OrderedList,
    PageBreak,
    Para,
    PartRole,
    SignatureBlock,
    Table,
    TableOfAuthorities,
    TableOfContents,
    Text,
    inner_blocks,
)
from policydraft.model.heading_numbers import NUMBERED_LEVEL
from policydraft.writers.docx.appendix import add_entries
from policydraft.writers.docx.figures import FigureWriter
from policydraft.writers.docx.inlines import add_inlines
from policydraft.writers.docx.numbering import ListIndents
from policydraft.writers.docx.oxml import sub
from policydraft.writers.docx.sections import Sections
from policydraft.writers.docx.signature import write_signature
from policydraft.writers.docx.story import Story
from policydraft.writers.docx.styles import TWIPS
from policydraft.writers.docx.tables import add_table
from policydraft.writers.docx.toa import write_authorities
from policydraft.writers.docx.toc import write_contents

ROLE_STYLES: dict[PartRole, str] = {
    "title": "Title",
    "letterhead": "Letterhead",
    "date": "Date",
    "addressee": "Inside Address",
    "subject": "Subject Line",
    "salutation": "Salutation",
    "closing": "Closing",
    "signature": "Signature",
    "statement": "Statement",
}


@dataclass(frozen=True, slots=True)
class Frame:
    """Where blocks are being written. Only the body's top level may change sections."""

    para_style: str  # style name for plain paragraphs here
    depth: int = 0  # list nesting: 0 outside lists
    quote: int = 0  # block quote nesting
    sections: Sections | None = None

    def nested(
        self, *, para_style: str | None = None, depth: int | None = None, quote: int | None = None
    ) -> Frame:
        """A frame inside this one; nested blocks never end a section."""
        return replace(
            self,
            para_style=self.para_style if para_style is None else para_style,
            depth=self.depth if depth is None else depth,
            quote=self.quote if quote is None else quote,
            sections=None,
        )


class BlockWriter:
    """Writes blocks of one story (the body or the footnotes) into a container element."""

    def __init__(self, story: Story, sections: Sections | None = None) -> None:
        self._story = story
        self._top = Frame(story.body_style, sections=sections)
        self._figures = FigureWriter(story)  # numbers the figures in document order

    def __call__(self, container: etree._Element, blocks: tuple[Block, ...]) -> None:
        self.write(container, blocks, self._top)

    def write(self, container: etree._Element, blocks: tuple[Block, ...], frame: Frame) -> None:
        for block in blocks:
            if frame.sections is not None and frame.sections.columns > 1:
                frame.sections.close(container[-1], 1, "nextPage")
            self._block(container, block, frame)

    def _block(self, container: etree._Element, block: Block, frame: Frame) -> None:
        match block:
            case Para(inlines):
                self.paragraph(container, frame.para_style, inlines, frame)
            case Heading():
                self._heading(container, block, frame)
            case BulletList(items):
                self._list(container, items, frame, self._story.numbering.bullet(), "List Bullet")
            case OrderedList(items, start):
                num_id = self._story.numbering.ordered(start)
                self._list(container, items, frame, num_id, "List Number")
            case BlockQuote():
                style = self._story.body_style if self._story.in_footnote else "Quote"
                inside = frame.nested(para_style=style, quote=frame.quote + 1)
                self.write(container, inner_blocks(block), inside)
            case LetterPart(role):
                inside = frame.nested(para_style=ROLE_STYLES[role])
                self.write(container, inner_blocks(block), inside)
            case PageBreak():
                if not self._story.in_footnote:
                    sub(sub(sub(container, "p"), "r"), "br", type="page")
            case Appendix():
                self._appendix(container, block, frame)
            case TableOfContents():
                write_contents(container, block, self._story)
            case TableOfAuthorities():  # writers/docx/toa.py
                write_authorities(container, block, self._story)
            case Figure():  # writers/docx/figures.py
                self._figures.write(container, block)
            case Table():  # writers/docx/tables.py; a cell's text in Normal (a note's style)
                style = self._story.body_style if self._story.in_footnote else "Normal"
                inside = frame.nested(para_style=style, depth=0, quote=0)
                add_table(container, block, self._story, lambda tc, b: self.write(tc, b, inside))
            case Exhibits():  # listed only: the PDF appends them (model/exhibits.py)
                self.paragraph(container, "Appendix Heading", (Text(block.heading),), frame)
                for exhibit in block.exhibits:
                    self.paragraph(container, frame.para_style, (Text(exhibit.heading),), frame)
            case SignatureBlock():
                write_signature(container, block, self._story)
            case Letterhead():
                pass  # the first page's header: written by write_docx (writers/docx/letterhead)

    def _heading(self, container: etree._Element, heading: Heading, frame: Frame) -> None:
        """A heading paragraph; its number, if any, is Heading 1's Word numbering, not text.

        With arguments numbered, a Heading 1 without a number ("Conclusion") opts out of the
        style's list (``w:numId`` 0); see ``heading_numbering``.
        """
        style = self._heading_style(heading.level)
        opt_out = (
            self._story.numbering.headings is not None
            and not self._story.in_footnote
            and heading.level <= NUMBERED_LEVEL
            and heading.number is None
        )
        self.paragraph(container, style, heading.inlines, frame, ("0", 0) if opt_out else None)

    def _heading_style(self, level: int) -> str:
        if self._story.in_footnote:
            return self._story.body_style
        return "heading 1" if level <= 1 else "heading 2"

    def paragraph(
        self,
        container: etree._Element,
        style: str,
        inlines: tuple[Inline, ...],
        frame: Frame,
        number: tuple[str, int] | None = None,
    ) -> etree._Element:
        """A paragraph in ``style``; ``number`` (numId, level) makes it a list item's first."""
        paragraph = sub(container, "p")
        properties = sub(paragraph, "pPr")
        sub(properties, "pStyle", val=self._story.styles[style])
        if number is not None:
            numbering = sub(properties, "numPr")
            sub(numbering, "ilvl", val=str(number[1]))
            sub(numbering, "numId", val=number[0])
        elif indents := self._indents(frame):
            sub(properties, "ind", **indents)
        add_inlines(paragraph, inlines, self._story)
        return paragraph

    def _indents(self, frame: Frame) -> dict[str, str]:
        """Indents beyond the style's, as the PDF writer sets them.

        In the body the Quote style indents the first level of quoting, and deeper levels
        move in on the left only; a footnote has no Quote style, so every level is direct.
        """
        in_note = self._story.in_footnote
        if not (frame.depth or frame.quote > 1 or (frame.quote and in_note)):
            return {}
        typography = self._story.typography
        step = ListIndents.of(typography.lists).step
        quote = typography.quote
        quote_left, quote_right = round(quote.left * TWIPS), round(quote.right * TWIPS)
        indents = {"left": str(step * frame.depth + quote_left * frame.quote)}
        if in_note and frame.quote:
            indents["right"] = str(quote_right * frame.quote)
        return indents

    def _list(
        self,
        container: etree._Element,
        items: tuple[tuple[Block, ...], ...],
        frame: Frame,
        num_id: str,
        style: str,
    ) -> None:
        """Each item's first paragraph carries the number; the rest are indented under it."""
        if self._story.in_footnote:
            style = self._story.body_style
        inner = frame.nested(para_style=style, depth=frame.depth + 1)
        for item in items:
            first = item[0] if item and isinstance(item[0], Para) else None
            inlines = first.inlines if first is not None else ()
            self.paragraph(container, style, inlines, inner, number=(num_id, frame.depth))
            self.write(container, item[1:] if first is not None else item, inner)

    def _appendix(self, container: etree._Element, appendix: Appendix, frame: Frame) -> None:
        """Heading and intro in one column, then the names in ``appendix.columns`` columns."""
        self.paragraph(container, "Appendix Heading", appendix.heading, frame)
        self.write(container, appendix.intro, frame.nested())
        if appendix.count == 0:
            return
        if frame.sections is not None and appendix.columns > 1:
            frame.sections.close(container[-1], appendix.columns, "continuous")
        entry_gap = self._story.typography.appendix.entry_gap
        add_entries(container, appendix.groups, self._story.styles, entry_gap)
