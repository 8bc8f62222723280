"""Closest-key suggestions: what difflib would suggest, within a budget of work per run."""

from __future__ import annotations

import difflib

import pytest

from policydraft.citations.resolve import KeySuggestions
from policydraft.citations.suggest import SUGGESTION_BUDGET, Budget, close_matches
from tests.citations.test_format import bibliography
from tests.citations.test_resolve import resolve

KEYS = ["campbell", "campbel-2", "camp", "acuff", "acuff-rose", "ropes", "sony", "sonny", "x"]
SIMILAR = [f"source{i:05d}" for i in range(300)]
REPORTERS = ["F.3d", "F.2d", "F.4th", "F. Supp. 2d", "U.S.", "S. Ct.", "L. Ed. 2d", "Cal. App."]


@pytest.mark.parametrize(
    ("word", "possibilities", "n", "cutoff"),
    [
        ("campbel", KEYS, 1, 0.6),
        ("campbel", KEYS, 3, 0.6),
        ("acuf", KEYS, 3, 0.6),
        ("sonyy", KEYS, 3, 0.6),
        ("son", KEYS, 3, 0.6),
        ("nothing-like", KEYS, 1, 0.6),
        ("", KEYS, 1, 0.6),
        ("campbell", [], 1, 0.6),
        ("sourse00042x", SIMILAR, 1, 0.6),
        ("sourse00042x", SIMILAR, 3, 0.6),
        ("source0004", SIMILAR, 3, 0.6),
        ("00042source", SIMILAR, 3, 0.3),
        ("F3d", REPORTERS, 3, 0.8),
        ("F. Supp 2d", REPORTERS, 3, 0.8),
        ("S.Ct.", REPORTERS, 3, 0.8),
        ("ab", ["ba", "ab", "ab", "abc"], 3, 0.5),  # ties and a repeat keep difflib's order
    ],
)
def test_same_matches_as_difflib(
    word: str, possibilities: list[str], n: int, cutoff: float
) -> None:
    expected = difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)
    assert close_matches(word, possibilities, n=n, cutoff=cutoff) == expected
    assert close_matches(word, possibilities, n=n, cutoff=cutoff, budget=Budget()) == expected


def test_a_spent_budget_stays_spent() -> None:
    """A search the budget cannot pay for finds nothing, and so does every later one."""
    budget = Budget(left=len(SIMILAR) * 30)
    first = close_matches("sourse00001x", SIMILAR, n=1, budget=budget)
    assert first == ["source00001"]
    assert close_matches("sourse00002x", SIMILAR, n=1, budget=budget) == []
    assert budget.left == 0
    assert close_matches("sourc", ["source"], n=1, budget=budget) == []


@pytest.mark.parametrize(("sources", "unknown"), [(10, 10), (100, 1_000), (3_000, 40)])
def test_the_budget_covers_ordinary_letters(sources: int, unknown: int) -> None:
    """Each unknown key costs a pass over the ids: ordinary letters stay far within it."""
    ids = tuple(f"source{i:05d}" for i in range(sources))
    suggestions = KeySuggestions(ids)
    for i in range(unknown):
        assert suggestions.closest(f"sourse{i % sources:05d}x") == ids[i % sources]
    assert 0 < suggestions.budget.left < SUGGESTION_BUDGET


def cost(word: str, keys: list[str]) -> int:
    """What one search spends."""
    probe = Budget(left=10**9)
    close_matches(word, keys, n=1, budget=probe)
    return 10**9 - probe.left


def test_keys_are_suggested_in_order_until_the_budget_is_spent() -> None:
    keys = ["campbell", "acuff"]
    suggestions = KeySuggestions(tuple(keys), Budget(left=cost("campbel", keys)))
    assert suggestions.closest("campbel") == "campbell"
    assert suggestions.closest("campbel") == "campbell"  # asked again: nothing spent
    assert suggestions.closest("acuf") is None  # the budget is spent
    assert suggestions.closest("campbel") == "campbell"


def test_unknown_keys_past_the_budget_are_reported_without_a_suggestion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    budget = cost("campbel", ["campbell", "google"])
    monkeypatch.setattr("policydraft.citations.suggest.SUGGESTION_BUDGET", budget)
    text = "A.[@campbel] B.[@campbel] C.[@googel] D.[@campbel]"
    _, diags = resolve(text, bibliography("campbell", "google"))
    messages = [d.message for d in diags.sorted() if d.code == "PD501"]
    assert messages == [
        "no source 'campbel' in sources.yaml; did you mean '@campbell'?",
        "no source 'campbel' in sources.yaml; did you mean '@campbell'?",
        "no source 'googel' in sources.yaml",  # would be '@google' with budget left
        "no source 'campbel' in sources.yaml; did you mean '@campbell'?",
    ]
