"""The bibliography as it will be cited: for ``policydraft sources list``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.format import CitationFormatter
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Cite, iter_nodes, plain_text


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
    for node in iter_nodes(blocks):
        if isinstance(node, Cite):
            yield node
