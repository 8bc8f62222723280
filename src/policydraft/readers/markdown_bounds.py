"""Keeping the Markdown parse linear and shallow, whatever a body holds.

markdown-it calls an inline rule at every position that may start a construct, so a rule
that scans ahead from each position is quadratic in a paragraph made of openers: 100,000
``[`` took minutes in the citation rule, and ``[^`` did the same in the footnote rules. The
scans here are made once per inline source and kept in the parse's ``env``, so each call
costs a lookup:

- ``citation_end``: the citation rule's test (``readers.markdown_citations.scan_citation``) from a
  one-pass index of matching brackets and a cursor over the ``@`` that start a key;
- ``label_end``: where a ``[^label`` stops (at ``]`` or at a character a label cannot hold),
  with a cursor that moves forward only.

``refuse_deep_nesting`` measures how deep the parsed tokens nest, before anything recursive
(the syntax tree, the reader) walks them: 3,000 nested emphases were a RecursionError (PD206).
``refuse_control_characters`` finds a NUL or ESC in a body before markdown-it sees it, or a
bidirectional control that would make the text print in another order than written (PD207).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from policydraft.diagnostics import Diagnostics
from policydraft.limits import NESTING
from policydraft.readers.bounded import forbidden_character, offset_location
from policydraft.readers.markdown_text import MarkdownText

MAX_LABEL = 1000
"""A ``[^label]`` longer than this is text, not a footnote reference (labels are words)."""

_BRACKETS = "policydraft_brackets"
_ESCAPE_OR_BRACKET = re.compile(r"\\[\s\S]|[\[\]]")
_CITATION_AT = re.compile(r"(?<![^\s;\[])-?@")
"""An ``@`` that starts a word, the mark of a citation attempt (as in citations.syntax)."""


@dataclass
class _Brackets:
    """Every unescaped ``[`` of one source, sorted, with its matching ``]`` (-1 if none)."""

    src: str
    opens: array[int]
    closes: array[int]
    at_cursor: tuple[int, int] = (0, -1)  # (searched from, first citation @ found there)
    stops: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, src: str) -> _Brackets:
        opens: array[int] = array("q")
        closes: array[int] = array("q")
        pending: list[int] = []
        for match in _ESCAPE_OR_BRACKET.finditer(src):
            start = match.start()
            if src[start] == "[":
                pending.append(len(opens))
                opens.append(start)
                closes.append(-1)
            elif src[start] == "]" and pending:
                closes[pending.pop()] = start
        return cls(src, opens, closes)

    def closing(self, start: int) -> int | None:
        """The ``]`` matching the ``[`` at ``start``; None if it is unmatched or escaped."""
        index = bisect.bisect_left(self.opens, start)
        if index == len(self.opens) or self.opens[index] != start:
            return None
        close = self.closes[index]
        return close if close >= 0 else None

    def next_attempt(self, start: int) -> int:
        """The first citation ``@`` at or after ``start`` (len(src) if none)."""
        searched, found = self.at_cursor
        if not searched <= start <= found:
            match = _CITATION_AT.search(self.src, start)
            found = match.start() if match else len(self.src)
            self.at_cursor = (start, found)
        return found

    def next_stop(self, pattern: re.Pattern[str], start: int) -> int:
        """The first character matching ``pattern`` at or after ``start`` (len(src) if none)."""
        searched, found = self.stops.get(pattern.pattern, (0, -1))
        if not searched <= start <= found:
            match = pattern.search(self.src, start)
            found = match.start() if match else len(self.src)
            self.stops[pattern.pattern] = (start, found)
        return found


def _index(state: StateInline) -> _Brackets:
    """The bracket index of this inline source, made once per source.

    One index per source, not only the last one: an inline note ``^[...]`` is parsed as a
    source of its own in the middle of its paragraph, and rebuilding the paragraph's index
    after every note made a paragraph of notes quadratic. Keyed by identity, holding the
    source text so that its id cannot be reused while the parse runs.
    """
    indexes = state.env.setdefault(_BRACKETS, {})
    found = indexes.get(id(state.src))
    if found is None or found.src is not state.src:
        found = _Brackets.of(state.src)
        indexes[id(state.src)] = found
    index: _Brackets = found
    return index


def citation_end(state: StateInline, start: int, end: int) -> int | None:
    """``scan_citation(state.src, start, end)``, answered from the source's index."""
    index = _index(state)
    close = index.closing(start)
    if close is None or close >= end:
        return None
    if close + 1 < end and state.src[close + 1] == "(":
        return None
    if index.next_attempt(start + 1) >= close:
        return None
    return close + 1


def label_end(state: StateInline, start: int, stop: re.Pattern[str]) -> int | None:
    """For ``[^label]`` at ``start``: the position of its ``]``, or None.

    ``stop`` matches ``]`` and the characters that end a label without closing it.
    """
    found = _index(state).next_stop(stop, start + 2)
    if found >= state.posMax or state.src[found] != "]" or found == start + 2:
        return None
    return found if found - start - 2 <= MAX_LABEL else None


def deepest(tokens: Sequence[Token], inline_notes: Iterable[Sequence[Token]]) -> tuple[int, int]:
    """How deep the tokens nest, and the 0-based body line where they are deepest.

    A paragraph is one level, a quote or list item adds its own, an emphasis or link inside
    a paragraph one more; inline notes (``^[...]``) are measured on their own.
    """
    best, line = 0, 0
    for group in (tokens, *inline_notes):
        depth, block_line = 0, 0
        for token in group:
            depth += token.nesting
            block_line = token.map[0] if token.map else block_line
            inner = _inline_depth(token.children) if token.children else 0
            if depth + inner > best:
                best, line = depth + inner, block_line
    return best, line


def _inline_depth(children: Sequence[Any]) -> int:
    depth = best = 0
    for child in children:
        depth += child.nesting
        best = max(best, depth)
    return best


def refuse_control_characters(body: MarkdownText, diags: Diagnostics) -> bool:
    """PD207 at the first control character: markdown-it would turn a NUL into U+FFFD and
    pass the others on to the writers, which cannot put them in a DOCX; a bidirectional
    control would be printed, and reorder the text around it."""
    found = forbidden_character(body.text)
    if found is None:
        return False
    offset, name = found
    at = offset_location(body.text, offset, body.origin.file)
    if name.startswith("bidirectional"):
        message = (
            f"the text contains the {name}, which makes the text around it print in another "
            "order than it is written; delete it"
        )
    else:
        message = f"the text contains the control character {name}; delete it"
    diags.error("PD207", message, body.location(at.line - 1, at.column - 1))
    return True


def refuse_deep_nesting(
    tokens: Sequence[Any], env: Mapping[str, Any], body: MarkdownText, diags: Diagnostics
) -> bool:
    """PD206 where the body nests deeper than the limit, measured on the flat token list."""
    notes = env.get("footnotes", {}).get("list", {}).values()
    depth, line = deepest(tokens, [note.get("tokens") or [] for note in notes])
    if depth <= NESTING.value:
        return False
    message = (
        f"block quotes, lists, emphasis or links are nested more than {NESTING.value} levels "
        "deep here; flatten the text"
    )
    diags.error("PD206", message, body.location(line))
    return True
