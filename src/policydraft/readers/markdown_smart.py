"""Smart quotes in letter bodies: "straight" quotes and apostrophes printed curly.

pandoc's ``smart`` extension, which pandoc users expect, turns ``"fair use"`` into “fair use”
and ``Court's`` into Court’s. markdown-it's own ``smartquotes`` rule does that work (its
``typographer`` option, without the ``replacements`` rule, which would turn the ``(c)`` of
``§ 512(c)`` into ©). It only changes text: code spans, escaped quotes (``\\"``), link targets
and citations as written keep theirs. Two rules around it keep the text of a URL as written
too (``https://example.com/it's`` typed in a sentence, or an autolink ``<https://...>``):
the first remembers such text, the second puts the URL's characters back. markdown-it
replaces one quote character with one, so a URL's characters stand where they stood.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_URL = re.compile(r"(?:https?|ftp)://[^\s<>]+|www\.[^\s<>]+")
_URL_TRAILER = ".,;:!?)\"'"
"""Punctuation that ends a sentence after a URL rather than belonging to it."""
_WRITTEN = "policydraft_written"


def use_smart_quotes(parser: MarkdownIt) -> None:
    """Curl quotes in ``parser``'s text, leaving URLs as written."""
    parser.options["typographer"] = True
    parser.enable("smartquotes")
    parser.core.ruler.before("smartquotes", "remember_urls", _remember_urls)
    parser.core.ruler.after("smartquotes", "restore_urls", _restore_urls)


def _text_tokens(state: StateCore) -> list[tuple[Token, bool]]:
    """Every text token of the inlines, and whether it is an autolink's text (all URL)."""
    found: list[tuple[Token, bool]] = []
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        in_autolink = False
        for token in block.children:
            if token.type == "link_open":
                in_autolink = token.markup == "autolink"
            elif token.type == "link_close":
                in_autolink = False
            elif token.type == "text":
                found.append((token, in_autolink))
    return found


def _remember_urls(state: StateCore) -> None:
    for token, autolink in _text_tokens(state):
        if autolink or _URL.search(token.content):
            token.meta = {**(token.meta or {}), _WRITTEN: token.content}


def _restore_urls(state: StateCore) -> None:
    for token, autolink in _text_tokens(state):
        written = (token.meta or {}).get(_WRITTEN)
        if written is None or len(written) != len(token.content):
            continue
        if autolink:
            token.content = written
            continue
        text = token.content
        for start, end in url_spans(written):
            text = text[:start] + written[start:end] + text[end:]
        token.content = text


def url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs typed as text stand in ``text``, without the punctuation that follows."""
    spans = []
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _URL_TRAILER:
            end -= 1
        spans.append((match.start(), end))
    return spans
