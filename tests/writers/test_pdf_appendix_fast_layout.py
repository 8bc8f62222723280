"""The appendix's page layout takes shortcuts; each gives what the plain code gives.

``lay_out_until`` lays a page's signers out with what is the same for every signer looked
up once; it must make the same items as ``lay_out`` item by item. ``fill_columns`` is
written out for speed; it must place items exactly (to the last bit of every offset) as the
plain rules below do. Both are checked on tables of cases and on made-up lists (hypothesis):
names that need the CJK fallback or shaping, names and affiliations that wrap, headings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.model import SignatoryEntry
from policydraft.typography import LETTER
from policydraft.writers.pdf.appendix_layout import (
    ColumnFill,
    ColumnStyle,
    LaidItem,
    SourceItem,
    fill_columns,
    lay_out,
    lay_out_until,
)
from policydraft.writers.pdf.families import LIBERATION_SERIF, setting_in

STYLE = ColumnStyle.of(LETTER.appendix)
WIDTH = (LETTER.page.width - LETTER.page.left - LETTER.page.right - 2 * STYLE.gutter) / 3


def reference_lay_out(
    items: Sequence[SourceItem], start: int, style: ColumnStyle, width: float, budget: float
) -> list[LaidItem]:
    """The plain loop ``lay_out_until`` stands for."""
    laid: list[LaidItem] = []
    index = start
    while index < len(items) and budget >= 0:
        laid.append(lay_out(items[index], style, width))
        budget -= laid[-1].height + laid[-1].space_before
        index += 1
    return laid


def reference_fill(laid: Sequence[LaidItem], count: int, height: float) -> ColumnFill:
    """The column-filling rules written plainly (``fill_columns``'s docstring)."""
    columns: list[list[tuple[float, LaidItem]]] = [[] for _ in range(count)]
    column, y, used, index = 0, 0.0, 0.0, 0
    shortfall = math.inf
    while index < len(laid) and column < count:
        item = laid[index]
        after = laid[index - 1].space_after if index > 0 else 0.0
        before = max(item.space_before - after, 0.0) if y > 0 else 0.0
        need = before + item.height - item.space_after
        if item.is_heading and index + 1 < len(laid):
            need += item.space_after + laid[index + 1].height - laid[index + 1].space_after
        if y > 0 and y + need > height + 1e-6:
            shortfall = min(shortfall, y + need - height)
            column, y = column + 1, 0.0
            continue
        columns[column].append((y + before, item))
        y += before + item.height
        used = max(used, y - item.space_after)
        index += 1
    return ColumnFill(tuple(tuple(c) for c in columns), index, used, shortfall)


LONG = "Composer, Guild of Dramatic Writers West and Other Long Names"
CASES = [
    ("one-line names under one affiliation", ["Ada Lovelace", "Grace Hopper"], "Actor"),
    ("a name that wraps", ["Maximiliana Wolfeschlegelsteinhausenbergerdorff " * 2], "Actor"),
    ("an affiliation that wraps", ["Ada Lovelace", "Zoë Ávila"], LONG),
    ("no affiliation", ["Ada Lovelace"], ""),
    ("a CJK name (fallback font)", ["山田 太郎", "Ada"], "Actor"),
    ("a right-to-left name (shaped)", ["דוד בן-שחר"], "Actor"),
    ("an empty name", [""], "Actor"),
]


def _items(names: list[str], affiliation: str, heading_every: int = 0) -> list[SourceItem]:
    items: list[SourceItem] = []
    for number, name in enumerate(names):
        if heading_every and number % heading_every == 0:
            items.append(f"Group {number}")
        items.append(SignatoryEntry(name, affiliation))
    return items


@pytest.mark.parametrize(
    ("names", "affiliation"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_page_is_laid_out_as_item_by_item(names: list[str], affiliation: str) -> None:
    items = _items(names * 3, affiliation, heading_every=2)
    with setting_in(LIBERATION_SERIF):
        for budget in (0.0, 50.0, 1e9):
            fast = lay_out_until(items, 1, STYLE, WIDTH, budget)
            assert fast == reference_lay_out(items, 1, STYLE, WIDTH, budget)


_NAMES = st.text(alphabet="Aa Zzéø-'()山田דוד\u00a0", max_size=50)
_AFFILIATIONS = st.sampled_from(["", "Actor, Independent", "Actor", LONG]) | st.text(
    alphabet="Ab ,-é山", max_size=70
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_NAMES, _AFFILIATIONS) | st.text(max_size=30), max_size=30),
    st.floats(min_value=-10, max_value=2000),
    st.sampled_from([WIDTH, 100.0, 30.0]),
)
def test_lay_out_until_is_lay_out_item_by_item(
    rows: list[tuple[str, str] | str], budget: float, width: float
) -> None:
    items = [row if isinstance(row, str) else SignatoryEntry(*row) for row in rows]
    with setting_in(LIBERATION_SERIF):
        assert lay_out_until(items, 0, STYLE, width, budget) == reference_lay_out(
            items, 0, STYLE, width, budget
        )


_HEIGHTS = st.sampled_from([0.0, 12.5, 26.25, 27.0, 40.0, 700.0]) | st.floats(0, 300)
_LAID = st.builds(
    lambda height, before, heading, after: LaidItem(height + after, before, (), heading, after),
    _HEIGHTS,
    st.sampled_from([0.0, 6.0, 14.0]),
    st.booleans(),
    st.sampled_from([0.0, 3.0, 6.5]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LAID, max_size=40), st.integers(1, 4), _HEIGHTS)
def test_fill_columns_follows_the_plain_rules(
    laid: list[LaidItem], count: int, height: float
) -> None:
    assert fill_columns(laid, count, height) == reference_fill(laid, count, height)


def test_fill_columns_from_a_start_is_the_fill_of_the_rest() -> None:
    laid = [LaidItem(30.0, 14.0, (), True, 6.0)] + [LaidItem(27.0, 0.0, (), False, 3.0)] * 40
    rest = reference_fill(laid[5:], 3, 200.0)
    assert fill_columns(laid, 3, 200.0, start=5) == replace(rest, next_index=5 + rest.next_index)
