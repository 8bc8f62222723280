"""CSV text -> numbered rows, with no signer lost to a stray quote.

A quoted cell may legitimately span lines (an address, a credit line), so the csv module
reads a quote that is never closed as one cell running on to the end of the file, and a quote
closed by the next row's opening quote as one cell holding every row in between: the signers
in those rows vanish into one "name". Both are caught here by looking at the raw text of every
record that spans lines: a quoted cell that is still open at the end of the file, or whose
closing quote is followed by more text instead of the list's separator or a line end (where a
new cell begins), is an error at the line and column where the quote opened (PD415). Reading then
resumes on the line after that quote, so every later row is still read and counted.

A row that cannot be read at all comes with ``None`` for its cells: it is counted and
reported, never dropped.

Rows come in batches (``Batch``: their lines and their cells), so that a 100,000-row list is
not walked row by row in Python. A batch is read with one call into the csv module; while
every record is one line (the reader's line count moves as far as the records it gives),
none can be a runaway quote and their lines are consecutive, so they are kept as they are.
A record that spans lines (it holds a line break in a cell), and the lines where the csv
module raises, are read again record by record as described above. A batch ends before any
row that is reported, so that what a reader of the batches reports about a row and what is
reported here stay in the order of the rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Generator, Iterator, Sequence
from itertools import chain, islice
from operator import itemgetter
from typing import NamedTuple, cast

from policydraft.diagnostics import Diagnostics, Location

Row = tuple[int, list[str] | None]  # (the line a row starts on, its cells or None if unreadable)


class Batch(NamedTuple):
    """Rows in order, never none: the line each starts on, and each one's cells (None if
    unreadable)."""

    lines: Sequence[int]
    cells: list[list[str] | None]
    longest: int | None = None
    """No cell is longer than this, when the reader knows it without looking at each cell
    (a one-line record's cells are no longer than its line)."""


# After this many broken records the rest of the file is counted, not parsed: each resumption
# may re-read the rest of the file, so without a bound a file of stray quotes is quadratic.
_MAX_BROKEN = 10
_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_ENDS = ("", "\r", "\n")  # with the separator: what may follow a closing quote
_BATCH = 4096  # records read with one call into the csv module, at most
_SHORTEST = 64  # ... and at least, after a record that spans lines
_FIRST = itemgetter(0)


class _Reading:
    """A csv reader over the text from some line on, and the text's lines for looking back.

    The csv module reads in C; Python only looks at a record's raw lines when it spans
    several (rare), and only then are the text's lines split out, once.
    """

    def __init__(self, text: str, delimiter: str) -> None:
        self._text = text
        self.delimiter = delimiter
        self._lines: list[str] | None = None
        self.broken = 0  # records that could not be read, or swallowed rows
        self.widest = 0  # the most cells of a one-line record (the header's, usually)
        self.longest = 0  # the longest line handed to a reader so far
        self.size = _BATCH  # records the next batch reads (fewer after a record spans lines)
        self.resume(1)

    def resume(self, line: int) -> None:
        """Read on from ``line`` (1-based), whatever the reader was in the middle of."""
        source: Iterator[str]
        if line == 1:
            blocks = map(_block_lines, _blocks(self._text))
            source = chain.from_iterable(map(self._measured, blocks))
        else:
            lines = self.lines  # (from any line at once: no skipping through the ones before)
            source = map(lines.__getitem__, range(line - 1, len(lines)))
        self.reader = csv.reader(source, delimiter=self.delimiter)
        self.offset = line - 1  # lines before the reader's first
        self.done = 0  # lines the reader had read after its previous record

    @property
    def next_line(self) -> int:
        """The line the next record starts on."""
        return self.offset + self.done + 1

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self._measured(list(_text_lines(self._text)))
        return self._lines

    def _measured(self, lines: list[str]) -> list[str]:
        """``lines``, their lengths counted into ``longest``."""
        self.longest = max(self.longest, max(map(len, lines), default=0))
        return lines

    def next_record(self) -> tuple[int, int, list[str] | None]:
        """(first line, last line, cells or None at the end); csv.Error propagates."""
        cells = next(self.reader, None)
        start, self.done = self.offset + self.done + 1, self.reader.line_num
        return start, self.offset + self.done, cells

    def numbered(self, start: int, end: int) -> list[tuple[int, str]]:
        return [(number, self.lines[number - 1]) for number in range(start, end + 1)]

    def one_line_records(self, most: int) -> tuple[list[list[str]], int | None]:
        """(records, each one line, read with one call to csv; None, or the last line to
        read record by record after them).

        A record that spans lines holds a line break in a cell, which no one-line record can:
        the records before the first such one are kept, and reading resumes at its line. When
        csv raises, no record is kept, and reading resumes where the batch began. Only the
        lines that go unread are then read again, and the next batch is as long as the part
        kept (at least ``_SHORTEST``), so that a list with many such records is not read
        twice over.
        """
        done, most = self.done, min(most, self.size)
        try:
            records = list(islice(self.reader, most))
        except csv.Error:
            reached = self.offset + self.reader.line_num
            self.resume(self.offset + done + 1)
            return [], reached
        if self.reader.line_num - done != len(records):  # a quoted cell spans lines
            first = next((i for i, cells in enumerate(records) if _breaks(cells)), 0)
            self.size = max(_SHORTEST, 2 * first)
            records = records[:first]
            start = self.offset + done + 1 + first
            self.resume(start)
            self._keep_widest(records)
            return records, start
        self.done = self.reader.line_num
        self.size = min(2 * self.size, _BATCH)
        self._keep_widest(records)
        return records, None

    def _keep_widest(self, records: list[list[str]]) -> None:
        if records:
            self.widest = max(self.widest, max(map(len, records)))


def _breaks(cells: list[str]) -> bool:
    """Whether a record's cells hold a line break (so it was read over several lines)."""
    text = "".join(cells)
    return "\n" in text or "\r" in text


_BLOCK = 1 << 20  # characters of the text a StringIO holds at a time


def _text_lines(text: str) -> Iterator[str]:
    """The text's lines, ends kept, as ``io.StringIO(text, newline="")`` gives them (at CR,
    LF or CRLF, nowhere else), a block of about ``_BLOCK`` characters at a time.

    A StringIO keeps its text as four bytes a character: one over a 135 MB list (a million
    signers) held 540 MB while it was read. A block ends just after a LF, so no line, nor a
    CRLF, is cut in two; the lines are split, and handed on, in C.
    """
    return chain.from_iterable(map(_block_lines, _blocks(text)))


def _block_lines(block: str) -> list[str]:
    return io.StringIO(block, newline="").readlines()


def _blocks(text: str) -> Iterator[str]:
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + _BLOCK) + 1 or size
        yield text[start:end]
        start = end


def csv_batches(text: str, shown: str, diags: Diagnostics, delimiter: str = ",") -> Iterator[Batch]:
    """Non-blank rows with the line each starts on, a batch at a time (module docstring);
    broken records as rows without cells. ``delimiter`` separates cells
    (``delimiters.sniff_delimiter`` finds it)."""
    reading = _Reading(text, delimiter)
    while True:
        start = reading.next_line
        records, careful = reading.one_line_records(_BATCH)
        if records:
            batch = _non_blank(start, records, reading.longest)
            if batch.cells:
                yield batch
        if careful is not None:  # read again, record by record, up to that line
            ended = yield from _record_by_record(reading, shown, diags, careful)
            if ended:
                return
            if reading.broken >= _MAX_BROKEN:
                break
        elif not records:
            return
    rest = list(_count_the_rest(reading, shown, diags))
    if rest:
        yield Batch([line for line, _ in rest], [None] * len(rest))


def _non_blank(start: int, records: list[list[str]], longest: int) -> Batch:
    """The one-line records that hold more than spaces, and their lines (consecutive from
    ``start``); none of their cells is longer than ``longest``."""
    lines = range(start, start + len(records))
    if all(records) and all(map(str.strip, map(_FIRST, records))):  # nearly always
        return Batch(lines, cast(list[list[str] | None], records), longest)
    kept = [
        (line, cells)
        for line, cells in zip(lines, records, strict=True)
        if any(map(str.strip, cells))
    ]
    return Batch([line for line, _ in kept], [cells for _, cells in kept], longest)


def _record_by_record(
    reading: _Reading, shown: str, diags: Diagnostics, until: int
) -> Generator[Batch, None, bool]:
    """Records read one at a time, with every check of the module docstring, until the
    reader has passed line ``until``; True if the file ended.

    Each batch ends just before a row that is reported (module docstring).
    """
    lines: list[int] = []
    cells_of: list[list[str] | None] = []
    ended = False
    while reading.broken < _MAX_BROKEN and reading.next_line <= until:
        start = reading.next_line
        reported = None
        try:
            start, end, cells = reading.next_record()
        except csv.Error as exc:  # reported, counted; reading resumes on the next line
            reported, (code, message) = Location(shown, start), _why(exc)
            reading.resume(start + 1)
        else:
            if cells is None:
                ended = True
                break
            runaway = None
            if end > start:
                taken = reading.numbered(start, end)
                too_wide = 0 < reading.widest < len(cells)
                runaway = _runaway(taken, reading.delimiter, too_wide)
            else:
                reading.widest = max(reading.widest, len(cells))
            if runaway is not None:
                index, column, message = runaway
                reported, code = Location(shown, start + index, column), "PD415"
                reading.resume(start + index + 1)  # the line after the quote
            elif not any(cell.strip() for cell in cells):
                continue
        if reported is not None:
            if lines:
                yield Batch(lines, cells_of)
                lines, cells_of = [], []
            reading.broken += 1
            diags.error(code, message, reported)
            cells = None
        lines.append(start)
        cells_of.append(cells)
    if lines:
        yield Batch(lines, cells_of)
    return ended


def _why(exc: csv.Error) -> tuple[str, str]:
    if "field larger than field limit" in str(exc):
        limit = csv.field_size_limit()
        return "PD419", f"a cell is longer than {limit:,} characters; no name or affiliation is"
    return "PD403", f"this row cannot be read as CSV: {exc}"


def _runaway(
    taken: list[tuple[int, str]], delimiter: str, too_wide: bool
) -> tuple[int, int, str] | None:
    """(index in ``taken``, column, message) of a quote that swallows rows, else None.

    ``too_wide``: the record has more cells than any one-line row before it, which a quoted
    cell spanning lines explains when its quote was really an unclosed one.
    """
    raw = "".join(text for _, text in taken)
    found = _scan_quotes(raw, delimiter, too_wide)
    if found is None:
        return None
    opened, closed = found
    index, column = _position(taken, opened)
    advice = 'close the quote, or double it ("") if it belongs in the text'
    if closed < 0:
        later = taken[-1][0] - taken[index][0]
        what = (
            f"a quote opened here is never closed: the file ends inside this cell, so the "
            f"{later:,} line(s) after it would be read as one cell and their signers lost"
        )
    else:
        end, end_column = _position(taken, closed)
        where = f"line {taken[end][0]}, column {end_column}"
        how = (
            "where its quote closes in the middle of a cell"
            if raw[closed + 1 : closed + 2] not in (delimiter, *_LINE_ENDS)
            else "and its row then has more cells than the header"
        )
        what = (
            f"the quoted cell opened here runs on to {where}, {how}: a closing quote is "
            "probably missing, and the rows in between would be merged into one"
        )
    return index, column, f"{what}; {advice}"


def _scan_quotes(raw: str, delimiter: str, too_wide: bool) -> tuple[int, int] | None:
    """(opening offset, closing offset or -1) of the first quoted cell that swallows rows:
    one never closed, one spanning lines whose closing quote is followed by more text (where
    a new cell begins), or, in a ``too_wide`` record, the first one spanning lines.

    Mirrors the csv module's reading: a quote opens a quoted cell only at a cell's start, and
    inside one a doubled quote is a literal quote.
    """
    cell_ends, starts = (delimiter, *_LINE_ENDS), (delimiter, "\r", "\n")
    at_start, i, size = True, 0, len(raw)
    while i < size:
        if at_start and raw[i] == '"':
            close = _closing_quote(raw, i + 1)
            if close < 0:
                return i, -1
            spans = _LINE_END.search(raw, i, close) is not None
            if spans and (too_wide or raw[close + 1 : close + 2] not in cell_ends):
                return i, close
            i, at_start = close + 1, False
            continue
        at_start = raw[i] in starts
        i += 1
    return None


def _closing_quote(raw: str, i: int) -> int:
    while (i := raw.find('"', i)) >= 0:
        if raw[i + 1 : i + 2] != '"':
            return i
        i += 2
    return -1


def _position(taken: list[tuple[int, str]], offset: int) -> tuple[int, int]:
    """(index of the line in ``taken``, 1-based column) of a character of the joined text."""
    for index, (_, text) in enumerate(taken):
        if offset < len(text):
            return index, offset + 1
        offset -= len(text)
    return len(taken) - 1, len(taken[-1][1])


def _count_the_rest(reading: _Reading, shown: str, diags: Diagnostics) -> Iterator[Row]:
    """After too many broken records: every remaining non-blank line, counted as unread."""
    first = reading.offset + reading.done + 1
    rest = [
        number
        for number, text in enumerate(reading.lines[first - 1 :], start=first)
        if text.strip(f"{reading.delimiter}, \t\r\n")
    ]
    if rest:
        diags.error(
            "PD415",
            f"reading stopped after {_MAX_BROKEN} broken rows; the {len(rest):,} non-blank "
            f"line(s) from line {rest[0]} on were not read (fix the quotes above first)",
            Location(shown, rest[0]),
        )
    for number in rest:
        yield number, None
