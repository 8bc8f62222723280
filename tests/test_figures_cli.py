"""Figures through the real command line: a PNG made here, rendered into DOCX and PDF."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission

BODY = 'Our data:\n\n![Bar chart of comments by year](figures/chart.png "Comments by year")\n'


def submission(tmp_path: Path, body: str) -> Path:
    folder = write_submission(
        tmp_path / "letter", {"arguments": [{"heading": "The data", "body": body}]}
    )
    (folder / "figures").mkdir()
    Image.new("RGB", (600, 300), (30, 90, 160)).save(
        folder / "figures" / "chart.png", dpi=(150, 150)
    )
    return folder


def test_render_prints_the_figure_in_both_formats(tmp_path: Path) -> None:
    folder = submission(tmp_path, BODY)
    result = run_cli("render", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(tmp_path / "out" / "letter.pdf")
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Figure 1: Comments by year" in text
    with zipfile.ZipFile(tmp_path / "out" / "letter.docx") as docx:
        assert "word/media/image1.png" in docx.namelist()
        image = Image.open(io.BytesIO(docx.read("word/media/image1.png")))
        assert image.size == (600, 300)


# (body, code and line reported: the argument body starts at its line in policydraft.yaml)
BAD = [
    ("![Chart](figures/missing.png)\n", "error PD220"),
    ("![Chart](../outside.png)\n", "error PD220"),
    ("Text ![Chart](figures/chart.png) inline.\n", "error PD223"),
]


@pytest.mark.parametrize(("body", "expected"), BAD)
def test_check_reports_bad_figures(tmp_path: Path, body: str, expected: str) -> None:
    folder = submission(tmp_path, body)
    result = run_cli("check", folder)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "policydraft.yaml:" in result.stderr
