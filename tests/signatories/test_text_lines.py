"""A CSV list's text is read a block at a time, with the lines one StringIO would give."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.signatories import csv_rows
from policydraft.signatories.csv_rows import _text_lines

PIECES = st.sampled_from(["a", "é", ",", '"', "\n", "\r", "\r\n", "\u2028", "\x0c", "\x85", " "])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=80).map("".join), st.integers(min_value=1, max_value=9))
def test_blocks_give_the_lines_of_one_stringio(text: str, block: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_rows, "_BLOCK", block)
        assert list(_text_lines(text)) == list(io.StringIO(text, newline=""))


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("", 1), ("a\r\nb\r\nc", 1), ("a\rb\rc\r", 1), ('"x\ny",z\n', 2), ("\n\n\n", 1),
        ("name\nAda\n" * 1000, 1 << 20), ("tail without end", 3),
    ],
)  # fmt: skip
def test_line_ends_are_never_cut(text: str, block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_rows, "_BLOCK", block)
    assert list(_text_lines(text)) == list(io.StringIO(text, newline=""))
