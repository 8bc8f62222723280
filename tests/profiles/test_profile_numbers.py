"""A profile rule's numbers are finite and in a sane range: PD601 at the number, never a crash.

``minimum: .inf`` in a font-size rule was an OverflowError when the type size became
half-points; every number a rule takes is checked the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.profiles.load import load_profile
from policydraft.profiles.rules import base as bounds

HEAD = "title: Mine\nagency: Example Agency\nrules:\n"
WHERE = Location("policydraft.yaml", 1, 1)

# (rule, key, a value at the top of its range)
NUMBERS = [
    ("pages", "max", bounds.MAX_PAGES),
    ("words", "max", bounds.MAX_WORDS),
    ("font-size", "minimum", bounds.MAX_FONT_SIZE),
    ("file-size", "max_mb", bounds.MAX_FILE_MB),
    ("attachments", "max", bounds.MAX_ATTACHMENTS),
    ("comment-box", "max_characters", bounds.MAX_WORDS),
    ("submitter", "top_lines", bounds.MAX_TOP_LINES),
]
FLOATS = {"font-size", "file-size"}


def load(tmp_path: Path, rule: str, key: str, value: str) -> tuple[object, Diagnostics]:
    text = HEAD + f"  - rule: {rule}\n    {key}: {value}\n    source: R\n"
    (tmp_path / "mine.yaml").write_text(text, encoding="utf-8")
    diags = Diagnostics()
    return load_profile("./mine.yaml", tmp_path, diags, WHERE), diags


def bad_values(rule: str, top: int) -> list[str]:
    values = ["0", "-1", str(top + 1), "1" + "0" * 40]
    if rule in FLOATS:
        values += [".inf", "-.inf", ".nan", "1e308"]
    return values


CASES = [
    pytest.param(rule, key, value, id=f"{rule}-{value}")
    for rule, key, top in NUMBERS
    for value in bad_values(rule, top)
]


@pytest.mark.parametrize(("rule", "key", "value"), CASES)
def test_a_number_out_of_range_is_refused_at_its_line(
    tmp_path: Path, rule: str, key: str, value: str
) -> None:
    profile, diags = load(tmp_path, rule, key, value)
    assert profile is None
    [found] = diags.items
    assert (found.code, found.line) == ("PD601", 5), found
    assert f"'{key}'" in found.message


@pytest.mark.parametrize(("rule", "key", "top"), NUMBERS, ids=[rule for rule, _, _ in NUMBERS])
def test_the_top_of_each_range_is_accepted(tmp_path: Path, rule: str, key: str, top: int) -> None:
    profile, diags = load(tmp_path, rule, key, str(top))
    assert diags.items == []
    assert profile is not None
