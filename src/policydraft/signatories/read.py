"""Signatory lists (CSV or XLSX) -> ``Signatory`` records, accounting for every row.

Headers are matched case-insensitively against the column names of ``columns.COLUMNS``
(docs/signatories.md); ``columns`` maps a column name to the header the list actually uses.
A row without a name is reported with its line, never dropped silently. Blank lines are
ignored. Cells are cleaned here, once: control characters a spreadsheet may carry are removed
(with a note), whitespace is collapsed and text is put in Unicode's composed form (NFC), so
later stages compare and print clean text. Columns the table does not name are never read, so
they cannot leak into any output.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.signatories.columns import COLUMN_NAMES
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.sheets import read_table
from policydraft.signatories.signatory import Signatory, SignatoryList

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
# Bidirectional embedding, override and isolate controls can make a printed name read
# differently from what the list says; they are removed with the other control characters.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Words that make a cell of the first row look like a header, and so safe to show.
_HEADER_WORDS = frozenset({
    *COLUMN_NAMES, "mail", "e", "address", "full", "your", "first", "last", "given", "family",
    "surname", "signer", "signature", "company", "affiliation", "employer", "role", "job",
    "city", "state", "country", "date", "time", "timestamp", "of", "as", "sort", "agree",
})  # fmt: skip
"""Words headers are made of: a cell is shown in a message only if all its words are here."""
_WORD = re.compile(r"[^\W\d]+")


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
    header = _clean_header(table.header, shown, diags)
    _report_duplicate_columns(header, config.columns, Location(shown, table.header_line), diags)
    index = _column_index(header, config.columns)
    signers: list[Signatory] = []
    nameless: list[Location] = []
    if "name" not in index:
        if not _report_no_name_column(header, config.columns, shown, diags):
            nameless.append(Location(shown, table.header_line))  # the first row is a signer
        index = {}  # every row is counted as one without a name, none is read
    else:
        _report_unmatched_mapping(header, config.columns, index, shown, diags)
    unreadable: list[Location] = []
    for line, row in table.rows:
        here = Location(shown, line, 1)
        if row is None:
            unreadable.append(here)
            continue
        signer = _signatory(row, index, here, diags) if index else None
        if signer is None:
            nameless.append(here)
        else:
            signers.append(signer)
    return SignatoryList(shown, tuple(signers), tuple(nameless), table.encoding, tuple(unreadable))


def _clean_header(header: list[str], shown: str, diags: Diagnostics) -> list[str]:
    """Header cells without control characters, so that ``na\\0me`` still names the column."""
    if all(cell.isprintable() for cell in header):
        return header
    cleaned = [_without_controls(cell)[0] for cell in header]
    diags.note("PD410", "control characters removed from the header row", Location(shown))
    return cleaned


def _report_no_name_column(
    header: list[str], columns: Mapping[str, str], shown: str, diags: Diagnostics
) -> bool:
    """PD402, describing the headers without showing a cell that may be a signer's.

    True when the first row has something that looks like a header, False when it looks like
    a signer (then it is counted among the rows).
    """
    wanted = columns.get("name", "name")
    shown_headers, hidden = _describe_headers(header, columns)
    if shown_headers:
        message = f"{shown} has no '{wanted}' column (headers: {shown_headers})"
    else:
        message = (
            f"{shown} has no '{wanted}' column: none of the {hidden:,} cells of its first row "
            "is a header policydraft knows (name, title, organization, email, ...); if that "
            "row is a signer, add a header row above it (its cells are not shown here)"
        )
    diags.error("PD402", message, Location(shown))
    return bool(shown_headers)


def _report_unmatched_mapping(
    header: list[str],
    columns: Mapping[str, str],
    index: Mapping[str, int],
    shown: str,
    diags: Diagnostics,
) -> None:
    """A mapped header the list lacks would silently drop that column: say so (PD414)."""
    headers = _describe_headers(header, columns)[0] or "none that can be shown"
    for column, wanted in columns.items():
        if column not in index:
            message = (
                f"signatories.columns maps '{column}' to the header '{wanted}', which {shown} "
                f"does not have (headers: {headers})"
            )
            diags.error("PD414", message, Location(shown))


def _describe_headers(header: list[str], columns: Mapping[str, str]) -> tuple[str, int]:
    """(the headers that may be shown, how many are not shown).

    A list without a header row has a signer in its first row, e-mail address included, and
    messages never show a signer's cells. A header is shown only when it looks like one: it
    is a mapped header, or every word of it is a header word (so "Full Name" is shown, but
    not "National Organization for Women"), with no ``@`` or digit.
    """
    mapped = {wanted.strip().casefold() for wanted in columns.values()}
    visible: list[str] = []
    hidden = 0
    for cell in (c.strip() for c in header):
        if not cell:
            continue
        folded = cell.casefold()
        words = set(_WORD.findall(folded))
        plain = "@" not in folded and not any(c.isdigit() for c in folded) and len(cell) <= 40
        if plain and (folded in mapped or (words and words <= _HEADER_WORDS)):
            visible.append(cell)
        else:
            hidden += 1
    text = ", ".join(visible)
    if visible and hidden:
        text += f" and {hidden:,} not shown"
    return text, hidden


def _report_duplicate_columns(
    header: list[str], columns: Mapping[str, str], where: Location, diags: Diagnostics
) -> None:
    """PD420 for each column whose header names a column an earlier header already names:
    only the first is read, so the other (titles under a second 'name') would vanish."""
    first: dict[str, int] = {}
    wanted = {columns.get(column, column).strip().casefold(): column for column in COLUMN_NAMES}
    for i, cell in enumerate(header):
        folded = cell.strip().casefold()
        if folded not in wanted:
            continue
        if folded not in first:
            first[folded] = i
            continue
        column = wanted[folded]
        mapped = (
            f" (signatories.columns maps it to '{columns[column]}')" if column in columns else ""
        )
        before = first[folded]
        message = (
            f"the headers '{header[before]}' ({_column_name(before)}) and '{cell}' "
            f"({_column_name(i)}) both name the '{column}' column{mapped}: only the first would "
            "be read and the other dropped; rename or delete one of them"
        )
        diags.error("PD420", message, where)


def _column_name(index: int) -> str:
    """``column 3, C``: a 0-based column's number and its spreadsheet letters."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"column {index + 1}, {letters}"


def _column_index(header: list[str], columns: Mapping[str, str]) -> dict[str, int]:
    folded = {cell.strip().casefold(): i for i, cell in reversed(list(enumerate(header)))}
    index: dict[str, int] = {}
    for column in COLUMN_NAMES:
        wanted = columns.get(column, column).strip().casefold()
        if wanted in folded:
            index[column] = folded[wanted]
    return index


def _signatory(
    row: list[str], index: Mapping[str, int], where: Location, diags: Diagnostics
) -> Signatory | None:
    cells = _cells(row, index, where, diags)
    if not cells.get("name"):
        diags.error("PD401", "signatory row has no name; fill it in or delete the row", where)
        return None
    consent, withdrawn = True, False
    answer = cells.pop("consent", None)
    if answer is not None:
        consent, withdrawn = _consent(answer, where, diags)
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


def _consent(value: str, where: Location, diags: Diagnostics) -> tuple[bool, bool]:
    """(consents, withdrew): only an explicit yes prints a name; an unclear answer does not."""
    folded = value.strip().casefold()
    if folded in _YES:
        return True, False
    if folded in _NO:
        return False, True
    shown = repr(value) if value else "empty"
    if "@" in value:  # a shifted column can put an e-mail here; messages never show one
        shown = "a value with an @ (not shown)"
    diags.warning("PD405", f"consent is {shown}, not yes or no; the row is left out", where)
    return False, False
