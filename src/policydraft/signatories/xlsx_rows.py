"""An Excel workbook -> numbered rows of cell text, trusting nothing the file says about itself.

A received workbook is opened only after its zip directory has been checked: its parts must
unpack to no more than ``limits.SIGNATORY_BYTES`` (a zip bomb is refused before anything is
inflated, PD416), and no XML part may declare a DTD (PD417). Office Open XML never uses DTDs;
one in a sheet or in sharedStrings can only be there to define entities, which the standard
library parser openpyxl uses for those parts would expand (a "billion laughs" bomb, or text
injected into a name). Rows are then read without the sheet's stored dimension (openpyxl's
read-only mode would stop at a dimension smaller than the data, silently dropping every row
past it), and whatever openpyxl cannot read (a cut sheet, a number too long to convert) is a
diagnostic at the row where reading stopped; rows before it are kept and counted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
import zlib
from typing import Any

from policydraft import limits
from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.csv_rows import Row

EXCEL_LAST_ROW = 1_048_576
# What zipfile raises on a damaged or unusual archive: bad directory or CRC, a corrupt deflate
# stream, a cut file, encryption, a compression method it lacks.
_DAMAGED_ZIP = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
    OSError,
)
_CHUNK = 64 * 1024
# The prolog ends where the root element begins; a DOCTYPE can only come before it.
_ROOT_OR_DOCTYPE = re.compile(rb"<(?:[A-Za-z_:]|!DOCTYPE)")


def xlsx_rows(raw: bytes, sheet: str | None, shown: str, diags: Diagnostics) -> list[Row] | None:
    """The sheet's non-blank rows by sheet row number, or None (with a diagnostic)."""
    if not _safe_archive(raw, shown, diags):
        return None
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean "unreadable"
        message = f"{shown} cannot be read as an Excel workbook: {_why(exc)}"
        diags.error("PD403", message, Location(shown))
        return None
    try:
        worksheet = _worksheet(book, sheet, shown, diags)
        return None if worksheet is None else _read_rows(worksheet, shown, diags)
    finally:
        book.close()


def _safe_archive(raw: bytes, shown: str, diags: Diagnostics) -> bool:
    """Refuse a workbook that would unpack too large or whose XML declares a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
        unpacked = sum(info.file_size for info in infos)
        if unpacked > limits.SIGNATORY_BYTES.value:
            too_large(unpacked, shown, diags, verb="unpacks to")
            return False
        for info in infos:
            if _declares_dtd(archive, info):
                diags.error(
                    "PD417",
                    f"{shown}: the part {info.filename} declares a DTD (entities), which no "
                    "Excel workbook has; it is refused unread (save the list again from a "
                    "spreadsheet program)",
                    Location(shown),
                )
                return False
    except _DAMAGED_ZIP as exc:
        message = f"{shown} cannot be read as an Excel workbook: {_why(exc)}"
        diags.error("PD403", message, Location(shown))
        return False
    return True


def too_large(size: int, shown: str, diags: Diagnostics, verb: str = "is") -> None:
    """PD416: the list (or, for a workbook, what it unpacks to) is larger than the limit."""
    limit = limits.SIGNATORY_BYTES
    diags.error(
        "PD416",
        f"{shown} {verb} {size:,} bytes, more than the {limit.value:,}-byte limit for a "
        f"signatory list ({limit.name}); split the list, or raise the limit with the "
        f"environment variable {limit.env}",
        Location(shown),
    )


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the part has ``<!DOCTYPE`` before its first element (read only that far).

    NUL bytes are dropped before matching, so a part in UTF-16 is read as if it were ASCII.
    """
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            text = tail + chunk.replace(b"\x00", b"")
            found = _ROOT_OR_DOCTYPE.search(text)
            if found is not None:
                return found.group().startswith(b"<!")
            tail = text[-16:]
    return False


def _worksheet(book: Any, sheet: str | None, shown: str, diags: Diagnostics) -> Any | None:
    """The named sheet, else the first sheet of rows; a chart sheet has no rows (PD418)."""
    if sheet is not None and sheet not in book.sheetnames:
        names = ", ".join(repr(n) for n in book.sheetnames)
        diags.error("PD406", f"{shown} has no sheet {sheet!r} (sheets: {names})", Location(shown))
        return None
    if sheet is not None:
        chosen = book[sheet]
        if chosen in book.worksheets:
            return chosen
        message = f"the sheet {sheet!r} of {shown} is a chart, not a sheet of rows"
    elif book.worksheets:
        return book.worksheets[0]
    else:
        message = f"{shown} has no sheet of rows, only charts"
    diags.error("PD418", message + "; name the sheet that holds the list", Location(shown))
    return None


def _read_rows(worksheet: Any, shown: str, diags: Diagnostics) -> list[Row]:
    """Every non-blank row, read past the stored dimension; reading stops at a broken row."""
    worksheet.reset_dimensions()  # the stored <dimension> may be smaller than the data
    rows: list[Row] = []
    number = 0
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > EXCEL_LAST_ROW:
                diags.error(
                    "PD403",
                    f"{shown} numbers a row past Excel's last row ({EXCEL_LAST_ROW:,}); "
                    "the rows after this one are not read",
                    Location(shown, EXCEL_LAST_ROW),
                )
                break
            cells = [cell_text(value) for value in values]
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
    except Exception as exc:  # openpyxl's parser on a damaged sheet: see _broken_row
        _broken_row(exc, number + 1, shown, diags)
        rows.append((number + 1, None))  # counted as a row that could not be read
    return rows


def _broken_row(exc: Exception, number: int, shown: str, diags: Diagnostics) -> None:
    where = Location(shown, number)
    if isinstance(exc, ValueError) and "digits" in str(exc):
        message = (
            f"row {number:,} of {shown} holds a number with more than "
            f"{sys.get_int_max_str_digits():,} digits, which no "
            "list needs; it and the rows after it are not read"
        )
        diags.error("PD419", message, where)
        return
    diags.error(
        "PD403",
        f"the sheet of {shown} is cut short or broken at row {number:,} ({_why(exc)}); "
        "it and the rows after it are not read (save the list again)",
        where,
    )


def _why(exc: BaseException) -> str:
    """The library's reason, when it is about the file's structure and cannot quote a cell."""
    if isinstance(exc, zipfile.BadZipFile | SyntaxError | KeyError):
        return str(exc) or type(exc).__name__
    return type(exc).__name__


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
