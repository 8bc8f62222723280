"""A Table in the DOCX: w:tbl in a table style, repeating header, column alignment, full
width, footnotes in cells, schema-valid; with and without a reference.docx that has "Table
Grid" (python-docx's own default template, made outside this project, has Word's)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from policydraft.model import Block, ColumnAlignment, Document, Metadata, Note, Para, Table, Text
from policydraft.writers.docx import DocxOptions, write_docx
from tests.writers.ooxml_validation import W, package_errors, read_parts, schema_errors

NS = {"w": W}
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def cell(*parts: str | Note) -> tuple[Block, ...]:
    return (Para(tuple(Text(p) if isinstance(p, str) else p for p in parts)),)


NOTE = Note(cell("Regulations.gov, docket OSTP-TECH-2025-0067."))
TABLE = Table(
    (
        *(cell("Docket"), cell("Comments"), cell("Share")),
        *(cell("OSTP-TECH-2025-0067"), cell("8,755", NOTE), cell("61%")),
        *((), cell("412"), cell("3%")),
    ),
    ("default", "center", "right"),
)


def render(blocks: tuple[Block, ...], reference: Path | None = None) -> dict[str, bytes]:
    out = io.BytesIO()
    document = Document(Metadata("Tables", "Tester"), blocks)
    write_docx(document, out, DocxOptions(reference_docx=reference))
    return read_parts(out.getvalue())


def xml(parts: dict[str, bytes], name: str = "word/document.xml") -> etree._Element:
    return etree.fromstring(parts[name])


def test_table_is_schema_valid_and_the_package_holds_together() -> None:
    parts = render((Para((Text("Before."),)), TABLE, Para((Text("After."),))))
    assert schema_errors(parts) == []
    assert package_errors(parts) == []


# (XPath on word/document.xml, expected result)
DOCUMENT_XPATHS = [
    ("count(//w:tbl)", 1.0),
    ("count(//w:tbl/w:tr)", 3.0),
    ("count(//w:tr[w:trPr/w:tblHeader])", 1.0),  # only the header row repeats
    ("string(//w:tr[1]/w:trPr/w:tblHeader/../../w:tc[1])", "Docket"),
    ("string(//w:tblPr/w:tblW/@w:w)", "5000"),
    ("string(//w:tblPr/w:tblW/@w:type)", "pct"),
    ("count(//w:tblGrid/w:gridCol)", 3.0),
    ("sum(//w:tblGrid/w:gridCol/@w:w)", 9360.0),  # 6.5 inches of text width, in twips
    ("count(//w:tr/w:tc[1]//w:jc)", 0.0),  # default alignment: the style's own
    ("count(//w:tr/w:tc[2]/w:p/w:pPr/w:jc[@w:val='center'])", 3.0),
    ("count(//w:tr/w:tc[3]/w:p/w:pPr/w:jc[@w:val='right'])", 3.0),
    ("count(//w:tr[3]/w:tc[1]/w:p)", 1.0),  # an empty cell still ends in a paragraph
    ("count(//w:tc//w:footnoteReference)", 1.0),
    ("local-name(//w:tbl/following-sibling::*[1])", "p"),  # tables never touch
]


@pytest.mark.parametrize(("xpath", "expected"), DOCUMENT_XPATHS)
def test_table_markup(xpath: str, expected: object) -> None:
    parts = render((TABLE,))
    assert xml(parts).xpath(xpath, namespaces=NS) == expected


def test_footnote_in_a_cell_is_a_real_footnote() -> None:
    parts = render((TABLE,))
    footnotes = xml(parts, "word/footnotes.xml")
    texts = footnotes.xpath("string(//w:footnote[@w:id='1'])", namespaces=NS)
    assert "docket OSTP-TECH-2025-0067" in texts


def _style_name(parts: dict[str, bytes]) -> tuple[str, etree._Element]:
    style_id = xml(parts).xpath("string(//w:tblStyle/@w:val)", namespaces=NS)
    (style,) = xml(parts, "word/styles.xml").xpath(
        "//w:style[@w:type='table'][@w:styleId=$id]", namespaces=NS, id=style_id
    )
    return style.xpath("string(w:name/@w:val)", namespaces=NS), style


def test_without_a_reference_our_table_grid_is_added_with_borders() -> None:
    name, style = _style_name(render((TABLE,)))
    assert name == "Table Grid"
    assert style.xpath("string(w:basedOn/@w:val)", namespaces=NS) == "TableNormal"
    edges = style.xpath("w:tblPr/w:tblBorders/*/@w:val", namespaces=NS)
    assert edges == ["single"] * 6


def test_a_reference_table_grid_is_used_as_it_is(tmp_path: Path) -> None:
    reference = tmp_path / "reference.docx"
    docx.Document().save(str(reference))  # python-docx's template has Word's "Table Grid"
    parts = render((TABLE,), reference)
    name, style = _style_name(parts)
    assert name == "Table Grid"
    assert style.xpath("count(w:tblStylePr)", namespaces=NS) == 0  # theirs, not ours
    styles = xml(parts, "word/styles.xml")
    assert styles.xpath("count(//w:style[w:name/@w:val='Table Grid'])", namespaces=NS) == 1
    assert schema_errors(parts) == []


@pytest.mark.parametrize("reference", ["reference-libreoffice.docx"])
def test_a_reference_without_table_grid_gets_ours(reference: str) -> None:
    parts = render((TABLE,), FIXTURES / reference)
    assert _style_name(parts)[0] == "Table Grid"
    assert schema_errors(parts) == []


def test_a_letter_without_tables_gets_no_table_style() -> None:
    parts = render((Para((Text("No table."),)),))
    assert b"Table Grid" not in parts["word/styles.xml"]


def test_a_table_inside_a_footnote_is_valid() -> None:
    inner = Table((cell("a"), cell("b")), ("left",), header_rows=1)
    note = Note((Para((Text("See:"),)), inner))
    parts = render((Para((Text("Text"), note)),))
    assert xml(parts, "word/footnotes.xml").xpath("count(//w:tbl)", namespaces=NS) == 1.0
    assert schema_errors(parts) == []


@pytest.mark.parametrize("columns", [1, 5, 12])
def test_widths_fill_the_text_width(columns: int) -> None:
    aligns: tuple[ColumnAlignment, ...] = ("default",) * columns
    table = Table(tuple(cell(f"c{i}") for i in range(columns)), aligns)
    widths = xml(render((table,))).xpath("//w:gridCol/@w:w", namespaces=NS)
    assert len(widths) == columns
    assert abs(sum(int(w) for w in widths) - 9360) <= columns  # rounding only
