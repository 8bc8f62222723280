"""Our blank document and docProps/app.xml; and the schema checker itself catching the
mistakes it exists for (a checker that passes everything would prove nothing)."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
import pytest
from lxml import etree

from policydraft.model import Emph, Text
from policydraft.writers.docx import DocxOptions
from policydraft.writers.docx.blank import app_properties, app_version, blank_docx
from tests.writers.ooxml_validation import package_errors, read_parts, schema_errors
from tests.writers.test_docx import SAMPLE, letter, note, para, render

EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def _app(data: bytes) -> dict[str, str]:
    root = etree.fromstring(read_parts(data)["docProps/app.xml"])
    return {etree.QName(child).localname: child.text or "" for child in root}


# (body paragraphs, words, characters without spaces, characters with spaces); counted by
# hand as Word's "Word Count" box counts them: notes included, runs joined in a paragraph
COUNTS = [
    ((para("The quick brown fox"),), 4, 16, 19),
    ((para("re", Emph((Text("form"),)), "ed text"),), 2, 12, 13),  # one word across runs
    ((para("Body.", note("See id. at 3.")),), 5, 15, 19),  # the space after the note mark
    ((para("One."), para("Two three.")), 3, 13, 14),
    ((para("   "),), 0, 0, 3),
]


@pytest.mark.parametrize(("blocks", "words", "characters", "with_spaces"), COUNTS)
def test_app_properties_count_the_letter(
    blocks: tuple[object, ...], words: int, characters: int, with_spaces: int
) -> None:
    app = _app(render(letter(*blocks)))  # type: ignore[arg-type]
    assert (app["Words"], app["Characters"]) == (str(words), str(characters))
    assert app["CharactersWithSpaces"] == str(with_spaces)
    assert app["Application"] == "policydraft"
    assert app["AppVersion"] == app_version()


@pytest.mark.parametrize(("pages", "expected"), [(None, None), (1, "1"), (15, "15")])
def test_pages_only_when_a_layout_counted_them(pages: int | None, expected: str | None) -> None:
    data = render(SAMPLE, DocxOptions(page_count=pages))
    assert _app(data).get("Pages") == expected
    assert schema_errors({"docProps/app.xml": read_parts(data)["docProps/app.xml"]}) == []


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", "00.0100"),
        ("1.12.3", "01.1203"),
        ("2", "02.0000"),
        ("0.1.0.dev1", "00.0100"),
        ("1.0rc1", "01.0000"),  # a pre-release's letters are not a number
        ("150.200.7", "99.9907"),  # capped, never longer than the form
        ("", "00.0000"),
    ],
)
def test_app_version_has_office_form(version: str, expected: str) -> None:
    assert app_version(version) == expected


def test_the_blank_document_is_valid_and_opens_in_python_docx() -> None:
    parts = read_parts(blank_docx())
    assert schema_errors(parts) == []
    assert docx.Document(io.BytesIO(blank_docx())).styles["Normal"].type is not None
    styles = {s.name for s in docx.Document(io.BytesIO(blank_docx())).styles}
    assert styles == {"Normal", "Default Paragraph Font", "Normal Table", "No List"}


def test_app_properties_refuse_nothing_odd() -> None:
    root = etree.fromstring(app_properties(words=3, characters=10, with_spaces=12, pages=None))
    assert root.find(f"{EXTENDED}Pages") is None
    assert root.findtext(f"{EXTENDED}Words") == "3"


# --- the checker catches what it exists for ----------------------------------------------


def _replace(part: str, old: bytes, new: bytes) -> Callable[[dict[str, bytes]], None]:
    def mutate(parts: dict[str, bytes]) -> None:
        assert old in parts[part], (part, old)
        parts[part] = parts[part].replace(old, new, 1)

    return mutate


def _drop(part: str) -> Callable[[dict[str, bytes]], None]:
    def mutate(parts: dict[str, bytes]) -> None:
        del parts[part]

    return mutate


def _add(part: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    def mutate(parts: dict[str, bytes]) -> None:
        parts[part] = data

    return mutate


SCHEMA_MISTAKES: list[tuple[str, Callable[[dict[str, bytes]], None], str]] = [
    ("zoom-without-percent", _replace("word/settings.xml", b' w:percent="100"', b""), "percent"),
    (
        "settings-out-of-order",
        _replace("word/settings.xml", b"<w:zoom ", b'<w:decimalSymbol w:val="."/><w:zoom '),
        "not expected",
    ),
    (
        "paragraph-properties-out-of-order",
        _replace("word/styles.xml", b"<w:pPr>", b'<w:pPr><w:jc w:val="left"/>'),
        "not expected",
    ),
    ("unknown-element", _replace("word/document.xml", b"<w:body>", b"<w:body><w:bogus/>"), "bogus"),
]


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [(m, n) for _, m, n in SCHEMA_MISTAKES],
    ids=[name for name, _, _ in SCHEMA_MISTAKES],
)
def test_the_schema_check_finds_mistakes(
    mutate: Callable[[dict[str, bytes]], None], needle: str
) -> None:
    parts = read_parts(render(SAMPLE))
    mutate(parts)
    errors = schema_errors(parts)
    assert errors and needle in " ".join(errors)


def test_ignorable_word_2010_markup_is_removed_before_validating() -> None:
    parts = read_parts(render(SAMPLE))
    parts["word/settings.xml"] = (
        parts["word/settings.xml"]
        .replace(
            b"<w:settings ",
            b'<w:settings xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            b'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14" ',
        )
        .replace(b"</w:settings>", b'<w14:docId w14:val="1A2B3C4D"/></w:settings>')
    )
    assert schema_errors(parts) == []


PACKAGE_MISTAKES = [
    ("untyped-part", _add("word/stray.bin", b"\x00"), "word/stray.bin: no content type"),
    ("missing-target", _drop("word/footer1.xml"), "points to missing footer1.xml"),
    (
        "note-never-referenced",
        _replace("word/document.xml", b'<w:footnoteReference w:id="1"/>', b""),
        "footnote 1 is never referenced",
    ),
    (
        "field-never-ends",
        _replace("word/footer1.xml", b'w:fldCharType="end"', b'w:fldCharType="begin"'),
        "never ends",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [(m, n) for _, m, n in PACKAGE_MISTAKES],
    ids=[name for name, _, _ in PACKAGE_MISTAKES],
)
def test_the_package_check_finds_mistakes(
    mutate: Callable[[dict[str, bytes]], None], needle: str
) -> None:
    parts = read_parts(render(SAMPLE))
    assert package_errors(parts) == []
    mutate(parts)
    assert needle in " ".join(package_errors(parts))
