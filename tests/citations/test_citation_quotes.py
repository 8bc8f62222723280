"""Quotes inside a citation's parentheticals print curly, like the body's (smart quotes).

The expected marks are those the Indigo Book prints in its own explanatory parentheticals
(R. 1.4-style "(holding that “...”)" examples quote with “ ” and ‘ ’, apostrophes as ’);
``typography: {smart_quotes: false}`` / ``--no-smart`` keep what was typed.
"""

from __future__ import annotations

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Cite, Para
from policydraft.readers import markdown_parser
from policydraft.readers.citation_quotes import CITATION, curl_parenthetical_quotes
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText


def parentheticals(text: str, *, smart: bool = True) -> list[str]:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, Location("body.md")), diags, smart=smart)
    assert not diags.items, diags.sorted()
    (para,) = blocks
    assert isinstance(para, Para)
    cites = [inline for inline in para.inlines if isinstance(inline, Cite)]
    return [item.parenthetical for cite in cites for item in cite.items]


# (written body, parentheticals as printed with smart quotes)
CURLED = [
    pytest.param(
        'Held.[@x, 5 (holding that "fair use" applies)]',
        ["holding that “fair use” applies"],
        id="double",
    ),
    pytest.param(
        "Held.[@x, 5 (the Court's 'transformative' test)]",
        ["the Court’s ‘transformative’ test"],
        id="single-and-apostrophe",
    ),
    pytest.param(
        "Held.[@x, 5 (\"a 'nested' quote\")]", ["“a ‘nested’ quote”"], id="nested-at-start"
    ),
    pytest.param(
        'Held.[@x, 5 (quoting "x"); see @y, 7 ("y")]',
        ["quoting “x”", "“y”"],
        id="two-items",
    ),
    pytest.param('So @x [5 (noting "z")] held.', ["noting “z”"], id="in-text"),
    pytest.param("Held.[@x, 5 (no quotes)]", ["no quotes"], id="none"),
]


@pytest.mark.parametrize(("written", "printed"), CURLED)
def test_parenthetical_quotes_print_curly(written: str, printed: list[str]) -> None:
    assert parentheticals(written) == printed


@pytest.mark.parametrize(("written", "printed"), CURLED)
def test_no_smart_keeps_parenthetical_quotes_straight(written: str, printed: list[str]) -> None:
    straight = [p.translate(str.maketrans("“”‘’", "\"\"''")) for p in printed]
    assert parentheticals(written, smart=False) == straight


# Bad or odd input: outside parentheses, escaped, unbalanced: nothing breaks or moves.
@pytest.mark.parametrize(
    ("written", "curled"),
    [
        ('@x, "5"', '@x, "5"'),  # not in a parenthetical
        ('@x, 5 (\\"a\\")', '@x, 5 (\\"a\\")'),  # escaped quotes stay straight
        ('@x, 5 ("open', "@x, 5 (“open"),  # unclosed parenthesis
        ('@x) "a" (b', '@x) "a" (b'),  # a stray ")" does not open anything
        ("", ""),
    ],
)
def test_curl_parenthetical_quotes(written: str, curled: str) -> None:
    result = curl_parenthetical_quotes(written)
    assert result == curled
    assert len(result) == len(written)  # diagnostics' columns stay where they were


def test_token_type_matches_the_parser() -> None:
    assert CITATION == markdown_parser.CITATION
