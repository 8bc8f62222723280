"""Signatory lists (CSV) -> ``Signatory`` records, with a diagnostic for every row left out.

Headers are matched case-insensitively against the SPEC's column names; ``columns`` maps a
column name to the header the list actually uses. A row without a name is reported with its
line, never dropped silently. Blank lines are ignored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.signatories.model import Signatory

COLUMNS = (
    "name",
    "title",
    "organization",
    "category",
    "location",
    "email",
    "consent",
    "signed",
    "sort_as",
)
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def read_signatories(
    path: Path, columns: Mapping[str, str], diags: Diagnostics, where: Location
) -> list[Signatory]:
    """Read every signer of ``path``; ``where`` locates the reference to the file for errors."""
    shown = display_path(path)
    text = _decode(path, shown, diags, where)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        diags.error("PD402", f"signatory file {shown} is empty; it needs a 'name' column", where)
        return []
    index = _column_index(header, columns)
    if "name" not in index:
        wanted = columns.get("name", "name")
        diags.error(
            "PD402",
            f"{shown} has no '{wanted}' column (headers: {', '.join(header)})",
            Location(shown, 1, 1),
        )
        return []
    signers: list[Signatory] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        signer = _signatory(row, index, Location(shown, line, 1), diags)
        if signer is not None:
            signers.append(signer)
    return signers


def _decode(path: Path, shown: str, diags: Diagnostics, where: Location) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diags.error("PD105", f"cannot read signatory file {shown}: {exc.strerror}", where)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Spreadsheet exports that are not UTF-8 are nearly always Windows-1252; short samples
    # fool open-ended detection (it may pick a Baltic code page), so prefer it when it fits.
    best = from_bytes(raw, cp_isolation=["cp1252", "utf_16"]).best() or from_bytes(raw).best()
    if best is None:
        diags.error(
            "PD403",
            f"{shown} is neither UTF-8 nor a recognised text encoding",
            Location(shown, 1, 1),
        )
        return None
    diags.note("PD404", f"{shown} is not UTF-8; read it as {best.encoding}", Location(shown, 1, 1))
    return str(best)


def _column_index(header: list[str], columns: Mapping[str, str]) -> dict[str, int]:
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
    cells = {column: _cell(row, i) for column, i in index.items()}
    if not cells.get("name"):
        diags.error("PD401", "signatory row has no name; fill it in or delete the row", where)
        return None
    consent = _consent(cells["consent"], where, diags) if "consent" in cells else True
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
    )


def _cell(row: list[str], i: int) -> str:
    return " ".join(row[i].split()) if i < len(row) else ""


def _consent(value: str, where: Location, diags: Diagnostics) -> bool:
    """Only an explicit yes prints a name: an empty or unclear answer leaves the row out."""
    folded = value.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    shown = repr(value) if value else "empty"
    diags.warning("PD405", f"consent is {shown}, not yes or no; the row is left out", where)
    return False
