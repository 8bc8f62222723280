"""A Markdown pipe table -> a ``Table`` node, and the checks markdown-it does not make.

markdown-it (its GFM ``table`` rule) reads the header row, the delimiter row (``---``,
``:---``, ``:---:``, ``---:``, giving each column's alignment) and the body rows; a body row
with fewer cells than the header is silently padded, one with more silently loses its extra
cells. So each body row's source line is split here as markdown-it splits it, and:

- a row with too few cells is a warning (PD210): it is printed padded with empty cells, and
  nothing the user wrote is lost;
- a row with too many cells is an error (PD210): the extra cells' text would vanish from the
  letter, which must never happen silently;
- a table of more than ``MAX_COLUMNS`` columns is a warning (PD211): on a letter page its
  columns are narrower than a short word.

See docs/submission-format.md ("Tables").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it.rules_block.table import escapedSplit
from markdown_it.tree import SyntaxTreeNode

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, ColumnAlignment, Inline, Para, Table

MAX_COLUMNS = 11
"""The most columns a table may have before PD211: on a 6.5-inch text width, 12 columns are
about half an inch each, narrower than many words at 12 points."""

_ALIGNMENTS: dict[str, ColumnAlignment] = {
    "text-align:left": "left",
    "text-align:center": "center",
    "text-align:right": "right",
}
_QUOTE_MARKERS = re.compile(r"^\s*(?:>\s?)*")  # a table inside a block quote: "> | a | b |"

CellReader = Callable[[SyntaxTreeNode], tuple[Inline, ...]]
LineLocation = Callable[[int], Location]


def read_table(
    node: SyntaxTreeNode,
    lines: Sequence[str],
    cell_inlines: CellReader,
    location: LineLocation,
    diags: Diagnostics,
) -> Table:
    """The ``table`` node as a Table; ragged rows and too many columns are reported.

    ``cell_inlines`` reads a ``th``/``td`` node's inlines, ``location`` turns a 0-based body
    line into the file's location.
    """
    head = [row for part in node.children if part.type == "thead" for row in part.children]
    body = [row for part in node.children if part.type == "tbody" for row in part.children]
    alignments = tuple(_alignment(cell) for cell in head[0].children)
    start = node.map[0] if node.map else 0
    if len(alignments) > MAX_COLUMNS:
        message = (
            f"table has {len(alignments)} columns; more than {MAX_COLUMNS} cannot fit the "
            "page's width legibly: split it, or turn it (rows as columns)"
        )
        diags.warning("PD211", message, location(start))
    for row in body:
        _check_row(row, lines, len(alignments), location, diags)
    cells = tuple(_cell(cell, cell_inlines) for row in (*head, *body) for cell in row.children)
    return Table(cells, alignments, header_rows=len(head))


def _alignment(cell: SyntaxTreeNode) -> ColumnAlignment:
    return _ALIGNMENTS.get(str(cell.attrs.get("style", "")), "default")


def _cell(cell: SyntaxTreeNode, cell_inlines: CellReader) -> tuple[Block, ...]:
    inlines = cell_inlines(cell)
    return (Para(inlines),) if inlines else ()


def written_cells(line: str) -> int:
    """How many cells a table row's source line has, split as markdown-it splits it.

    Pipes escaped as ``\\|`` are text; one leading and one trailing pipe only enclose.
    """
    cells = escapedSplit(_QUOTE_MARKERS.sub("", line).strip())
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return len(cells)


def _check_row(
    row: SyntaxTreeNode,
    lines: Sequence[str],
    columns: int,
    location: LineLocation,
    diags: Diagnostics,
) -> None:
    index = row.map[0] if row.map else 0
    written = written_cells(lines[index]) if index < len(lines) else columns
    if written < columns:
        message = (
            f"table row has {written} of the header's {columns} cells; "
            "it is printed padded with empty cells"
        )
        diags.warning("PD210", message, location(index))
    elif written > columns:
        message = (
            f"table row has {written} cells but the header has {columns}: the extra "
            f"{written - columns} would be lost; add a header cell, or join them"
        )
        diags.error("PD210", message, location(index))
