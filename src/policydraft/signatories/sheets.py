"""A signatory file -> its header and rows of text cells, whatever the file's format.

Lists arrive as CSV from forms and petition tools (UTF-8, UTF-8 with a byte-order mark, or
Windows-1252 from Excel on Windows) or as Excel workbooks. Both become the same ``Table``:
rows numbered as the user sees them (the file's line, or the sheet's row), cells as text.
Blank rows are skipped here, so nothing downstream has to think about them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from policydraft import limits
from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.csv_rows import Row, csv_rows
from policydraft.signatories.xlsx_rows import cell_text, too_large, xlsx_rows

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP_MAGIC = b"PK\x03\x04"
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with a byte-order mark is detected as such
_UTF16_SAMPLE = 1024  # bytes looked at to tell UTF-16 without a byte-order mark
__all__ = ["Table", "cell_text", "read_table"]


@dataclass
class Table:
    """A list's header and its non-blank rows, each with the line (or sheet row) it came from.

    A row that could not be read (a broken quote, an oversized cell) has ``None`` for cells,
    so that it is still counted; so does a header that could not be read.
    """

    header: list[str] | None
    rows: Iterable[Row]
    encoding: str  # "utf-8", "utf-8-sig", "cp1252", ... or "xlsx"
    header_line: int = 1


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
        return _table(check_cell_sizes(rows, shown, diags), "xlsx")
    if path.suffix.lower() == ".xls":
        diags.error(
            "PD403", f"{shown} is an old Excel .xls file; save it as .xlsx or CSV", Location(shown)
        )
        return None
    text, encoding = _decode(raw, shown, diags)
    if text is None:
        return None
    return _csv_table(text, encoding, shown, diags)


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


def _decode(raw: bytes, shown: str, diags: Diagnostics) -> tuple[str | None, str]:
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        text, encoding = utf16
        message = f"{shown} is not UTF-8; read it as {encoding} (UTF-16 without a byte-order mark)"
        diags.note("PD404", message, Location(shown))
        return text, encoding
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


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """The text and encoding of a UTF-16 file without a byte-order mark, else None.

    Such a file is valid UTF-8 when its text is ASCII (each letter followed, or preceded, by a
    NUL), so it would be read with its NULs stripped. A list's header is ASCII, so in its first
    KB nearly every other byte is a NUL, always on the same side (odd offsets little-endian,
    even ones big-endian); UTF-8 text with stray NULs has them on both sides or few.
    """
    sample = raw[:_UTF16_SAMPLE]  # an even number of bytes, as UTF-16 text is
    if len(raw) % 2 or raw.startswith(_UTF16_BOMS) or not sample.count(0):
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    for nuls, other, encoding in ((odd, even, "utf_16_le"), (even, odd, "utf_16_be")):
        if 2 * nuls >= pairs and 8 * other <= nuls:
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:  # a lone surrogate: not UTF-16 after all
                return None
    return None


def _csv_table(text: str, encoding: str, shown: str, diags: Diagnostics) -> Table:
    rows = check_cell_sizes(csv_rows(text, shown, diags), shown, diags)
    return _table(rows, encoding)


def _table(rows: Iterator[Row], encoding: str) -> Table:
    """The first row is the header; a header that cannot be read is ``None``."""
    first = next(rows, None)
    if first is None:
        return Table([], iter(()), encoding)
    return Table(first[1], rows, encoding, first[0])


def check_cell_sizes(rows: Iterable[Row], shown: str, diags: Diagnostics) -> Iterator[Row]:
    """Rows whose every cell fits the limit; a longer cell makes its row unreadable (PD419).

    No real name or affiliation comes near Excel's own maximum, and a cell of megabytes would
    only make every later stage (sorting, layout) slow.
    """
    longest = limits.SIGNATORY_CELL_CHARS.value
    for line, cells in rows:
        if cells and max(map(len, cells)) > longest:
            diags.error(
                "PD419",
                f"a cell of this row is longer than {longest:,} characters (Excel's own "
                "maximum); no name or affiliation is, so the row is not read",
                Location(shown, line),
            )
            yield line, None
        else:
            yield line, cells
