"""A ``Table`` as a Word table: ``w:tbl`` in a table style, its header rows repeated on every
page (``w:tblHeader``), each column aligned as the Markdown said, filling the text width.

The table style is the reference.docx's "Table Grid" when it has one (a firm's own look),
else one we add under that name, based on "Normal Table", with single borders and a bold
first row. It is added only when a letter has a table, so a letter without one keeps the
same bytes. Cells are written by the block writer (footnotes inside cells work as anywhere
in the body); see docs/submission-format.md ("Tables").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from policydraft.model import Block, ColumnAlignment, Table
from policydraft.model.table import column_shares
from policydraft.writers.docx.oxml import W_VAL, sub, w
from policydraft.writers.docx.story import Story
from policydraft.writers.docx.styles import TWIPS

TABLE_STYLE = "Table Grid"
TABLE_STYLE_ID = "TableGrid"
FULL_WIDTH = "5000"  # w:tblW in fiftieths of a percent: 100% of the text width
BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")  # CT_TblBorders' order
FIRST_ROW_LOOK = {"val": "0620", "firstRow": "1", "lastRow": "0", "firstColumn": "0"}
NO_BANDS = {"lastColumn": "0", "noHBand": "1", "noVBand": "1"}

_JC: dict[ColumnAlignment, str | None] = {
    "default": None,
    "left": "left",
    "center": "center",
    "right": "right",
}
_PPR_AFTER_JC = {w(name) for name in ("textDirection", "textAlignment", "outlineLvl", "rPr")}

CellWriter = Callable[[etree._Element, tuple[Block, ...]], None]
"""Writes a cell's blocks as paragraphs into the ``w:tc`` it is given."""


def add_table(container: etree._Element, table: Table, story: Story, cells: CellWriter) -> None:
    """Append ``table`` to ``container`` (the body, a footnote) as a ``w:tbl``."""
    tbl = sub(container, "tbl")
    widths = _column_widths(table, story)
    _table_properties(sub(tbl, "tblPr"), _style_id(story))
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=str(width))
    for index, row in enumerate(table.rows):
        tr = sub(tbl, "tr")
        if index < table.header_rows:
            sub(sub(tr, "trPr"), "tblHeader")
        for blocks, width, alignment in zip(row, widths, table.alignments, strict=True):
            _cell(tr, blocks, width, _JC[alignment], cells)
    sub(container, "p")  # Word joins two tables that touch, and a note must end in a paragraph


def _table_properties(tbl_pr: etree._Element, style_id: str) -> None:
    """CT_TblPr in schema order: style, width, then the look that turns the first row on."""
    sub(tbl_pr, "tblStyle", val=style_id)
    sub(tbl_pr, "tblW", w=FULL_WIDTH, type="pct")
    sub(tbl_pr, "tblLook", **FIRST_ROW_LOOK, **NO_BANDS)


def _cell(
    tr: etree._Element,
    blocks: tuple[Block, ...],
    width: int,
    jc: str | None,
    cells: CellWriter,
) -> None:
    tc = sub(tr, "tc")
    sub(sub(tc, "tcPr"), "tcW", w=str(width), type="dxa")
    cells(tc, blocks)
    if tc.find(w("p")) is None:
        sub(tc, "p")  # a cell must end in a paragraph, even an empty cell
    if jc is None:
        return
    for paragraph in tc.iterchildren(w("p")):
        _align(paragraph, jc)


def _align(paragraph: etree._Element, jc: str) -> None:
    """Set ``w:jc`` in the paragraph's properties, in its place in CT_PPr's sequence."""
    properties = paragraph.find(w("pPr"))
    if properties is None:
        properties = paragraph.makeelement(w("pPr"))
        paragraph.insert(0, properties)
    element = properties.makeelement(w("jc"), {W_VAL: jc})
    later = next((child for child in properties if child.tag in _PPR_AFTER_JC), None)
    if later is None:
        properties.append(element)
    else:
        later.addprevious(element)


def _column_widths(table: Table, story: Story) -> list[int]:
    """Each grid column's width in twips: the text width shared as ``column_shares`` says."""
    page = story.typography.page
    text_width = round((page.width - page.left - page.right) * TWIPS)
    return [round(text_width * share) for share in column_shares(table)]


def _style_id(story: Story) -> str:
    """The id of the table style: the document's "Table Grid", added the first time."""
    styles = _styles_element(story)
    for style in styles.iterchildren(w("style")):
        name = style.find(w("name"))
        named = "" if name is None else name.get(W_VAL, "")
        if style.get(w("type")) == "table" and named.casefold() == TABLE_STYLE.casefold():
            return str(style.get(w("styleId"), TABLE_STYLE_ID))
    styles.append(_grid_style(styles, _normal_table_id(styles)))
    return TABLE_STYLE_ID


def _styles_element(story: Story) -> etree._Element:
    """``word/styles.xml``'s root, reached from the body or the footnotes part alike."""
    part: Any = story.part
    return part.package.main_document_part.styles.element  # type: ignore[no-any-return]


def _normal_table_id(styles: etree._Element) -> str | None:
    for style in styles.iterchildren(w("style")):
        if style.get(w("type")) == "table" and style.get(w("default")) in ("1", "true"):
            return style.get(w("styleId"))
    return None


def _grid_style(styles: etree._Element, based_on: str | None) -> etree._Element:
    """Our "Table Grid": single borders, no space between a cell's lines, a bold first row."""
    style = styles.makeelement(w("style"), {w("type"): "table", w("styleId"): TABLE_STYLE_ID})
    sub(style, "name", val=TABLE_STYLE)
    if based_on is not None:
        sub(style, "basedOn", val=based_on)
    sub(style, "qFormat")
    sub(sub(style, "pPr"), "spacing", before="0", after="0")
    borders = sub(sub(style, "tblPr"), "tblBorders")
    for edge in BORDERS:
        sub(borders, edge, val="single", sz="4", space="0", color="auto")
    first_row = sub(style, "tblStylePr", type="firstRow")
    sub(sub(first_row, "rPr"), "b")
    sub(sub(first_row, "trPr"), "tblHeader")
    return style
