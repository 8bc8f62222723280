"""The tree's nodes: a small, closed set of frozen blocks and inlines (see the package doc)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from policydraft.model.authorities import TableOfAuthorities
from policydraft.model.contents import TableOfContents
from policydraft.model.exhibits import ExhibitRef, Exhibits
from policydraft.model.figure import Figure
from policydraft.model.signature import Letterhead, SignatureBlock

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
    """A footnote. Its number is its position among all notes of the document.

    ``cites`` names the sources its citations cite, in order (set by the citation step,
    never printed): the table of authorities reads a note's page as theirs.
    """

    blocks: tuple[Block, ...]
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CiteItem:
    """One authority in a citation: ``see @campbell, 579 (holding that ...)``."""

    key: str
    signal: str = ""  # as written: "see", "cf.", "see also", "but see", "e.g.," ...
    pin: str = ""  # the pin cite: "579", "579-80", "§ 3"
    parenthetical: str = ""  # the explanatory parenthetical, without its parentheses
    suppress_author: bool = False  # "[-@key]": the name is in the sentence, not the citation


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
    in_text: bool = False  # "@key [pin]": the name prints in the sentence, the citation in a note


Inline: TypeAlias = (
    Text | Emph | Strong | Code | Link | LineBreak | Note | Cite | ExhibitRef  # model/exhibits.py
)

# --- blocks --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Para:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; ``level`` 1 is an argument heading ("I. ..."), 2 a sub-heading.

    ``number`` is an argument's place in the letter's outline (1 prints "I."), kept out of
    ``inlines`` so the DOCX can number it with Word numbering and the PDF print the same
    label (``model.heading_numbers``); None for a heading without a number ("Conclusion").
    """

    level: int
    inlines: tuple[Inline, ...]
    number: int | None = None


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


ColumnAlignment: TypeAlias = Literal["default", "left", "center", "right"]
"""A table column's alignment, from its Markdown delimiter: ``---``, ``:---``, ``:---:``,
``---:``; "default" is the text's own (left in a left-to-right letter)."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table of data (a Markdown pipe table), printed as a real table in every format.

    ``cells`` holds every cell row by row, the ``header_rows`` header rows first (repeated on
    each page a table runs over); each cell holds blocks (one ``Para`` from Markdown, none
    when empty), so every pass walks into cells as into a list's items. ``alignments`` has
    one entry per column.
    """

    cells: tuple[tuple[Block, ...], ...]
    alignments: tuple[ColumnAlignment, ...]
    header_rows: int = 1

    def __post_init__(self) -> None:
        width = len(self.alignments)
        if not width or len(self.cells) % width or self.header_rows * width > len(self.cells):
            raise ValueError("a table needs whole rows of len(alignments) cells")

    @property
    def columns(self) -> int:
        return len(self.alignments)

    @property
    def rows(self) -> tuple[tuple[tuple[Block, ...], ...], ...]:
        """The cells row by row, header rows first."""
        width = self.columns
        return tuple(self.cells[at : at + width] for at in range(0, len(self.cells), width))


Block: TypeAlias = (
    Para
    | Heading
    | BulletList
    | OrderedList
    | BlockQuote
    | PageBreak
    | LetterPart
    | Appendix
    | Table  # a table of data; its cells hold blocks
    | Figure  # model/figure.py: an image with its caption, holding no other node
    | TableOfContents  # model/contents.py: the headings that follow, as entries
    | TableOfAuthorities  # model/authorities.py: the cited sources, holding no other node
    | Exhibits  # model/exhibits.py: the files behind the letter, holding no other node
    | SignatureBlock  # model/signature.py: signers under the closing, plain strings
    | Letterhead  # model/signature.py: the first page's top, plain strings and a logo
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


Node: TypeAlias = Block | Inline
