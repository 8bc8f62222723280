"""A submission whose argument body has a pipe table, through the real command line: the
DOCX gets a Word table, the PDF the table's text; a ragged row is PD210 at its file line."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission

TABLE_BODY = (
    "Comments by year:\n\n"
    "| Year | Comments | Share |\n"
    "|:-----|:--------:|------:|\n"
    "| 2023 | 8,755 | 61% |\n"
    "| 2024 | 412 | 3% |\n"
)


def _submission(folder: Path, body: str) -> Path:
    arguments = [{"heading": "The record", "body": body}]
    return write_submission(folder, {"arguments": arguments})


def test_render_prints_the_table_in_both_formats(tmp_path: Path) -> None:
    folder = _submission(tmp_path / "letter", TABLE_BODY)
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "PD203" not in result.stderr + result.stdout
    (docx_file,) = out.glob("*.docx")
    document = zipfile.ZipFile(docx_file).read("word/document.xml").decode()
    assert document.count("<w:tbl>") == 1 and "<w:tblHeader/>" in document
    (pdf_file,) = out.glob("*.pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_file.read_bytes())).pages)
    for word in ("Year", "Comments", "Share", "8,755", "61%"):
        assert word in text


@pytest.mark.parametrize(
    ("row", "status", "severity"),
    [("| 2025 |", 0, "warning"), ("| 2025 | 1 | 2% | extra |", 1, "error")],
)
def test_a_ragged_row_is_pd210_at_its_line(
    tmp_path: Path, row: str, status: int, severity: str
) -> None:
    folder = _submission(tmp_path / "letter", TABLE_BODY + row + "\n")
    result = run_cli("check", folder)
    assert result.returncode == status, result.stderr
    lines = [line for line in (result.stderr + result.stdout).splitlines() if "PD210" in line]
    assert len(lines) == 1
    assert f"{severity} PD210" in lines[0]
    assert "policydraft.yaml:" in lines[0]  # the body is a string of the YAML file
