"""PD902 points at the file and line where the undrawable character is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics
from policydraft.pipeline import check
from tests.helpers import write_submission
from tests.test_cli import run


def pd902(folder: Path) -> list[tuple[str, int, int, str]]:
    diags = Diagnostics()
    check(folder, diags, render_checks=False)
    return [(Path(d.file).name, d.line, d.column, d.message) for d in diags if d.code == "PD902"]


def test_a_character_in_a_markdown_file_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"arguments": [{"heading": "H", "file": "a.md"}]})
    (folder / "a.md").write_text("Fine.\n\nA smile \U0001f600 and \U0001f389.\n", encoding="utf-8")
    [(file, line, column, message)] = pd902(folder)
    assert (file, line, column) == ("a.md", 3, 9)
    assert "U+1F600" in message and "U+1F389" in message


def test_a_character_in_policydraft_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"conclusion": "We ask you \U0001f600.\n"})
    [(file, line, column, message)] = pd902(folder)
    text = (folder / "policydraft.yaml").read_text(encoding="utf-8").split("\n")
    assert file == "policydraft.yaml"
    assert "\U0001f600" in text[line - 1] and text[line - 1][column - 1] == "\U0001f600"
    assert "U+1F600" in message


def test_many_lines_are_summed_up_after_twenty(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"arguments": [{"heading": "H", "file": "a.md"}]})
    (folder / "a.md").write_text("Line \U0001f600.\n\n" * 25, encoding="utf-8")
    found = pd902(folder)
    assert [line for _, line, _, _ in found[:20]] == list(range(1, 40, 2))
    assert found[-1][3].startswith("and 5 more line(s)")


def test_the_command_prints_the_markdown_file(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"arguments": [{"heading": "H", "file": "a.md"}]})
    (folder / "a.md").write_text("x\n\U0001f600\n", encoding="utf-8")
    result = run("check", folder)
    assert result.returncode == 1
    assert "a.md:2:1: error PD902" in result.stderr


# Strings the letter prints as data rather than as Markdown: each is checked as the body is.
DATA_STRINGS = [
    ("signer", {"signature": [{"name": "Jane \U0001f600 Roe"}]}),
    ("firm", {"signature": [{"name": "Jane Roe"}], "firm": {"name": "Roe \U0001f600 LLP"}}),
    ("letterhead", {"letterhead": {"lines": ["Authors \U0001f600 Guild"]}}),
]


@pytest.mark.parametrize(("what", "settings"), DATA_STRINGS, ids=[w for w, _ in DATA_STRINGS])
def test_signature_and_letterhead_text_is_checked(
    tmp_path: Path, what: str, settings: dict[str, object]
) -> None:
    folder = write_submission(tmp_path, settings)
    [(file, line, column, message)] = pd902(folder)
    text = (folder / "policydraft.yaml").read_text(encoding="utf-8").split("\n")
    assert file == "policydraft.yaml" and text[line - 1][column - 1] == "\U0001f600", what
    assert "U+1F600" in message
