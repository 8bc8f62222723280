"""``at_least``: the typography a profile's minimum type size gives both writers.

An agency's "12-point or larger" must reach the DOCX and the PDF as one typography, or the
two stop breaking pages alike; so the function is tested as data in, data out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest

from policydraft.typography import LETTER, ParagraphFormat, Typography, at_least


def fmt_at(typography: Typography, path: str) -> ParagraphFormat:
    """The paragraph format at a dotted ``path`` such as ``"notes.text"``."""
    value: Any = typography
    for name in path.split("."):
        value = getattr(value, name)
    assert isinstance(value, ParagraphFormat)
    return value


def paragraph_formats(value: Any, path: str = "") -> Iterator[tuple[str, ParagraphFormat]]:
    """Every paragraph format in a typography, with its dotted path."""
    if isinstance(value, ParagraphFormat):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            inner = f"{path}.{field.name}" if path else field.name
            yield from paragraph_formats(getattr(value, field.name), inner)


RAISED_TO_12 = [
    # path, (size, leading, before, after) in LETTER -> the same at 12 pt
    ("notes.text", (12.0, 13.8, 0.0, 2.4)),  # 10 pt on 11.5 pt: x 1.2
    ("footer", (12.0, 14.4, 0.0, 0.0)),  # 10 pt on 12 pt: x 1.2
    ("appendix.name", (12.0, 13.65, 0.0, 0.0)),  # 11 on 12.5: 13.636 to Word's 1/20 pt
    ("appendix.affiliation", (12.0, 14.0, 0.0, 0.0)),  # 9 on 10.5: x 4/3
]


@pytest.mark.parametrize(("path", "expected"), RAISED_TO_12, ids=[p for p, _ in RAISED_TO_12])
def test_smaller_text_is_raised_with_its_spacing(
    path: str, expected: tuple[float, float, float, float]
) -> None:
    fmt = fmt_at(at_least(LETTER, 12.0), path)
    assert (fmt.size, fmt.leading, fmt.before, fmt.after) == pytest.approx(expected)


UNTOUCHED_AT_12 = [
    "body",
    "heading1",
    "heading2",
    "parts.title",
    "parts.closing",
    "lists.item",
    "quote",
    "appendix.heading",
    "appendix.group_heading",
]


@pytest.mark.parametrize("path", UNTOUCHED_AT_12)
def test_text_at_or_above_the_minimum_is_untouched(path: str) -> None:
    assert fmt_at(at_least(LETTER, 12.0), path) == fmt_at(LETTER, path)


BODY_RAISED = [
    # minimum -> body (size, leading, after); headings keep their before in proportion
    (13.0, (13.0, 15.15, 13.0)),
    (14.0, (14.0, 16.35, 14.0)),
    (16.0, (16.0, 18.65, 16.0)),
]


@pytest.mark.parametrize(("minimum", "expected"), BODY_RAISED)
def test_a_larger_minimum_raises_the_body_and_its_spacing(
    minimum: float, expected: tuple[float, float, float]
) -> None:
    raised = at_least(LETTER, minimum)
    assert (raised.body.size, raised.body.leading, raised.body.after) == pytest.approx(expected)
    assert raised.heading1.before == pytest.approx(LETTER.heading1.before * minimum / 12.0, 0.01)
    assert raised.parts.date == raised.body  # the date is set as body text


@pytest.mark.parametrize("minimum", [6.0, 10.0, 11.0, 12.0, 12.2, 14.0, 16.0, 24.0])
def test_no_text_is_left_below_the_minimum(minimum: float) -> None:
    for path, fmt in paragraph_formats(at_least(LETTER, minimum)):
        assert fmt.size >= minimum, path
        assert fmt.leading >= fmt.size, path  # lines never overlap


@pytest.mark.parametrize("minimum", [10.0, 12.0, 12.2, 14.0, 16.0])
def test_raising_twice_changes_nothing(minimum: float) -> None:
    once = at_least(LETTER, minimum)
    assert at_least(once, minimum) == once


def test_a_minimum_below_every_size_returns_the_same_typography() -> None:
    assert at_least(LETTER, 9.0) == LETTER


def test_the_minimum_is_rounded_up_to_the_half_point_word_stores() -> None:
    assert fmt_at(at_least(LETTER, 12.2), "notes.text").size == 12.5


def test_marks_page_and_indents_keep_their_values() -> None:
    """Reference marks stay a share of their text; geometry is not type."""
    raised = at_least(LETTER, 14.0)
    assert (raised.notes.mark_size, raised.notes.mark_rise) == (0.58, 0.33)
    assert raised.page == LETTER.page
    assert (raised.lists.indent, raised.lists.hanging) == (LETTER.lists.indent, 18.0)
    assert (raised.quote.left, raised.quote.right) == (36.0, 36.0)
    assert raised.notes.separator_space == LETTER.notes.separator_space
    assert raised.appendix.column_gap == LETTER.appendix.column_gap


def test_lengths_are_whole_twentieths_of_a_point() -> None:
    """The DOCX stores twentieths: the PDF must use exactly the numbers the DOCX can hold."""
    for path, fmt in paragraph_formats(at_least(LETTER, 12.0)):
        for length in (fmt.leading, fmt.before, fmt.after):
            assert length * 20 == pytest.approx(round(length * 20)), path
