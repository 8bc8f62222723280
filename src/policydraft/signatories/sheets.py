"""A signatory file -> its header and rows of text cells, whatever the file's format.

Lists arrive as CSV from forms and petition tools (in the encoding ``decoding`` finds: UTF-8,
UTF-16 from Excel's "Unicode Text", Windows-1252 from Excel on Windows, ...; separated by the
character ``delimiters`` finds: comma, semicolon, tab or pipe) or as Excel workbooks. Both
become the same ``Table``: rows numbered as the user sees them (the file's line, or the
sheet's row), cells as text. Blank rows are skipped here, so nothing downstream has to think
about them. A CSV list that is not UTF-8 with commas gets one note (PD404) saying how it was
read, so that a wrong guess is visible.

Rows travel in batches (``csv_rows.Batch``), so that a long list is checked a batch at a time:
a batch's cells are measured with one call, or not at all when the CSV reader knows that its
lines are short enough, and only a batch holding an oversized cell is looked at row by row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from policydraft import limits
from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.csv_rows import Batch, Row, csv_batches
from policydraft.signatories.decoding import decode
from policydraft.signatories.delimiters import (
    COMMA,
    declared_separator,
    describe,
    sniff_delimiter,
)
from policydraft.signatories.xlsx_rows import cell_text, too_large, xlsx_rows

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
__all__ = ["Table", "cell_text", "read_table"]


@dataclass
class Table:
    """A list's header and its non-blank rows, each with the line (or sheet row) it came from.

    A row that could not be read (a broken quote, an oversized cell) has ``None`` for cells,
    so that it is still counted; so does a header that could not be read.
    """

    header: list[str] | None
    batches: Iterable[Batch]  # the rows below the header
    encoding: str  # "utf-8", "utf-8-sig", "utf_16", "cp1252", ... or "xlsx"
    header_line: int = 1
    delimiter: str = COMMA  # what separates a CSV list's cells

    @property
    def rows(self) -> Iterator[Row]:
        """The rows below the header, one at a time."""
        for batch in self.batches:
            yield from zip(batch.lines, batch.cells, strict=True)


def read_table(
    path: Path, sheet: str | None, shown: str, diags: Diagnostics, where: Location
) -> Table | None:
    """The table in ``path``, or None (with a diagnostic) when it cannot be read at all."""
    raw = _read_bytes(path, shown, diags, where)
    if raw is None:
        return None
    if path.suffix.lower() in XLSX_SUFFIXES or raw.startswith(_ZIP_MAGIC):
        rows = xlsx_rows(raw, sheet, shown, diags)
        if rows is None:
            return None
        return _table(check_cell_sizes(_in_batches(rows), shown, diags), "xlsx")
    if path.suffix.lower() == ".xls":
        diags.error(
            "PD403", f"{shown} is an old Excel .xls file; save it as .xlsx or CSV", Location(shown)
        )
        return None
    return _csv_table(raw, shown, diags)


def _read_bytes(path: Path, shown: str, diags: Diagnostics, where: Location) -> bytes | None:
    """The file's bytes, never more than the limit allows: a device or a pipe named as the
    list (``/dev/zero``, say) is refused rather than read forever."""
    limit = limits.SIGNATORY_BYTES.value
    try:
        if path.exists() and not path.is_file():
            diags.error("PD105", f"signatory file {shown} is not a regular file", where)
            return None
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except OSError as exc:
        diags.error("PD105", f"cannot read signatory file {shown}: {exc.strerror}", where)
        return None
    if len(raw) > limit:
        too_large(path.stat().st_size, shown, diags)
        return None
    return raw


def _csv_table(raw: bytes, shown: str, diags: Diagnostics) -> Table | None:
    """A CSV list in the encoding and with the separator found for it; anything but UTF-8
    with commas is noted once (PD404), so that a wrong guess shows."""
    decoded = decode(raw, shown, diags)
    if decoded is None:
        return None
    text, declared = declared_separator(decoded.text)
    delimiter = declared or sniff_delimiter(text)
    if not decoded.utf8 or delimiter != COMMA:
        said = " (as its sep= line says)" if declared else ""
        message = f"{shown} is read as {decoded.name}, {describe(delimiter)}{said}"
        diags.note("PD404", message, Location(shown))
    batches = csv_batches(text, shown, diags, delimiter)
    return _table(check_cell_sizes(batches, shown, diags), decoded.encoding, delimiter)


_XLSX_BATCH = 4096  # a workbook's rows, read whole by openpyxl, passed on in batches of this many


def _in_batches(rows: list[Row]) -> Iterator[Batch]:
    for start in range(0, len(rows), _XLSX_BATCH):
        part = rows[start : start + _XLSX_BATCH]
        yield Batch([line for line, _ in part], [cells for _, cells in part])


def _table(batches: Iterator[Batch], encoding: str, delimiter: str = COMMA) -> Table:
    """The first row is the header; a header that cannot be read is ``None``."""
    first = next(batches, None)
    if first is None:
        return Table([], iter(()), encoding, delimiter=delimiter)
    lines, cells, longest = first
    rest = chain([Batch(lines[1:], cells[1:], longest)] if len(lines) > 1 else [], batches)
    return Table(cells[0], rest, encoding, lines[0], delimiter)


def check_cell_sizes(batches: Iterable[Batch], shown: str, diags: Diagnostics) -> Iterator[Batch]:
    """Rows whose every cell fits the limit; a longer cell makes its row unreadable (PD419).

    No real name or affiliation comes near Excel's own maximum, and a cell of megabytes would
    only make every later stage (sorting, layout) slow. A batch ends before each such row, so
    that PD419 is reported in the order of the rows.
    """
    longest = limits.SIGNATORY_CELL_CHARS.value
    for batch in batches:
        lines, cells, bound = batch
        if bound is None:
            bound = max(map(len, chain.from_iterable(filter(None, cells))), default=0)
        if bound <= longest:
            yield batch  # nearly always: one test for the whole batch
            continue
        start = 0
        for index, row in enumerate(cells):
            if row and max(map(len, row)) > longest:
                if index > start:
                    yield Batch(lines[start:index], cells[start:index])
                diags.error(
                    "PD419",
                    f"a cell of this row is longer than {longest:,} characters (Excel's own "
                    "maximum); no name or affiliation is, so the row is not read",
                    Location(shown, lines[index]),
                )
                yield Batch(lines[index : index + 1], [None])
                start = index + 1
        if start < len(lines):
            yield Batch(lines[start:], cells[start:])
