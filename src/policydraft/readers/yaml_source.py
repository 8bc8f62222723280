"""Parse a YAML file with ruamel.yaml and remember where every key and value was written.

ruamel's round-trip loader records line and column of keys, values and list items, which is
what lets every later diagnostic say ``policydraft.yaml:12:5``. Syntax errors and duplicate
keys become diagnostics here instead of tracebacks, and so do files that are too heavy to
load (yaml_bounds.py): too large, alias bombs, deep nesting, numbers too long for Python's
int conversion and control characters written as escapes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from policydraft.diagnostics import Diagnostics, Location
from policydraft.limits import YAML_BYTES
from policydraft.readers.bounded import TooLarge, read_bounded
from policydraft.readers.yaml_bounds import BoundedComposer, Refused

Segment = str | int
"""One step of a path into the YAML data: a mapping key or a 0-based list index."""

_MERGE_TAG = "tag:yaml.org,2002:merge"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# ruamel's wording for the mistakes people make most often, with the fix they need.
_HINTS = {
    "mapping values are not allowed here": "a value containing ': ' must be quoted",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "could not find expected ':'": "a key needs a ':' after it, or the line is mis-indented",
    "found undefined alias": "an '*' at the start of a value must be quoted",
    "expected <block end>": "check this line's indentation",
    "but found another document": "the file must hold one document; remove the extra '---'",
}


@dataclass(frozen=True)
class YamlDocument:
    """A loaded YAML file: its round-trip data, its lines and its name as users see it."""

    file: str
    data: Any
    lines: tuple[str, ...]

    def value_location(self, path: Sequence[Segment]) -> Location:
        """Where the value at ``path`` starts, or the nearest existing parent's."""
        return self._locate(path, key=False)

    def key_location(self, path: Sequence[Segment]) -> Location:
        """Where the key of ``path`` is written (the list item for an index path)."""
        return self._locate(path, key=True)

    def body_origin(self, path: Sequence[Segment], text: str) -> Location:
        """The location of the first character of ``text``, the string value at ``path``.

        For a ``|`` or ``>`` block scalar that is the line after the key, at the block's
        indentation; for a quoted scalar one column after the quote.
        """
        where = self.value_location(path)
        line = self.lines[where.line - 1] if where.line <= len(self.lines) else ""
        indicator = line[where.column - 1 : where.column]
        if indicator in ("|", ">"):
            return Location(self.file, where.line + 1, self._block_column(where.line, text))
        if indicator in ('"', "'"):
            return Location(self.file, where.line, where.column + 1)
        return where

    def _block_column(self, indicator_line: int, text: str) -> int:
        """The column a block scalar's content starts at.

        Found by matching the first non-blank content line against the file, which also
        handles explicit indentation indicators (``|2``); a folded (``>``) block falls back
        to the indentation of its first line.
        """
        following = self.lines[indicator_line:]
        for offset, content in enumerate(text.split("\n")[: len(following)]):
            if not content.strip():
                continue
            written = following[offset]
            if written.endswith(content):
                return len(written) - len(content) + 1
            return len(written) - len(written.lstrip(" ")) + 1
        return 1

    def _locate(self, path: Sequence[Segment], *, key: bool) -> Location:
        node: Any = self.data
        line, column = _own_position(node)
        for index, segment in enumerate(path):
            last = index == len(path) - 1
            if isinstance(node, CommentedMap):
                found = find_key(node, segment)
                if found is MISSING:
                    break
                use_key = (key and last) or node[found] is None
                line, column = node.lc.key(found) if use_key else node.lc.value(found)
                node = node[found]
            elif isinstance(node, CommentedSeq) and _is_index(segment, node):
                line, column = node.lc.item(segment)
                node = node[segment]
            else:
                break
        return Location(self.file, line + 1, column + 1)


MISSING = object()
"""What ``find_key`` returns for a segment the mapping lacks."""


def find_key(mapping: Mapping[Any, Any], segment: Segment) -> Any:
    """The key of ``mapping`` that ``segment`` names; pydantic turns keys like 1 into '1'."""
    if segment in mapping:
        return segment
    for candidate in mapping:
        if str(candidate) == str(segment):
            return candidate
    return MISSING


def _is_index(segment: Segment, seq: Sequence[Any]) -> bool:
    return isinstance(segment, int) and 0 <= segment < len(seq)


def _own_position(node: Any) -> tuple[int, int]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return node.lc.line, node.lc.col
    return 0, 0


def parse_yaml(path: Path, display: str, diags: Diagnostics) -> YamlDocument | None:
    """Read and parse ``path``; on a syntax or encoding error report PD101 and return None.

    Duplicate keys are reported (PD107) but do not stop loading: the first value is kept, so
    the rest of the file can still be checked and every problem reported at once.
    """
    text = _read_text(path, display, diags)
    if text is None:
        return None
    try:
        loader = _yaml()
        loader.allow_duplicate_keys = True
        data = loader.load(text)
        duplicates: list[tuple[Any, Any, str]] = loader.constructor.duplicate_keys
    except YAMLError as error:
        diags.error("PD101", _syntax_message(error), _error_location(error, text, display))
        return None
    except Refused as refused:
        where = Location(display, refused.mark.line + 1, refused.mark.column + 1)
        diags.error(refused.code, refused.message, where)
        return None
    for first, again, name in duplicates:
        where = Location(display, again.line + 1, again.column + 1)
        message = f"duplicate key '{name}' (first given at line {first.line + 1})"
        diags.error("PD107", message, where)
    return YamlDocument(display, data, tuple(_LINE_BREAK.split(text)))


class _LenientDates(RoundTripConstructor):
    """Round-trip constructor that leaves an impossible date (2025-02-30) as its text.

    ruamel raises a bare ValueError for those; as text, the schema check reports it at the
    value's line like any other bad date. It also finds duplicate keys in the composed tree
    before building the data (which keeps only the first), so a file is parsed once: the
    pure-Python scanner is most of the cost (about 0.7 s for a 1,000-entry bibliography).
    """

    duplicate_keys: list[tuple[Any, Any, str]] = []  # noqa: RUF012 - replaced per document

    def construct_document(self, node: Any) -> Any:
        self.duplicate_keys = _duplicate_keys(node)
        return super().construct_document(node)

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return str(node.value)


_LenientDates.add_constructor("tag:yaml.org,2002:timestamp", _LenientDates.construct_yaml_timestamp)


def _yaml() -> YAML:
    loader = YAML(typ="rt")
    loader.Constructor = _LenientDates
    loader.Composer = BoundedComposer
    return loader


def _read_text(path: Path, display: str, diags: Diagnostics) -> str | None:
    try:
        raw = read_bounded(path, YAML_BYTES)
    except OSError as error:
        diags.error("PD100", f"cannot read the file: {error.strerror}", Location(display))
        return None
    if isinstance(raw, TooLarge):
        diags.error("PD108", raw.message(path.name), Location(display))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        diags.error("PD101", message, Location(display, line, column))
        return None


def _duplicate_keys(root: Node | None) -> list[tuple[Any, Any, str]]:
    """(first mark, repeated mark, key) for every key given twice in one mapping."""
    found: list[tuple[Any, Any, str]] = []
    seen_nodes: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue  # an alias of a node already checked (also guards against cycles)
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            first_marks: dict[tuple[str, str], Any] = {}
            for key_node, value_node in node.value:
                stack.append(value_node)
                if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE_TAG:
                    continue
                identity = (str(key_node.tag), str(key_node.value))
                if identity in first_marks:
                    found.append((first_marks[identity], key_node.start_mark, key_node.value))
                else:
                    first_marks[identity] = key_node.start_mark
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return sorted(found, key=lambda item: (item[1].line, item[1].column))


def _syntax_message(error: YAMLError) -> str:
    """The parser's complaint without its file dump and documentation links."""
    if isinstance(error, ReaderError):
        character = error.character
        codepoint = character if isinstance(character, int) else ord(str(character)[:1] or "?")
        return f"invalid YAML: the control character U+{codepoint:04X} is not allowed"
    if not isinstance(error, MarkedYAMLError):
        return f"invalid YAML: {error}"
    problem = str(error.problem or error.context or "syntax error")
    message = f"invalid YAML: {problem}"
    context_mark = error.context_mark
    if error.context and error.problem and context_mark is not None:
        message += f" ({error.context} started at line {context_mark.line + 1})"
    hint = next((tip for start, tip in _HINTS.items() if problem.startswith(start)), None)
    return f"{message}; {hint}" if hint else message


def _error_location(error: YAMLError, text: str, display: str) -> Location:
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark is not None:
            return Location(display, mark.line + 1, mark.column + 1)
    if isinstance(error, ReaderError) and isinstance(error.position, int):
        before = text[: error.position]
        line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
        return Location(display, before.count("\n") + 1, error.position - line_start + 1)
    return Location(display)


def to_plain(data: Any, _enclosing: frozenset[int] = frozenset()) -> Any:
    """Round-trip YAML data as plain dicts, lists, str, int, float, bool and dates.

    pydantic should see ordinary Python values, not ruamel's subclasses that carry comments.
    A collection that contains itself through an alias becomes None instead of recursing
    forever (the schema then reports it as an empty value).
    """
    if isinstance(data, Mapping | list | tuple):
        if id(data) in _enclosing:
            return None
        inside = _enclosing | {id(data)}
        if isinstance(data, Mapping):
            return {key: to_plain(value, inside) for key, value in data.items()}
        return [to_plain(item, inside) for item in data]
    if isinstance(data, bool) or data is None or isinstance(data, dt.date):
        return data
    for plain_type in (str, int, float):
        if isinstance(data, plain_type):
            return plain_type(data)
    return data
