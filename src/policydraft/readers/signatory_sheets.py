"""A signatory file -> its header and rows of text cells, whatever the file's format.

Lists arrive as CSV from forms and petition tools (UTF-8, UTF-8 with a byte-order mark, or
Windows-1252 from Excel on Windows) or as Excel workbooks. Both become the same ``Table``:
rows numbered as the user sees them (the file's line, or the sheet's row), cells as text.
Blank rows are skipped here, so nothing downstream has to think about them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policydraft.diagnostics import Diagnostics, Location

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_BOM = b"\xef\xbb\xbf"


@dataclass
class Table:
    """A list's header and its non-blank rows, each with the line (or sheet row) it came from."""

    header: list[str]
    rows: Iterable[tuple[int, list[str]]]
    encoding: str  # "utf-8", "utf-8-sig", "cp1252", ... or "xlsx"


def read_table(
    path: Path, sheet: str | None, shown: str, diags: Diagnostics, where: Location
) -> Table | None:
    """The table in ``path``, or None (with a diagnostic) when it cannot be read at all."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diags.error("PD105", f"cannot read signatory file {shown}: {exc.strerror}", where)
        return None
    if path.suffix.lower() in XLSX_SUFFIXES or raw.startswith(_ZIP_MAGIC):
        return _xlsx_table(raw, sheet, shown, diags)
    if path.suffix.lower() == ".xls":
        diags.error(
            "PD403", f"{shown} is an old Excel .xls file; save it as .xlsx or CSV", Location(shown)
        )
        return None
    text, encoding = _decode(raw, shown, diags)
    if text is None:
        return None
    return _csv_table(text, encoding, shown, diags)


def _decode(raw: bytes, shown: str, diags: Diagnostics) -> tuple[str | None, str]:
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig" if raw.startswith(_BOM) else "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Spreadsheet exports that are not UTF-8 are nearly always Windows-1252; short samples
    # fool open-ended detection (it may pick a Baltic code page), so prefer it when it fits.
    best = from_bytes(raw, cp_isolation=["cp1252", "utf_16"]).best() or from_bytes(raw).best()
    if best is None:
        diags.error(
            "PD403", f"{shown} is neither UTF-8 nor a recognised text encoding", Location(shown)
        )
        return None, ""
    diags.note("PD404", f"{shown} is not UTF-8; read it as {best.encoding}", Location(shown))
    return str(best), best.encoding


def _csv_table(text: str, encoding: str, shown: str, diags: Diagnostics) -> Table | None:
    # NUL is the one character the csv module refuses; it never belongs in a name anyway.
    lines = _csv_rows(text.replace("\x00", ""), shown, diags)
    first = next(lines, None)
    if first is None:
        return Table([], iter(()), encoding)
    return Table(first[1], lines, encoding)


def _csv_rows(text: str, shown: str, diags: Diagnostics) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on (a quoted cell may span several lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            diags.error(
                "PD403", f"{shown} cannot be read as CSV here: {exc}", Location(shown, start)
            )
            return
        if row is None:
            return
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


def _xlsx_table(raw: bytes, sheet: str | None, shown: str, diags: Diagnostics) -> Table | None:
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        diags.error("PD403", f"{shown} cannot be read as an Excel workbook: {exc}", Location(shown))
        return None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            names = ", ".join(repr(n) for n in book.sheetnames)
            diags.error(
                "PD406", f"{shown} has no sheet {sheet!r} (sheets: {names})", Location(shown)
            )
            return None
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        rows = [
            (number, [cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    kept = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    if not kept:
        return Table([], [], "xlsx")
    return Table(kept[0][1], kept[1:], "xlsx")


def cell_text(value: Any) -> str:
    """An Excel cell as the text a person sees: 3 not 3.0, a date without a midnight time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
