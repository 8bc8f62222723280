"""The PDF follows a reference.docx's font (through a bundled metric twin) and its header logo.

Which free font stands in for which Word font is not our invention: the pairs below are
listed at http://xahlee.info/js/metrically_compatible_fonts.html ("Arial compatible:
Liberation Sans", "Courier New compatible: Liberation Mono", "Calibri compatible: Carlito",
"Cambria compatible: Caladea", "Times New Roman compatible: Liberation Serif"), and the
Chromium OS change https://crrev.com/9dba51ba921981ac60855c8813c1db06b0bd044a says
"Carlito is metric-compatible with Calibri". Embedded font names are the fonts' own
PostScript names, as pdffonts prints them.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Inches, Pt
from PIL import Image
from pypdf import PdfReader

from policydraft.model import Document, Emph, LetterPart, Metadata, Para, Strong, Text
from policydraft.typography import LETTER
from policydraft.wordml.reference_format import reference_format
from policydraft.writers.docx import DocxOptions, write_docx
from policydraft.writers.pdf import PdfOptions, write_pdf
from policydraft.writers.pdf.families import CARLITO, LIBERATION_SANS, LIBERATION_SERIF
from policydraft.writers.pdf.fonts import missing_glyphs
from tests.writers.test_layout_agreement import assert_pages_agree, long_letter, needs_tools


def make_reference(path: Path, font: str = "Times New Roman", logo: bytes | None = None) -> Path:
    """A reference.docx as a firm makes it in Word (python-docx), maybe with a header logo."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(12)
    if logo is not None:
        run = document.sections[0].header.paragraphs[0].add_run()
        run.add_picture(io.BytesIO(logo), width=Inches(1.5))
    document.save(str(path))
    return path


def image(kind: str, size: tuple[int, int] = (300, 100)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 60, 140)).save(out, kind)
    return out.getvalue()


def short_letter() -> Document:
    blocks = (
        LetterPart("title", (Para((Text("Comment on the Plan"),)),)),
        Para((Text("Plain, "), Strong((Text("bold"),)), Text(" and "), Emph((Text("italic"),)))),
    )
    return Document(Metadata("Comment", "Us", date=dt.date(2025, 3, 15)), tuple(blocks))


def render(reference: Path, pdf: Path) -> tuple[str, ...]:
    found = reference_format(reference, LETTER)
    with pdf.open("wb") as out:
        write_pdf(short_letter(), out, PdfOptions(typography=found.typography))
    return found.notes


def embedded_fonts(pdf: Path) -> set[str]:
    printed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    names = (line.split()[0] for line in printed.splitlines()[2:] if line.strip())
    return {name.split("+", 1)[-1] for name in names}


@pytest.mark.parametrize(
    ("font", "embedded", "note"),
    [
        ("Times New Roman", "LiberationSerif", None),
        ("Arial", "LiberationSans", "set in Liberation Sans, metric-compatible with Arial"),
        ("Helvetica", "LiberationSans", "set in Liberation Sans, metric-compatible with Helvetica"),
        ("Courier New", "LiberationMono", "set in Liberation Mono, metric-compatible with Courier"),
        ("Calibri", "Carlito", "set in Carlito, metric-compatible with Calibri"),
        ("Cambria", "Caladea", "set in Caladea, metric-compatible with Cambria"),
        ("Garamond", "LiberationSerif", "no metric-compatible substitute"),  # unknown: our serif
    ],
)
def test_the_pdf_embeds_the_twin_of_the_references_font(
    tmp_path: Path, font: str, embedded: str, note: str | None
) -> None:
    pdf = tmp_path / "out.pdf"
    notes = render(make_reference(tmp_path / "r.docx", font), pdf)
    fonts = embedded_fonts(pdf)
    assert {name.split("-")[0] for name in fonts} == {embedded}  # that family, only
    assert len(fonts) == 3  # its regular, bold and italic faces
    if note is None:
        assert notes == ()
    else:
        assert len(notes) == 1 and note in notes[0] and font in notes[0]


def test_the_docx_keeps_the_references_font_name(tmp_path: Path) -> None:
    reference = make_reference(tmp_path / "r.docx", "Calibri")
    out = io.BytesIO()
    write_docx(short_letter(), out, DocxOptions(reference_docx=reference))
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode()
    assert 'w:ascii="Calibri"' in styles and "Carlito" not in styles


@pytest.mark.parametrize(
    ("text", "family", "missing"),
    [
        ("e\u0301", LIBERATION_SERIF, set()),  # a combining acute: Liberation Serif has it
        ("e\u0301", CARLITO, {"\u0301"}),  # Carlito lacks it, and no fallback has it
        ("\u203d", CARLITO, set()),  # the interrobang: Carlito has it
        ("\u203d", LIBERATION_SERIF, {"\u203d"}),
        ("Łódź Ελλάδα Москва", LIBERATION_SANS, set()),
    ],
)
def test_glyph_checks_use_the_chosen_family(text: str, family: object, missing: set[str]) -> None:
    assert missing_glyphs(text, family) == missing  # type: ignore[arg-type]


def image_placements(pdf: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per page, each image XObject drawn: (left, bottom, width, height) in points."""
    placed = []
    for page in PdfReader(pdf).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        images = {
            name for name, ref in xobjects.items() if ref.get_object()["/Subtype"] == "/Image"
        }
        matrix, found = None, []
        for operands, operator in page.get_contents().operations:
            if operator == b"cm":
                matrix = [float(value) for value in operands]
            elif operator == b"Do" and operands[0] in images and matrix is not None:
                found.append((matrix[4], matrix[5], matrix[0], matrix[3]))
        placed.append(found)
    return placed


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
def test_a_header_logo_is_drawn_on_every_page(tmp_path: Path, kind: str) -> None:
    reference = make_reference(tmp_path / "r.docx", logo=image(kind))
    found = reference_format(reference, LETTER)
    assert found.notes == ()
    pdf = tmp_path / "out.pdf"
    with pdf.open("wb") as out:
        write_pdf(long_letter(), out, PdfOptions(typography=found.typography))
    pages = image_placements(pdf)
    assert len(pages) > 3
    # 1.5 in wide (108 pt), 300 x 100 pixels keep 3:1 (36 pt); python-docx's template puts
    # the header 0.5 in (36 pt) below the top of its 11 in (792 pt) page, at its 1.25 in
    # (90 pt) left margin
    for placed in pages:
        assert [tuple(round(v, 1) for v in one) for one in placed] == [(90.0, 720.0, 108.0, 36.0)]


@pytest.mark.parametrize(
    ("logo", "said"),
    [
        (image("GIF"), "is GIF; the PDF draws PNG and JPEG pictures only"),
        (image("PNG", (6000, 6000)), "6000 x 6000 pixels, too many"),
    ],
)
def test_a_logo_the_pdf_cannot_draw_is_a_note(tmp_path: Path, logo: bytes, said: str) -> None:
    found = reference_format(make_reference(tmp_path / "r.docx", logo=logo), LETTER)
    assert found.typography.running.pictures == ()
    assert len(found.notes) == 1 and said in found.notes[0]


@pytest.mark.xfail(
    reason="LibreOffice sets some of the reference's styles (theme fonts: footnotes, list "
    "styles) in DejaVu Sans, and its pages run ahead of the PDF's from page 3 (issue 12, item 4)",
    strict=False,
)
def test_libreoffice_breaks_a_sans_letter_where_the_pdf_does(tmp_path: Path) -> None:
    needs_tools()
    reference = make_reference(tmp_path / "r.docx", "Arial")
    firm = docx.Document(str(reference))  # a firm in Arial sets its headings in Arial too
    for name in ("Heading 1", "Heading 2", "Title"):
        firm.styles[name].font.name = "Arial"
    firm.save(str(reference))
    typography = reference_format(reference, LETTER).typography
    assert typography.pdf_font == "Liberation Sans"
    ours, letter = tmp_path / "ours.pdf", tmp_path / "letter.docx"
    with ours.open("wb") as out:
        write_pdf(long_letter(), out, PdfOptions(typography=typography))
    with letter.open("wb") as out:
        options = DocxOptions(reference_docx=reference, typography=typography)
        write_docx(long_letter(), out, options)
    assert_pages_agree(ours, letter, tmp_path)
