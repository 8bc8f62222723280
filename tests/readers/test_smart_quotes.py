"""Smart quotes: straight quotes in bodies print curly, as pandoc's ``smart`` extension does.

Expected strings follow pandoc's manual (extension ``smart``: "straight quotes will be
turned into curly quotes") and the curly marks American legal writing prints (the Indigo
Book's own text quotes with “ ” and ’); code, URLs and escaped quotes keep what was typed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Code, Link, Para, plain_text
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_smart import url_spans
from policydraft.readers.markdown_text import MarkdownText
from tests.helpers import run_cli, write_submission


def read(text: str, *, smart: bool = True) -> Para:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, Location("body.md")), diags, smart=smart)
    assert not diags.items, diags.sorted()
    (para,) = blocks
    assert isinstance(para, Para)
    return para


# (written, printed)
CURLED = [
    pytest.param('"fair use"', "“fair use”", id="double"),
    pytest.param("the Court's opinion", "the Court’s opinion", id="apostrophe"),
    pytest.param("'transformative'", "‘transformative’", id="single"),
    pytest.param("\"a 'nested' quote\"", "“a ‘nested’ quote”", id="nested"),
    pytest.param('*"emphasised"* text', "“emphasised” text", id="across-emphasis"),
    pytest.param('\\"escaped\\"', '"escaped"', id="escaped-stays-straight"),
    pytest.param("no quotes at all", "no quotes at all", id="none"),
    pytest.param("Mfrs. Ass'n", "Mfrs. Ass’n", id="abbreviation-apostrophe"),
]


@pytest.mark.parametrize(("written", "printed"), CURLED)
def test_quotes_print_curly(written: str, printed: str) -> None:
    assert plain_text(read(written).inlines) == printed


@pytest.mark.parametrize(("written", "printed"), CURLED)
def test_no_smart_keeps_straight_quotes(written: str, printed: str) -> None:
    expected = written.replace("\\", "").replace("*", "")
    assert plain_text(read(written, smart=False).inlines) == expected


# (written, the part that must stay as typed)
UNTOUCHED = [
    pytest.param('run `it\'s "x"` now', 'it\'s "x"', id="code-span"),
    pytest.param("see https://example.com/it's 'here'", "https://example.com/it's", id="url"),
    pytest.param("at <https://example.com/a'b>", "https://example.com/a'b", id="autolink"),
    pytest.param("'www.example.com/x'y'", "www.example.com/x'y", id="www"),
]


@pytest.mark.parametrize(("written", "kept"), UNTOUCHED)
def test_code_and_urls_untouched(written: str, kept: str) -> None:
    inlines = read(written).inlines
    assert kept in plain_text(inlines)
    if "`" in written:
        assert Code(kept) in inlines
    if "<" in written:
        assert any(isinstance(i, Link) and i.url == kept for i in inlines)


def test_quotes_around_a_url_still_curl() -> None:
    assert plain_text(read("'see https://example.com'").inlines) == "‘see https://example.com’"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("x https://a.b/c. y", [(2, 15)]),
        ("(https://a.b/c)", [(1, 14)]),
        ("no url", []),
        ("https:// alone", []),
    ],
)
def test_url_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert url_spans(text) == spans


def _render(tmp_path: Path, *args: str, settings: dict[str, object] | None = None) -> str:
    body = 'The Court\'s view: "fair use" applies.\n'
    folder = write_submission(tmp_path / "sub", {"conclusion": body, **(settings or {})})
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out, *args)
    assert result.returncode == 0, result.stderr + result.stdout
    pdf = "".join(page.extract_text() for page in PdfReader(out / "sub.pdf").pages)
    docx = zipfile.ZipFile(out / "sub.docx").read("word/document.xml").decode()
    return pdf + "\n" + docx


def test_docx_and_pdf_print_curly_quotes(tmp_path: Path) -> None:
    text = _render(tmp_path)
    assert text.count("The Court’s view: “fair use” applies.") == 2  # PDF, then DOCX


@pytest.mark.parametrize(
    ("args", "settings"),
    [
        pytest.param(("--no-smart",), None, id="flag"),
        pytest.param((), {"typography": {"smart_quotes": False}}, id="setting"),
    ],
)
def test_smart_quotes_can_be_turned_off(
    tmp_path: Path, args: tuple[str, ...], settings: dict[str, object] | None
) -> None:
    text = _render(tmp_path, *args, settings=settings)
    assert 'The Court\'s view: "fair use" applies.' in text  # the PDF's text
    assert "The Court&apos;s view" in text or "The Court's view" in text.split("\n", 1)[1]


def test_bad_setting_is_reported(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", {"typography": {"smart_quote": False}})
    result = run_cli("check", folder)
    assert result.returncode == 1
    assert "PD102" in result.stdout + result.stderr
