"""Closest-match suggestions ("did you mean '@campbell'?") at a bounded cost.

``difflib.get_close_matches`` scores every possibility with ``ratio()`` once its two cheap
upper bounds pass the cutoff; for keys alike in length and letters (``sourse00001x`` against
``source00000`` ... ``source02999``) they all pass, so each unknown key costs a full
``ratio()`` per source, and 3,000 unknown keys against 3,000 sources take minutes.

``close_matches`` returns exactly what ``get_close_matches`` returns, but scores the
possibilities best bound first and stops once no bound left can beat the matches found: the
upper bound is ``quick_ratio()``, a count of shared characters, so usually a handful of
``ratio()`` calls remain. Its bound is still computed for every possibility, so a ``Budget``
caps the work of one run: keys are suggested in the order they are asked about until it is
spent, and the later ones get no suggestion (their diagnostic is otherwise the same).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

SUGGESTION_BUDGET = 4_000_000
"""Characters compared per run for suggestions: about a second of work. A run with 50
unknown keys against 3,000 sources, or 1,000 against 100, is suggested in full."""

RATIO_COST = 8
"""A ``ratio()`` costs about this many ``quick_ratio()`` calls on the same strings."""


@dataclass
class Budget:
    """Work left for suggestions, in characters compared; once short, it stays spent."""

    left: int = field(default_factory=lambda: SUGGESTION_BUDGET)

    def spend(self, units: int) -> bool:
        if units > self.left:
            self.left = 0
            return False
        self.left -= units
        return True


def close_matches(
    word: str,
    possibilities: Sequence[str],
    n: int = 3,
    cutoff: float = 0.6,
    budget: Budget | None = None,
) -> list[str]:
    """``difflib.get_close_matches(word, possibilities, n, cutoff)``, found with fewer
    ``ratio()`` calls; [] when ``budget`` cannot pay for the search."""
    if n <= 0:
        raise ValueError(f"n must be > 0: {n!r}")
    size = len(word)
    if budget is not None:
        if not budget.left:  # spent: cost nothing more, not even the reckoning
            return []
        if not budget.spend(sum(map(len, possibilities)) + size * len(possibilities)):
            return []
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    bounded: list[tuple[float, str]] = []
    for x in possibilities:
        matcher.set_seq1(x)
        if matcher.real_quick_ratio() < cutoff:
            continue
        bound = matcher.quick_ratio()
        if bound >= cutoff:
            bounded.append((bound, x))
    bounded.sort(key=lambda pair: pair[0], reverse=True)
    best: list[tuple[float, str]] = []  # a min-heap of the n best (score, possibility)
    for bound, x in bounded:
        if len(best) == n and bound < best[0][0]:
            break  # ratio() <= quick_ratio(): nothing left can displace the n found
        if budget is not None and not budget.spend(RATIO_COST * (len(x) + size)):
            return []
        matcher.set_seq1(x)
        score = matcher.ratio()
        if score < cutoff:
            continue
        if len(best) < n:
            heapq.heappush(best, (score, x))
        else:
            heapq.heappushpop(best, (score, x))
    return [x for _, x in sorted(best, reverse=True)]
