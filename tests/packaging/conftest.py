"""A letter with an e-mail and a consent column, packaged once: the filing the tests follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli, write_submission

HEADER = "name,title,organization,email,consent\n"
FILED = (
    "Ada Lovelace,Analyst,Engines Ltd,ada@example.org,yes\n"
    "Grace Hopper,Rear Admiral,US Navy,grace@example.org,yes\n"
    "Alan Turing,,Bletchley Park,,yes\n"
)
COLUMNS = {"file": "signatories.csv", "columns": {"email": "email", "consent": "consent"}}


def submission(folder: Path, rows: str) -> Path:
    return write_submission(folder, {"signatories": COLUMNS}, HEADER + rows)


def set_rows(folder: Path, rows: str) -> None:
    (folder / "signatories.csv").write_text(HEADER + rows, encoding="utf-8")


@pytest.fixture(scope="module")
def filed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the submission folder, the filing folder ``package`` made of it)."""
    root = tmp_path_factory.mktemp("filed")
    folder = submission(root / "letter", FILED)
    result = run_cli("package", folder, "--out", root / "filing")
    assert result.returncode == 0, result.stderr
    return folder, root / "filing"
