"""Smart quotes inside a citation's parentheticals: ``(holding that "fair use" applies)``.

markdown-it's ``smartquotes`` rule curls the quotes of a body's text, but a citation is kept
as written (one token, read by ``markdown_citations``), so the quotes a writer types in an
explanatory parenthetical would print straight beside curly ones in the sentence above. This
core rule, run after ``smartquotes`` and only when smart quotes are on, curls the quotes
standing inside parentheses of a citation, the way the body's are curled: a quote after a
space, an opening bracket or a dash opens, any other closes, and a ``'`` between letters is
an apostrophe (’). An escaped quote (``\\"``) stays straight. One character replaces one, so
the places diagnostics point to are unchanged.
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore

CITATION = "citation"
"""The token type markdown_parser gives a citation (its CITATION; a test keeps them equal)."""

_OPENS_AFTER = " \t\n([{\u2014\u2013-\u201c\u2018"
"""A quote after one of these (or at the parenthetical's start) opens a quotation."""
_CURLY = {'"': ("\u201c", "\u201d"), "'": ("\u2018", "\u2019")}


def curl_citation_quotes(state: StateCore) -> None:
    """Curl the quotes inside the parentheticals of every citation token of the parse."""
    for block in state.tokens:
        for token in block.children or ():
            if token.type == CITATION:
                token.content = curl_parenthetical_quotes(token.content)


def curl_parenthetical_quotes(written: str) -> str:
    """``written`` with the straight quotes inside its parentheses curled."""
    characters = list(written)
    depth = 0
    for index, character in enumerate(written):
        if character == "(":
            depth += 1
        elif character == ")":
            depth = max(depth - 1, 0)
        elif character in _CURLY and depth and not _escaped(written, index):
            characters[index] = _curled(character, characters[index - 1])
    return "".join(characters)


def _curled(quote: str, before: str) -> str:
    opening, closing = _CURLY[quote]
    return opening if before in _OPENS_AFTER else closing


def _escaped(written: str, index: int) -> bool:
    """Whether the character at ``index`` follows an odd number of backslashes."""
    slashes = len(written[:index]) - len(written[:index].rstrip("\\"))
    return slashes % 2 == 1
