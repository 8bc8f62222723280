"""The configured markdown-it parser: CommonMark, no raw HTML, footnotes, letter parts.

Kept apart from the tree conversion so the syntax policy (what is Markdown in a letter and
what is printed literally) is readable in one place.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from policydraft.citations.syntax import scan_citation

CONTAINER = "part"
"""Token name of ``::: name`` blocks: ``container_part_open`` / ``container_part``."""

MISSING_NOTE = "footnote_missing"
"""Token type of a ``[^label]`` that has no definition in the same body."""

CITATION = "citation"
"""Token type of a pandoc citation ``[see @key, 579]``, kept as written for the reader."""

_NOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\]")


@cache
def markdown_parser(*, containers: bool) -> MarkdownIt:
    """A parser for letter bodies; ``containers`` turns on ``::: part`` blocks (templates).

    Tables are switched on only so that they can be recognised, warned about and printed
    as their source text (CommonMark alone would silently read them as paragraphs).
    Footnote definitions stay where they were written (``move_to_end=False``): the reader
    places each note at its reference itself.
    """
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.use(footnote_plugin, move_to_end=False)
    parser.inline.ruler.after("footnote_ref", MISSING_NOTE, _missing_note)
    parser.inline.ruler.before("link", CITATION, _citation)
    if containers:
        parser.use(container_plugin, name=CONTAINER, validate=_any_container)
    return parser


def _any_container(params: str, *args: object) -> bool:
    """Accept every ``::: name`` so that an unknown name can be reported, not ignored."""
    return True


def _missing_note(state: StateInline, silent: bool) -> bool:
    """Catch ``[^label]`` that the footnote plugin refused because nothing defines it.

    The plugin leaves such references as plain text, which would print a stray ``[^x]``
    without a word; a token of our own lets the reader report PD201 at the right line.
    """
    if state.src[state.pos : state.pos + 2] != "[^":
        return False
    match = _NOTE_REFERENCE.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push(MISSING_NOTE, "", 0)
        token.content = match.group(0)
        token.meta = {"label": match.group(1), "line": state.src.count("\n", 0, state.pos)}
    state.pos = match.end()
    return True


def _citation(state: StateInline, silent: bool) -> bool:
    """Read ``[@key ...]`` on the source, before escapes and links are interpreted.

    Running on the source is what keeps ``\\[@key]`` literal (the escape rule has consumed
    its bracket before this rule sees it). The token keeps the text as written and where it
    starts in the inline's source, so the reader can point diagnostics at the file.
    """
    if state.src[state.pos] != "[":
        return False
    end = scan_citation(state.src, state.pos, state.posMax)
    if end is None:
        return False
    if not silent:
        token = state.push(CITATION, "", 0)
        token.content = state.src[state.pos : end]
        line_start = state.src.rfind("\n", 0, state.pos) + 1
        line_end = state.src.find("\n", line_start)
        token.meta = {
            "line": state.src.count("\n", 0, state.pos),
            "column": state.pos - line_start,
            "text": state.src[line_start : None if line_end < 0 else line_end],
        }
    state.pos = end
    return True
