"""Read a JSON list of objects (a CSL-JSON export) with the line of every item and key.

JSON is YAML 1.2, so ruamel could read it with positions too, but its pure-Python scanner
needs about two seconds for a 1,000-item Zotero export. The standard library's C decoder
checks the whole file first; then a walk over the top two levels, decoding each value with
``raw_decode``, records where every item and key starts. Both steps together take a few
milliseconds for the same file.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any

from policydraft.diagnostics import Location
from policydraft.readers.located import LocatedMapping

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


@dataclass(frozen=True)
class JsonItem:
    """One element of the top-level list: an object as a ``LocatedMapping``, or anything else."""

    value: Any
    where: Location
    mapping: LocatedMapping | None = None
    duplicate_keys: list[tuple[str, Location, Location]] = field(default_factory=list)


class JsonListError(ValueError):
    """The file is not valid JSON, or not a list; carries where and why, for PD500."""

    def __init__(self, message: str, where: Location) -> None:
        super().__init__(message)
        self.where = where


def parse_json_list(text: str, display: str) -> list[JsonItem]:
    """The items of a JSON list in ``text``; raises ``JsonListError`` for anything else."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonListError(f"invalid JSON: {error.msg}", _at(display, error)) from None
    if not isinstance(data, list):
        kind = "an object" if isinstance(data, dict) else "a single value"
        message = f"a CSL-JSON file must be a list of items ([...]), not {kind}"
        raise JsonListError(message, Location(display))
    lines = _LineIndex(text, display)
    position = _skip(text, 0) + 1  # past the opening '['
    items: list[JsonItem] = []
    for _ in data:
        position = _skip(text, position)
        items.append(_item(text, position, lines))
        _, position = _DECODER.raw_decode(text, position)
        position = _skip(text, position) + 1  # past ',' (or the closing ']')
    return items


def _item(text: str, start: int, lines: _LineIndex) -> JsonItem:
    where = lines.location(start)
    if text[start] != "{":
        value, _ = _DECODER.raw_decode(text, start)
        return JsonItem(value, where)
    mapping = LocatedMapping({}, where)
    duplicates: list[tuple[str, Location, Location]] = []
    position = _skip(text, start + 1)
    while text[position] != "}":
        key_at = position
        key, position = _DECODER.raw_decode(text, position)
        position = _skip(text, _skip(text, position) + 1)  # past ':'
        value_at = position
        value, position = _DECODER.raw_decode(text, position)
        if key in mapping.data:  # JSON keeps the last; like the YAML reader, keep the first
            duplicates.append((key, mapping.keys[key], lines.location(key_at)))
        else:
            mapping.data[key] = value
            mapping.keys[key] = lines.location(key_at)
            mapping.values[key] = lines.location(value_at)
        position = _skip(text, position)
        if text[position] == ",":
            position = _skip(text, position + 1)
    return JsonItem(mapping.data, where, mapping, duplicates)


def _skip(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


class _LineIndex:
    """Turns a character offset into a 1-based line and column, by bisecting line starts."""

    def __init__(self, text: str, display: str) -> None:
        self.display = display
        self.starts = [0] + [match.end() for match in re.finditer(r"\n", text)]

    def location(self, offset: int) -> Location:
        line = bisect.bisect_right(self.starts, offset)
        return Location(self.display, line, offset - self.starts[line - 1] + 1)


def _at(display: str, error: json.JSONDecodeError) -> Location:
    return Location(display, error.lineno, error.colno)
