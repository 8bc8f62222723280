"""After a filing, through the real command line: the publication page marks who joined
since (``render --to html --joined-since FILING``), and a supplement's package says what it
is ("Supplement No. 1 to ...") and the total signed, not only the signers it adds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.packaging.conftest import FILED, set_rows

ADDED = "Katherine Johnson,Mathematician,NASA,kj@example.org,yes\nDorothy Vaughan,,NASA,,yes\n"
MARK = "(joined after the filing of March 15, 2025)"


def row(page: str, name: str) -> str:
    """The list item of ``name`` on the page."""
    found = re.search(rf"<li[^>]*>{re.escape(name)}.*?</li>", page)
    assert found is not None, name
    return found.group(0)


@pytest.fixture(scope="module")
def page(filed: tuple[Path, Path]) -> str:
    folder, filing = filed
    set_rows(folder, FILED + ADDED)
    out = filing.parent / "page"
    result = run_cli("render", folder, "--to", "html", "--joined-since", filing, "--out", out)
    assert result.returncode == 0, result.stderr
    return (out / "letter.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "marked"),
    [
        pytest.param("Katherine Johnson", True, id="added, with an address"),
        pytest.param("Dorothy Vaughan", True, id="added, no address"),
        pytest.param("Ada Lovelace", False, id="filed, matched by address"),
        pytest.param("Alan Turing", False, id="filed, matched by name"),
    ],
)
def test_marks(page: str, name: str, marked: bool) -> None:
    assert (MARK in row(page, name)) == marked


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(("--to", "html"), "PD801", id="not a filing"),
        pytest.param(("--to", "pdf"), "add html to --to", id="no page to mark"),
    ],
)
def test_joined_since_bad_input(
    filed: tuple[Path, Path], tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    folder, _ = filed
    result = run_cli("render", folder, *args, "--joined-since", tmp_path, "--out", tmp_path)
    assert result.returncode != 0
    assert expected in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.fixture(scope="module")
def supplement(filed: tuple[Path, Path], page: str) -> Path:
    folder, filing = filed
    out = filing.parent / "s1"
    result = run_cli("package", folder, "--supplement-to", filing, "--out", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param("title", "Supplement No. 1 to Comment on the Proposed Rule", id="title"),
        pytest.param("supplement", 1, id="number"),
        pytest.param("signatories", 5, id="total: 3 filed + 2 added"),
    ],
)
def test_supplement_manifest(supplement: Path, key: str, expected: object) -> None:
    manifest = json.loads((supplement / "manifest.json").read_text(encoding="utf-8"))
    assert manifest[key] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Supplement No. 1 to Comment on the Proposed Rule",
        "Submitted by Jane Advocate, Example Coalition, with 5 signatories.",
    ],
)
def test_supplement_comment_text(supplement: Path, line: str) -> None:
    assert line in (supplement / "comment.txt").read_text(encoding="utf-8").splitlines()
