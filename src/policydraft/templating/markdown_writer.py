"""Escape user data (names, titles, affiliations) so Markdown prints it literally.

Compose writes user data into Markdown templates. Without escaping, a signer called
``Tom *Star* Baxter`` would turn italic, ``Hart & Hart <LLC>`` could lose its entity or
read as an autolink, and an organisation named ``1. Street Films`` would start a list.
"""

from __future__ import annotations

import re

# Characters that are markup anywhere in a line: emphasis, code, links, autolinks,
# entities, tables, fences, footnotes, block quotes, ATX headings and their closers.
# CommonMark lets every ASCII punctuation character be backslash-escaped.
_ALWAYS = frozenset("\\`*_[]<>&|~^#@'\"")  # quotes: data keeps straight ones; @: no citation
# Characters that only open a block at the start of a line: list items, setext
# underlines, ::: letter parts.
_AT_START = frozenset("-+=:")
_LINE_ENDS = re.compile(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*")
_ORDERED_MARKER = re.compile(r"(\d{1,9})([.)])")
_EDGE_WHITESPACE = re.compile(r"^\s+|\s+$")


def escape_markdown(text: str) -> str:
    """``text`` as a one-line Markdown fragment that reads back as exactly ``text``.

    Line breaks become single spaces and surrounding spaces and tabs are dropped (Markdown
    would otherwise read leading indentation as a code block and trailing spaces as a hard
    break); everything else comes back literally.
    """
    flat = _LINE_ENDS.sub(" ", text).strip(" \t")
    escaped = "".join(f"\\{char}" if char in _ALWAYS else char for char in flat)
    escaped = _protect_edge_whitespace(escaped)
    if escaped[:1] in _AT_START:
        escaped = "\\" + escaped
    ordered = _ORDERED_MARKER.match(escaped)
    if ordered:
        escaped = f"{ordered.group(1)}\\{ordered.group(2)}{escaped[ordered.end() :]}"
    return escaped


def _protect_edge_whitespace(text: str) -> str:
    """Write whitespace at the edges (a no-break space, an em space) as character references.

    markdown-it trims every Unicode space from a paragraph's ends before reading it, so a
    name that is or ends with U+00A0 would lose it; a reference like ``&#xA0;`` survives.
    """
    return _EDGE_WHITESPACE.sub(
        lambda match: "".join(f"&#x{ord(char):X};" for char in match.group(0)), text
    )
