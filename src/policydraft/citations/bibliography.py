"""The bibliography as the citation stages share it: each source with where it was written."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from policydraft.citations.source import Source
from policydraft.diagnostics import Location


@dataclass(frozen=True, slots=True)
class LocatedSource:
    source: Source
    where: Location  # the entry's first line (its "- id:" item) in sources.yaml / sources.json
    # Where each field's value was written (for a CSL item: the CSL key it came from), so a
    # rule about one field points at that field's line rather than the entry's.
    fields: Mapping[str, Location] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.source.id

    def at(self, name: str) -> Location:
        """Where field ``name`` was written, or the entry's first line if it was not."""
        return self.fields.get(name, self.where)


@dataclass(frozen=True)
class Bibliography(Mapping[str, LocatedSource]):
    """Sources by id, in the order they were written. Duplicates are diagnosed when loading."""

    entries: dict[str, LocatedSource] = field(default_factory=dict)
    file: str = ""  # the bibliography file as shown in diagnostics ("" when there is none)
    # Ids of entries that were written but could not be loaded (already diagnosed): a
    # citation of one of them should not add "not in the bibliography" (PD501) on top.
    invalid: frozenset[str] = frozenset()

    def __getitem__(self, key: str) -> LocatedSource:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)
