"""``object_syntax``'s stand-ins give what reportlab's own functions give, for any value.

The PDF writer replaces three of ``reportlab.pdfbase.pdfdoc``'s formatting functions; a file's
bytes stay the same only if each returns (or raises) exactly what the original does. Checked
on tables of edge cases and on made-up values (hypothesis), then on a whole document.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from policydraft.writers.pdf import object_syntax
from policydraft.writers.pdf.object_syntax import encode, format_value, name, number

TEXTS = [
    ("empty", ""),
    ("a key", "/Type"),
    ("an object header", "12 0 obj\n"),
    ("tab and carriage return", "a\tb\rc"),
    ("delete", "\x7f"),
    ("a control PDFDocEncoding lacks", "x\x18y"),
    ("the last such control", "\x1f"),
    ("Latin-1", "Zoë"),
    ("beyond PDFDocEncoding", "山田"),
]


def _outcome(function: object, *args: object) -> object:
    """What ``function`` returns, or the type of what it raises."""
    try:
        return function(*args)  # type: ignore[operator]
    except Exception as error:  # the kind of failure is what is compared
        return type(error)


@pytest.mark.parametrize("text", [t for _, t in TEXTS], ids=[what for what, _ in TEXTS])
def test_encode_is_pdfdocenc_on_edges(text: str) -> None:
    assert _outcome(encode, text) == _outcome(object_syntax._encode, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FF)) | st.binary())
def test_encode_is_pdfdocenc(value: str | bytes) -> None:
    assert _outcome(encode, value) == _outcome(object_syntax._encode, value)


_VALUES = (
    st.text(alphabet=st.characters(max_codepoint=0x17F))
    | st.binary()
    | st.integers(min_value=-(10**9), max_value=10**9)
    | st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
    | st.sampled_from([None, True, pdfdoc.PDFName("Page")])
)


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_format_value_is_reportlabs_format(value: object) -> None:
    document = pdfdoc.PDFDocument()
    expected = _outcome(object_syntax._format, value, document)
    assert _outcome(format_value, value, document) == expected


def test_format_value_formats_objects_as_reportlab_does() -> None:
    document = pdfdoc.PDFDocument()
    dictionary = pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Page"), "Count": 3})
    array = pdfdoc.PDFArray([0, 0, 612, 792.5])
    for value in (dictionary, array, pdfdoc.PDFString("Ada (x)")):
        assert format_value(value, document) == object_syntax._format(value, document)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x17F), max_size=12))
def test_name_is_pdfname(key: str) -> None:
    assert name(key) == object_syntax._name(key)
    assert name(key) == object_syntax._name(key)  # the second time from the table


NUMBERS = [0, -0.0, 1, 1.0, 612, 612.0, 0.5, 1e-8, -2.25, 10**12, 1e12, 123456.789, True]


@pytest.mark.parametrize("value", NUMBERS, ids=[repr(n) for n in NUMBERS])
def test_number_is_fp_str_on_edges(value: float) -> None:
    for _ in range(2):  # the second time from the table, whichever of 1 and 1.0 came first
        assert number(value) == object_syntax._number(value)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-(10**15), max_value=10**15)
    | st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15)
)
def test_number_is_fp_str(value: float) -> None:
    assert number(value) == object_syntax._number(value)
    assert number(float(value)) == object_syntax._number(float(value))


def test_number_passes_several_numbers_through() -> None:
    assert number(0, 0, 612, 792.5) == object_syntax._number(0, 0, 612, 792.5)
    assert number([1, 2.5]) == object_syntax._number([1, 2.5])


def test_name_passes_other_bounds_through() -> None:
    assert name("a b", " ", "~") == object_syntax._name("a b", " ", "~")


def _document() -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=1)
    for page in range(3):
        canvas.setTitle("Zoë's letter (draft)")
        canvas.drawString(72, 720, f"Page {page}: Ada Lovelace, Zoë Ávila")
        canvas.bookmarkPage(f"p{page}")
        canvas.addOutlineEntry(f"Part {page} é", f"p{page}")
        canvas.showPage()
    return bytes(canvas.getpdfdata())


def test_a_document_is_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfdoc, "pdfdocEnc", object_syntax._encode)
    monkeypatch.setattr(pdfdoc, "format", object_syntax._format)
    monkeypatch.setattr(pdfdoc, "PDFName", object_syntax._name)
    monkeypatch.setattr(pdfdoc, "fp_str", object_syntax._number)
    before = _document()
    object_syntax.use_fast_object_syntax()
    assert pdfdoc.format is format_value
    assert _document() == before
