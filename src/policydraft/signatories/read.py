"""Signatory lists (CSV or XLSX) -> ``Signatory`` records, accounting for every row.

Headers are matched once per file by headers.py (the headers exports write, declared in
``columns.COLUMNS``; ``signatories.columns`` maps a column to the header a list uses), which
says which cell of a row is read as what. A row without a name is reported with its line,
never dropped silently. Blank lines are ignored. Cells are cleaned here, once: control
characters a spreadsheet may carry are removed (with a note), whitespace is collapsed and
text is put in Unicode's composed form (NFC), so later stages compare and print clean text.
Columns the table does not name are never read, so they cannot leak into any output.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.consent import ConsentAnswers
from policydraft.signatories.csv_rows import Row
from policydraft.signatories.header_rows import continues_header, merge_header_rows
from policydraft.signatories.headers import Layout, join_cells, match_headers
from policydraft.signatories.sheets import read_table
from policydraft.signatories.signatory import Signatory, SignatoryList

# Bidirectional embedding, override and isolate controls can make a printed name read
# differently from what the list says; they are removed with the other control characters.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


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
    header, tool_columns, rows = _header_rows(table.header, table.rows)
    header = _clean_header(header, shown, diags)
    where_header = Location(shown, table.header_line)
    layout = match_headers(header, config.columns, where_header, diags, tool_columns)
    signers: list[Signatory] = []
    nameless: list[Location] = []
    if layout.first_row_is_signer:
        nameless.append(where_header)  # no header row: the first row is counted as a signer
    unreadable: list[Location] = []
    answers = ConsentAnswers(config.consent_values.yes, config.consent_values.no)
    for line, row in rows:
        here = Location(shown, line, 1)
        if row is None:
            unreadable.append(here)
            continue
        signer = _signatory(row, layout, here, diags, answers) if layout.index else None
        if signer is None:
            nameless.append(here)
        else:
            signers.append(signer)
    answers.report(Location(shown, table.header_line, 1), diags)  # once for the whole list
    return SignatoryList(shown, tuple(signers), tuple(nameless), table.encoding, tuple(unreadable))


def _header_rows(
    header: list[str], rows: Iterable[Row]
) -> tuple[list[str], frozenset[int], Iterator[Row]]:
    """(the header, the columns a survey tool fills itself, the rows below the header): a
    second header row, as SurveyMonkey writes one, is merged into the first (headers.py)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return header, frozenset(), rows
    if first[1] is not None and continues_header(header, first[1]):
        merged, tool_columns = merge_header_rows(header, first[1])
        return merged, tool_columns, rows
    return header, frozenset(), chain((first,), rows)


def _clean_header(header: list[str], shown: str, diags: Diagnostics) -> list[str]:
    """Header cells without control characters, so that ``na\\0me`` still names the column."""
    if all(cell.isprintable() for cell in header):
        return header
    cleaned = [_without_controls(cell)[0] for cell in header]
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
    """The row's cells by column, cleaned; a short row's missing cells are empty.

    Nearly every cell is printable ASCII with single spaces, which needs no cleaning: that
    is tested in C, so a 100,000-row list does not pay for ``_cell`` 700,000 times.
    """
    cells: dict[str, str] = {}
    width = len(row)
    for column, i in index.items():
        text = row[i] if i < width else ""
        clean = text.isascii() and text.isprintable() and "  " not in text
        if not clean or text[:1] == " " or text[-1:] == " ":
            text = _cell(text, column, where, diags)
        cells[column] = text
    return cells


def _cell(text: str, column: str, where: Location, diags: Diagnostics) -> str:
    if not text.isprintable():
        text, removed = _without_controls(text)
        if removed:
            diags.note("PD410", f"control characters removed from the {column} cell", where)
    text = " ".join(text.split())
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _without_controls(text: str) -> tuple[str, bool]:
    """Line breaks and tabs become spaces; other control characters are removed."""
    kept: list[str] = []
    removed = False
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            removed = True
        else:
            kept.append(char)
    return "".join(kept), removed
