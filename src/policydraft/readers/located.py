"""One bibliography entry as read from a file, before validation: its fields and their lines.

sources.yaml (through ruamel) and sources.json (through the JSON reader, then the CSL
mapping) both produce ``LocatedMapping``s, so validating an entry and pointing a diagnostic
at the offending field's line is the same code whatever the file format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from policydraft.diagnostics import Location
from policydraft.readers.yaml_source import Segment


@dataclass(frozen=True)
class LocatedMapping:
    """A flat mapping with where it starts and where each of its keys and values was written.

    It is a ``Locator`` for ``report_schema_errors``: paths are relative to the mapping, and
    anything it has no position for falls back to the mapping's own first line.
    """

    data: dict[str, Any]
    where: Location
    keys: dict[str, Location] = field(default_factory=dict)
    values: dict[str, Location] = field(default_factory=dict)

    def key_location(self, path: Sequence[Segment]) -> Location:
        if not path:
            return self.where
        return self.keys.get(str(path[0]), self.where)

    def value_location(self, path: Sequence[Segment]) -> Location:
        if not path:
            return self.where
        return self.values.get(str(path[0]), self.key_location(path))
