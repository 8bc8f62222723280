"""Blocks -> a flat story of platypus flowables.

Everything that holds text becomes a ``NotedParagraph`` (lists by bullet text and indents,
quotes by indents) rather than nested containers, because the footnote frame must see each
paragraph and its notes directly. Notes are numbered here, in reading order, which is the
order ``model.iter_notes`` yields them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak
from reportlab.platypus.flowables import PageBreakIfNotEmpty

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
    Note,
    OrderedList,
    Para,
    SignatureBlock,
    Table,
    TableOfAuthorities,
    TableOfContents,
    Text,
    caption_text,
    inner_blocks,
    plain_text,
)
from policydraft.model import PageBreak as ModelPageBreak
from policydraft.model.heading_numbers import NUMBERED_LEVEL, heading_label

from .appendix import SignatoryColumns, source_items
from .appendix_layout import ColumnStyle
from .exhibits import CoverPages, cover_story
from .figures import caption_style, figure_flowables
from .letterhead import LetterheadFlowable
from .markup import inline_markup, note_mark
from .noted_paragraph import NotedParagraph, noted_paragraph
from .notes import Footnote, OutlineEntry
from .paragraph import SafeParagraph
from .signature import signature_flowables
from .styles import Styles
from .tables import CellStyles, table_flowable
from .toa import authorities_flowables, cited_mark
from .toc import contents_flowables

BULLETS = ("•", "–", "◦")


@dataclass(frozen=True, slots=True)
class Context:
    """Where a block sits: its paragraph style, list depth and whether inside a note."""

    style: ParagraphStyle
    left: float = 0.0
    right: float = 0.0
    depth: int = 0
    in_note: bool = False


def numbered(
    inlines: tuple[Inline, ...], level: int, number: int | None, context: Context
) -> tuple[Inline, ...]:
    """A heading's inlines after its printed number ("I. "), as Word numbers it in the DOCX.

    The same label and one space, where the DOCX's list puts them (none inside a note).
    """
    if number is None or level != NUMBERED_LEVEL or context.in_note:
        return inlines
    return (Text(f"{heading_label(number)} "), *inlines)


@dataclass(slots=True)
class StoryBuilder:
    """Walks the document once, numbering notes and tracking bookmark levels."""

    styles: Styles
    next_note: int = 1
    outline_level: int = -1
    outline_count: int = 0
    covers: CoverPages = field(default_factory=CoverPages)  # where exhibits' covers print
    _derived: dict[tuple[str, float, float, int, bool], ParagraphStyle] = field(
        default_factory=dict
    )
    contents_keys: tuple[str, ...] = ()  # the listed headings' bookmarks, from a layout
    authorities: bool = False  # a table of authorities: notes report their citations' pages
    figure_count: int = 0  # figures numbered so far, in document order (writers/pdf/figures)
    cell_styles: CellStyles = field(init=False)

    def __post_init__(self) -> None:
        self.cell_styles = CellStyles(self.styles)

    def blocks(self, blocks: tuple[Block, ...], context: Context) -> list[Flowable]:
        story: list[Flowable] = []
        for block in blocks:
            story.extend(self.block(block, context))
        return story

    def block(self, block: Block, context: Context) -> list[Flowable]:
        match block:
            case Para(inlines):
                return [self.paragraph(inlines, context)]
            case Heading(level, inlines, number):
                return [self.heading(level, numbered(inlines, level, number, context), context)]
            case BulletList(items):
                return self.list_items(items, context, None)
            case OrderedList(items, start):
                return self.list_items(items, context, start)
            case BlockQuote():
                return self.blocks(inner_blocks(block), self.quote_context(context))
            case ModelPageBreak():
                return [PageBreak()]
            case LetterPart(role):
                inside = replace(context, style=self.styles.parts[role])
                return self.blocks(inner_blocks(block), inside)
            case Appendix():
                return self.appendix(block)
            case SignatureBlock():
                return signature_flowables(block, self.styles)
            case Letterhead():
                page = self.styles.typography.page
                return [LetterheadFlowable(block, self.styles.parts["letterhead"], page)]
            case Table():
                return [self.table(block, context)]
            case TableOfContents():
                return contents_flowables(block, self.styles, self.contents_keys)
            case TableOfAuthorities():  # writers/pdf/toa.py
                return authorities_flowables(block, self.styles)
            case Exhibits():
                page = self.styles.typography.page
                return cover_story(block, self.styles.appendix_heading, page, self.covers)
            case Figure():
                self.figure_count += 1
                text = (Text(caption_text(self.figure_count, block.caption)),)
                caption = self.paragraph(text, Context(caption_style(self.styles)))
                return figure_flowables(block, caption, self.styles)

    def paragraph(
        self, inlines: tuple[Inline, ...], context: Context, bullet: str | None = None
    ) -> NotedParagraph:
        notes: list[Footnote] = []
        style = self.style_for(context, bullet is not None)

        def on_note(note: Note) -> str:
            if context.in_note:
                return ""  # a note inside a note has no number of its own; drop it
            notes.append(self.footnote(note))
            return self.mark(notes[-1].number, style.fontSize)

        text = inline_markup(inlines, on_note)
        return noted_paragraph(text, style, notes, bullet)

    def mark(self, number: int, size: float) -> str:
        """Note ``number``'s reference mark in text of ``size`` points."""
        return note_mark(number, size, self.styles.typography.notes)

    def heading(self, level: int, inlines: tuple[Inline, ...], context: Context) -> Flowable:
        style = self.styles.heading1 if level <= 1 else self.styles.heading2
        paragraph = self.paragraph(inlines, replace(context, style=style))
        paragraph.outline = self.outline(plain_text(inlines), min(max(level, 1), 2) - 1)
        return paragraph

    def outline(self, title: str, level: int) -> OutlineEntry:
        """A bookmark; levels never skip (PDF outlines nest one step at a time)."""
        level = min(level, self.outline_level + 1)
        self.outline_level = level
        self.outline_count += 1
        key = f"outline{self.outline_count}"
        return OutlineEntry(" ".join(title.split()) or "(untitled)", level, key)

    def footnote(self, note: Note) -> Footnote:
        number = self.next_note
        self.next_note += 1
        context = Context(self.styles.note, in_note=True)
        blocks = note.blocks
        mark = self.mark(number, self.styles.note.fontSize)
        if blocks and isinstance(blocks[0], Para):
            text = inline_markup(blocks[0].inlines, lambda _: "")
            marked = SafeParagraph(f"{mark}{self.cited(note)} {text}", self.styles.note)
            return Footnote(number, [marked, *self.blocks(blocks[1:], context)])
        alone = SafeParagraph(mark + self.cited(note), self.styles.note)
        return Footnote(number, [alone, *self.blocks(blocks, context)])

    def cited(self, note: Note) -> str:
        """The mark reporting the page of a note's citations, for a table of authorities."""
        return cited_mark(note.cites) if self.authorities else ""

    def quote_context(self, context: Context) -> Context:
        """A quote takes the quote style; one inside a quote or a note is indented further.

        As in the DOCX, a nested quote moves in on the left only.
        """
        quote = self.styles.typography.quote
        if context.in_note or context.style is self.styles.quote:
            left = context.left + quote.left
            right = context.right + (quote.right if context.in_note else 0.0)
            return replace(context, left=left, right=right)
        return replace(context, style=self.styles.quote)

    def list_items(
        self, items: tuple[tuple[Block, ...], ...], context: Context, start: int | None
    ) -> list[Flowable]:
        style = context.style if context.in_note else self.styles.list_item
        left = context.left + self.styles.typography.lists.indent
        inner = replace(context, style=style, left=left, depth=context.depth + 1)
        story: list[Flowable] = []
        for number, item in enumerate(items, start=start or 1):
            bullet = f"{number}." if start is not None else BULLETS[context.depth % 3]
            rest = item
            if item and isinstance(item[0], Para):
                story.append(self.paragraph(item[0].inlines, inner, bullet))
                rest = item[1:]
            else:
                story.append(noted_paragraph("", self.style_for(inner, True), (), bullet))
            story.extend(self.blocks(rest, inner))
        return story

    def style_for(self, context: Context, bulleted: bool) -> ParagraphStyle:
        """The context's style shifted by its indents; cached so styles stay few."""
        base = context.style
        key = (base.name, context.left, context.right, context.depth, bulleted)
        if key not in self._derived:
            extra: dict[str, object] = {}
            if bulleted:
                hanging = self.styles.typography.lists.hanging
                extra["bulletIndent"] = base.leftIndent + context.left - hanging
                extra["bulletFontName"] = self.styles.family.regular
                extra["bulletFontSize"] = base.fontSize
            self._derived[key] = ParagraphStyle(
                f"{base.name}+{len(self._derived)}",
                parent=base,
                leftIndent=base.leftIndent + context.left,
                rightIndent=base.rightIndent + context.right,
                **extra,
            )
        return self._derived[key]

    def table(self, table: Table, context: Context) -> Flowable:
        """A table in the body's (or a note's) type; its cells' notes ride with their rows."""
        base = self.styles.note if context.in_note else self.styles.body
        inside = Context(base, in_note=context.in_note)

        def cell(blocks: tuple[Block, ...], style: ParagraphStyle) -> list[Flowable]:
            return self.blocks(blocks, replace(inside, style=style))

        return table_flowable(table, base, self.cell_styles, cell)

    def appendix(self, appendix: Appendix) -> list[Flowable]:
        heading = self.paragraph(appendix.heading, Context(self.styles.appendix_heading))
        heading.outline = self.outline(plain_text(appendix.heading), 0)
        intro = self.blocks(appendix.intro, Context(self.styles.body))
        style = ColumnStyle.of(self.styles.typography.appendix, self.styles.family)
        columns = SignatoryColumns(source_items(appendix.groups), appendix.columns, style)
        return [PageBreakIfNotEmpty(), heading, *intro, columns]
