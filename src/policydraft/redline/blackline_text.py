"""A version's letter as the blackline reads it: passages of words, and the footnotes.

The document tree is read once into ``Passage``s, one per paragraph the letter prints (a
heading, a paragraph, a list item, a line of the signature block; a table is one, a row a
line), each a tuple of ``Word``s: a word, a space or a punctuation mark with its italic and
bold, or a footnote's mark. A footnote's own text is a passage of ``Version.notes``,
numbered in reading order as the writers number them. The signatory appendix is one
passage, its heading: the blackline summarises the list, it does not print it
(docs/reviewing.md).

The passages are not aligned here: ``compared`` gives a version as ``redline.compare``
reads one (a block per passage, a note's mark as the sources the note cites), and
``compare.compare_versions`` aligns the two, as it aligns the DOCX's paragraphs: sections by
heading, moves, blocks, words, notes by what they cite. ``marked_words`` turns a block's
word edits back into marked words.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Code,
    Document,
    Emph,
    ExhibitRef,
    Exhibits,
    Figure,
    Heading,
    Inline,
    Letterhead,
    LetterPart,
    LineBreak,
    Link,
    Note,
    OrderedList,
    Para,
    SignatureBlock,
    Strong,
    Table,
    Text,
    caption_text,
)
from policydraft.model.heading_numbers import heading_label
from policydraft.redline import compare
from policydraft.redline.compare import NoteRef, WordEdit, words

NEWLINE = "\n"

KINDS = {"heading": "Heading1", "appendix": "AppendixHeading", "table": compare.TABLE}
"""Passage kinds the comparison knows by the DOCX's names: those that open a section
(``compare.HEADS``), and a table, compared whole as the DOCX compares it."""


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a passage; ``note`` is a footnote mark's number (its ``text`` empty)
    and ``cites`` the sources its note cites."""

    text: str
    italic: bool = False
    bold: bool = False
    note: int = 0
    cites: tuple[str, ...] = ()

    @property
    def token(self) -> Hashable:
        """What comparing sees: the text, or a note's mark as the sources its note cites
        (``compare.NoteRef``), so a note added earlier, which renumbers the later ones, does
        not change their marks."""
        return NoteRef(self.cites) if self.note else self.text


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph as printed: its kind (its style), a label ("I.", a bullet), its words."""

    kind: str
    words: tuple[Word, ...]
    label: str = ""

    @property
    def text(self) -> str:
        return "".join(word.text for word in self.words)


@dataclass(frozen=True)
class Version:
    """A version's passages in reading order, and its footnotes (number = index + 1)."""

    passages: tuple[Passage, ...]
    notes: tuple[Passage, ...]


@dataclass
class _Reader:
    passages: list[Passage] = field(default_factory=list)
    notes: list[Passage] = field(default_factory=list)

    def blocks(self, blocks: Sequence[Block], kind: str, label: str = "") -> None:
        for block in blocks:
            self.block(block, kind, label)
            label = ""  # a list item's bullet goes on its first paragraph only

    def block(self, block: Block, kind: str, label: str) -> None:
        match block:
            case Para(inlines):
                self.add(kind, inlines, label)
            case Heading(level, inlines, number):
                mark = heading_label(number) if number is not None and level == 1 else ""
                self.add("heading" if level == 1 else "subheading", inlines, mark)
            case BulletList(items):
                for item in items:
                    self.blocks(item, "item", "\u2022")
            case OrderedList(items, start):
                for number, item in enumerate(items, start):
                    self.blocks(item, "item", f"{number}.")
            case BlockQuote(inner):
                self.blocks(inner, "quote")
            case LetterPart(role, inner):
                self.blocks(inner, role)
            case Table():
                words: list[Word] = []
                for row in block.rows:
                    if words:
                        words.append(Word(NEWLINE))
                    for index, cell in enumerate(row):
                        if index:
                            words.append(Word(" | "))
                        for inner_block in cell:
                            if isinstance(inner_block, Para):
                                words += self.words(inner_block.inlines)
                self.passages.append(Passage("table", tuple(words)))
            case Figure():
                number = sum(1 for p in self.passages if p.kind == "figure") + 1
                self.lines("figure", [caption_text(number, block.caption)])
            case SignatureBlock(signers, _, firm):
                for signer in signers:
                    self.lines("signature", [signer.name, *signer.lines])
                self.lines("signature", list(firm))
            case Letterhead(lines):
                self.lines("letterhead", list(lines))
            case Exhibits(exhibits, heading):
                self.lines("heading", [heading])
                self.lines("item", [exhibit.heading for exhibit in exhibits])
            case Appendix(heading):
                self.add("appendix", heading)
            case _:  # page breaks, and the tables of contents and authorities (generated)
                pass

    def add(self, kind: str, inlines: tuple[Inline, ...], label: str = "") -> None:
        self.passages.append(Passage(kind, tuple(self.words(inlines)), label))

    def lines(self, kind: str, lines: list[str]) -> None:
        for line in lines:
            if line:
                self.passages.append(Passage(kind, tuple(_tokens(line, False, False))))

    def words(
        self, inlines: tuple[Inline, ...], italic: bool = False, bold: bool = False
    ) -> list[Word]:
        found: list[Word] = []
        for inline in inlines:
            match inline:
                case Text(text) | Code(text):
                    found += _tokens(text, italic, bold)
                case Emph(children):
                    found += self.words(children, not italic, bold)
                case Strong(children):
                    found += self.words(children, italic, True)
                case Link(children):
                    found += self.words(children, italic, bold)
                case ExhibitRef():
                    found += _tokens(inline.text, italic, bold)
                case LineBreak():
                    found.append(Word(NEWLINE))
                case Note():
                    found.append(Word("", note=self.note(inline.blocks), cites=inline.cites))
                case _:  # a Cite: resolved into a Note before any version is compared
                    pass
        return found

    def note(self, blocks: tuple[Block, ...]) -> int:
        """Read a footnote's text into ``notes`` (its paragraphs joined by line breaks)."""
        self.notes.append(Passage("note", ()))  # its place, so notes inside keep the order
        number = len(self.notes)
        words: list[Word] = []
        for block in blocks:
            if words:
                words.append(Word(NEWLINE))
            inlines = getattr(block, "inlines", None)
            if isinstance(block, Para | Heading) and inlines is not None:
                words += self.words(inlines)
            else:
                inner = _Reader(notes=self.notes)
                inner.block(block, "note", "")
                for passage in inner.passages:
                    words += [*passage.words, Word(NEWLINE)]
        self.notes[number - 1] = Passage("note", tuple(words))
        return number


def _tokens(text: str, italic: bool, bold: bool) -> list[Word]:
    return [Word(token, italic, bold) for token in words(text)]


def read_version(document: Document) -> Version:
    """The document's passages and notes, in reading order."""
    reader = _Reader()
    reader.blocks(document.blocks, "para")
    return Version(tuple(reader.passages), tuple(reader.notes))


def compared(version: Version) -> compare.Version:
    """The version as ``compare`` reads one: a block per passage, a note's one block (its
    paragraphs joined) by its number."""
    return compare.Version(
        tuple(_block(passage) for passage in version.passages),
        {number: (_block(note),) for number, note in enumerate(version.notes, start=1)},
    )


def _block(passage: Passage) -> compare.Block:
    return compare.Block(
        KINDS.get(passage.kind, passage.kind),
        tuple(word.token for word in passage.words),
        tuple((word.italic, word.bold) for word in passage.words),
        tuple(word.note for word in passage.words if word.note),
    )


def marked_words(
    old: Passage, new: Passage, edits: Sequence[WordEdit], same: str = "same"
) -> list[tuple[str, Word]]:
    """An edited passage's words, each tagged ``same`` (NEW's words kept), "ins" or "del",
    in reading order (a deletion before the insertion that replaces it)."""
    marked: list[tuple[str, Word]] = []
    for edit in edits:
        if edit.tag == "equal":
            marked += [(same, new.words[j]) for j in edit.new]
            continue
        marked += [("del", old.words[i]) for i in edit.old]
        marked += [("ins", new.words[j]) for j in edit.new]
    return marked
