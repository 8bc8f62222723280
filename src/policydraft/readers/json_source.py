"""Read a JSON list of objects (a CSL-JSON export) with the line of every item and key.

JSON is YAML 1.2, so ruamel could read it with positions too, but its pure-Python scanner
needs about two seconds for a 1,000-item Zotero export. The standard library's C decoder
checks the whole file first; then a walk over the top two levels, decoding each value with
``raw_decode``, records where every item and key starts. Both steps together take a few
milliseconds for the same file.

Hostile files are refused with their line before anything recurses or converts: nesting
deeper than ``limits.NESTING`` (the C decoder recurses, and ``[[[[...]]]]`` 10,000 deep was a
RecursionError) is found by a scan of the brackets outside strings; a number longer than
``limits.NUMBER_DIGITS`` (Python refuses to convert 4,300 digits) by the decoder's number
hooks; a control character written as an escape (``"\u0000"``) by a walk of the values.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from policydraft.diagnostics import Location
from policydraft.limits import NESTING, NUMBER_DIGITS
from policydraft.readers.bounded import forbidden_character
from policydraft.readers.located import LocatedMapping
from policydraft.readers.yaml_bounds import CODES

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_STRUCTURE = re.compile(r'(?P<open>[\[{])|(?P<close>[\]}])|"[^"\\]*(?:\\.[^"\\]*)*"')


@dataclass(frozen=True)
class JsonItem:
    """One element of the top-level list: an object as a ``LocatedMapping``, or anything else."""

    value: Any
    where: Location
    mapping: LocatedMapping | None = None
    duplicate_keys: list[tuple[str, Location, Location]] = field(default_factory=list)


class JsonListError(ValueError):
    """The file is not valid JSON, or not a list; carries where and why.

    ``code`` is PD500 for a file that is not a JSON list, or the YAML reader's code for the
    same refusal of heavy input (PD110 nesting, PD111 number, PD112 control character),
    which the bibliography reader maps onto its own, as it does for sources.yaml.
    """

    def __init__(self, message: str, where: Location, code: str = "PD500") -> None:
        super().__init__(message)
        self.where = where
        self.code = code


class _LongNumber(ValueError):
    def __init__(self, written: str) -> None:
        super().__init__(written)
        self.written = written


def parse_json_list(text: str, display: str) -> list[JsonItem]:
    """The items of a JSON list in ``text``; raises ``JsonListError`` for anything else."""
    lines = _LineIndex(text, display)
    _check_nesting(text, lines)
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise JsonListError(f"invalid JSON: {error.msg}", _at(display, error)) from None
    except _LongNumber as error:
        raise _number_error(text, error.written, lines) from None
    _check_characters(data, text, lines)
    if not isinstance(data, list):
        kind = "an object" if isinstance(data, dict) else "a single value"
        message = f"a CSL-JSON file must be a list of items ([...]), not {kind}"
        raise JsonListError(message, Location(display))
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


def _check_nesting(text: str, lines: _LineIndex) -> None:
    """Refuse arrays and objects nested deeper than the limit, at the bracket that goes deeper.

    One regular-expression pass over brackets and whole strings (a bracket inside a string
    does not count), so the check costs milliseconds where the decoder would recurse.
    """
    depth = 0
    for match in _STRUCTURE.finditer(text):
        if match.lastgroup == "open":
            depth += 1
            if depth > NESTING.value:
                message = f"the JSON is nested more than {NESTING.value} levels deep here"
                raise JsonListError(message, lines.location(match.start()), CODES["nesting"])
        elif match.lastgroup == "close":
            depth -= 1


def _int(written: str) -> int:
    if len(written.lstrip("-")) > NUMBER_DIGITS.value:
        raise _LongNumber(written)
    return int(written)


def _float(written: str) -> float:
    if sum(character.isdigit() for character in written) > NUMBER_DIGITS.value:
        raise _LongNumber(written)
    value = float(written)
    if not math.isfinite(value):  # 1e999: no year or page is infinite
        raise _LongNumber(written)
    return value


def _constant(written: str) -> float:
    """``NaN`` and ``Infinity``, which Python's JSON reader accepts and JSON does not."""
    raise _LongNumber(written)


def _number_error(text: str, written: str, lines: _LineIndex) -> JsonListError:
    digits = sum(character.isdigit() for character in written)
    message = (
        f"a number of {digits:,} digits (the limit is {NUMBER_DIGITS.value}); no volume, page "
        "or year is that long: write it as a string if it is meant as text"
    )
    if digits <= NUMBER_DIGITS.value:
        message = f"'{written[:20]}' is not a finite number; write a year, volume or page"
    return JsonListError(message, lines.location(max(text.find(written), 0)), CODES["number"])


def _check_characters(data: Any, text: str, lines: _LineIndex) -> None:
    """Refuse a string holding a control character, which JSON can only hold as an escape.

    The walk finds the character; its place is where that escape is first written.
    """
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            found = forbidden_character(value)
            if found is not None:
                codepoint = ord(value[found[0]])
                message = f"a string contains the {_named(found[1])}; remove it"
                where = lines.location(_written_at(text, codepoint))
                raise JsonListError(message, where, CODES["control"])


def _named(character: str) -> str:
    """``control character U+0000``, or the bidirectional control's own description."""
    return character if character.startswith("bidirectional") else f"control character {character}"


def _written_at(text: str, codepoint: int) -> int:
    """Where a character is first written: raw, as ``\\uXXXX``, or as ``\\b`` or ``\\f``."""
    raw = text.find(chr(codepoint))
    if raw >= 0:
        return raw
    escape = re.search(rf"\\u{codepoint:04x}", text, re.IGNORECASE)
    if escape is not None:
        return escape.start()
    short = {8: "\\b", 12: "\\f"}.get(codepoint)
    return max(text.find(short), 0) if short else 0


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
