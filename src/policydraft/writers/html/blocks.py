"""Blocks -> HTML: paragraphs, headings with their printed numbers, lists, quotes, parts.

Argument headings are ``<h2>`` (sub-headings ``<h3>``) under the page's one ``<h1>``, the
letter's title; each carries the label the PDF prints ("I. ") and an id the contents link to.
A letter part (date, addressee, "Re:" line, closing ...) is a ``<div>`` named by its role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policydraft.model import (
    AUTHORITY_GROUPS,
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
    SignatureBlock,
    Table,
    TableOfAuthorities,
    TableOfContents,
    exhibit_anchor,
    inner_blocks,
    plain_text,
)
from policydraft.model.heading_numbers import NUMBERED_LEVEL, heading_label
from policydraft.typography import LETTER, figure_area

from .figures import figure_html
from .inlines import inlines_html, text
from .marks import JoinedAfter
from .notes import Notes
from .signatories import signatories_html
from .signature import letterhead_html, signature_html
from .tables import table_html


@dataclass(frozen=True)
class Contents:
    """One entry of the page's contents: a heading's id and its text as printed."""

    target: str
    title: str


@dataclass
class PageBody:
    """Walks the letter once, numbering notes and headings as they are printed."""

    joined_after: JoinedAfter | None = None
    notes: Notes = field(default_factory=Notes)
    contents: list[Contents] = field(default_factory=list)
    figures: int = 0  # figures numbered so far, in document order

    def blocks(self, blocks: tuple[Block, ...], in_note: bool = False) -> str:
        """The blocks as HTML, one per line."""
        return "".join([self.block(block, in_note) for block in blocks])

    def block(self, block: Block, in_note: bool) -> str:
        match block:
            case Para(inlines):
                return f"<p>{self.inlines(inlines, in_note)}</p>\n"
            case Heading():
                return self.heading(block, in_note)
            case BulletList(items):
                return f"<ul>\n{self.items(items, in_note)}</ul>\n"
            case OrderedList(items, start):
                first = "" if start == 1 else f' start="{start}"'
                return f"<ol{first}>\n{self.items(items, in_note)}</ol>\n"
            case BlockQuote():
                return f"<blockquote>\n{self.blocks(inner_blocks(block), in_note)}</blockquote>\n"
            case PageBreak():
                return ""
            case LetterPart(role):
                inner = self.blocks(inner_blocks(block), in_note)
                return f'<div class="pd-{role}">\n{inner}</div>\n'
            case Appendix():
                return self.appendix(block)
            case TableOfContents(title, entries):  # a page has no page numbers: the entries
                lines = "".join(f"<li>{text(entry.text)}</li>\n" for entry in entries)
                return f'<nav class="pd-toc">\n<p>{text(title)}</p>\n<ul>\n{lines}</ul>\n</nav>\n'
            case TableOfAuthorities():  # no pages: each links to its first citing note
                return authorities_html(block)
            case SignatureBlock():
                return signature_html(block)
            case Letterhead():
                return letterhead_html(block)
            case Exhibits():
                return self.exhibits(block)
            case Table():  # a lone paragraph in a cell is printed as its text, without <p>
                return table_html(block, lambda cell: self.cell(cell, in_note))
            case Figure():  # writers/html/figures.py, at the letter's size in print
                self.figures += 1
                return figure_html(block, self.figures, figure_area(LETTER))

    def cell(self, blocks: tuple[Block, ...], in_note: bool) -> str:
        if len(blocks) == 1 and isinstance(blocks[0], Para):
            return self.inlines(blocks[0].inlines, in_note)
        return self.blocks(blocks, in_note)

    def inlines(self, inlines: tuple[Inline, ...], in_note: bool) -> str:
        if in_note:  # a note inside a note has no number of its own: left out
            return inlines_html(inlines, lambda _: "")
        return inlines_html(inlines, lambda note: self.notes.mark(note, self.blocks))

    def heading(self, heading: Heading, in_note: bool) -> str:
        tag = "h2" if heading.level <= 1 else "h3"
        label = ""
        if heading.number is not None and heading.level == NUMBERED_LEVEL:
            label = heading_label(heading.number) + " "
        target = f"part-{len(self.contents) + 1}"
        title = label + " ".join(plain_text(heading.inlines).split())
        self.contents.append(Contents(target, title))
        body = self.inlines(heading.inlines, in_note)
        return f'<{tag} id="{target}">{text(label)}{body}</{tag}>\n'

    def items(self, items: tuple[tuple[Block, ...], ...], in_note: bool) -> str:
        return "".join([f"<li>{self.blocks(item, in_note)}</li>\n" for item in items])

    def exhibits(self, block: Exhibits) -> str:
        """The exhibits listed by title (the PDF carries their pages), each a link target."""
        self.contents.append(Contents("exhibits", block.heading))
        items = "".join(
            f'<li id="{exhibit_anchor(exhibit.label)}">{text(exhibit.heading)}</li>\n'
            for exhibit in block.exhibits
        )
        heading = f"<h2>{text(block.heading)}</h2>"
        return f'<section id="exhibits">\n{heading}\n<ul>\n{items}</ul>\n</section>\n'

    def appendix(self, appendix: Appendix) -> str:
        heading = self.inlines(appendix.heading, False)
        self.contents.append(Contents("signatories", plain_text(appendix.heading)))
        intro = self.blocks(appendix.intro)
        return signatories_html(appendix, heading, intro, self.joined_after)


def authorities_html(table: TableOfAuthorities) -> str:
    """The table of authorities as lists by group, each entry linked to its first note."""
    parts = [f'<nav class="pd-toa">\n<p>{text(table.title)}</p>\n']
    for category, indexes in table.groups():
        parts.append(f"<p>{text(AUTHORITY_GROUPS[category - 1])}</p>\n<ul>\n")
        for index in indexes:
            authority = table.authorities[index]
            entry = text(authority.text)
            if authority.first_note:
                entry = f'<a href="#note-{authority.first_note}">{entry}</a>'
            parts.append(f"<li>{entry}</li>\n")
        parts.append("</ul>\n")
    return "".join(parts) + "</nav>\n"
