"""The DOCX opens in LibreOffice and says what the PDF says, word for word."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from policydraft.diagnostics import Diagnostics
from policydraft.pipeline import check, write_files

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; .ci/run installs it",
)


def _words(text: str) -> Counter[str]:
    """Words without digits or punctuation: page footers and note numbers differ by layout."""
    text = re.sub(r"Page \d+ of \d+", " ", text)
    text = text.replace("\u00ad", "").replace("-\n", "")
    return Counter(w for w in (re.sub(r"[\W\d_]+", "", t) for t in text.split()) if w)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@needs_soffice
def test_docx_opens_in_libreoffice_and_matches_the_pdf(tmp_path: Path) -> None:
    assert SOFFICE is not None, "CI must install LibreOffice"
    diags = Diagnostics()
    checked = check(EXAMPLE, diags)
    assert checked is not None and not diags.has_errors, diags.sorted()
    files = {f.format: f.path for f in write_files(checked, ["pdf", "docx"], tmp_path / "out")}
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(files["docx"]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    via_word = _words(_pdf_text(tmp_path / "lo" / files["docx"].with_suffix(".pdf").name))
    ours = _words(_pdf_text(files["pdf"]))
    assert sum(ours.values()) > 4000 and ours["王小明"] == 1
    missing, extra = ours - via_word, via_word - ours
    assert not missing and not extra, f"only in our PDF: {missing}; only in the DOCX: {extra}"
