"""``policydraft redline DIR --against REV``: DIR compared with itself at a git revision,
read from git's object store (the working tree and the index untouched), and the ways the
command refuses (exit 2, one line, no redline)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission
from tests.redline.test_redline import version
from tests.redline.tracked import shown
from tests.writers.ooxml_validation import read_parts

ENV = {"SOURCE_DATE_EPOCH": "1700000000"}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=True,
        env={"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    return done.stdout


def _env(tmp_path: Path) -> dict[str, str]:
    return {**ENV, "GIT_CEILING_DIRECTORIES": str(tmp_path)}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose folder ``letter`` has two commits: "proposed", then "final"."""
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    write_submission(root / "letter", version())
    (root / "other.txt").write_text("not part of the letter\n")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "first")
    write_submission(root / "letter", version(rule="final"))
    _git(root, "commit", "-q", "-am", "second")
    return root


def test_against_the_last_commit(repo: Path, tmp_path: Path) -> None:
    write_submission(repo / "letter", version(rule="amended"))  # uncommitted, in the index too
    _git(repo, "add", "letter")
    status = _git(repo, "status", "--porcelain")
    staged = _git(repo, "diff", "--cached")
    done = run_cli("redline", repo / "letter", "--against", "HEAD~1", "--out", tmp_path / "out",
                   "--author", "A. Reviewer", env=_env(tmp_path))  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    wrote = done.stdout.splitlines()
    assert wrote[0].startswith("wrote ") and "letter-redline.docx (" in wrote[0], wrote
    assert re.fullmatch(r"wrote .*letter-redline\.pdf \(\d+ pages?\)", wrote[1]), wrote
    first = " ".join(
        PdfReader(tmp_path / "out" / "letter-redline.pdf").pages[0].extract_text().split()
    )
    assert "HEAD~1 (" in first and "compared with letter (" in first  # OLD named by REV
    parts = read_parts((tmp_path / "out" / "letter-redline.docx").read_bytes())
    body, _ = shown(parts, "del")
    assert any("the proposed rule" in text for text in body)  # OLD: the first commit
    body, _ = shown(parts, "ins")
    assert any("the amended rule" in text for text in body)  # NEW: the folder as it is
    assert _git(repo, "status", "--porcelain") == status
    assert _git(repo, "diff", "--cached") == staged


def test_against_from_inside_the_folder_and_at_the_root(repo: Path, tmp_path: Path) -> None:
    done = run_cli("redline", ".", "--against", "HEAD^", "--out", tmp_path / "a",
                   cwd=repo / "letter", env=_env(tmp_path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "1 tracked change" in done.stdout or "tracked changes" in done.stdout
    write_submission(tmp_path / "root", version())
    _git(tmp_path / "root", "init", "-q")
    _git(tmp_path / "root", "add", ".")
    _git(tmp_path / "root", "commit", "-q", "-m", "only")
    done = run_cli("redline", tmp_path / "root", "--against", "HEAD", "--out", tmp_path / "b",
                   env=_env(tmp_path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "(0 tracked changes)" in done.stdout


LATER = "did not exist at revision 'HEAD~1'"
UNKNOWN = "unknown git revision 'no-such-branch'"
BAD = [  # (case, arguments after "redline", what the message says)
    ("unknown revision", ["{repo}/letter", "--against", "no-such-branch"], UNKNOWN),
    ("revision like an option", ["{repo}/letter", "--against=--output=x"], "takes a git revision"),
    ("folder not there then", ["{repo}/later", "--against", "HEAD~1"], LATER),
    ("not in git", ["{tmp}/loose", "--against", "HEAD"], "is not in a git repository"),
    ("both NEW and --against", ["{repo}/letter", "{repo}/letter", "--against", "HEAD"], "not both"),
    ("one folder only", ["{repo}/letter"], "give two folders"),
    ("no such folder", ["{tmp}/nowhere", "--against", "HEAD"], "no such submission folder"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "args", "said"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_is_a_usage_error(
    repo: Path, tmp_path: Path, case: str, args: list[str], said: str
) -> None:
    write_submission(tmp_path / "loose", version())
    write_submission(repo / "later", version())
    _git(repo, "add", "later")
    _git(repo, "commit", "-q", "-m", "later")
    given = [a.format(repo=repo, tmp=tmp_path) for a in args]
    done = run_cli("redline", *given, "--out", tmp_path / "out", env=_env(tmp_path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert said in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_version_at_rev_that_does_not_check_is_reported(repo: Path, tmp_path: Path) -> None:
    write_submission(repo / "letter", {**version(), "date": "15 March 2025"})
    _git(repo, "commit", "-q", "-am", "broken")
    write_submission(repo / "letter", version())
    done = run_cli("redline", repo / "letter", "--against", "HEAD", "--out", tmp_path / "out",
                   env=_env(tmp_path))  # fmt: skip
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert re.search(r"^HEAD:\S*letter/policydraft\.yaml:\d+:\d+: error ", said, re.M), said
    assert "policydraft-redline-" not in said  # not the temporary folder's path
    assert not (tmp_path / "out").exists()
