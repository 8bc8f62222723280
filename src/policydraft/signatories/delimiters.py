"""Which character separates a CSV list's cells: a comma, a semicolon, a tab or a pipe.

Excel writes the list separator of the computer's region: a comma in the US and the UK, a
semicolon where the comma is the decimal mark (most of Europe); its "Unicode Text" separates
cells with tabs, and some databases and mailing tools export with pipes. Nobody picks the
separator on purpose, so it is found, not configured:

1. The header line decides when it holds exactly one of the four outside quotes: a header
   is written by the tool, with its separator, while a name or a decimal comma in the rows
   below must not decide.
2. When it holds several (a comma inside an unquoted header cell of a semicolon list), the
   start of the file (a bounded sample, so a list of any size costs the same) is read with
   each: the one giving the most rows as wide as the header wins, then the one the header
   holds most often. A European list with a decimal comma in every row ties on the first
   and is settled by the second, where the csv module's ``Sniffer`` would prefer the comma.
   Only when both tie is the ``Sniffer`` asked, restricted to the tied candidates; when it
   is unsure, the first in the order comma, semicolon, tab, pipe wins.
3. A header with none of them is a one-column list, read as comma-separated: no separator
   is invented for it from the rows below.

A file may also say its separator itself, in Excel's way: a first line ``sep=;``. Excel
writes and honours it; ``declared_separator`` takes it and blanks that line (blank lines are
skipped), so the header keeps its line number.
"""

from __future__ import annotations

import csv
import io
import re

DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
COMMA = ","
_SAMPLE_CHARS = 16 * 1024  # what candidates are weighed on: enough rows, cheap at any size
_LINES = re.compile(r"[^\r\n]+")  # the csv module ends lines at CR, LF or both, nowhere else


def sniff_delimiter(text: str) -> str:
    """The separator of the CSV ``text`` (see the module's docstring); a comma by default."""
    header = _header_line(text)
    counts = _outside_quotes(header)
    if not counts:
        return COMMA
    if len(counts) == 1:  # the header names its separator: nothing for the sniffer to weigh
        return next(iter(counts))
    return _best(_sample(text), counts)


_DECLARED = re.compile(r"sep=(.)(?=\r\n|\r|\n|$)", re.IGNORECASE)


def declared_separator(text: str) -> tuple[str, str | None]:
    """(the text without an Excel ``sep=X`` first line, X), or (the text, None) without one."""
    found = _DECLARED.match(text)
    if found is None:
        return text, None
    return text[found.end() :], found.group(1)


def describe(delimiter: str) -> str:
    """The separator as a note words it: "semicolon-separated"."""
    return f"{DELIMITERS.get(delimiter, repr(delimiter))}-separated"


def _header_line(text: str) -> str:
    """The first non-blank line of the sample, where a list's header is."""
    for line in _LINES.finditer(text, 0, _SAMPLE_CHARS):
        if line.group().strip():
            return line.group()
    return ""


def _outside_quotes(line: str) -> dict[str, int]:
    """How often each candidate separator occurs in ``line`` outside quoted cells, in
    ``DELIMITERS`` order, only those that occur."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted  # a doubled quote toggles twice: still inside
        elif not quoted and char in counts:
            counts[char] += 1
    return {char: count for char, count in counts.items() if count}


def _sample(text: str) -> str:
    """The start of ``text``, in whole lines: a cut line has fewer cells."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    sample = text[:_SAMPLE_CHARS]
    return sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1] or sample


def _best(sample: str, counts: dict[str, int]) -> str:
    """The candidate whose rows match the header's width most often, then the header's most
    frequent; the sniffer settles a tie on both."""
    scores = {char: (_consistency(sample, char), count) for char, count in counts.items()}
    top = max(scores.values())
    tied = "".join(char for char, score in scores.items() if score == top)
    if len(tied) > 1:
        try:
            sniffed = csv.Sniffer().sniff(sample, delimiters=tied).delimiter
        except csv.Error:  # the sniffer is unsure
            sniffed = ""
        if sniffed and sniffed in tied:
            return sniffed
    return tied[0]


def _consistency(sample: str, delimiter: str) -> float:
    """The share of the sample's rows as wide as its first (the header) when split at
    ``delimiter``."""
    try:
        rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
    except csv.Error:
        return 0.0
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        return 0.0
    width = len(rows[0])
    return sum(len(row) == width for row in rows[1:]) / (len(rows) - 1)
