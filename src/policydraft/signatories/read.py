"""Signatory lists (CSV or XLSX) -> ``Signatory`` records, accounting for every row.

Headers are matched once per file by headers.py (the headers exports write, declared in
``columns.COLUMNS``; ``signatories.columns`` maps a column to the header a list uses), which
says which cell of a row is read as what. A row without a name is reported with its line,
never dropped silently. Blank lines are ignored. Cells are cleaned once, as they are read
(cells.py). Columns the table does not name are never read, so they cannot leak into any
output.

Rows arrive in batches (sheets.py); a batch is read a column at a time (columnwise.py) when
that gives the same signers and reports, which it nearly always does, else row by row here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.signatories.cells import clean_cell, is_clean, without_controls
from policydraft.signatories.columnwise import ColumnPlan, ReadSoFar, read_batch
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.consent import ConsentAnswers
from policydraft.signatories.csv_rows import Batch
from policydraft.signatories.header_rows import continues_header, merge_header_rows
from policydraft.signatories.headers import Layout, join_cells, match_headers
from policydraft.signatories.sheets import read_table
from policydraft.signatories.signatory import Signatory, SignatoryList


def read_signatories(
    path: Path, columns: Mapping[str, str], diags: Diagnostics, where: Location
) -> list[Signatory]:
    """Every signer of ``path`` that has a name; ``where`` locates the file's reference."""
    config = SignatoriesConfig.model_validate({"columns": dict(columns)})
    listing = read_signatory_list(path, config, diags, where)
    return list(listing.signers)


def read_signatory_list(
    path: Path, config: SignatoriesConfig, diags: Diagnostics, where: Location
) -> SignatoryList:
    """The whole list: signers, rows without a name or unreadable, and the encoding read in."""
    shown = display_path(path)
    table = read_table(path, config.sheet, shown, diags, where)
    if table is None:
        return SignatoryList(shown, ())
    if table.header is None:  # the header row itself is broken (reported): count the rest
        unread = tuple(Location(shown, line) for line, _ in table.rows)
        return SignatoryList(shown, (), encoding=table.encoding, unreadable=unread)
    if not table.header:
        diags.error("PD402", f"signatory file {shown} is empty; it needs a 'name' column", where)
        return SignatoryList(shown, ())
    header, tool_columns, batches = _header_rows(table.header, table.batches)
    header = _clean_header(header, shown, diags)
    where_header = Location(shown, table.header_line)
    layout = match_headers(header, config.columns, where_header, diags, tool_columns)
    answers = ConsentAnswers(config.consent_values.yes, config.consent_values.no)
    read = ReadSoFar(shown, diags, answers)
    if layout.first_row_is_signer:
        read.nameless.append(where_header)  # no header row: the first row counts as a signer
    plan = ColumnPlan(layout) if layout.index else None
    for lines, rows, _ in batches:
        if plan and read_batch(lines, rows, plan, read):
            continue
        for line, row in zip(lines, rows, strict=True):
            here = Location(shown, line, 1)
            if row is None:
                read.unreadable.append(here)
                continue
            signer = _signatory(row, layout, here, diags, answers) if layout.index else None
            if signer is None:
                read.nameless.append(here)
            else:
                read.signers.append(signer)
    answers.report(Location(shown, table.header_line, 1), diags)  # once for the whole list
    return SignatoryList(
        shown, tuple(read.signers), tuple(read.nameless), table.encoding, tuple(read.unreadable)
    )


def _header_rows(
    header: list[str], batches: Iterable[Batch]
) -> tuple[list[str], frozenset[int], Iterator[Batch]]:
    """(the header, the columns a survey tool fills itself, the rows below the header): a
    second header row, as SurveyMonkey writes one, is merged into the first (headers.py)."""
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return header, frozenset(), batches
    lines, rows, longest = first
    if rows[0] is not None and continues_header(header, rows[0]):
        merged, tool_columns = merge_header_rows(header, rows[0])
        rest = [Batch(lines[1:], rows[1:], longest)] if len(rows) > 1 else []
        return merged, tool_columns, chain(rest, batches)
    return header, frozenset(), chain((first,), batches)


def _clean_header(header: list[str], shown: str, diags: Diagnostics) -> list[str]:
    """Header cells without control characters, so that ``na\\0me`` still names the column."""
    if all(cell.isprintable() for cell in header):
        return header
    cleaned = [without_controls(cell)[0] for cell in header]
    diags.note("PD410", "control characters removed from the header row", Location(shown))
    return cleaned


def _signatory(
    row: list[str],
    layout: Layout,
    where: Location,
    diags: Diagnostics,
    answers: ConsentAnswers,
) -> Signatory | None:
    cells = _cells(row, layout.index, where, diags)
    if layout.joins:  # given and family names, or city, state and country: joined
        join_cells(cells, layout.joins)
    if not cells.get("name"):
        diags.error("PD401", "signatory row has no name; fill it in or delete the row", where)
        return None
    consent, withdrawn = True, False
    answer = cells.pop("consent", None)
    if answer is not None:
        consent, withdrawn = answers.decide(answer, where)
    # every other column fills the field of its name; a column the list lacks stays empty
    return Signatory(where=where, consent=consent, withdrawn=withdrawn, **cells)


def _cells(
    row: list[str], index: Mapping[str, int], where: Location, diags: Diagnostics
) -> dict[str, str]:
    """The row's cells by column, cleaned; a short row's missing cells are empty."""
    cells: dict[str, str] = {}
    width = len(row)
    for column, i in index.items():
        text = row[i] if i < width else ""
        cells[column] = text if is_clean(text) else clean_cell(text, column, where, diags)
    return cells
