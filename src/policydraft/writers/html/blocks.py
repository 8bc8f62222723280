"""Blocks -> HTML: paragraphs, headings with their printed numbers, lists, quotes, parts.

Argument headings are ``<h2>`` (sub-headings ``<h3>``) under the page's one ``<h1>``, the
letter's title; each carries the label the PDF prints ("I. ") and an id the contents link to.
A letter part (date, addressee, "Re:" line, closing ...) is a ``<div>`` named by its role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Heading,
    Inline,
    LetterPart,
    OrderedList,
    PageBreak,
    Para,
    inner_blocks,
    plain_text,
)
from policydraft.model.heading_numbers import NUMBERED_LEVEL, heading_label

from .inlines import inlines_html, text
from .marks import JoinedAfter
from .notes import Notes
from .signatories import signatories_html


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

    def appendix(self, appendix: Appendix) -> str:
        heading = self.inlines(appendix.heading, False)
        self.contents.append(Contents("signatories", plain_text(appendix.heading)))
        intro = self.blocks(appendix.intro)
        return signatories_html(appendix, heading, intro, self.joined_after)
