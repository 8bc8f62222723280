"""Review copies (``render --draft``): watermark, line numbers and "Draft of" footer.

The PDF is read back with pypdf (text and where it is drawn), the DOCX with XPath on its
parts. What Word writes is taken from ECMA-376 (Part 1, 17.6.8 ``lnNumType``: ``countBy``,
``restart="newPage"``; Part 4, 14.1 VML: shape type 136, the text path) and from the id
Word gives its own watermark shape, "PowerPlusWaterMarkObject", by which LibreOffice's
importer recognises a watermark.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from policydraft.model import Document, Heading, Metadata, Note, Para, Text
from policydraft.review import ReviewCopy, asked_for, review_of, review_time
from policydraft.submission.schema import DraftConfig, Submission
from policydraft.typography import LETTER
from policydraft.writers.docx import DocxOptions, write_docx
from policydraft.writers.pdf import PdfOptions, write_pdf

FILLER = "The entertainment industry supports millions of American jobs and pays wages. " * 6
MADE = dt.datetime(2025, 3, 15, 14, 5, tzinfo=dt.UTC)
PRIVILEGED = "PRIVILEGED & CONFIDENTIAL — DRAFT"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def letter(sections: int = 6) -> Document:
    """Headings and long paragraphs with notes: three pages or so."""
    blocks: list = []
    for index in range(sections):
        blocks.append(Heading(1, (Text(f"Heading {index}"),)))
        note = Note((Para((Text("NOTETEXT " * 25),)),))
        blocks.append(Para((Text(FILLER), note, Text(" More."))))
    metadata = Metadata(title="T", author="A", subject="S", date=dt.date(2025, 3, 15))
    return Document(metadata, tuple(blocks))


def pdf(review: ReviewCopy | None) -> bytes:
    out = io.BytesIO()
    write_pdf(letter(), out, PdfOptions(review=review))
    return out.getvalue()


def placed(page: pypdf.PageObject) -> list[tuple[float, float, str]]:
    """Each piece of text on ``page`` with where it starts (x, baseline)."""
    items: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            items.append((round(x, 1), round(y, 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return items


@pytest.fixture(scope="module")
def reader() -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf(ReviewCopy(PRIVILEGED, MADE))))


def test_pdf_watermark_and_footer_on_every_page(reader: pypdf.PdfReader) -> None:
    assert len(reader.pages) >= 2
    for page in reader.pages:
        texts = [text for _, _, text in placed(page)]
        assert PRIVILEGED in texts
        assert "Draft of 2025-03-15 14:05 UTC" in texts


def test_pdf_numbers_each_body_line_in_the_margin_restarting_per_page(
    reader: pypdf.PdfReader,
) -> None:
    left = LETTER.page.left
    for page in reader.pages:
        items = placed(page)
        numbers = [(y, text) for x, y, text in items if x < left and text.isdigit()]
        body = sorted({y for x, y, text in items if x >= left and text != PRIVILEGED})
        body_lines = [y for y in body if y > LETTER.page.bottom]  # not the footer
        assert [text for _, text in numbers] == [str(n) for n in range(1, len(numbers) + 1)]
        numbered = sorted(y for y, _ in numbers)
        # each number on a body line's baseline; the notes' lines (all "NOTETEXT") are not
        # numbered, as Word numbers no notes
        assert set(numbered) <= set(body_lines)
        assert len(numbered) == len({y for y in body_lines if y not in _note_lines(items)})


def _note_lines(items: list[tuple[float, float, str]]) -> set[float]:
    return {y for _, y, text in items if "NOTETEXT" in text}


@pytest.mark.parametrize(
    ("review", "expected"),
    [
        (None, None),  # the filing: no marks at all
        (ReviewCopy(made=MADE), "DRAFT"),  # the default text
    ],
)
def test_pdf_marks_only_a_review_copy(review: ReviewCopy | None, expected: str | None) -> None:
    page = pypdf.PdfReader(io.BytesIO(pdf(review))).pages[0]
    texts = [text for x, _, text in placed(page)]
    assert (expected in texts) if expected else not any("Draft of" in t for t in texts)
    numbers = [t for x, _, t in placed(page) if x < LETTER.page.left and t.isdigit()]
    assert bool(numbers) == (review is not None)


def test_pdf_review_copy_is_reproducible() -> None:
    review = ReviewCopy(PRIVILEGED, MADE)
    assert pdf(review) == pdf(review)


def docx_parts(review: ReviewCopy | None) -> dict[str, etree._Element]:
    out = io.BytesIO()
    write_docx(letter(), out, DocxOptions(review=review))
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as package:
        return {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if name.endswith(".xml") and name.startswith("word/")
        }


def test_docx_numbers_lines_in_every_section() -> None:
    document = docx_parts(ReviewCopy(PRIVILEGED, MADE))["word/document.xml"]
    sections = document.xpath("//w:sectPr", namespaces=NS)
    assert sections
    for sect_pr in sections:
        numbering = sect_pr.xpath("w:lnNumType", namespaces=NS)
        assert len(numbering) == 1
        assert numbering[0].get(f"{{{NS['w']}}}countBy") == "1"
        assert numbering[0].get(f"{{{NS['w']}}}restart") == "newPage"
        assert sect_pr.xpath("w:headerReference[@w:type='default']", namespaces=NS)


def test_docx_watermark_in_the_header_and_draft_line_in_the_footer() -> None:
    parts = docx_parts(ReviewCopy(PRIVILEGED, MADE))
    headers = [root for name, root in parts.items() if name.startswith("word/header")]
    shapes = [s for h in headers for s in h.xpath("//v:shape", namespaces=NS)]
    assert len(shapes) == 1
    assert shapes[0].get("id").startswith("PowerPlusWaterMarkObject")
    assert shapes[0].xpath("v:textpath/@string", namespaces=NS) == [PRIVILEGED]
    footers = [root for name, root in parts.items() if name.startswith("word/footer")]
    first = footers[0].xpath("w:p[1]//w:t/text()", namespaces=NS)
    assert "".join(first) == "Draft of 2025-03-15 14:05 UTC"


def test_docx_filing_has_no_marks() -> None:
    parts = docx_parts(None)
    assert not parts["word/document.xml"].xpath("//w:lnNumType", namespaces=NS)
    assert not any(name.startswith("word/header") for name in parts)


def test_libreoffice_shows_the_watermark(tmp_path: Path) -> None:
    """LibreOffice draws the WordArt as outlines (no text in its PDF), so its own document
    model is read instead: converted to ODT, the header's custom shape holds the text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH")
    source = tmp_path / "draft.docx"
    with source.open("wb") as stream:
        write_docx(letter(2), stream, DocxOptions(review=ReviewCopy(PRIVILEGED, MADE)))
    profile = (tmp_path / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(source)], check=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "draft.odt") as odt:
        styles = odt.read("styles.xml").decode("utf-8")
    assert "draw:custom-shape" in styles
    assert PRIVILEGED.replace("&", "&amp;") in styles


@pytest.mark.parametrize(
    ("setting", "flag", "watermark"),
    [
        (False, False, None),  # the filing
        (False, True, "DRAFT"),  # render --draft
        (True, False, "DRAFT"),  # draft: true
        (DraftConfig(watermark=PRIVILEGED), False, PRIVILEGED),
        (DraftConfig(watermark=PRIVILEGED), True, PRIVILEGED),
    ],
)
def test_review_of(setting: object, flag: bool, watermark: str | None) -> None:
    review = review_of(setting, flag)
    assert (review.watermark if review else None) == watermark


@pytest.mark.parametrize(
    ("epoch", "footer"),
    [("1742047500", "Draft of 2025-03-15 14:05 UTC"), ("0", "Draft of 1970-01-01 00:00 UTC")],
)
def test_time_from_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, epoch: str, footer: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert ReviewCopy(made=review_time()).footer == footer


@pytest.mark.parametrize(
    "draft",
    [
        {"watermark": ""},  # nothing to print
        {"watermark": "   "},
        {"watermark": "DRAFT\nCOPY"},  # one line only
        {"watermark": "X" * 61},  # longer than fits across a page
        {"watermark": "DRAFT", "colour": "red"},  # unknown key
        "yes please",
    ],
)
def test_bad_draft_settings_are_refused(draft: object) -> None:
    data = {"title": "T", "date": "2025-03-15", "commenter": {"name": "N"}, "draft": draft}
    with pytest.raises(ValueError):
        Submission.model_validate(data)


@pytest.mark.parametrize(("draft", "asked"), [(True, "DRAFT"), (False, None)])
def test_draft_setting_shapes(draft: object, asked: str | None) -> None:
    data = {"title": "T", "date": "2025-03-15", "commenter": {"name": "N"}, "draft": draft}
    assert asked_for(Submission.model_validate(data).draft) == asked
