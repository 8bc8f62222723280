"""Right-to-left and complex-script names in the PDF: shaped, in reading order, readable back.

The names are made up. What they are checked against was written by nobody on the project:
pypdf's and poppler's (pdftotext) text extraction, poppler's rasteriser (pdftoppm, a page
image whose path each failure prints), python-bidi's Rust implementation of the Unicode
bidirectional algorithm (``bidi.get_display``), and HarfBuzz's own shaping.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bidi import get_display
from pypdf import PdfReader

from policydraft.writers.pdf.fonts import SERIF, drawn_runs, serif_coverage, text_width
from policydraft.writers.pdf.shaping import ShapedLine, needs_shaping
from tests.helpers import run_cli, write_submission

NAMES = [
    ("Hebrew", "דוד בן-שחר"),
    ("Hebrew, mixed", "Dr. מרים כהן"),
    ("Arabic", "محمد عبد الرحمن"),
    ("Devanagari", "क्षितिज श्रीवास्तव"),
    ("Bengali", "রবীন্দ্রনাথ দত্ত"),
    ("Tamil", "தமிழ்செல்வன் முருகன்"),
    ("Thai", "สมชาย ใจดี"),
]
AFFILIATION_ARABIC = "شركة النور"
LIST = "name,title,organization\n" + "".join(
    f"{name},Signer,{AFFILIATION_ARABIC if script == 'Arabic' else 'Example Guild'}\n"
    for script, name in NAMES
)
FONTS = [
    "NotoNaskhArabic",
    "NotoSerifDevanagari",
    "NotoSerifBengali",
    "NotoSerifTamil",
    "NotoSerifThai",
]
# poppler marks right-to-left runs with embedding controls (U+202A-U+202E) in its output
_EMBEDDINGS = re.compile("[\u202a-\u202e]")


run = run_cli


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The letter's PDF, and an image of its appendix page (for a reviewer to look at)."""
    folder = write_submission(tmp_path_factory.mktemp("scripts") / "letter", signatories=LIST)
    out = folder.parent / "out"
    result = run("render", folder, "--out", out)
    assert result.returncode == 0, result.stderr
    pdf = out / "letter.pdf"
    last = len(PdfReader(pdf).pages)
    image = out / "appendix"
    pages = ["-f", str(last), "-l", str(last)]
    subprocess.run(["pdftoppm", *pages, "-r", "100", "-png", "-singlefile", pdf, image], check=True)
    return pdf, image.with_suffix(".png")


@pytest.fixture(scope="module")
def pypdf_text(rendered: tuple[Path, Path]) -> str:
    reader = PdfReader(rendered[0])
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(("script", "name"), NAMES)
def test_pypdf_reads_each_name_in_logical_order(
    rendered: tuple[Path, Path], pypdf_text: str, script: str, name: str
) -> None:
    assert name in pypdf_text, f"{script} name not extracted; look at {rendered[1]}"


def test_pypdf_reads_an_arabic_affiliation_beside_latin(
    rendered: tuple[Path, Path], pypdf_text: str
) -> None:
    assert f"Signer, {AFFILIATION_ARABIC}" in pypdf_text, f"look at {rendered[1]}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(
    ("script", "name"),
    # poppler orders a hyphenated right-to-left name by its own rules: "שחר-דוד בן"
    [(script, name) for script, name in NAMES if "-" not in name],
)
def test_pdftotext_reads_each_name_in_logical_order(
    rendered: tuple[Path, Path], script: str, name: str
) -> None:
    result = subprocess.run(
        ["pdftotext", rendered[0], "-"], capture_output=True, text=True, check=True
    )
    text = _EMBEDDINGS.sub("", result.stdout)
    assert name in text, f"{script} name not extracted by pdftotext; look at {rendered[1]}"


def test_script_fonts_are_embedded(rendered: tuple[Path, Path]) -> None:
    reader = PdfReader(rendered[0])
    embedded = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }
    for font in FONTS:
        assert any(name.endswith(f"+{font}-Regular") for name in embedded), (font, embedded)


def test_the_page_image_shows_ink_where_the_names_are(rendered: tuple[Path, Path]) -> None:
    """Not a pixel comparison: the image exists and is not blank, and its path is printed
    by every test of this module that fails, for a reviewer to look at."""
    image = rendered[1]
    data = image.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000, f"look at {image}"


def test_the_content_stream_places_glyphs_as_harfbuzz_did(rendered: tuple[Path, Path]) -> None:
    reader = PdfReader(rendered[0])
    stream = reader.pages[-1].get_contents().get_data().decode("latin-1")
    assert "TJ" in stream, f"no positioned glyphs; look at {rendered[1]}"
    assert "/Span <</ActualText <FEFF" in stream  # the Indic and Thai lines


# Shaping, on the laid-out lines themselves


def _shaped(text: str) -> ShapedLine:
    serif_coverage()
    (line,) = drawn_runs(text, SERIF)
    assert isinstance(line, ShapedLine)
    return line


def _glyph_count(line: ShapedLine) -> int:
    return sum(len(piece.glyphs or piece.text) for piece in line.pieces)


@pytest.mark.parametrize(
    "conjunct",
    ["क्ष", "श्र", "त्र", "ক্ষ", "ন্দ্র"],  # Devanagari and Bengali consonant clusters
)
def test_a_conjunct_is_fewer_glyphs_than_characters(conjunct: str) -> None:
    assert _glyph_count(_shaped(conjunct)) < len(conjunct)


def test_arabic_letters_take_their_joining_forms() -> None:
    """In "محمد" every letter joins: no glyph is the letter's own (isolated) glyph, which is
    the glyph the character itself would draw."""
    line = _shaped("محمد")
    (piece,) = line.pieces
    assert piece.glyphs is not None
    assert all(code not in "محمد" for code, _, _, _ in piece.glyphs)


def test_thai_marks_sit_where_harfbuzz_puts_them() -> None:
    line = _shaped("ใจดี")
    (piece,) = line.pieces
    assert piece.glyphs is not None
    assert any(advance == 0 for _, advance, _, _ in piece.glyphs)  # the mark over ด


@pytest.mark.parametrize(
    "text",
    ["דוד בן-שחר", "Dr. מרים כהן", "מרים (Miri) לוי", "Ada 123 דוד", "אבי, Ph.D."],
)
def test_hebrew_is_in_the_visual_order_python_bidi_gives(text: str) -> None:
    line = _shaped(text)
    visual = "".join(
        piece.text if piece.glyphs is None else "".join(g[0] for g in piece.glyphs)
        for piece in line.pieces
    )
    assert visual == get_display(text, base_dir="L")


def test_widths_for_line_breaking_are_the_shaped_widths() -> None:
    line = _shaped("क्षितिज")
    assert text_width("क्षितिज", SERIF, 11) == pytest.approx(line.width_at(11))
    assert line.width_at(11) > 0


@pytest.mark.parametrize("text", ["Ada Lovelace", "Nguyễn Thị Mai", "Ζωή Παπαδοπούλου", "山田太郎"])
def test_other_text_takes_the_unshaped_path(text: str) -> None:
    assert not needs_shaping(text)
    serif_coverage()
    assert not any(isinstance(run, ShapedLine) for run in drawn_runs(text, SERIF))


def test_a_latin_list_never_shapes_nor_imports_bidi() -> None:
    """(reportlab imports uharfbuzz itself, when its TrueType module loads.)"""
    code = (
        "import sys\n"
        "from policydraft.writers.pdf.fonts import SERIF, drawn_runs, serif_coverage, text_width\n"
        "from policydraft.writers.pdf.shaping import shape_line\n"
        "serif_coverage()\n"
        "for name in ['Ada Lovelace', 'Grace Hopper', 'Lumière-Sauvage', '山田太郎']:\n"
        "    drawn_runs(name, SERIF); text_width(name, SERIF, 11)\n"
        "print(shape_line.cache_info().misses, 'bidi' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["0", "False"], result.stderr


# Bad input


@pytest.mark.parametrize(
    ("name", "character"),
    [
        ("ᏣᎳᎩ Smith", "U+13A9"),  # Cherokee
        ("བསྟན་འཛིན", "U+0F56"),  # Tibetan: a complex script with no bundled font
        ("Ada 😀", "U+1F600"),
        ("Dr. דוד כהן ᏣᎳᎩ", "U+13E3"),  # mixed right-to-left, then an undrawable script
    ],
)
def test_a_character_no_font_has_is_still_pd902(tmp_path: Path, name: str, character: str) -> None:
    folder = write_submission(tmp_path / "letter", signatories=f"name\n{name}\n")
    result = run("check", folder)
    assert result.returncode == 1
    assert "PD902" in result.stderr and character in result.stderr, result.stderr


def test_mixed_left_to_right_and_hebrew_name_passes_check(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "letter", signatories="name\nDr. דוד כהן\n")
    result = run("check", folder)
    assert "PD902" not in result.stderr, result.stderr


# The bundled script fonts, read with fontTools (independently of reportlab)

SCRIPT_FONTS = [
    ("NotoSerifHebrew-Regular.ttf", "אבגדהוזחטיכלמנסעפצקרשתךםןףץ\u05b0\u05b4\u0591"),
    ("NotoNaskhArabic-Regular.ttf", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي\u064e\u060c"),
    ("NotoSerifDevanagari-Regular.ttf", "अआइकखगघचजटडतथदधनपबमयरलवशषसह\u093f\u094d\u0964"),
    ("NotoSerifBengali-Regular.ttf", "অআইকখগঘচজটডতথদধনপবমযরলশষসহ\u09bf\u09cd"),
    ("NotoSerifTamil-Regular.ttf", "அஆஇகஙசஞடணதநபமயரலவழளறன\u0bbf\u0bcd"),
    ("NotoSerifThai-Regular.ttf", "กขคงจฉชซญดตถทธนบปผพฟมยรลวศษสหอฮ\u0e31\u0e35\u0e48"),
]


@pytest.mark.parametrize(("file_name", "letters"), SCRIPT_FONTS)
def test_script_fonts_cover_truetype_and_embeddable(file_name: str, letters: str) -> None:
    from fontTools.ttLib import TTFont

    from policydraft.writers.pdf.fonts import font_path

    font = TTFont(font_path(file_name))
    assert "glyf" in font and "GSUB" in font, "TrueType outlines and shaping tables"
    assert not font["OS/2"].fsType & 0x0002, "restricted-licence embedding"
    covered = font.getBestCmap()
    assert [char for char in letters if ord(char) not in covered] == []
    licence = font_path("LICENSE-Noto-OFL-1.1.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence
    assert file_name in font_path("README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("\u0590", [1]),  # unassigned in the Hebrew block: right to left by default
        ("ab \u0590\u05d0 c", [0, 0, 0, 1, 1, 0, 0]),
        ("\u074b\u0378x", [1, 0, 0]),  # unassigned in the Syriac block, then in Greek
    ],
)
def test_unassigned_code_points_get_their_blocks_direction(text: str, levels: list[int]) -> None:
    """python-bidi's algorithm refuses a character without a bidirectional class (found by
    hypothesis in tests/writers/test_pdf.py): such a character takes its block's default."""
    from policydraft.writers.pdf.shaping import bidi_levels

    assert bidi_levels(text) == levels
