"""parse_json_list refuses deep nesting, long numbers and control characters at their line."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft import limits
from policydraft.readers.json_source import JsonListError, parse_json_list

ITEM = '{"id": "a", "type": "book", "title": "T"}'

# (id, JSON, code, line, column, words of the message)
REFUSED = [
    ("deep-top", "[" * 10_000 + "]" * 10_000, "PD110", 1, 65, "64 levels"),
    ("deep-in-item", f'[\n{ITEM[:-1]}, "x": ' + "[" * 200 + "]" * 200 + "}]", "PD110", 2, 110, ""),
    ("deep-objects", "[" + '{"a": ' * 100 + "1" + "}" * 100 + "]", "PD110", 1, 380, ""),
    ("long-int", f'[\n{ITEM[:-1]}, "volume": {"9" * 5000}}}]', "PD111", 2, 53, "5,000 digits"),
    ("long-negative", f'[{ITEM[:-1]}, "page": -{"1" * 102}}}]', "PD111", 1, 52, "102 digits"),
    ("long-float", f'[{ITEM[:-1]}, "page": 1.{"5" * 200}e5}}]', "PD111", 1, 52, "202 digits"),
    ("escaped-nul", '[\n  {"id": "a\\u0000b"}]', "PD112", 2, 12, "U+0000"),
    ("escaped-esc-in-key", '[{"a\\u001Bb": 1}]', "PD112", 1, 5, "U+001B"),
    ("lone-surrogate", '[{"title": "\\ud800"}]', "PD112", 1, 13, "U+D800"),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in REFUSED],
)
def test_hostile_json_is_refused_where_it_is_written(
    text: str, code: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(JsonListError) as raised:
        parse_json_list(text, "sources.json")
    error = raised.value
    assert (error.code, error.where.line, error.where.column) == (code, line, column), error
    assert words in str(error)


ACCEPTED = [
    ("nested-64", "[" * 64 + "]" * 64),
    ("brackets-in-strings", '[{"title": "' + "[" * 500 + '"}]'),
    ("escaped-quote-then-bracket", '[{"title": "a\\"[[[[["}]'),
    ("number-of-100-digits", f'[{{"volume": {"9" * 100}}}]'),
    ("tab-newline-escapes", '[{"title": "a\\tb\\nc"}]'),
    ("emoji-as-surrogate-pair", '[{"title": "\\ud83d\\ude00"}]'),
]


@pytest.mark.parametrize("text", [pytest.param(c[1], id=c[0]) for c in ACCEPTED])
def test_real_exports_still_load(text: str) -> None:
    assert len(parse_json_list(text, "sources.json")) >= 0


@settings(max_examples=60, deadline=None)
@given(
    st.recursive(
        st.none() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=30,
    )
)
def test_any_json_list_loads_or_is_refused_with_a_code(value: object) -> None:
    """Whatever the data, the reader answers with items or a JsonListError, never a crash."""
    text = json.dumps([value], indent=1)
    try:
        items = parse_json_list(text, "sources.json")
    except JsonListError as error:
        assert error.code in {"PD110", "PD111", "PD112"}
        return
    assert [item.value for item in items] == [value]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=3000))
def test_depth_is_checked_before_the_decoder_recurses(depth: int) -> None:
    text = "[" * depth + "]" * depth
    if depth <= limits.NESTING.value:
        parse_json_list(text, "sources.json")
    else:
        with pytest.raises(JsonListError, match="nested"):
            parse_json_list(text, "sources.json")
