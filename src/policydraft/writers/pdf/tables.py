"""A ``Table`` as a reportlab platypus table that splits across pages, repeating its header.

Columns share the text width as the DOCX's do (``model.table.column_shares``); cells hold
our paragraph styles (the body's, or the notes' inside a note) without indents or space,
aligned as the Markdown said, the header row bold; borders and cell margins are Word's
"Table Grid" (single half-point lines, 5.4 points left and right).

Footnotes in cells: a table carries, row by row, the notes its cells mark. The footnote
frame (``frame.py``) reserves room for them as for a paragraph's, and a table split across
pages takes to each page the notes of the rows it prints there, so every note lands on the
page of its mark. A note marked in a header row goes with the table's first page only (a
repeated header prints its mark again, without a second note). See
docs/submission-format.md ("Tables").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Table as PlatypusTable

from policydraft.model import Block, ColumnAlignment, Table
from policydraft.model.table import column_shares

from .notes import Footnote, PartialNote
from .styles import Styles

CELL_MARGIN = 5.4  # points left and right of a cell's text: Word's "Normal Table" (108 twips)
RULE_WIDTH = 0.5  # points: Word's single border of size 4 (eighths of a point)
_FUZZ = 1e-6
_ALIGNMENTS: dict[ColumnAlignment, int] = {
    "default": TA_LEFT,
    "left": TA_LEFT,
    "center": TA_CENTER,
    "right": TA_RIGHT,
}

CellFlowables = Callable[[tuple[Block, ...], ParagraphStyle], list[Flowable]]
"""Turns a cell's blocks into flowables in the style given (numbering their notes)."""


class NotedTable(PlatypusTable):  # type: ignore[misc]
    """A platypus table that knows the notes each row marks (see the module docstring)."""

    row_notes: tuple[tuple[Footnote, ...], ...] = ()
    partial: PartialNote | None = None  # a table never splits a note: read by the frame

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every note this table (or part) prints the mark of, in reading order."""
        return tuple(chain.from_iterable(self.row_notes))

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame: Any = getattr(self, "_frame", None)
        height = availHeight
        if self.footnotes and hasattr(frame, "growth"):
            rows = self._rows_fitting(frame, availWidth, availHeight)
            if rows <= self.repeatRows:
                return []
            height = sum(self._rowHeights[:rows]) + _FUZZ
        parts: list[Flowable] = super().split(availWidth, height)
        if len(parts) == 2:
            first, rest = parts
            taken = first._nrows
            first.row_notes = self.row_notes[:taken]
            rest.row_notes = ((),) * self.repeatRows + self.row_notes[taken:]
        return parts

    def _rows_fitting(self, frame: Any, width: float, height: float) -> int:
        """The most rows that fit in ``height`` with the notes they mark at the page's foot."""
        self.wrap(width, height)
        used, fitting = 0.0, 0
        notes: list[Footnote] = []
        for row_height, marked in zip(self._rowHeights, self.row_notes, strict=True):
            used += row_height
            notes.extend(marked)
            if used + frame.growth(notes) > height + _FUZZ:
                break
            fitting += 1
        return fitting


@dataclass(slots=True)
class CellStyles:
    """Paragraph styles for cells, made once per base style, alignment and boldness."""

    styles: Styles
    _made: dict[tuple[str, ColumnAlignment, bool], ParagraphStyle] = field(default_factory=dict)

    def get(self, base: ParagraphStyle, alignment: ColumnAlignment, bold: bool) -> ParagraphStyle:
        key = (base.name, alignment, bold)
        if key not in self._made:
            family = self.styles.family
            self._made[key] = ParagraphStyle(
                f"{base.name}-cell-{alignment}{'-bold' if bold else ''}",
                parent=base,
                fontName=family.face(bold, False),
                alignment=_ALIGNMENTS[alignment],
                leftIndent=0,
                rightIndent=0,
                firstLineIndent=0,
                spaceBefore=0,
                spaceAfter=0,
                keepWithNext=0,
            )
        return self._made[key]


def table_flowable(
    table: Table,
    base: ParagraphStyle,
    cell_styles: CellStyles,
    cell_flowables: CellFlowables,
) -> NotedTable:
    """``table`` as a ``NotedTable`` whose cells are set in ``base`` (body or note style)."""
    page = cell_styles.styles.typography.page
    width = page.width - page.left - page.right
    data: list[list[list[Flowable]]] = []
    row_notes: list[tuple[Footnote, ...]] = []
    for index, row in enumerate(table.rows):
        bold = index < table.header_rows
        cells = [
            cell_flowables(blocks, cell_styles.get(base, alignment, bold))
            for blocks, alignment in zip(row, table.alignments, strict=True)
        ]
        data.append(cells)
        row_notes.append(_notes_of(cells))
    widths = [width * share for share in column_shares(table)]
    flowable = NotedTable(
        data,
        colWidths=widths,
        repeatRows=table.header_rows,
        style=_grid(),
        spaceAfter=base.leading,  # the DOCX's empty paragraph after a table
    )
    flowable.row_notes = tuple(row_notes)
    return flowable


def _notes_of(cells: list[list[Flowable]]) -> tuple[Footnote, ...]:
    """The notes a row's cells mark, in reading order (each paragraph carries its own)."""
    found = (getattr(flowable, "footnotes", ()) for cell in cells for flowable in cell)
    return tuple(chain.from_iterable(found))


def _grid() -> list[tuple[Any, ...]]:
    return [
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_MARGIN),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_MARGIN),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
