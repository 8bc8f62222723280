"""``policydraft verify FILE... --profile NAME`` through the real command line.

The files checked are made outside policydraft: PDFs drawn with a plain reportlab canvas (not
our writer) or exported by LibreOffice, DOCX files written with python-docx, an encrypted PDF
from pypdf. Only one file is ours: the example's PDF, which must pass under its profile.
The measured values expected ("17 pages", "10 pt") are those the files were made with.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from pypdf import PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
OSTP = "ostp-ai-action-plan"
SOURCE = "90 Fed. Reg. 9088 (Feb. 6, 2025)"


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (install LibreOffice)")
        pytest.skip("LibreOffice (soffice) is not on PATH")
    return found


def canvas_pdf(path: Path, pages: int, size: float, *, numbered: bool = False) -> Path:
    """A letter drawn on a bare reportlab canvas: ``pages`` pages of ``size``-point text."""
    drawing = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for number in range(1, pages + 1):
        drawing.setFont("Times-Roman", size)
        for line in range(30):
            drawing.drawString(72, 700 - line * size * 1.5, f"Line {line} of page {number}.")
        if numbered:
            drawing.drawCentredString(306, 36, f"Page {number} of {pages}")
        drawing.showPage()
    drawing.save()
    return path


def word_docx(path: Path, pages: int, size: float) -> Path:
    """A DOCX written with python-docx: Normal at ``size`` points, a page break per page."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(size)
    for number in range(1, pages + 1):
        document.add_paragraph(f"Page {number} of a letter set in {size:g} point type.")
        if number < pages:
            document.add_page_break()
    document.save(str(path))
    return path


def libreoffice_pdf(source: Path, folder: Path) -> Path:
    """LibreOffice's PDF export of ``source`` (a private profile: parallel runs don't clash)."""
    profile = (folder / "lo-profile").as_uri()
    command = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["pdf", "--outdir", str(folder / "lo"), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return folder / "lo" / source.with_suffix(".pdf").name


def verify(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = run_cli("verify", *args, env=env, timeout=300)
    return result.returncode, result.stderr + result.stdout


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example")
    result = run_cli("render", EXAMPLE, "--to", "pdf", "--out", out, timeout=300)
    assert result.returncode == 0, result.stderr
    return next(out.glob("*.pdf"))


def test_our_own_pdf_of_the_example_passes_its_profile(example_pdf: Path) -> None:
    name = "The Undersigned Members of the Creative Community"
    status, output = verify(example_pdf, "--profile", OSTP, "--submitter", name)
    assert status == 0, output
    assert " error PD" not in output
    assert "0 errors" in output


def test_a_missing_submitter_is_found_missing(example_pdf: Path) -> None:
    status, output = verify(example_pdf, "--profile", OSTP, "--submitter", "Somebody Else")
    assert status == 1
    assert "PD617" in output and "'Somebody Else' is not printed" in output


def test_without_submitter_the_rule_is_skipped_with_a_note(example_pdf: Path) -> None:
    status, output = verify(example_pdf, "--profile", OSTP)
    assert status == 0, output
    assert "note PD632: the submitter rule is not checked" in output


@pytest.mark.parametrize(
    ("pages", "size", "numbered", "expected"),
    [
        (17, 10, False, ["the PDF has 17 pages; ostp-ai-action-plan allows at most 15"]),
        (17, 10, False, ["10 pt on pages 1, 2, 3", "requires at least 12 pt"]),
        (17, 10, False, ["no page number found on pages 1, 2, 3"]),
        (3, 11.5, True, ["the PDF sets text in 11.5 pt on pages 1, 2, 3"]),
    ],
    ids=["pages", "type-size", "page-numbers", "half-point"],
)
def test_a_canvas_pdf_breaking_the_rules_fails_with_the_measured_values(
    tmp_path: Path, pages: int, size: float, numbered: bool, expected: list[str]
) -> None:
    pdf = canvas_pdf(tmp_path / "letter.pdf", pages, size, numbered=numbered)
    status, output = verify(pdf, "--profile", OSTP)
    assert status == 1
    for text in expected:
        assert text in output
    assert output.startswith("letter.pdf:1:1: error") or "letter.pdf:1:1: error" in output


def test_a_numbered_twelve_point_pdf_passes_the_page_and_type_rules(tmp_path: Path) -> None:
    pdf = canvas_pdf(tmp_path / "letter.pdf", 15, 12, numbered=True)
    status, output = verify(pdf, "--profile", OSTP)
    assert "PD610" not in output and "PD611" not in output and "PD618" not in output
    assert "PD616" in output and status == 1  # the statement is not printed: still an error


def test_a_libreoffice_pdf_of_a_word_file_fails_with_the_measured_values(
    tmp_path: Path,
) -> None:
    pdf = libreoffice_pdf(word_docx(tmp_path / "letter.docx", 17, 10), tmp_path)
    status, output = verify(pdf, "--profile", OSTP)
    assert status == 1
    assert "the PDF has 17 pages; ostp-ai-action-plan allows at most 15" in output
    assert "the PDF sets text in 10 pt on pages 1, 2, 3" in output


def test_a_docx_is_laid_out_by_libreoffice(tmp_path: Path) -> None:
    soffice()
    status, output = verify(word_docx(tmp_path / "letter.docx", 17, 10), "--profile", OSTP)
    assert status == 1
    assert "as LibreOffice lays the DOCX out, the PDF has 17 pages" in output
    assert "as LibreOffice lays the DOCX out, the PDF sets text in 10 pt" in output


def test_a_docx_without_libreoffice_reads_sizes_from_its_styles(tmp_path: Path) -> None:
    document = word_docx(tmp_path / "letter.docx", 17, 10)
    bare = tmp_path / "bin"  # a PATH with no soffice on it
    bare.mkdir()
    status, output = verify(document, "--profile", OSTP, env={"PATH": str(bare)})
    assert status == 1
    assert "the DOCX sets text in 10 pt (style Normal)" in output
    assert "warning PD632: the pages and page-numbers rules are not checked" in output
    assert "LibreOffice (soffice) is not installed" in output


def _encrypted(path: Path, source: Path, password: str) -> Path:
    writer = PdfWriter(clone_from=source)
    writer.encrypt(user_password=password, owner_password="owner")
    writer.write(path)
    return path


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "no Word here")
    return path


def _textless(path: Path) -> Path:
    drawing = canvas.Canvas(str(path), pagesize=letter)
    drawing.rect(72, 72, 400, 600, fill=1)  # a scanned page: marks, no text
    drawing.showPage()
    drawing.save()
    return path


@pytest.mark.parametrize(
    ("make", "profile", "expected"),
    [
        (
            lambda d: _encrypted(d / "f.pdf", canvas_pdf(d / "s.pdf", 1, 12), "secret"),
            OSTP,
            ["error PD614: the PDF is encrypted", "warning PD632: f.pdf opens only with a pass"],
        ),
        (
            lambda d: _encrypted(d / "f.pdf", canvas_pdf(d / "s.pdf", 1, 12), ""),
            OSTP,
            ["error PD614: the PDF is encrypted"],
        ),
        (
            lambda d: _encrypted(d / "f.pdf", canvas_pdf(d / "s.pdf", 1, 12), "secret"),
            "regulations-gov",
            ["error PD631: f.pdf is encrypted with a password"],
        ),
        (
            lambda d: _textless(d / "f.pdf"),
            OSTP,
            ["error PD615: no text can be extracted from the PDF"],
        ),
        (
            lambda d: _textless(d / "f.pdf"),
            "regulations-gov",
            ["error PD631: f.pdf has no text layer (a scanned image?)"],
        ),
        (
            lambda d: (d / "f.pdf").write_text("Dear Sir or Madam,") and d / "f.pdf",
            OSTP,
            ["error PD631: f.pdf is named .pdf but is neither a PDF nor a Word document"],
        ),
        (
            lambda d: _zip(d / "f.pdf"),
            OSTP,
            ["error PD631: f.pdf is named .pdf but is a zip archive"],
        ),
        (
            lambda d: _zip(d / "f.docx"),
            OSTP,
            ["error PD631: f.docx is not a readable Word document: it is a zip without"],
        ),
        (
            lambda d: (
                (d / "f.pdf").write_bytes(b"%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                and d / "f.pdf"
            ),
            OSTP,
            ["error PD631: f.pdf is a damaged PDF"],
        ),
        (
            lambda d: (d / "f.docx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(60)) and d / "f.docx",
            OSTP,
            ["error PD631: f.docx is an old .doc or a password-protected Word document"],
        ),
        (lambda d: d / "f.pdf", OSTP, ["f.pdf:1:1: error PD630: f.pdf does not exist"]),
        (lambda d: d, OSTP, ["error PD630:", "is not a regular file"]),
    ],
    ids=[
        "password",
        "owner-password-only",
        "password-no-rule",
        "text-less",
        "text-less-no-rule",
        "not-a-pdf",
        "zip-named-pdf",
        "zip-not-word",
        "damaged-pdf",
        "ole-doc",
        "missing",
        "folder",
    ],
)
def test_bad_files_are_located_diagnostics_never_tracebacks(
    tmp_path: Path, make: object, profile: str, expected: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    target = make(folder)  # type: ignore[operator]
    result = run_cli("verify", target, "--profile", profile, cwd=folder, timeout=120)
    output = result.stderr + result.stdout
    assert result.returncode == 1, output
    assert "Traceback" not in output and "internal error" not in output
    for text in expected:
        assert text in output


def test_file_types_and_counts_follow_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "pdf-only.yaml"
    profile.write_text(
        "title: PDF only\nagency: Example Agency\nrules:\n"
        "  - {rule: file-types, allowed: [pdf], source: Example notice}\n"
        "  - {rule: attachments, max: 1, source: Example notice}\n",
        encoding="utf-8",
    )
    pdf = canvas_pdf(tmp_path / "a.pdf", 1, 12)
    document = word_docx(tmp_path / "b.docx", 1, 12)
    env = {"PATH": str(tmp_path)}  # no LibreOffice needed for these rules
    result = run_cli("verify", pdf, document, "--profile", profile, cwd=tmp_path, env=env)
    output = result.stderr
    assert result.returncode == 1
    assert "b.docx:1:1: error PD634: 2 files; pdf-only takes at most 1 (Example notice)" in output
    assert "b.docx:1:1: error PD633: a .docx file; pdf-only accepts files of type pdf" in output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["f.pdf", "--profile", "no-such-profile"], "PD600"),
        (["--profile", OSTP], "Missing argument"),
        (["f.pdf"], "Missing option '--profile'"),
    ],
    ids=["unknown-profile", "no-file", "no-profile"],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    result = run_cli("verify", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr
