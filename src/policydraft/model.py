"""The document tree: the one shape readers produce and writers consume.

Modelled on pandoc's AST: a small, closed set of frozen block and inline nodes. Writers never
see YAML, CSV or Markdown; readers never know about DOCX or PDF. Footnotes are an inline
``Note`` holding blocks; writers number them in document order, so numbering is never stored.

Letter-specific parts (date, addressee block, Re: line, ...) are a ``LetterPart`` whose
``role`` tells writers which paragraph style to use. The signatory appendix keeps plain strings
rather than inline trees, because it may hold 100,000 entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

# --- inlines -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """Literal text, printed exactly as given (no markup is interpreted)."""

    text: str


@dataclass(frozen=True, slots=True)
class Emph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code; printed in the body font, literally (letters rarely need monospace)."""

    text: str


@dataclass(frozen=True, slots=True)
class Link:
    children: tuple[Inline, ...]
    url: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a paragraph (addressee lines, signature lines)."""


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote. Its number is its position among all notes of the document."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class CiteItem:
    """One authority in a citation: ``see @campbell, 579 (holding that ...)``."""

    key: str
    signal: str = ""  # as written: "see", "cf.", "see also", "but see", "e.g.," ...
    pin: str = ""  # the pin cite: "579", "579-80", "§ 3"
    parenthetical: str = ""  # the explanatory parenthetical, without its parentheses


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation as written in a body; the citation step turns it into a ``Note``.

    Writers never see a Cite. ``file``, ``line`` and ``column`` say where it was written, so
    validation can point at it.
    """

    items: tuple[CiteItem, ...]
    file: str = ""
    line: int = 0
    column: int = 0


Inline: TypeAlias = Text | Emph | Strong | Code | Link | LineBreak | Note | Cite

# --- blocks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Para:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; ``level`` 1 is an argument heading ("I. ..."), 2 a sub-heading."""

    level: int
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True, slots=True)
class OrderedList:
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True, slots=True)
class BlockQuote:
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


PartRole: TypeAlias = Literal[
    "title",  # the document's title line
    "letterhead",  # the commenter's name / organisation at the top
    "date",
    "addressee",  # inside address
    "subject",  # the "Re:" line with the docket
    "salutation",
    "closing",  # "Respectfully submitted,"
    "signature",  # the signature block under the closing
    "statement",  # a required statement (e.g. an agency's dissemination clause)
]
PART_ROLES: tuple[PartRole, ...] = (
    "title",
    "letterhead",
    "date",
    "addressee",
    "subject",
    "salutation",
    "closing",
    "signature",
    "statement",
)


@dataclass(frozen=True, slots=True)
class LetterPart:
    """A part of the letter with its own paragraph style; ``blocks`` are usually ``Para``."""

    role: PartRole
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class SignatoryEntry:
    """One printed signer: the name as they wrote it, and one line of affiliation."""

    name: str
    affiliation: str = ""


@dataclass(frozen=True, slots=True)
class SignatoryGroup:
    """Signers under one heading; ``heading`` is None when the list is not grouped."""

    heading: str | None
    entries: tuple[SignatoryEntry, ...]


@dataclass(frozen=True, slots=True)
class Appendix:
    """The signatory appendix: a heading, introductory blocks (count, note), then columns."""

    heading: tuple[Inline, ...]
    intro: tuple[Block, ...]
    groups: tuple[SignatoryGroup, ...]
    columns: int = 3

    @property
    def count(self) -> int:
        return sum(len(group.entries) for group in self.groups)


Block: TypeAlias = (
    Para | Heading | BulletList | OrderedList | BlockQuote | PageBreak | LetterPart | Appendix
)

# --- the document --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Metadata:
    """What goes into the files' properties (PDF Info, DOCX core properties)."""

    title: str
    author: str
    subject: str = ""
    date: dt.date = field(default_factory=lambda: dt.date(2000, 1, 1))
    language: str = "en-US"


@dataclass(frozen=True, slots=True)
class Document:
    metadata: Metadata
    blocks: tuple[Block, ...]


def walk_inlines(blocks: Iterable[Block], *, into_notes: bool = True) -> Iterator[Inline]:
    """Every inline in document order, each container before its children.

    The one traversal of the tree that checks and steps share; ``into_notes`` says whether a
    Note's own blocks are walked (they are part of the text, but not of the note order).
    """
    for block in blocks:
        match block:
            case Para(inlines) | Heading(_, inlines):
                yield from _walk(inlines, into_notes)
            case BulletList(items) | OrderedList(items, _):
                for item in items:
                    yield from walk_inlines(item, into_notes=into_notes)
            case BlockQuote(children) | LetterPart(_, children):
                yield from walk_inlines(children, into_notes=into_notes)
            case Appendix(heading, intro, _, _):
                yield from _walk(heading, into_notes)
                yield from walk_inlines(intro, into_notes=into_notes)
            case PageBreak():
                pass


def _walk(inlines: tuple[Inline, ...], into_notes: bool) -> Iterator[Inline]:
    for inline in inlines:
        yield inline
        match inline:
            case Emph(children) | Strong(children) | Link(children, _):
                yield from _walk(children, into_notes)
            case Note(blocks) if into_notes:
                yield from walk_inlines(blocks)
            case _:
                pass


def iter_notes(blocks: tuple[Block, ...]) -> Iterator[Note]:
    """Every Note in document order (the order writers number them in)."""
    for inline in walk_inlines(blocks, into_notes=False):
        if isinstance(inline, Note):
            yield inline


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The inlines' text without notes: for bookmarks, metadata and comparisons."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case Text(text) | Code(text):
                parts.append(text)
            case Emph(children) | Strong(children) | Link(children, _):
                parts.append(plain_text(children))
            case LineBreak():
                parts.append("\n")
            case Note():
                pass
    return "".join(parts)


def merge_text(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """Join adjacent Text nodes and drop empty ones, so equal text gives equal trees."""
    merged: list[Inline] = []
    run: list[str] = []  # joined once per run: pairwise joining copies a long run n times
    for inline in inlines:
        if isinstance(inline, Text):
            if inline.text:
                run.append(inline.text)
            continue
        if run:
            merged.append(Text("".join(run)))
            run = []
        merged.append(inline)
    if run:
        merged.append(Text("".join(run)))
    return tuple(merged)
