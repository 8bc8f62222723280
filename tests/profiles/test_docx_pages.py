"""The DOCX's pages from a real layout, through the real command line (``profiles/docx_pages``).

Under a profile that files the DOCX and has a page rule (or with ``--docx-pages``),
``check``, ``render`` and ``package`` have LibreOffice lay out the DOCX they wrote: its page
count goes into docProps/app.xml, render's summary and the manifest, and the page rules are
checked on it. The references are made with python-docx (not our writer); the page counts
expected are LibreOffice's own, from converting the published DOCX again in the test.
Without LibreOffice, and with a LibreOffice that fails (a stand-in script on PATH), the
pages are "not laid out" and a note says why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
ARGUMENTS = [{"heading": f"Argument {n}", "body": f"Paragraph {n}.\n"} for n in range(1, 5)]


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (install LibreOffice)")
        pytest.skip("LibreOffice (soffice) is not on PATH")
    return found


def libreoffice_pages(document: Path, folder: Path) -> int:
    """How many pages LibreOffice lays ``document`` out in, converted here, not by policydraft."""
    profile = (folder / "lo-profile").as_uri()
    command = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["pdf", "--outdir", str(folder / "lo"), str(document)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return len(PdfReader(folder / "lo" / document.with_suffix(".pdf").name).pages)


def app_pages(document: Path) -> str | None:
    """The <Pages> of the DOCX's docProps/app.xml, or None when it has none."""
    app = zipfile.ZipFile(document).read("docProps/app.xml").decode()
    if "<Pages>" not in app:
        return None
    return app.split("<Pages>")[1].split("</Pages>")[0]


def profile_file(folder: Path, attach: str, *rules: str) -> None:
    """``folder/mine.yaml``: a profile of our own attaching ``attach`` with ``rules``."""
    listed = "".join(f"  - rule: {rule}\n    source: Example Notice\n" for rule in rules)
    text = f"title: Mine\nagency: Example Agency\nattach: [{attach}]\nrules:\n{listed}"
    text = text.replace("rule: pages\n", "rule: pages\n    max: 2\n")
    (folder / "mine.yaml").write_text(text, encoding="utf-8")


def reference(folder: Path, build: str) -> None:
    """A reference.docx made with python-docx, for the comment-letter template."""
    doc = docx.Document()
    if build == "page-break-before-body-text":  # every body paragraph starts a page in Word
        doc.styles["Body Text"].paragraph_format.page_break_before = True
    elif build == "footer-without-page":
        doc.sections[0].footer.paragraphs[0].text = "Privileged and confidential"
    elif build == "first-page-footer-without-page":
        section = doc.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_footer.paragraphs[0].text = "Example Coalition letterhead"
    target = folder / "templates" / "comment-letter"
    target.mkdir(parents=True)
    doc.save(str(target / "reference.docx"))


def fake_soffice(folder: Path) -> Path:
    """A folder for PATH whose ``soffice`` leaves a mark and makes no PDF (a failed layout)."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(f'#!/bin/sh\n: > "{folder / "soffice-ran"}"\nexit 0\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return bin_dir


def test_the_examples_docx_counts_its_pages_as_libreoffice_lays_it_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    # the example's profile files the PDF alone: its DOCX is laid out when asked
    result = run_cli("render", EXAMPLE, "--out", out, "--docx-pages", timeout=600)
    assert result.returncode == 0, result.stderr
    document = next(out.glob("*.docx"))
    pages = libreoffice_pages(document, tmp_path)
    assert f"{document.name} ({pages} pages as laid out by LibreOffice," in result.stdout
    assert app_pages(document) == str(pages)


def test_the_docx_longer_than_the_limit_fails_while_the_pdf_is_within_it(tmp_path: Path) -> None:
    soffice()
    overrides = {"profile": "./mine.yaml", "arguments": ARGUMENTS}
    folder = write_submission(tmp_path / "letter", overrides)
    profile_file(folder, "pdf, docx", "pages")
    reference(folder, "page-break-before-body-text")
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out, timeout=600)
    assert result.returncode == 1, result.stderr
    assert "error PD610: the DOCX, as LibreOffice lays it out, has " in result.stderr
    assert "pages; mine allows at most 2 (Example Notice)" in result.stderr
    assert "the PDF has" not in result.stderr  # the PDF is within the limit
    assert not out.exists() or not list(out.iterdir())  # nothing published


@pytest.mark.parametrize(
    ("build", "where"),
    [
        ("footer-without-page", "the pages of section"),
        ("first-page-footer-without-page", "the first page of section"),
    ],
)
def test_a_reference_footer_without_a_page_field_fails_naming_the_docx(
    tmp_path: Path, build: str, where: str
) -> None:
    """The PAGE field is read from the DOCX's XML: no LibreOffice needed (none on PATH)."""
    folder = write_submission(tmp_path / "letter", {"profile": "./mine.yaml"})
    profile_file(folder, "pdf", "page-numbers")
    reference(folder, build)
    result = run_cli("render", folder, "--out", tmp_path / "out", env={"PATH": str(tmp_path)})
    assert result.returncode == 1, result.stderr
    expected = f"error PD618: the DOCX has no PAGE field in the footer or header of {where}"
    assert expected in result.stderr
    assert "mine requires a page number on each page (Example Notice)" in result.stderr


def test_without_libreoffice_the_docx_pages_are_a_note_and_not_laid_out(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "letter", {"profile": "./mine.yaml"})
    profile_file(folder, "pdf, docx", "pages")
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out, env={"PATH": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (
        "note PD622: the DOCX's pages were not checked against mine's page "
        "rules: LibreOffice (soffice) is not installed to lay the document out"
    ) in result.stderr
    assert re.search(r"\.docx \([\d,]+ KB\)", result.stdout), result.stdout  # no count
    document = next(out.glob("*.docx"))
    assert app_pages(document) is None  # no count is claimed


@pytest.mark.parametrize(
    ("options", "profile", "attach", "runs"),
    [
        ((), None, "pdf", False),  # no page rule, not asked: no LibreOffice run
        (("--docx-pages",), None, "pdf", True),
        ((), "page-numbers", "pdf, docx", True),  # the DOCX is filed: its pages are ruled
        ((), "page-numbers", "pdf", False),  # the DOCX is not filed: not laid out unasked
        (("--to", "pdf"), "page-numbers", "pdf, docx", False),  # no DOCX to lay out
    ],
    ids=["no-rule", "docx-pages", "page-rule-docx-filed", "page-rule-pdf-filed", "no-docx"],
)
def test_libreoffice_runs_only_for_a_filed_docx_or_when_asked(
    tmp_path: Path, options: tuple[str, ...], profile: str | None, attach: str, runs: bool
) -> None:
    overrides = {"profile": "./mine.yaml"} if profile else {}
    folder = write_submission(tmp_path / "letter", overrides)
    if profile:
        profile_file(folder, attach, profile)
    path = str(fake_soffice(tmp_path))
    result = run_cli("render", folder, "--out", tmp_path / "out", *options, env={"PATH": path})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "soffice-ran").exists() == runs
    if runs:  # the stand-in makes no PDF: a failed layout is a note, never an error
        assert "LibreOffice could not lay the document out (no PDF was made)" in result.stderr
        assert "note PD622" in result.stderr
    if "--to" not in options:
        assert re.search(r"\.docx \([\d,]+ KB\)", result.stdout), result.stdout  # no count


def test_a_docx_pages_render_is_reproducible(tmp_path: Path) -> None:
    soffice()
    folder = write_submission(tmp_path / "letter")
    contents = []
    for run in ("one", "two"):
        result = run_cli("render", folder, "--to", "docx", "--docx-pages", "--out", tmp_path / run)
        assert result.returncode == 0, result.stderr
        assert "as laid out by LibreOffice" in result.stdout
        contents.append((tmp_path / run / "letter.docx").read_bytes())
    assert contents[0] == contents[1]


def test_package_and_check_lay_out_an_attached_docx(tmp_path: Path) -> None:
    soffice()
    folder = write_submission(tmp_path / "letter", {"profile": "./mine.yaml"})
    profile_file(folder, "pdf, docx", "page-numbers")
    checked = run_cli("check", folder, env={"PATH": str(tmp_path)})  # no LibreOffice: a note
    assert checked.returncode == 0, checked.stderr
    assert "note PD622" in checked.stderr
    result = run_cli("package", folder, "--out", tmp_path / "out", timeout=600)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["name"]: entry["pages"] for entry in manifest["files"]}
    document = next((tmp_path / "out").glob("*.docx"))
    pages = libreoffice_pages(document, tmp_path)
    assert listed[document.name] == pages
    assert app_pages(document) == str(pages)


def test_check_fails_when_the_attached_docx_is_too_long(tmp_path: Path) -> None:
    soffice()
    overrides = {"profile": "./mine.yaml", "arguments": ARGUMENTS}
    folder = write_submission(tmp_path / "letter", overrides)
    profile_file(folder, "pdf, docx", "pages")
    reference(folder, "page-break-before-body-text")
    result = run_cli("check", folder, timeout=600)
    assert result.returncode == 1, result.stderr
    assert "error PD610: the DOCX, as LibreOffice lays it out, has " in result.stderr
