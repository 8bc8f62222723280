"""CSV text -> numbered rows, with no signer lost to a stray quote.

A quoted cell may legitimately span lines (an address, a credit line), so the csv module
reads a quote that is never closed as one cell running on to the end of the file, and a quote
closed by the next row's opening quote as one cell holding every row in between: the signers
in those rows vanish into one "name". Both are caught here by looking at the raw text of every
record that spans lines: a quoted cell that is still open at the end of the file, or whose
closing quote is followed by more text instead of the list's separator or a line end (where a
new cell begins), is an error at the line and column where the quote opened (PD415). Reading then
resumes on the line after that quote, so every later row is still read and counted.

A row that cannot be read at all is yielded as ``(line, None)``: it is counted and reported,
never dropped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from policydraft.diagnostics import Diagnostics, Location

Row = tuple[int, list[str] | None]  # (the line a row starts on, its cells or None if unreadable)

# After this many broken records the rest of the file is counted, not parsed: each resumption
# may re-read the rest of the file, so without a bound a file of stray quotes is quadratic.
_MAX_BROKEN = 10
_LINE_END = re.compile(r"\r\n|\r|\n")
_LINE_ENDS = ("", "\r", "\n")  # with the separator: what may follow a closing quote


class _Reading:
    """A csv reader over the text from some line on, and the text's lines for looking back.

    The csv module reads in C; Python only looks at a record's raw lines when it spans
    several (rare), and only then are the text's lines split out, once.
    """

    def __init__(self, text: str, delimiter: str) -> None:
        self._text = text
        self.delimiter = delimiter
        self._lines: list[str] | None = None
        self.resume(1)

    def resume(self, line: int) -> None:
        """Read on from ``line`` (1-based), whatever the reader was in the middle of."""
        source = _text_lines(self._text) if line == 1 else iter(self.lines[line - 1 :])
        self.reader = csv.reader(source, delimiter=self.delimiter)
        self.offset = line - 1  # lines before the reader's first
        self.done = 0  # lines the reader had read after its previous record

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = io.StringIO(self._text, newline="").readlines()
        return self._lines

    def next_record(self) -> tuple[int, int, list[str] | None]:
        """(first line, last line, cells or None at the end); csv.Error propagates."""
        cells = next(self.reader, None)
        start, self.done = self.offset + self.done + 1, self.reader.line_num
        return start, self.offset + self.done, cells

    def numbered(self, start: int, end: int) -> list[tuple[int, str]]:
        return [(number, self.lines[number - 1]) for number in range(start, end + 1)]


_BLOCK = 1 << 20  # characters of the text a StringIO holds at a time


def _text_lines(text: str) -> Iterator[str]:
    """The text's lines, ends kept, as ``io.StringIO(text, newline="")`` gives them (at CR,
    LF or CRLF, nowhere else), a block of about ``_BLOCK`` characters at a time.

    A StringIO keeps its text as four bytes a character: one over a 135 MB list (a million
    signers) held 540 MB while it was read. A block ends just after a LF, so no line, nor a
    CRLF, is cut in two; the lines are split in C as before.
    """
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + _BLOCK) + 1 or size
        yield from io.StringIO(text[start:end], newline="")
        start = end


def csv_rows(text: str, shown: str, diags: Diagnostics, delimiter: str = ",") -> Iterator[Row]:
    """Non-blank rows with the line each starts on; broken records as ``(line, None)``.

    ``delimiter`` separates cells (``delimiters.sniff_delimiter`` finds it).
    """
    reading = _Reading(text, delimiter)
    broken = widest = 0  # widest: the most cells of a one-line row (the header's, usually)
    while broken < _MAX_BROKEN:
        start = reading.offset + reading.done + 1
        try:
            start, end, cells = reading.next_record()
        except csv.Error as exc:  # reported, counted; reading resumes on the next line
            broken += 1
            code, message = _why(exc)
            diags.error(code, message, Location(shown, start))
            reading.resume(start + 1)
            yield start, None
            continue
        if cells is None:
            return
        runaway = None
        if end > start:
            taken = reading.numbered(start, end)
            runaway = _runaway(taken, delimiter, too_wide=0 < widest < len(cells))
        else:
            widest = max(widest, len(cells))
        if runaway is not None:
            broken += 1
            index, column, message = runaway
            diags.error("PD415", message, Location(shown, start + index, column))
            reading.resume(start + index + 1)  # the line after the quote
            yield start, None
        elif any(cell.strip() for cell in cells):
            yield start, cells
    yield from _count_the_rest(reading, shown, diags)


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
