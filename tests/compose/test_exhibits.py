"""Exhibits (docs/submission-format.md, "Exhibits"), through the real command line.

Expected forms come from a public court rule rather than from this project:

- S.D. Cal. CivLR 5.1(e), as the court's page "Exhibits" quotes it (www.casd.uscourts.gov,
  Attorney Assistance, Filing Procedures, General Filing Procedures, Exhibits):
  exhibits identified "alphabetically as follows; A to Z, followed by AA to AZ, followed by
  BA to BZ"; and "Each document containing exhibits must have a cover page".
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from policydraft.submission.exhibits import default_label
from tests.helpers import run_cli, write_submission

STUDY_PAGES = 3
REFERENCE = "We attach the study as [Exhibit A] and the chart as [Exhibit B].\n"


def _pdf(path: Path, pages: int = STUDY_PAGES) -> None:
    canvas = Canvas(str(path), invariant=1)
    for number in range(1, pages + 1):
        canvas.drawString(72, 700, f"study page {number}")
        canvas.showPage()
    canvas.save()


def _exhibit_folder(tmp_path: Path, exhibits: list[dict[str, str]], intro: str = REFERENCE) -> Path:
    folder = write_submission(
        tmp_path / "sub", {"template": "open-letter", "introduction": intro, "exhibits": exhibits}
    )
    _pdf(folder / "study.pdf")
    Image.new("RGB", (400, 300), "red").save(folder / "chart.png")
    return folder


BOTH = [{"file": "study.pdf", "title": "The Study"}, {"file": "chart.png", "title": "A Chart"}]


@pytest.mark.parametrize(
    ("index", "label"),
    [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (77, "BZ")],
)
def test_default_labels_follow_the_court_rule(index: int, label: str) -> None:
    """CivLR 5.1(e): "A to Z, followed by AA to AZ, followed by BA to BZ"."""
    assert default_label(index) == label


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    entries: list[tuple[str, int]] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                title = item.title  # type: ignore[attr-defined]
                entries.append((title, reader.get_destination_page_number(item)))  # type: ignore[arg-type]

    walk(reader.outline)
    return entries


def _link_targets(reader: PdfReader, page_index: int) -> list[int]:
    numbers = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    targets = []
    for annotation in reader.pages[page_index].get("/Annots") or []:
        dest = annotation.get_object().get("/Dest")
        if dest is not None:
            targets.append(numbers[dest[0].idnum])
    return targets


def test_pdf_appends_each_exhibit_behind_its_cover(tmp_path: Path) -> None:
    folder = _exhibit_folder(tmp_path, BOTH)
    result = run_cli("render", folder, "--to", "pdf", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "out" / "sub.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    texts = [page.extract_text() for page in reader.pages]
    letter = int(re.search(r"Page 1 of (\d+)", texts[0]).group(1))  # type: ignore[union-attr]
    # letter + cover A + the study's pages + cover B + the chart's page
    assert len(reader.pages) == letter + 1 + STUDY_PAGES + 1 + 1
    cover_a, cover_b = letter, letter + 1 + STUDY_PAGES
    assert "Exhibit A \u2014 The Study" in texts[cover_a]
    assert "Exhibit B \u2014 A Chart" in texts[cover_b]
    assert "study page 1" in texts[cover_a + 1] and "study page 3" in texts[cover_b - 1]
    assert not any("Page" in text for text in texts[letter:])  # exhibits are not letter pages
    outline = _outline(reader)
    assert ("Exhibit A \u2014 The Study", cover_a) in outline
    assert ("Exhibit B \u2014 A Chart", cover_b) in outline
    assert _link_targets(reader, 0) == [cover_a, cover_b]
    run_cli("render", folder, "--to", "pdf", "--out", tmp_path / "again")
    assert (tmp_path / "again" / "sub.pdf").read_bytes() == pdf  # reproducible


def test_docx_and_html_list_the_exhibits(tmp_path: Path) -> None:
    folder = _exhibit_folder(tmp_path, BOTH)
    result = run_cli("render", folder, "--to", "docx", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "out" / "sub.docx")).paragraphs]
    assert "We attach the study as Exhibit A and the chart as Exhibit B." in paragraphs
    at = paragraphs.index("Exhibits")
    assert paragraphs[at + 1 : at + 3] == ["Exhibit A \u2014 The Study", "Exhibit B \u2014 A Chart"]
    result = run_cli("render", folder, "--to", "html", "--out", tmp_path / "html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "html" / "sub.html").read_text(encoding="utf-8")
    assert '<a href="#exhibit-A">Exhibit A</a>' in page
    assert '<li id="exhibit-B">Exhibit B \u2014 A Chart</li>' in page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_docx_exhibit_is_converted_and_appended(tmp_path: Path) -> None:
    exhibits = [*BOTH, {"file": "memo.docx", "title": "Memo", "label": "C"}]
    folder = _exhibit_folder(tmp_path, exhibits)
    memo = docx.Document()
    memo.add_paragraph("A memorandum filed as an exhibit")
    memo.save(str(folder / "memo.docx"))
    result = run_cli("render", folder, "--to", "pdf", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / "out" / "sub.pdf")
    texts = [page.extract_text() for page in reader.pages]
    assert "Exhibit C \u2014 Memo" in texts[-2]
    assert "A memorandum filed as an exhibit" in texts[-1]


def test_without_libreoffice_a_docx_exhibit_is_listed_with_a_warning(tmp_path: Path) -> None:
    folder = _exhibit_folder(tmp_path, [{"file": "memo.docx", "title": "Memo"}], "Text.\n")
    docx.Document().save(str(folder / "memo.docx"))
    result = run_cli("check", folder, env={"PATH": str(tmp_path / "no-programs")})
    assert result.returncode == 0, result.stderr
    assert "warning PD232: exhibit 'memo.docx' is listed but not appended" in result.stderr


def test_the_package_manifest_lists_the_exhibits(tmp_path: Path) -> None:
    folder = _exhibit_folder(tmp_path, BOTH)
    result = run_cli("package", folder, "--out", tmp_path / "package")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "package" / "manifest.json").read_text(encoding="utf-8"))
    listed = [(e["label"], e["title"], e["file"]) for e in manifest["exhibits"]]
    assert listed == [("A", "The Study", "study.pdf"), ("B", "A Chart", "chart.png")]
    assert sorted(path.name for path in (tmp_path / "package").iterdir()) == [
        "comment.txt",
        "filing.json",
        "manifest.json",
        "sub.pdf",
    ]  # inside the PDF, not separate attachments


def _encrypted(path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt("secret")
    writer.write(path)


def _bad_file(folder: Path, name: str) -> None:
    """The bad files of the table below."""
    if name == "locked.pdf":
        _pdf(folder / name)
        _encrypted(folder / name)
    elif name == "notes.pdf":
        (folder / name).write_text("just text, not a PDF\n", encoding="utf-8")
    elif name == "broken.pdf":
        (folder / name).write_bytes(b"%PDF-1.7\nnot really\n")
    elif name == "photo.png":
        (folder / name).write_bytes(b"\xff\xd8\xff\xe0 a JPEG named .png")
    elif name == "memo.docx":
        (folder / name).write_bytes(b"PK\x03\x04 not a Word document")
    elif name == "table.xlsx":
        (folder / name).write_bytes(b"PK\x03\x04")


BAD: list[tuple[str, list[tuple[str, str | None]], str]] = [
    ("missing", [("missing.pdf", None)], "PD230: exhibit 'missing.pdf' does not exist"),
    (
        "outside",
        [("../outside.pdf", None)],
        "PD230: exhibit '../outside.pdf' leads outside the submission folder",
    ),
    ("not-a-pdf", [("notes.pdf", None)], "PD230: exhibit 'notes.pdf' is not a PDF file"),
    ("jpeg-named-png", [("photo.png", None)], "PD230: exhibit 'photo.png' is not a PNG file"),
    ("not-a-docx", [("memo.docx", None)], "PD230: exhibit 'memo.docx' is not a Word (DOCX)"),
    ("spreadsheet", [("table.xlsx", None)], "PD230: exhibit 'table.xlsx' is not a PDF, DOCX"),
    ("encrypted", [("locked.pdf", None)], "PD231: exhibit 'locked.pdf' is encrypted"),
    ("broken", [("broken.pdf", None)], "PD231: exhibit 'broken.pdf' is a broken PDF"),
    (
        "same-label",
        [("study.pdf", "B"), ("chart.png", None)],
        "PD233: exhibit 2 has label B, as exhibit 1 has",
    ),
    ("label-not-a-letter", [("study.pdf", "a-1")], "PD104"),
]
"""Bad exhibits: (case, [(file, label)], the diagnostic expected, after "error ")."""


@pytest.mark.parametrize(("case", "listed", "message"), BAD, ids=[case[0] for case in BAD])
def test_bad_exhibits_are_diagnosed(
    tmp_path: Path, case: str, listed: list[tuple[str, str | None]], message: str
) -> None:
    exhibits = [
        {"file": file, "title": f"Exhibit {file}"} | ({"label": label} if label else {})
        for file, label in listed
    ]
    folder = _exhibit_folder(tmp_path, exhibits, "Text.\n")
    for file, _ in listed:
        _bad_file(folder, file)
    result = run_cli("check", folder)
    assert result.returncode != 0
    line = next(line for line in result.stderr.splitlines() if f"error {message}" in line)
    assert re.match(r".*policydraft\.yaml:\d+:\d+: error PD", line)


def test_an_exhibit_needs_a_title(tmp_path: Path) -> None:
    folder = _exhibit_folder(tmp_path, [{"file": "study.pdf", "title": ""}], "Text.\n")
    result = run_cli("check", folder)
    assert result.returncode != 0 and "error PD104" in result.stderr


@pytest.mark.parametrize(
    ("body", "where", "label"),
    [
        ("Intro.\n\nSee [Exhibit C] for the data.\n", "3:5", "C"),
        ("One line.\nAs *shown* in [Exhibit Z].\n", "2:15", "Z"),
        ("A note.[^n]\n\n[^n]: Compare [Exhibit D].\n", "3:15", "D"),
    ],
)
def test_a_reference_to_no_exhibit_is_an_error_at_its_line(
    tmp_path: Path, body: str, where: str, label: str
) -> None:
    folder = _exhibit_folder(tmp_path, BOTH[:1], "Text.\n")
    (folder / "argument.md").write_text(body, encoding="utf-8")
    data = json.loads((folder / "policydraft.yaml").read_text(encoding="utf-8"))
    data["arguments"] = [{"heading": "The data", "file": "argument.md"}]
    (folder / "policydraft.yaml").write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("check", folder)
    assert result.returncode != 0
    expected = f"argument.md:{where}: error PD234: [Exhibit {label}] names no exhibit (exhibits: A)"
    assert expected in result.stderr


@pytest.mark.parametrize(
    "body",
    ["See `[Exhibit C]` in code.\n", "See [Exhibit C](https://example.org/c).\n"],
    ids=["code", "link-text"],
)
def test_brackets_in_code_or_a_link_are_no_reference(tmp_path: Path, body: str) -> None:
    folder = _exhibit_folder(tmp_path, BOTH[:1], body)
    result = run_cli("check", folder)
    assert "PD234" not in result.stderr
