"""The document's prose as passages: each paragraph's text as a reader sees it.

The checks that read the prose (typed citations, ``prose`` and ``typed_reporters``; quotations,
``quotes``; pins against local copies, ``pins``) all walk the same paragraphs, footnotes
apart, with the offsets at which the ``Cite`` nodes stood, so that something found in the text
can be reported near the citation written before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

from policydraft.diagnostics import Location
from policydraft.model import (
    Appendix,
    Block,
    Cite,
    Code,
    Heading,
    Inline,
    LetterPart,
    LineBreak,
    Note,
    PageBreak,
    Para,
    Text,
    inner_blocks,
    inner_inlines,
)

Origins = Mapping[Block, Location]


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph's text as a reader sees it, and the offsets its ``Cite``s stood at.

    Footnote text (``Note``) is left out and becomes passages of its own; each ``Cite`` and
    ``Note`` leaves one space, so the words on either side of it stay apart.
    """

    text: str
    cites: tuple[tuple[int, Cite], ...]
    origin: Location | None = None

    def locate(self, offset: int, fallback: Location) -> Location:
        """Where to report something found at ``offset`` of the text (see the module doc).

        The cites are in text order, so the nearest is found by bisection: a paragraph of
        thousands of citations and typed cites would be quadratic if each looked at all.
        """
        cites = self.cites
        split = bisect.bisect_right(cites, offset, key=lambda placed: placed[0])
        nearest = chain(range(split - 1, -1, -1), range(split, len(cites)))  # before, after
        cite = next((cites[i][1] for i in nearest if cites[i][1].line > 0), None)
        if cite is not None:
            return Location(cite.file, cite.line, max(cite.column, 1))
        return self.origin or fallback


def iter_passages(blocks: Iterable[Block], origins: Origins | None = None) -> Iterator[Passage]:
    """Every paragraph of prose: bodies, headings, lists, block quotes and footnotes.

    Letter parts (date, addressee, Re: line) and the signatory appendix are not prose a writer
    cites in, so they are skipped. ``origins`` maps a body's blocks to where the body starts.
    """
    yield from _walk(blocks, origins or {}, None)


def _walk(blocks: Iterable[Block], origins: Origins, origin: Location | None) -> Iterator[Passage]:
    for block in blocks:
        if isinstance(block, Appendix | LetterPart | PageBreak):
            continue
        here = origins.get(block, origin) if origins else origin
        if isinstance(block, Para | Heading):
            yield from _paragraph(block.inlines, origins, here)
        else:  # a list's items, a quote's blocks
            yield from _walk(inner_blocks(block), origins, here)


def _paragraph(
    inlines: tuple[Inline, ...], origins: Origins, origin: Location | None
) -> Iterator[Passage]:
    flat = Flattened()
    flat.add(inlines)
    yield Passage(flat.text, tuple(flat.cites), origin)
    for note in flat.notes:
        yield from _walk(note.blocks, origins, origin)


@dataclass
class Flattened:
    """A paragraph's inlines as one string; quotations and citations span inline nodes."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    cites: list[tuple[int, Cite]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, inlines: Iterable[Inline]) -> None:
        for inline in inlines:
            match inline:
                case Text(text) | Code(text):
                    self._append(text)
                case LineBreak():
                    self._append("\n")
                case Cite():
                    self.cites.append((self.length, inline))
                    self._append(" ")
                case Note():
                    self.notes.append(inline)
                    self._append(" ")
                case _:  # italics, bold, a link's words
                    self.add(inner_inlines(inline))

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
