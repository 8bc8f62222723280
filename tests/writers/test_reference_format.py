"""The PDF follows a reference.docx's page, type and header; a profile's minimum reaches the DOCX.

Expected lengths come from the standards, not from our code: ISO 216 A4 paper is
210 x 297 mm (595.3 x 841.9 pt at 72 pt to the inch); ECMA-376 Part 1 measures ``w:pgSz``
and ``w:pgMar`` (17.6.13, 17.6.11) in twentieths of a point and ``w:sz`` (17.3.2.38) in half
points.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Mm, Pt
from lxml import etree
from pypdf import PdfReader

from policydraft.diagnostics import Diagnostics
from policydraft.typography import LETTER
from policydraft.wordml.minimum_size import raise_small_styles
from policydraft.wordml.reference_format import read_reference_format, reference_format
from tests.helpers import run_cli, write_submission

HEADER = "DRAFT — Privileged"
OSTP = {"profile": "ostp-ai-action-plan", "docket": "NSF_FRDOC_0001"}


def make_reference(
    path: Path,
    *,
    font: str = "Times New Roman",
    size: float = 12,
    a4: bool = False,
    margin: float = 1.0,
    header: str | None = None,
) -> Path:
    """A reference.docx as a firm would make it in Word, made with python-docx."""
    document = docx.Document()
    section = document.sections[0]
    if a4:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(margin))
    normal = document.styles["Normal"]
    normal.font.size, normal.font.name = Pt(size), font
    if header is not None:
        section.header.paragraphs[0].text = header
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("options", "page", "body_size", "note"),
    [
        # ISO 216 A4, 1.5 in = 108 pt margins; Arial's metric twin is Liberation Sans
        (
            {"font": "Arial", "size": 11, "a4": True, "margin": 1.5},
            (595.3, 841.9, 108.0, 108.0),
            11.0,
            "Liberation Sans",
        ),
        # US Letter 8.5 x 11 in, 1 in margins, Times New Roman: what the PDF embeds already
        ({}, (612.0, 792.0, 72.0, 72.0), 12.0, None),
        # Calibri's metric twin is Carlito
        ({"font": "Calibri", "size": 10.5}, (612.0, 792.0, 72.0, 72.0), 10.5, "Carlito"),
        # a font without a known twin: the PDF's own serif, said so
        ({"font": "Garamond"}, (612.0, 792.0, 72.0, 72.0), 12.0, "cannot embed"),
    ],
)
def test_page_and_type_come_from_the_reference(
    tmp_path: Path,
    options: dict[str, object],
    page: tuple[float, float, float, float],
    body_size: float,
    note: str | None,
) -> None:
    found = reference_format(make_reference(tmp_path / "r.docx", **options), LETTER)  # type: ignore[arg-type]
    typography = found.typography
    got = typography.page
    assert (round(got.width, 1), round(got.height, 1), got.left, got.top) == page
    assert typography.body.size == body_size
    assert typography.heading1.size == body_size  # the whole letter scales, headings too
    if note is None:
        assert found.notes == ()
    else:
        assert len(found.notes) == 1 and note in found.notes[0]
        assert typography.pdf_font in found.notes[0]  # what the PDF uses instead


@pytest.mark.parametrize(
    ("text_in_header", "expected"),
    [
        (HEADER, HEADER),
        ("Braces {kept} as typed", "Braces {{kept}} as typed"),  # str.format-safe
    ],
)
def test_header_text_is_carried(tmp_path: Path, text_in_header: str, expected: str) -> None:
    path = make_reference(tmp_path / "r.docx", header=text_in_header)
    header = reference_format(path, LETTER).typography.running.header
    assert [line.text for line in header] == [expected]


def _mutated(path: Path, part: str, old: bytes, new: bytes) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b'w:left="1440"', b'w:left="12000"', "leave a text area of"),  # width <= margins
        (b'w:top="1440"', b'w:top="15000"', "leave a text area of"),  # height <= margins
        (b'w:w="12240"', b'w:w="99999"', "at most 1584 pt a side"),
        (b'w:left="1440"', b'w:left="wide"', 'w:left="wide" is not a length'),
    ],
)
def test_an_absurd_page_is_a_located_error(
    tmp_path: Path, old: bytes, new: bytes, message: str
) -> None:
    path = _mutated(make_reference(tmp_path / "r.docx"), "word/document.xml", old, new)
    diags = Diagnostics()
    assert read_reference_format(path, LETTER, diags) is None
    [error] = diags.items
    assert (error.severity, error.code, error.file) == ("error", "PD350", str(path))
    assert message in error.message and "word/document.xml line" in error.message


def _styles(xml: str) -> etree._Element:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return etree.fromstring(f'<w:styles xmlns:w="{w}">{xml}</w:styles>')


@pytest.mark.parametrize(
    ("xml", "raised"),
    [
        # Normal at 11 pt (22 half points), Body Text inheriting it: only Normal is raised
        (
            '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault>'
            '</w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val='
            '"Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph"'
            ' w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/>'
            "</w:style>",
            [("Normal", 11.0)],
        ),
        # no size anywhere: Word's 10 pt default, raised in the document defaults
        ('<w:style w:type="paragraph" w:styleId="N"><w:name w:val="Normal"/></w:style>',
         [("document defaults", 10.0)]),
        # a character style without a size takes its paragraph's: left alone
        ('<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault>'
         '</w:docDefaults><w:style w:type="character" w:styleId="C"><w:name w:val="Emph"/>'
         "</w:style>", []),
        # a basedOn cycle ends
        ('<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault>'
         '</w:docDefaults><w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/>'
         '<w:basedOn w:val="B"/></w:style><w:style w:type="paragraph" w:styleId="B">'
         '<w:name w:val="B"/><w:basedOn w:val="A"/></w:style>', []),
    ],
)  # fmt: skip
def test_styles_below_the_minimum_are_raised(xml: str, raised: list[tuple[str, float]]) -> None:
    styles = _styles(xml)
    assert [(r.name, r.size) for r in raise_small_styles(styles, 12)] == raised
    assert raise_small_styles(styles, 12) == []  # raising twice changes nothing more


def _render(tmp_path: Path, overrides: dict[str, object], **reference: object) -> tuple[Path, str]:
    folder = write_submission(tmp_path / "sub", overrides)
    make_reference(folder / "templates" / "comment-letter" / "reference.docx", **reference)  # type: ignore[arg-type]
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out)
    assert result.returncode == 0, result.stderr
    return out, result.stdout + result.stderr


def test_the_pdf_follows_an_a4_arial_reference(tmp_path: Path) -> None:
    out, printed = _render(tmp_path, {}, font="Arial", size=11, a4=True, margin=1.5, header=HEADER)
    pdf = PdfReader(out / "sub.pdf")
    box = pdf.pages[0].mediabox
    assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 841.9)
    xs: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip() and tm[4] > 0:  # (the running lines are forms, drawn from 0)
            xs.append(tm[4])

    pdf.pages[0].extract_text(visitor_text=visit)
    assert round(min(xs)) == 108  # the text starts at the 1.5 in margin
    for page in pdf.pages:
        assert HEADER in page.extract_text()
    assert " error " not in printed  # (the summary line says "0 errors")
    assert "PD351" in printed and "Arial" in printed and "Liberation Sans" in printed
    fonts = subprocess.run(["pdffonts", out / "sub.pdf"], capture_output=True, text=True).stdout
    assert "LiberationSans" in fonts and "LiberationSerif" not in fonts  # the bundled twin
    assert re.search(r"\.docx \([\d,]+ KB\)", printed)  # the DOCX's pages are never the PDF's


def _effective_sizes(docx_path: Path) -> dict[str, float]:
    from policydraft.wordml.styles import StyleSheet

    with zipfile.ZipFile(docx_path) as archive:
        root = etree.fromstring(archive.read("word/styles.xml"))
    sheet = StyleSheet(root, {})
    return {
        str(style.get(f"{{{sheet.root.nsmap['w']}}}styleId")): sheet.size(style)
        for style in sheet.by_id.values()
        if style.get(f"{{{sheet.root.nsmap['w']}}}type") == "paragraph"
    }


def test_under_a_profile_an_11_pt_reference_gives_a_12_pt_docx(tmp_path: Path) -> None:
    out, printed = _render(tmp_path, OSTP, size=11)
    sizes = _effective_sizes(next(out.glob("*.docx")))
    assert min(sizes.values()) >= 12, sizes
    assert "PD352" in printed and '"Normal" (11 pt)' in printed


def test_render_summary_does_not_borrow_the_pdfs_pages(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    result = run_cli("render", folder, "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    assert "as laid out in the PDF" not in result.stdout
    assert re.search(r"sub\.docx \([\d,]+ KB\)", result.stdout), result.stdout
    assert "page" not in result.stdout.split("sub.docx")[1].splitlines()[0]


def test_no_reference_keeps_the_letter(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)  # python-docx's own template: Calibri 11 on 1.25 in margins
    path = tmp_path / "r.docx"
    path.write_bytes(buffer.getvalue())
    typography = reference_format(path, LETTER).typography
    assert typography.body.size == 11 and typography.page.left == 90
    assert LETTER.running.footer[0].text == "Page {page} of {total}"
