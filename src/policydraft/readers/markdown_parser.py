"""The configured markdown-it parser: CommonMark, no raw HTML, footnotes, letter parts.

Kept apart from the tree conversion so the syntax policy (what is Markdown in a letter and
what is printed literally) is readable in one place.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Collection
from functools import cache
from typing import TypeGuard

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_ref

from policydraft.limits import NESTING
from policydraft.model import PART_ROLES, PartRole
from policydraft.readers.citation_quotes import curl_citation_quotes
from policydraft.readers.markdown_bounds import citation_end, label_end
from policydraft.readers.markdown_citations import scan_in_text
from policydraft.readers.markdown_smart import use_smart_quotes

CONTAINER = "part"
"""Token name of ``::: name`` blocks: ``container_part_open`` / ``container_part``."""

MISSING_NOTE = "footnote_missing"
"""Token type of a ``[^label]`` that has no definition in the same body."""

CITATION = "citation"
"""Token type of a pandoc citation ``[see @key, 579]`` or ``@key [579]``, kept as written."""

_LABEL_STOP = re.compile(r"[\] \n]")
"""Where the footnote plugin stops reading a ``[^label``: its end, a space or a line break."""
_MISSING_LABEL_STOP = re.compile(r"[\]\s]")


@cache
def markdown_parser(*, containers: bool, smart: bool = True) -> MarkdownIt:
    """A parser for letter bodies; ``containers`` turns on ``::: part`` blocks (templates),
    ``smart`` curly quotes (markdown_smart.py).

    Tables are GitHub's pipe tables, read into ``Table`` nodes (markdown_table.py checks
    what markdown-it lets pass silently: ragged rows).
    Footnote definitions stay where they were written (``move_to_end=False``): the reader
    places each note at its reference itself. markdown-it silently drops what is nested
    deeper than ``maxNesting`` (20 in CommonMark's preset); one level past the nesting limit
    keeps everything up to it, and the reader refuses anything deeper (PD206).
    """
    options = {"html": False, "maxNesting": NESTING.value + 1}
    parser = MarkdownIt("commonmark", options).enable("table")
    parser.use(footnote_plugin, move_to_end=False)
    parser.inline.ruler.at("footnote_ref", _footnote_ref)
    parser.inline.ruler.after("footnote_ref", MISSING_NOTE, _missing_note)
    parser.inline.ruler.before("link", CITATION, _citation)
    parser.inline.ruler.before("link", "in_text_citation", _in_text_citation)
    if smart:
        use_smart_quotes(parser)
        parser.core.ruler.after("smartquotes", "citation_quotes", curl_citation_quotes)
    if containers:
        parser.use(container_plugin, name=CONTAINER, validate=_any_container)
    return parser


def _any_container(params: str, *args: object) -> bool:
    """Accept every ``::: name`` so that an unknown name can be reported, not ignored."""
    return True


def _footnote_ref(state: StateInline, silent: bool) -> bool:
    """The plugin's footnote reference rule, asked only where a label can end.

    The plugin reads ahead from every ``[^`` to the label's end, quadratic in a paragraph
    of ``[^[^[^...``; the index answers that first, in constant time.
    """
    if state.src[state.pos : state.pos + 2] != "[^":
        return False
    if label_end(state, state.pos, _LABEL_STOP) is None:
        return False
    return footnote_ref(state, silent)


def _missing_note(state: StateInline, silent: bool) -> bool:
    """Catch ``[^label]`` that the footnote plugin refused because nothing defines it.

    The plugin leaves such references as plain text, which would print a stray ``[^x]``
    without a word; a token of our own lets the reader report PD201 at the right line.
    """
    if state.src[state.pos : state.pos + 2] != "[^":
        return False
    close = label_end(state, state.pos, _MISSING_LABEL_STOP)
    if close is None:
        return False
    if not silent:
        token = state.push(MISSING_NOTE, "", 0)
        token.content = state.src[state.pos : close + 1]
        token.meta = {"label": token.content[2:-1], "line": _source_line(state, state.pos)[0]}
    state.pos = close + 1
    return True


def _citation(state: StateInline, silent: bool) -> bool:
    """Read ``[@key ...]`` on the source, before escapes and links are interpreted.

    Running on the source is what keeps ``\\[@key]`` literal (the escape rule has consumed
    its bracket before this rule sees it). The token keeps the text as written and where it
    starts in the inline's source, so the reader can point diagnostics at the file.
    """
    if state.src[state.pos] != "[":
        return False
    end = citation_end(state, state.pos, state.posMax)
    if end is None:
        return False
    if not silent:
        token = state.push(CITATION, "", 0)
        token.content = state.src[state.pos : end]
        line, line_start, text = _source_line(state, state.pos)
        token.meta = {"line": line, "column": state.pos - line_start, "text": text}
    state.pos = end
    return True


def _in_text_citation(state: StateInline, silent: bool) -> bool:
    """Read pandoc's in-text ``@key`` or ``@key [579]`` into a citation token."""
    if state.src[state.pos] != "@":
        return False
    end = scan_in_text(state.src, state.pos, state.posMax)
    if end is None:
        return False
    if not silent:
        token = state.push(CITATION, "", 0)
        token.content = state.src[state.pos : end]
        line, line_start, text = _source_line(state, state.pos)
        token.meta = {"line": line, "column": state.pos - line_start, "text": text}
    state.pos = end
    return True


_LINES = "policydraft_source_lines"
"""Key in the parse's ``env`` of the line index of the inline source last read."""


def _source_line(state: StateInline, pos: int) -> tuple[int, int, str]:
    """The line of the inline source at ``pos``: its number, where it starts, its text.

    The index of line starts and the lines' texts are made once per inline source and kept in
    the parse's env, so ten thousand citations on one long line cost one scan, not ten
    thousand (counting and copying the line for each made such a paragraph quadratic).
    """
    indexes = state.env.setdefault(_LINES, {})  # one per source: notes are sources too
    index = indexes.get(id(state.src))
    if index is None or index[0] is not state.src:
        starts = [0, *(match.end() for match in re.finditer("\n", state.src))]
        texts: dict[int, str] = {}
        index = (state.src, starts, texts)
        indexes[id(state.src)] = index
    src, starts, texts = index
    line = bisect.bisect_right(starts, pos) - 1
    if line not in texts:
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(src)
        texts[line] = src[starts[line] : end]
    return line, starts[line], texts[line]


def is_part_role(name: str) -> TypeGuard[PartRole]:
    """Whether ``::: name`` names a letter part (templates only)."""
    return name in PART_ROLES


def unknown_part_message(name: str, parts: Collection[str]) -> str:
    """PD304's words for a ``::: name`` that is no letter part, with the closest one."""
    if not name:
        return "a '::: ' block needs a letter part name"
    message = f"unknown letter part '::: {name}'"
    close = difflib.get_close_matches(name, sorted(parts), n=1)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    return f"{message}; known parts: {', '.join(sorted(parts)) or 'none'}"
