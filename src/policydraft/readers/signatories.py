"""Signatory lists (CSV or XLSX) -> ``Signatory`` records, accounting for every row.

Headers are matched case-insensitively against the SPEC's column names; ``columns`` maps a
column name to the header the list actually uses. A row without a name is reported with its
line, never dropped silently. Blank lines are ignored. Cells are cleaned here, once: control
characters a spreadsheet may carry are removed (with a note), whitespace is collapsed and text
is put in Unicode's composed form (NFC), so later stages compare and print clean text.
Columns the SPEC does not name are never read, so they cannot leak into any output.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import get_args

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.readers.signatory_sheets import read_table
from policydraft.schema.submission import Column, SignatoriesConfig
from policydraft.signatories.model import Signatory, SignatoryList

COLUMNS: tuple[Column, ...] = get_args(Column)  # the schema's list, in its order
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
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
    """The whole list: signers, rows without a name, and the encoding it was read in."""
    shown = display_path(path)
    table = read_table(path, config.sheet, shown, diags, where)
    if table is None:
        return SignatoryList(shown, ())
    if not table.header:
        diags.error("PD402", f"signatory file {shown} is empty; it needs a 'name' column", where)
        return SignatoryList(shown, ())
    index = _column_index(table.header, config.columns)
    if "name" not in index:
        wanted = config.columns.get("name", "name")
        headers = ", ".join(h for h in table.header if h.strip())
        diags.error(
            "PD402", f"{shown} has no '{wanted}' column (headers: {headers})", Location(shown)
        )
        return SignatoryList(shown, (), encoding=table.encoding)
    _report_unmatched_mapping(table.header, config.columns, index, shown, diags)
    signers: list[Signatory] = []
    nameless: list[Location] = []
    for line, row in table.rows:
        signer = _signatory(row, index, Location(shown, line, 1), diags)
        if signer is None:
            nameless.append(Location(shown, line, 1))
        else:
            signers.append(signer)
    return SignatoryList(shown, tuple(signers), tuple(nameless), table.encoding)


def _report_unmatched_mapping(
    header: list[str],
    columns: Mapping[Column, str],
    index: Mapping[str, int],
    shown: str,
    diags: Diagnostics,
) -> None:
    """A mapped header the list lacks would silently drop that column: say so (PD414)."""
    headers = ", ".join(h for h in header if h.strip())
    for column, wanted in columns.items():
        if column not in index:
            message = (
                f"signatories.columns maps '{column}' to the header '{wanted}', which {shown} "
                f"does not have (headers: {headers})"
            )
            diags.error("PD414", message, Location(shown))


def _column_index(header: list[str], columns: Mapping[Column, str]) -> dict[str, int]:
    folded = {cell.strip().casefold(): i for i, cell in reversed(list(enumerate(header)))}
    index: dict[str, int] = {}
    for column in COLUMNS:
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
    if "consent" in cells:
        consent, withdrawn = _consent(cells["consent"], where, diags)
    return Signatory(
        name=cells["name"],
        where=where,
        title=cells.get("title", ""),
        organization=cells.get("organization", ""),
        category=cells.get("category", ""),
        location=cells.get("location", ""),
        signed=cells.get("signed", ""),
        sort_as=cells.get("sort_as", ""),
        email=cells.get("email", ""),
        consent=consent,
        withdrawn=withdrawn,
    )


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


def load_signatory_list(
    path: Path, diags: Diagnostics
) -> tuple[SignatoryList, SignatoriesConfig] | None:
    """The list of a submission folder (with its settings) or of a bare list file.

    For the ``signatories`` commands, which take either; None when there is no list to read.
    """
    if not path.is_dir():
        config = SignatoriesConfig(file=path.name)
        return read_signatory_list(path, config, diags, Location(display_path(path))), config
    from policydraft.readers.submission import load_submission

    loaded = load_submission(path, diags)
    if loaded is None:
        return None
    settings = loaded.submission.signatories
    if settings is None:
        diags.error("PD103", "the submission has no signatories: section", loaded.locate())
        return None
    where = loaded.locate("signatories", "file")
    return read_signatory_list(loaded.folder / settings.file, settings, diags, where), settings
