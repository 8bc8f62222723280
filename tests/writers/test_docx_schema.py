"""Every XML part of our DOCX files is valid against ECMA-376's transitional schemas, and the
package around them holds together, with and without a reference.docx of several makers.

The references are made outside policydraft: by python-docx, by Word's template format, by
LibreOffice (converting one of our own letters), and one with a first-page header holding a
logo. ``ooxml_validation`` says how the schemas are compiled and Markup Compatibility applied.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.shared import Inches
from lxml import etree
from PIL import Image

from policydraft.writers.docx import DocxOptions
from tests.helpers import run_cli
from tests.writers.ooxml_validation import W, package_errors, read_parts, schema_errors
from tests.writers.test_docx import SAMPLE, _convert, render
from tests.writers.test_layout_agreement import long_letter

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ostp-ai-action-plan"
WORD_URI = "http://schemas.microsoft.com/office/word"


def _save(document: object, path: Path) -> Path:
    document.save(str(path))  # type: ignore[attr-defined]
    return path


def _python_docx_reference(folder: Path) -> Path:
    return _save(docx.Document(), folder / "reference.docx")


def _logo(folder: Path) -> Path:
    path = folder / "logo.png"
    Image.new("RGB", (120, 40), (20, 60, 120)).save(path, format="PNG")
    return path


def _first_page_header_reference(folder: Path) -> Path:
    """Word's "Different First Page": a logo in the first page's header, text in the rest."""
    reference = docx.Document()
    section = reference.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run().add_picture(
        str(_logo(folder)), width=Inches(1.5)
    )
    section.header.paragraphs[0].text = "Example Coalition, page header"
    assert section.start_type == WD_SECTION.NEW_PAGE
    return _save(reference, folder / "reference.docx")


def _libreoffice_reference(folder: Path) -> Path:
    """One of our own letters, converted by LibreOffice from .docx to .docx."""
    ours = folder / "ours" / "letter.docx"
    ours.parent.mkdir()
    ours.write_bytes(render(SAMPLE))
    converted = _convert(ours, "docx:MS Word 2007 XML")
    return converted.rename(folder / "reference.docx")


def _template_reference(folder: Path) -> Path:
    """A Word template (.dotx): python-docx's document with the template's main type."""
    path = _python_docx_reference(folder)
    parts = read_parts(path.read_bytes())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"document.main+xml", b"template.main+xml"
    )
    _write_zip(path, parts)
    return path


def _write_zip(path: Path, parts: dict[str, bytes]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


REFERENCES: dict[str, Callable[[Path], Path]] = {
    "python-docx": _python_docx_reference,
    "first-page-header-logo": _first_page_header_reference,
    "libreoffice": _libreoffice_reference,
    "dotx": _template_reference,
}


def _example_docx(folder: Path) -> bytes:
    result = run_cli("render", EXAMPLE, "--out", folder, timeout=300)
    assert result.returncode == 0, result.stderr
    return next(folder.glob("*.docx")).read_bytes()


def _output(case: str, folder: Path) -> bytes:
    if case == "example":
        return _example_docx(folder)
    if case == "sample":
        return render(SAMPLE)
    if case == "long-letter":
        return render(long_letter())
    return render(SAMPLE, DocxOptions(reference_docx=REFERENCES[case](folder)))


CASES = ["example", "sample", "long-letter", *REFERENCES]


@pytest.mark.parametrize("case", CASES)
def test_every_part_is_schema_valid_and_the_package_holds(case: str, tmp_path: Path) -> None:
    parts = read_parts(_output(case, tmp_path))
    assert schema_errors(parts) == []
    assert package_errors(parts) == []
    _assert_a_word_2013_document(parts)


def _assert_a_word_2013_document(parts: dict[str, bytes]) -> None:
    """Mode 15 or above, no borrowed ids, no stray parts, our application in app.xml."""
    settings = etree.fromstring(parts["word/settings.xml"])
    modes = settings.xpath(
        "w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces={"w": W}
    )
    assert len(modes) == 1 and int(modes[0]) >= 15
    assert b"rsid" not in parts["word/settings.xml"]
    assert b"docId" not in parts["word/settings.xml"]
    assert b"rsid" not in parts["word/document.xml"]  # the reference's section had some
    strays = [n for n in parts if n.startswith("customXml/") or "thumbnail" in n]
    assert strays == []
    app = parts["docProps/app.xml"]
    assert b"<Application>policydraft</Application>" in app
    assert b"<Pages>" not in app  # no layout of the DOCX was given


def _settings_with(compat: str) -> bytes:
    return (
        f'<w:settings xmlns:w="{W}"><w:zoom w:val="bestFit"/><w:defaultTabStop w:val="720"/>'
        f'{compat}<w:rsids><w:rsidRoot w:val="00B47730"/></w:rsids>'
        f'<w:decimalSymbol w:val="."/></w:settings>'
    ).encode()


def _mode(value: str) -> str:
    return (
        f'<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="{WORD_URI}" '
        f'w:val="{value}"/></w:compat>'
    )


@pytest.mark.parametrize(
    ("compat", "expected"),
    [
        ("", "15"),  # no compat at all: Word 2007's layout, raised
        ("<w:compat><w:useFELayout/></w:compat>", "15"),
        (_mode("12"), "15"),
        (_mode("14"), "15"),  # python-docx's template, Word 2010
        (_mode("15"), "15"),
        (_mode("16"), "16"),  # a newer Word's own mode is kept
        (_mode("x"), "15"),  # not a number
    ],
)
def test_a_reference_leaves_at_mode_15_or_its_own_higher_mode(
    compat: str, expected: str, tmp_path: Path
) -> None:
    reference = _python_docx_reference(tmp_path)
    parts = read_parts(reference.read_bytes())
    parts["word/settings.xml"] = _settings_with(compat)
    _write_zip(reference, parts)
    out = read_parts(render(SAMPLE, DocxOptions(reference_docx=reference)))
    settings = etree.fromstring(out["word/settings.xml"])
    modes = settings.xpath(
        "w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces={"w": W}
    )
    assert modes == [expected]
    assert schema_errors({"word/settings.xml": out["word/settings.xml"]}) == []
