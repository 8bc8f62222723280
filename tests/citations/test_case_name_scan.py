"""The case-name scan reads as the regular expression it replaced (issue 17, start-up).

``abbreviate_party`` once compiled one alternation of every form in the word table, longest
first, guarded against word characters, apostrophes and dotted names on either side: some
40 ms of every render that prints a case. It now looks forms up in a dict, longest first, at
each place that may start one. Here the two are compared: on a table of edge cases, and on
names built at random from the table's forms and the characters the guards look at.
"""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.citations import case_names
from policydraft.citations.case_names import abbreviate_party


@functools.cache
def _reference_pattern() -> re.Pattern[str]:
    _, words = case_names._places_and_words()
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'.])(?:{alternatives})(?![\w’']|\.\w)")


def reference(party: str) -> str:
    """``abbreviate_party`` as the regular expression printed it."""
    places, words = case_names._places_and_words()
    if party.strip() in places:
        return party
    lead = party.split(" ", 1)[0]

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == 0 and lead in {"Law"}:
            return word
        return words[word]

    return _reference_pattern().sub(replace, party)


@pytest.mark.parametrize(
    "party",
    [
        "",
        "National Association of Manufacturers",
        "New York City Department of Education",  # the longest form wins
        "Law Society of New York",  # "Law" kept as the first word
        "Public.Resource.org",  # a dotted name
        "Association.",  # a full stop that ends the name
        "Associations’ Fund",  # a plural possessive
        "Manufacturer’s Union",
        "Associationx",  # inside a longer word
        "_Association",
        "1Association",
        "Association_",
        "Department’Labor",
        "Éducation Association",
        "Company.Inc",
        "Company.",
        "United States",  # a place that is the whole party
        " United States ",
    ],
)
def test_the_scan_prints_what_the_pattern_printed(party: str) -> None:
    assert abbreviate_party(party) == reference(party)


def _forms() -> list[str]:
    _, words = case_names._places_and_words()
    return sorted(words)


_PIECES = st.one_of(
    st.sampled_from(_forms()),
    st.sampled_from(["Law", "New", "York", "City", "Acme", "of", "the", "Inc.", "Co"]),
    st.sampled_from([" ", ".", "’", "'", "_", "-", ", ", " & ", "é", "1", "’s", ". ", ".x"]),
    st.text(max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_any_name_prints_as_the_pattern_printed_it(party: str) -> None:
    assert abbreviate_party(party) == reference(party)
