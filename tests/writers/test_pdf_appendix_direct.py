"""The signatory appendix drawn directly: the same bytes as reportlab, hostile names intact.

The appendix writes its pages' text operators itself (``text_ops``), measures widths from the
fonts' tables (``appendix_layout.string_width``) and has reportlab's streams encoded by the
standard library's ASCII85 (``ascii85``). Each shortcut is checked against what it replaces,
on made-up input (hypothesis); then a letter whose list holds hostile names is rendered
through the CLI and read back with pypdf: every name, in order, in the page's content
stream as a correctly escaped string, fonts embedded (a fallback script's too), page
numbers, the appendix's bookmark.
"""

from __future__ import annotations

import base64
import io
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from policydraft.writers.pdf.appendix_layout import string_width
from policydraft.writers.pdf.ascii85 import a85encode, ascii85, use_fast_ascii85
from policydraft.writers.pdf.fonts import SERIF, SERIF_ITALIC, drawn_runs, serif_coverage
from policydraft.writers.pdf.shaping import ShapedLine, to_unicode_cmap
from policydraft.writers.pdf.text_ops import TextOps
from tests.helpers import run_cli, write_submission

python_ascii85 = rl_accel._py_asciiBase85Encode


# --- ASCII85 ----------------------------------------------------------------------------------

EDGES = [b"", b"\0", b"\0\0\0\0", b"\0\0\0\0\0", b"a", b"ab", b"abc", b"abcd", b"\xff" * 7]


@pytest.mark.parametrize("data", EDGES, ids=[repr(edge) for edge in EDGES])
def test_ascii85_edges_match_reportlab(data: bytes) -> None:
    assert ascii85(data) == python_ascii85(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64) | st.lists(st.sampled_from([0, 1, 255]), max_size=24).map(bytes))
def test_ascii85_matches_reportlab(data: bytes) -> None:
    assert ascii85(data) == python_ascii85(data)
    assert ascii85(data.decode("latin-1")) == python_ascii85(data.decode("latin-1"))


_WORDS = st.sampled_from([b"\0\0\0\0", b"\xff\xff\xff\xff", b"\0\0\0\x01", b"\x01\0\0\0"])
"""The extreme 32-bit words: zero (written ``z``), the largest, one at each end."""


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_WORDS | st.binary(min_size=4, max_size=4), max_size=40).map(b"".join),
    st.binary(max_size=3),
    st.binary(max_size=7),
)
def test_ascii85_matches_the_standard_library(words: bytes, tail: bytes, head: bytes) -> None:
    """Whole words (runs of zero words among them, found at any alignment after ``head``)
    and a short last group, against ``base64.a85encode``."""
    data = head + words + tail
    assert a85encode(data) == base64.a85encode(data)


@pytest.mark.parametrize("size", [4096, 65537, 300_002])
def test_ascii85_of_a_long_stream_matches_the_standard_library(size: int) -> None:
    """Streams as long as a font's: every lane of the big integer stays apart."""
    data = random.Random(size).randbytes(size)
    assert a85encode(data) == base64.a85encode(data)
    assert a85encode(bytes(size)) == base64.a85encode(bytes(size))


def test_a_c_accelerated_encoder_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def accelerated(data: bytes) -> str:
        return "c"

    monkeypatch.setattr(pdfdoc, "asciiBase85Encode", accelerated)
    use_fast_ascii85()
    assert pdfdoc.asciiBase85Encode is accelerated


# --- widths -----------------------------------------------------------------------------------

ALPHABET = "AaZz éÉøßłŁçĀ()\\\u00a0-'.,&ΑΩабв山田𐐀"
"""Latin, accents, PDF string delimiters, a no-break space, Greek, Cyrillic, CJK and a
character beyond the BMP (the last three are not in Liberation Serif: its default width)."""


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=ALPHABET, max_size=40),
    st.sampled_from([SERIF, SERIF_ITALIC]),
    st.sampled_from([9.0, 11.0, 12.5]),
)
def test_string_width_is_reportlabs_to_the_last_bit(text: str, font: str, size: float) -> None:
    serif_coverage()  # registers the family
    assert string_width(text, font, size) == pdfmetrics.stringWidth(text, font, size)


# --- text operators ---------------------------------------------------------------------------

Line = tuple[float, float, float, str, str]
"""x, y, size, font, text: one run a line, as nearly every appendix line is."""

# enough distinct letters that a document's subset 0 fills and runs spill into subset 1
_MANY = "".join(chr(code) for code in range(0x100, 0x17F)) + "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"
_MANY += "".join(chr(code) for code in range(0x410, 0x450)) + "αβγδεζηθικλμνξοπρστυφχψω"


def _ours(lines: list[Line], by_item: bool) -> bytes:
    """Drawn line by line (``line``), or as an appendix item's lines (``lines``, with the
    item's origin at 0 so that each line's y is exactly its own)."""
    canvas = Canvas(io.BytesIO(), invariant=1)
    ops = TextOps()
    for _ in range(2):  # the second text object is served from the caches
        ops.begin(canvas)
        for x, y, size, font, text in lines:
            if by_item:
                ops.lines(x, 0.0, [(-y, size, ((font, text),))])
            else:
                ops.line(x, y, size, ((font, text),))
        ops.end(canvas)
    canvas.showPage()
    return bytes(canvas.getpdfdata())


def _reportlab(lines: list[Line]) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1)
    for _ in range(2):
        text = canvas.beginText()
        current: tuple[str, float] | None = None
        for x, y, size, font, run in lines:
            text.setTextOrigin(x, y)
            if (font, size) != current:
                text.setFont(font, size)
                current = (font, size)
            text.textOut(run)
        canvas.drawText(text)
    canvas.showPage()
    return bytes(canvas.getpdfdata())


_lines = st.lists(
    st.tuples(
        st.sampled_from([0.0, 180.5, 361.0]),
        st.floats(min_value=0, max_value=800, allow_nan=False).map(lambda y: round(y, 3)),
        st.sampled_from([9.0, 11.0]),
        st.sampled_from([SERIF, SERIF_ITALIC]),
        st.text(alphabet=ALPHABET[:18] + _MANY, min_size=1, max_size=30),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(_lines, st.booleans())
def test_text_ops_write_what_reportlab_writes(lines: list[Line], by_item: bool) -> None:
    serif_coverage()
    assert _ours(lines, by_item) == _reportlab(lines)


def test_an_item_of_several_lines_and_fonts_is_drawn_as_reportlab_draws_it() -> None:
    """``lines`` with a CJK fallback run and a shaped line among plain ones."""
    item = [
        (-700.0, 11.0, drawn_runs("Yamada 山田太郎 Taro", SERIF)),
        (-688.0, 9.0, ((SERIF_ITALIC, "Actor, Independent"),)),
        (-676.0, 11.0, drawn_runs("Ada (the) Lovelace", SERIF)),
        (-664.0, 11.0, drawn_runs("דוד בן-שחר", SERIF)),
        (-652.0, 11.0, drawn_runs("क्षितिज श्रीवास्तव", SERIF)),
    ]
    assert isinstance(item[3][2][0], ShapedLine) and isinstance(item[4][2][0], ShapedLine)
    canvas = Canvas(io.BytesIO(), invariant=1)
    ops = TextOps()
    ops.begin(canvas)
    ops.lines(180.0, 0.0, item)
    ops.end(canvas)
    canvas.showPage()
    expected = Canvas(io.BytesIO(), invariant=1)
    ops = TextOps()
    ops.begin(expected)
    for baseline, size, runs in item:
        ops.line(180.0, -baseline, size, runs)
    ops.end(expected)
    expected.showPage()
    assert canvas.getpdfdata() == expected.getpdfdata()


# --- a letter with hostile names, through the CLI --------------------------------------------

HOSTILE = [
    ("parentheses", "Ada (Countess) Lovelace", "(Ada \\(Countess\\) Lovelace)"),
    ("unbalanced parenthesis", "Grace) Hopper(", "(Grace\\) Hopper\\()"),
    ("backslashes", "Back\\slash O'Neil", "(Back\\\\slash O'Neil)"),
    ("a no-break space", "Zoë\u00a0Ávila", None),
    ("beyond the BMP, in the fallback font", "𐐀𐐨𐑍 Deseret", None),
    ("CJK in the fallback font", "山田 太郎", None),
    ("right to left", "דוד בן-שחר", None),
    ("Arabic, shaped", "محمد عبد الرحمن", None),
]
FILLER = [f"Signer {number:03d} Example" for number in range(260)]
"""Enough signers for several appendix pages (three columns of about 25 a page)."""


@pytest.fixture(scope="module")
def appendix(tmp_path_factory: pytest.TempPathFactory) -> tuple[PdfReader, list[bytes]]:
    """The rendered letter, and each page's decoded content stream."""
    names = [name for _, name, _ in HOSTILE] + FILLER
    rows = "".join(f'"{name}",Signer,Example Guild\n' for name in names)
    folder = write_submission(
        tmp_path_factory.mktemp("hostile") / "letter",
        {"signatories": {"file": "signatories.csv", "sort": "as-listed"}},
        signatories="name,title,organization\n" + rows,
    )
    out = folder.parent / "out"
    result = run_cli("render", folder, "--to", "pdf", "--out", out)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out / "letter.pdf")
    streams = [_content(page) for page in reader.pages]
    return reader, streams


def _content(page: object) -> bytes:
    contents = page.get_contents()  # type: ignore[attr-defined]
    return bytes(contents.get_data()) if contents is not None else b""


def _appendix_text(reader: PdfReader) -> str:
    texts = [page.extract_text() for page in reader.pages]
    first = next(n for n, text in enumerate(texts) if FILLER[0] in text or HOSTILE[0][1] in text)
    return "\n".join(texts[first:])


def test_every_latin_name_is_extracted_in_order(appendix: tuple[PdfReader, list[bytes]]) -> None:
    reader, _ = appendix
    text = _appendix_text(reader).replace("\u00a0", " ")
    wanted = [name for what, name, _ in HOSTILE if what in _EXTRACTED] + FILLER
    places = [text.find(name.replace("\u00a0", " ")) for name in wanted]
    assert all(place >= 0 for place in places), [
        n for n, p in zip(wanted, places, strict=True) if p < 0
    ]
    assert places == sorted(places)


_EXTRACTED = {"parentheses", "unbalanced parenthesis", "backslashes", "a no-break space"}


@pytest.mark.parametrize(("what", "name", "written"), [h for h in HOSTILE if h[2]])
def test_delimiters_are_escaped_in_the_content_stream(
    appendix: tuple[PdfReader, list[bytes]], what: str, name: str, written: str
) -> None:
    _, streams = appendix
    assert any(f"{written} Tj".encode("latin-1") in stream for stream in streams), what


def test_the_appendix_spans_pages_with_numbers(appendix: tuple[PdfReader, list[bytes]]) -> None:
    reader, _ = appendix
    total = len(reader.pages)
    assert total >= 4
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()


def test_fonts_are_embedded_with_the_fallbacks(appendix: tuple[PdfReader, list[bytes]]) -> None:
    reader, _ = appendix
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"LiberationSerif", "LiberationSerif-Italic", "DroidSansFallback"} <= names
    assert any(name.startswith("NotoNaskhArabic") for name in names), names


def test_non_latin_names_are_extracted(appendix: tuple[PdfReader, list[bytes]]) -> None:
    """A fallback-font name reads back by its characters; a right-to-left name in logical
    order, as pypdf extracts it (reordering right-to-left text itself)."""
    reader, _ = appendix
    text = _appendix_text(reader)
    assert "山田 太郎" in text
    hebrew_words = set(re.findall(r"[\u0590-\u05ff][\u0590-\u05ff-]*", text))
    assert {"דוד", "בן-שחר"} <= hebrew_words, hebrew_words


def test_a_name_beyond_the_bmp_is_extracted(appendix: tuple[PdfReader, list[bytes]]) -> None:
    """reportlab writes such a character in a ToUnicode map as one odd-length code
    (``<10400>``); ``SpokenFont`` rewrites the subset's map with its surrogate pair."""
    reader, _ = appendix
    assert "𐐀𐐨𐑍 Deseret" in _appendix_text(reader)


BEYOND_THE_BMP = [
    ("Deseret letters alone", "𐐀𐐨𐑍𐑎𐑏"),
    ("Deseret between Latin words", "Ann 𐐨𐑎 Lee"),
    ("Deseret beside CJK, one fallback run", "山田𐐀太郎"),
    ("Deseret with accented Latin", "Zoë 𐑏 Ávila"),
]
"""Names with characters above U+FFFF that a bundled font draws: the CJK fallback's Deseret
letters (U+10400, U+10428, U+1044D-U+1044F), its only ones beyond the BMP."""


@pytest.fixture(scope="module")
def beyond_the_bmp(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The appendix's extracted text of a letter signed by the names above."""
    rows = "".join(f'"{name}",Signer,Example Guild\n' for _, name in BEYOND_THE_BMP)
    folder = write_submission(
        tmp_path_factory.mktemp("beyond") / "letter",
        {"signatories": {"file": "signatories.csv", "sort": "as-listed"}},
        signatories="name,title,organization\n" + rows,
    )
    out = folder.parent / "out"
    result = run_cli("render", folder, "--to", "pdf", "--out", out)
    assert result.returncode == 0, result.stderr
    texts = [page.extract_text() for page in PdfReader(out / "letter.pdf").pages]
    first = next(n for n, text in enumerate(texts) if "Example Guild" in text)
    return "\n".join(texts[first:])


@pytest.mark.parametrize(
    "name", [name for _, name in BEYOND_THE_BMP], ids=[what for what, _ in BEYOND_THE_BMP]
)
def test_names_beyond_the_bmp_are_extracted(beyond_the_bmp: str, name: str) -> None:
    assert name in beyond_the_bmp


CMAP_CASES = [
    ("Deseret capital long I", "\U00010400", "D801DC00"),
    ("mathematical bold capital A", "\U0001d400", "D835DC00"),
    ("CJK extension B", "\U00020000", "D840DC00"),
    ("a plane-15 private code", "\U000f0000", "DB80DC00"),
]


@pytest.mark.parametrize(
    ("char", "pair"), [case[1:] for case in CMAP_CASES], ids=[case[0] for case in CMAP_CASES]
)
def test_the_to_unicode_map_writes_a_surrogate_pair(char: str, pair: str) -> None:
    cmap = to_unicode_cmap("F1", [0x41, ord(char)], {})
    assert f"<01> <{pair}>" in cmap.splitlines()
    assert "<00> <0041>" in cmap.splitlines()


def test_a_name_beyond_the_bmp_is_drawn_in_the_fallback_font(
    appendix: tuple[PdfReader, list[bytes]],
) -> None:
    reader, _ = appendix
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "DroidSansFallback" in fonts
    assert " Deseret" in _appendix_text(reader)  # the run after the fallback run


def test_the_appendix_has_its_bookmark(appendix: tuple[PdfReader, list[bytes]]) -> None:
    reader, _ = appendix
    titles = {item.title: item for item in reader.outline if not isinstance(item, list)}
    heading = next(title for title in titles if "ignator" in title)
    page = reader.get_destination_page_number(titles[heading])
    first = next(n for n, p in enumerate(reader.pages) if HOSTILE[0][1] in p.extract_text())
    assert page <= first


def test_each_appendix_page_draws_its_names_in_one_text_object(
    appendix: tuple[PdfReader, list[bytes]],
) -> None:
    reader, streams = appendix
    for page, stream in zip(reader.pages, streams, strict=True):
        if FILLER[100] in page.extract_text():
            names = stream.count(b"Signer ")
            assert names > 20
            assert stream.count(b"BT") <= 3  # the names' object, the footer form's, a heading's
            return
    pytest.fail("no page holds the 101st filler name")
