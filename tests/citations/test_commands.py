"""The citation commands through the real CLI: check --online against a local server,
sources list, and a citation mistake reported at its line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.citations.test_online import TOKEN, server  # noqa: F401  (the fixture)
from tests.helpers import write_submission

SOURCES = """\
- id: campbell
  type: case
  name: Campbell v. Acuff-Rose Music, Inc.
  volume: 510
  reporter: U.S.
  page: 569
  year: 1994
- id: invented
  type: case
  name: Nobody v. Nothing
  volume: 511
  reporter: U.S.
  page: 1
  year: 1994
- id: live
  type: web
  title: A page that answers
  url: {base}/ok
  accessed: 2025-03-01
- id: gone
  type: web
  title: A page that is gone
  url: {base}/gone
  accessed: 2025-03-01
"""
BODY = "Fair use is case by case.[@campbell, 577] Not so.[@invented] See [@live; @gone].\n"


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base_env = {k: v for k, v in os.environ.items() if k != "COURTLISTENER_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "policydraft", *map(str, args)],
        capture_output=True, text=True, env={**base_env, **(env or {})}, timeout=120, check=False,
    )  # fmt: skip


def _submission(folder: Path, base: str) -> Path:
    write_submission(folder, {"sources": "sources.yaml", "arguments": [
        {"heading": "Fair use", "body": BODY}]}, signatories=None)  # fmt: skip
    (folder / "sources.yaml").write_text(SOURCES.format(base=base), encoding="utf-8")
    return folder


def test_check_is_offline_by_default(tmp_path: Path, server: str) -> None:  # noqa: F811
    folder = _submission(tmp_path / "sub", server)
    result = run("check", folder, "--json")
    assert result.returncode == 0, result.stderr
    assert not {d["code"] for d in json.loads(result.stdout)} & {"PD530", "PD531", "PD532"}


def test_check_online_reports_dead_urls_and_unknown_cases(tmp_path: Path, server: str) -> None:  # noqa: F811
    folder = _submission(tmp_path / "sub", server)
    env = {"COURTLISTENER_TOKEN": TOKEN, "POLICYDRAFT_COURTLISTENER_URL": server}
    result = run("check", folder, "--online", "--json", env=env)
    found = {(d["code"], d["line"]) for d in json.loads(result.stdout)}
    assert ("PD530", 20) in found  # the line of the "gone" entry in sources.yaml
    assert ("PD531", 8) in found  # 'invented' is unknown to the lookup
    assert not any(code == "PD531" and line == 1 for code, line in found)  # Campbell is known
    assert result.returncode == 1


def test_check_online_without_token_says_so_once(tmp_path: Path, server: str) -> None:  # noqa: F811
    folder = _submission(tmp_path / "sub", server)
    result = run("check", folder, "--online", "--json",
                 env={"POLICYDRAFT_COURTLISTENER_URL": server})  # fmt: skip
    notes = [d for d in json.loads(result.stdout) if d["code"] == "PD532"]
    assert len(notes) == 1 and "COURTLISTENER_TOKEN" in notes[0]["message"]


def test_sources_list_shows_forms_and_places(tmp_path: Path, server: str) -> None:  # noqa: F811
    folder = _submission(tmp_path / "sub", server)
    result = run("sources", "list", folder, "--json")
    assert result.returncode == 0, result.stderr
    listing = {item["id"]: item for item in json.loads(result.stdout)}
    assert listing["campbell"]["full"] == "Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994)"
    assert listing["campbell"]["short"] == "Campbell, 510 U.S. 569"
    assert [c["line"] for c in listing["campbell"]["cited_at"]] == [
        listing["campbell"]["cited_at"][0]["line"]
    ]
    assert listing["gone"]["cited_at"]


def test_unknown_key_is_an_error_at_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    folder = _submission(tmp_path / "sub", "https://example.gov")
    (folder / "policydraft.yaml").write_text(
        (folder / "policydraft.yaml").read_text().replace("@campbell,", "@campbel,")
    )
    result = run("render", folder, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "error PD501: no source 'campbel'" in result.stderr
    assert "did you mean '@campbell'" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
