"""A ``Table`` as an HTML ``<table>``: header rows in ``<thead>`` with ``<th scope="col">``,
each column's alignment a class (``pd-align-center``; ``assets/page.css`` says what it does),
so that the page carries no inline style (docs/submission-format.md, "Tables")."""

from __future__ import annotations

from collections.abc import Callable

from policydraft.model import Block, ColumnAlignment, Table

CellHtml = Callable[[tuple[Block, ...]], str]
"""A cell's blocks as HTML (its notes numbered in reading order)."""


def table_html(table: Table, cell_html: CellHtml) -> str:
    """``table`` as a ``<table>`` element, one row per line."""
    rows = table.rows
    head = "".join(
        _row(row, table.alignments, cell_html, "th") for row in rows[: table.header_rows]
    )
    body = "".join(
        _row(row, table.alignments, cell_html, "td") for row in rows[table.header_rows :]
    )
    tbody = f"<tbody>\n{body}</tbody>\n" if body else ""
    return f'<table class="pd-table">\n<thead>\n{head}</thead>\n{tbody}</table>\n'


def _row(
    row: tuple[tuple[Block, ...], ...],
    alignments: tuple[ColumnAlignment, ...],
    cell_html: CellHtml,
    tag: str,
) -> str:
    scope = ' scope="col"' if tag == "th" else ""
    cells = "".join(
        f"<{tag}{scope}{_align(alignment)}>{cell_html(blocks)}</{tag}>"
        for blocks, alignment in zip(row, alignments, strict=True)
    )
    return f"<tr>{cells}</tr>\n"


def _align(alignment: ColumnAlignment) -> str:
    return "" if alignment == "default" else f' class="pd-align-{alignment}"'
