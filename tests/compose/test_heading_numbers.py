"""Argument numbers as data: labels, the typed "I." taken out of template headings, PD340.

Expected labels come from outside the project:
- The Indigo Book (2d ed., 2023 revision, public domain), R-constitutions' examples
  "U.S. Const. art. I, § 8, cl. 3", "U.S. Const. amend. XIII, § 1" and "U.S. Const. amend.
  XVIII (repealed 1933)": Roman numerals 1, 13, 18 ("Indigo" rows).
- ECMA-376 Part 1, ST_NumberFormat (as quoted in Aspose.Note's NumberFormat reference):
  upperRoman "I, II, III, IV, ..., XVIII, XIX, XX, XXI" and upperLetter "A, B, C, ..., Y, Z,
  AA, BB, CC" ("ECMA" rows).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.compose.heading_numbers import (
    argument_heading,
    number_arguments,
    typed_own_number,
)
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Heading, Para, Text, plain_text
from policydraft.model.heading_numbers import heading_label, upper_letter
from tests.helpers import write_submission
from tests.templating.template_helpers import compose

WHERE = Location("mine/letter.md.j2")


@pytest.mark.parametrize(
    ("number", "label"),
    [
        (1, "I."),  # Indigo: art. I
        (13, "XIII."),  # Indigo: amend. XIII
        (18, "XVIII."),  # Indigo: amend. XVIII
        (4, "IV."),  # ECMA
        (19, "XIX."),  # ECMA
        (21, "XXI."),  # ECMA
    ],
)
def test_label_is_the_roman_numeral_and_a_period(number: int, label: str) -> None:
    assert heading_label(number) == label


@pytest.mark.parametrize(
    ("number", "letters"), [(1, "A"), (25, "Y"), (26, "Z"), (27, "AA"), (28, "BB"), (29, "CC")]
)
def test_upper_letter_repeats_after_z_as_word_does(number: int, letters: str) -> None:
    assert upper_letter(number) == letters  # ECMA


@pytest.mark.parametrize("number", [0, -1])
def test_no_label_below_one(number: int) -> None:
    with pytest.raises(ValueError, match="start at 1"):
        heading_label(number)


def _h(text: str, level: int = 1) -> Heading:
    return Heading(level, (Text(text),))


@pytest.mark.parametrize(
    ("headings", "numbers", "texts", "warned"),
    [
        (["I. Intro", "II. Next"], [1, 2], ["Intro", "Next"], 0),
        (["I. Intro", "Conclusion"], [1, None], ["Intro", "Conclusion"], 0),
        (["I. Intro", "III. Skipped"], [1, None], ["Intro", "III. Skipped"], 1),
        (["II. First"], [None], ["II. First"], 1),
        (["I.Intro", "I. "], [None, None], ["I.Intro", "I. "], 0),  # no space, no words
        (["Introduction", "I. After"], [None, 1], ["Introduction", "After"], 0),
    ],
)
def test_template_headings_are_numbered_in_order(
    headings: list[str], numbers: list[int | None], texts: list[str], warned: int
) -> None:
    diags = Diagnostics()
    blocks = number_arguments(tuple(_h(t) for t in headings), frozenset(), diags, WHERE)
    assert [b.number for b in blocks if isinstance(b, Heading)] == numbers
    assert [plain_text(b.inlines) for b in blocks if isinstance(b, Heading)] == texts
    assert [d.code for d in diags.items] == ["PD340"] * warned


def test_body_and_sub_headings_are_left_as_written() -> None:
    body_heading = _h("I. In a body")
    blocks: tuple[Block, ...] = (body_heading, _h("I. Sub", level=2), Para((Text("I. x"),)))
    diags = Diagnostics()
    numbered = number_arguments(blocks, frozenset({id(body_heading)}), diags, WHERE)
    assert numbered == blocks
    assert not diags.items


@pytest.mark.parametrize(
    ("heading", "number", "typed", "kept"),
    [
        ("I. Intro", 1, "I. ", "Intro"),
        ("1. Intro", 1, "1. ", "Intro"),
        ("IV.  Four", 4, "IV.  ", "Four"),
        ("II. Intro", 1, None, "II. Intro"),  # not its own number: left alone
        ("C. S. Lewis wrote", 1, None, "C. S. Lewis wrote"),  # initials
        ("Intro", 1, None, "Intro"),
        ("I.", 1, None, "I."),  # nothing after the number
    ],
)
def test_an_argument_heading_loses_its_own_typed_number(
    heading: str, number: int, typed: str | None, kept: str
) -> None:
    assert typed_own_number(heading, number) == typed
    assert argument_heading(heading, number) == kept


def _arguments_of(folder: Path) -> tuple[list[Heading], Diagnostics]:
    document, diags = compose(folder)
    assert document is not None
    return [b for b in document.blocks if isinstance(b, Heading)], diags


@pytest.mark.parametrize("template", ["comment-letter", "open-letter"])
def test_built_in_templates_give_numbers_not_typed_text(tmp_path: Path, template: str) -> None:
    arguments = [{"heading": f"Point {n}", "body": "Text.\n"} for n in ("one", "two", "three")]
    folder = write_submission(tmp_path, {"template": template, "arguments": arguments})
    headings, diags = _arguments_of(folder)
    assert [(plain_text(h.inlines), h.number) for h in headings] == [
        ("Point one", 1),
        ("Point two", 2),
        ("Point three", 3),
        ("Conclusion", None),
    ]
    assert not [d for d in diags.items if d.code == "PD340"]


def test_typed_number_in_a_submission_heading_is_removed_with_a_warning(tmp_path: Path) -> None:
    arguments = [
        {"heading": "I. Intro", "body": "Text.\n"},
        {"heading": "II. Next", "body": "Text.\n"},
    ]
    headings, diags = _arguments_of(write_submission(tmp_path, {"arguments": arguments}))
    assert [(plain_text(h.inlines), h.number) for h in headings[:2]] == [("Intro", 1), ("Next", 2)]
    warnings = [d for d in diags.items if d.code == "PD340"]
    assert [(Path(d.file).name, d.severity) for d in warnings] == [
        ("policydraft.yaml", "warning")
    ] * 2
    assert "'I.'" in warnings[0].message


def test_user_template_without_typed_numbers_keeps_unnumbered_headings(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"template": "./mine"})
    (folder / "mine").mkdir()
    source = (
        "{% for argument in arguments %}\n# {{ argument.heading }}\n\n"
        "{{ argument.body }}\n{% endfor %}\n"
    )
    (folder / "mine" / "letter.md.j2").write_text(source, encoding="utf-8")
    headings, _ = _arguments_of(folder)
    assert [(plain_text(h.inlines), h.number) for h in headings] == [("The first argument", None)]
