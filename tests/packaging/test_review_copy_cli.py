"""Review copies through the command line: ``render --draft`` names its files NAME-draft and
gives the same bytes under SOURCE_DATE_EPOCH; ``package`` refuses a ``draft:`` setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli, write_submission

EPOCH = {"SOURCE_DATE_EPOCH": "1742047500"}


def test_render_draft_names_files_draft_and_is_reproducible(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "letter", {"output": {"name": "comment"}})
    made = []
    for run in ("one", "two"):
        result = run_cli("render", folder, "--draft", "--out", tmp_path / run, env=EPOCH)
        assert result.returncode == 0, result.stderr
        made.append(sorted(p.name for p in (tmp_path / run).iterdir()))
    assert made[0] == ["comment-draft.docx", "comment-draft.pdf"]
    for name in made[0]:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.parametrize("draft", [True, {"watermark": "PRIVILEGED & CONFIDENTIAL — DRAFT"}])
def test_package_refuses_a_draft_at_its_line(tmp_path: Path, draft: object) -> None:
    folder = write_submission(tmp_path / "letter", {"draft": draft})
    result = run_cli("package", folder, "--out", tmp_path / "pkg", "--json", env=EPOCH)
    assert result.returncode != 0
    found = [d for d in json.loads(result.stdout) if d["code"] == "PD910"]
    assert len(found) == 1
    lines = (folder / "policydraft.yaml").read_text(encoding="utf-8").splitlines()
    assert '"draft"' in lines[found[0]["line"] - 1]
    assert not (tmp_path / "pkg").exists()


def test_package_takes_draft_false(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "letter", {"draft": False})
    result = run_cli("package", folder, "--out", tmp_path / "pkg", env=EPOCH)
    assert "PD910" not in result.stdout + result.stderr
