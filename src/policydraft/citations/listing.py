"""The bibliography as it will be cited: for ``policydraft sources list``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.format import CitationFormatter
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Cite,
    Emph,
    Heading,
    Inline,
    LetterPart,
    Link,
    Note,
    OrderedList,
    Para,
    Strong,
    plain_text,
)


@dataclass(frozen=True)
class SourceListing:
    id: str
    type: str
    full: str
    short: str
    where: Location
    cited_at: tuple[Location, ...]


def list_sources(
    bibliography: Bibliography, cites: Iterable[Cite], folder: Path, diags: Diagnostics
) -> list[SourceListing]:
    """Every source in bibliography order, formatted in full and short form, with its cites."""
    cited_at: dict[str, list[Location]] = {}
    for cite in cites:
        for item in cite.items:
            cited_at.setdefault(item.key, []).append(Location(cite.file, cite.line, cite.column))
    formatter = CitationFormatter(diags, folder)
    return [
        SourceListing(
            id=key,
            type=entry.source.type,
            full=plain_text(formatter.format(entry.source, "full")),
            short=plain_text(formatter.format(entry.source, "short")),
            where=entry.where,
            cited_at=tuple(cited_at.get(key, ())),
        )
        for key, entry in bibliography.items()
    ]


def collect_cites(blocks: Iterable[Block]) -> Iterator[Cite]:
    """Every Cite as written, in document order (notes included)."""
    for block in blocks:
        match block:
            case Para(inlines) | Heading(_, inlines):
                yield from _inline_cites(inlines)
            case BulletList(items) | OrderedList(items, _):
                for item in items:
                    yield from collect_cites(item)
            case BlockQuote(children) | LetterPart(_, children):
                yield from collect_cites(children)
            case Appendix(heading, intro, _, _):
                yield from _inline_cites(heading)
                yield from collect_cites(intro)
            case _:
                pass


def _inline_cites(inlines: Iterable[Inline]) -> Iterator[Cite]:
    for inline in inlines:
        match inline:
            case Cite():
                yield inline
            case Emph(children) | Strong(children) | Link(children, _):
                yield from _inline_cites(children)
            case Note(blocks):
                yield from collect_cites(blocks)
            case _:
                pass
