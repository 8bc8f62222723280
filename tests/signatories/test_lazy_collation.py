"""The collator that reads pyuca's table lazily gives pyuca's own sort keys (issue 17, item 4)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.signatories.order import _collator, _lazy_collator


@cache
def _pyuca() -> Any:
    import pyuca

    return pyuca.Collator()


@pytest.mark.parametrize(
    "text",
    [
        "", "Ada Lovelace", "Ørsted-Åse", "ﬀ ligature", "x\u0301 y", "ノート", "Straße",
        "l·l", "Dž", "a\u0323\u0302", "\u0e40\u0e01", "ᄀ\u1161\u11a8", "中文", "𠀀", "\ufffe",
        "\u0000", "a\u0301\u0301", "\u0915\u094d\u0937",
    ],
)  # fmt: skip
def test_contractions_non_starters_and_implicit_weights(text: str) -> None:
    """A fresh collator each time: the first lookup of each code point parses its lines."""
    assert _lazy_collator().sort_key(text) == _pyuca().sort_key(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_any_text_sorts_as_pyuca_sorts_it(text: str) -> None:
    assert _collator().sort_key(text) == _pyuca().sort_key(text)  # one table, filled as read
