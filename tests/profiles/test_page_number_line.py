"""A page-number line is found by one pattern for all pages (issue 17, start-up), as it was
by a pattern compiled for each page's number: the two are compared here."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.profiles.pdf_reading import normalize
from policydraft.profiles.rules.text import _numbered


def reference(text: str, number: int) -> bool:
    """``_numbered`` as it was: a pattern with the page's number written in."""
    pattern = re.compile(rf"^(page\s+)?[-–—]?\s*{number}\s*[-–—]?(\s+of\s+\d+)?$")
    return any(pattern.match(normalize(line)) for line in text.splitlines())


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Page 3 of 12", 3),
        ("Page 13 of 15", 3),
        ("Page 3 of 12", 13),
        ("- 3 -", 3),
        ("03", 3),
        ("3", 3),
        ("٣", 3),  # another script's digit is not the number
        ("3 of 12\n", 3),
        ("body text\npage 7", 7),
        ("PAGE\u00a07 OF 9", 7),
        ("page 7 of", 7),
        ("", 1),
    ],
)
def test_a_line_is_numbered_as_before(text: str, number: int) -> None:
    assert _numbered(text, number) == reference(text, number)


_LINE = st.lists(
    st.sampled_from(["page", "Page", " ", "-", "–", "of", "1", "2", "3", "12", "٣", "\n", "x"]),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LINE, st.integers(min_value=1, max_value=13))
def test_any_line_is_numbered_as_before(text: str, number: int) -> None:
    assert _numbered(text, number) == reference(text, number)
