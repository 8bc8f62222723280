"""A signatory list's header row -> which of its columns fills which field, once per file.

Exports name their columns their own way ("Email Address", "first_name", "Submit Date (UTC)");
``columns.COLUMNS`` declares the headers each tool writes, and a header matches a column when
it equals one of them ignoring case, spaces, punctuation and underscores. ``signatories.columns``
names a column's header outright (matched ignoring case and surrounding spaces); a mapped
column reads that header only. Nothing is guessed: two different headers that could be one
column stop with PD421 and the mapping that settles it, the same header twice is PD420, a list
without a name (nor first and family names) is PD402. Messages show a header only when it
looks like one, since a list without a header row has a signer's cells in its first row.
docs/signatories.md ("Headers") describes the rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.columns import COLUMN_NAMES, COLUMNS, PARTS, Column

_PUNCTUATION = re.compile(r"[\W_]+")
_ALL: tuple[Column, ...] = (*COLUMNS, *PARTS)
_BY_NAME: dict[str, Column] = {column.name: column for column in _ALL}
_BY_KEY: dict[str, str] = {}
_GROUP: dict[str, str] = {}
"""Each column or part -> the column it helps fill (``given`` -> ``name``), else itself."""
for _column in _ALL:
    for _part in _column.joins:
        _GROUP[_part] = _column.name
    _GROUP.setdefault(_column.name, _column.name)
_FIELDS = frozenset(COLUMN_NAMES)
_WORD = re.compile(r"[^\W\d]+")


def header_key(text: str) -> str:
    """What a header is matched by: ``E-mail Address`` and ``email_address`` are one key."""
    return _PUNCTUATION.sub("", text.casefold())


for _column in _ALL:
    for _header in (_column.name, *_column.headers):
        _BY_KEY[header_key(_header)] = _column.name
_HEADER_WORDS = frozenset(
    {w for c in _ALL for h in (c.name, *c.headers) for w in _WORD.findall(h.casefold())}
    | {"mail", "e", "address", "full", "your", "given", "family", "job", "date", "time", "of",
       "as", "sort", "agree", "zip", "postal", "code", "phone", "number", "id", "start"}
)  # fmt: skip
"""Words headers are made of: a cell is shown in a message only if all its words are here."""


class Join(NamedTuple):
    """A field made of several cells of a row: the name from given and family names."""

    field: str
    parts: tuple[str, ...]
    separator: str
    dropped: tuple[str, ...]  # parts that are not ``Signatory`` fields, removed once joined


@dataclass(frozen=True, slots=True)
class Layout:
    """Which cell of each row is read as what: the one result of matching the headers.

    ``index`` maps a field (or a part of one) to its column's position; an empty ``index``
    means the rows are counted but not read (no name column, or names ambiguous: reported).
    """

    index: dict[str, int] = field(default_factory=dict)
    joins: tuple[Join, ...] = ()
    first_row_is_signer: bool = False
    """No header row: the first row is a signer's, and is counted among the rows."""


def join_cells(cells: dict[str, str], joins: Sequence[Join]) -> None:
    """Fill each joined field of one row from its parts (per row, only for split lists)."""
    for join in joins:
        parts = [cells.get(part, "") for part in join.parts]
        cells[join.field] = join.separator.join(filter(None, parts))
        for part in join.dropped:
            cells.pop(part, None)


def match_headers(
    header: Sequence[str],
    columns: Mapping[str, str],
    where: Location,
    diags: Diagnostics,
    tool_columns: frozenset[int] = frozenset(),
) -> Layout:
    """The layout of a list whose header row is ``header`` (``where`` is that row)."""
    found = _Found(header, columns, where, diags)
    found.take_mapped()
    found.take_recognised(tool_columns)
    chosen = {column: found.choose(column) for column in _BY_NAME}
    names = _NameChoice(found, chosen).decide()
    if names is None:
        return Layout(first_row_is_signer=_report_no_name(header, columns, where, diags))
    found.report_unmatched()
    if not names:  # ambiguous, reported: count the rows, read none
        return Layout()
    layout = _layout(chosen, names, "location" in columns)
    if "consent" not in layout.index:
        _report_unread_consent(header, layout, where, diags)
    return layout


_CONSENT_WORDING = re.compile(
    r"consent|permission|agree|\b(list|publish|display|include|add|show|use)\w*\s+(my|your)\s+name"
    r"|\bname\b.*\bpublic|\bpublicly\b",
    re.IGNORECASE,
)
"""Wording of a consent question the column table does not know ("I agree to have my name
listed publicly"): without it read, everybody on the list is printed as if they said yes."""


def _report_unread_consent(
    header: Sequence[str], layout: Layout, where: Location, diags: Diagnostics
) -> None:
    """PD424 for each unread header worded like a consent question (once per file)."""
    read = set(layout.index.values())
    for i, cell in enumerate(header):
        if i in read or "@" in cell or not _CONSENT_WORDING.search(cell):
            continue
        shown = cell.strip() if len(cell) <= 120 else cell.strip()[:117] + "..."
        message = (
            f"the header {shown!r} ({column_name(i)}) reads like a consent question, but no "
            "consent column is read, so every signer would be printed as if they said yes; "
            "if it is the consent question, add to policydraft.yaml: "
            f"signatories: {{columns: {{consent: {json.dumps(cell.strip(), ensure_ascii=False)}}}}}"
        )
        diags.warning("PD424", message, where)


class _Found:
    """The candidates for each column, and the reports about them."""

    def __init__(
        self, header: Sequence[str], columns: Mapping[str, str], where: Location, diags: Diagnostics
    ) -> None:
        self.header, self.columns, self.where, self.diags = header, columns, where, diags
        self.candidates: dict[str, list[int]] = {}
        self.ambiguous: set[str] = set()

    def take_mapped(self) -> None:
        """Mapped columns read the header mapped to, and no other."""
        folded = [cell.strip().casefold() for cell in self.header]
        for column, wanted in self.columns.items():
            want = wanted.strip().casefold()
            self.candidates[column] = [i for i, cell in enumerate(folded) if want and cell == want]

    def take_recognised(self, tool_columns: frozenset[int]) -> None:
        """Every other header that is one a column's exports write; a tool's own columns
        (SurveyMonkey's contact fields) give way to a question filling the same field."""
        taken = {i for positions in self.candidates.values() for i in positions}
        recognised: dict[str, list[int]] = {}
        for i, cell in enumerate(self.header):
            column = _BY_KEY.get(header_key(cell)) if i not in taken else None
            if column is not None and not _ruled_out(column, self.columns):
                recognised.setdefault(column, []).append(i)
        asked = {_GROUP[c] for c, found in recognised.items() if set(found) - tool_columns}
        for column, positions in recognised.items():
            if _GROUP[column] in asked:
                positions = [i for i in positions if i not in tool_columns]
            if positions:
                self.candidates[column] = positions

    def choose(self, column: str) -> int | None:
        """The one header read for the column: the same header twice is PD420 (the first
        is read), two different ones PD421 (neither is)."""
        positions = self.candidates.get(column, [])
        if len(positions) < 2:
            return positions[0] if positions else None
        if len({header_key(self.header[i]) for i in positions}) == 1:
            for later in positions[1:]:
                self._report_twice(column, positions[0], later)
            return positions[0]
        self._report_ambiguous(column, positions)
        self.ambiguous.add(column)
        return None

    def report_unmatched(self) -> None:
        """A mapped header the list lacks would silently drop that column: say so (PD414)."""
        headers = describe_headers(self.header, self.columns)[0] or "none that can be shown"
        for column, wanted in self.columns.items():
            if not self.candidates.get(column):
                message = (
                    f"signatories.columns maps '{column}' to the header '{wanted}', which "
                    f"{self.where.file} does not have (headers: {headers})"
                )
                self.diags.error("PD414", message, Location(self.where.file))

    def _report_twice(self, column: str, first: int, later: int) -> None:
        mapped = self.columns.get(column)
        maps = f" (signatories.columns maps it to '{mapped}')" if mapped is not None else ""
        message = (
            f"the headers {self.shown(first)} and {self.shown(later)} both name the "
            f"'{column}' column{maps}: only the first would be read and the other dropped; "
            "rename or delete one of them"
        )
        self.diags.error("PD420", message, self.where)

    def _report_ambiguous(self, column: str, positions: list[int]) -> None:
        shown = _and([self.shown(i) for i in positions])
        last = self.header[positions[-1]].strip()
        if column in _FIELDS:
            what, choice = f"the '{column}' column", _mapping({column: last})
        else:  # a part cannot be mapped; the whole column can, to the one header to read
            what = f"the {column} of '{_GROUP[column]}'"
            choice = _mapping({_GROUP[column]: last})
        message = (
            f"the headers {shown} could each be {what}; say which one to read in "
            f"policydraft.yaml, for example `{choice}` (or name another of them there)"
        )
        self.diags.error("PD421", message, self.where)

    def shown(self, i: int) -> str:
        """``'Email' (column 3, C)``: a header and where it is."""
        return f"'{self.header[i]}' ({column_name(i)})"


class _NameChoice:
    """How each row's name is read: a full-name column, or given and family names joined."""

    def __init__(self, found: _Found, chosen: Mapping[str, int | None]) -> None:
        self.found, self.chosen = found, chosen

    def decide(self) -> str | None:
        """ "name" or "joined"; "" when ambiguous (reported); None without any name column.

        A mapped ``name`` reads the full name, a mapped ``given`` or ``family`` the names
        joined. Unmapped, a full name beside split names is ambiguous (an account's "Name"
        can stand beside a form's own "First name" and "Last name"), unless the split ones are
        headed ``given`` and ``family``: then the full name is printed, and they sort it.
        """
        found, chosen, columns = self.found, self.chosen, self.found.columns
        if found.ambiguous & {"name", "given", "family"}:
            return ""
        full = chosen["name"]
        split = [c for c in ("given", "family") if chosen[c] is not None]
        if "name" in columns:
            return "name" if full is not None else None
        if {"given", "family"} & set(columns):
            return "joined" if split else None
        if full is not None and split and not self._own_names(split):
            self._report_full_and_split(full, split)
            return ""
        if full is not None:
            return "name"
        return "joined" if split else None

    def _own_names(self, split: list[str]) -> bool:
        """Split names headed ``given`` and ``family``, policydraft's own words (no export
        writes them), beside a full name: the list was written for policydraft, and they
        are what it sorts by."""
        header = self.found.header
        return all(header_key(header[self.chosen[c] or 0]) == c for c in split)

    def _report_full_and_split(self, full: int, split: list[str]) -> None:
        found = self.found
        parts = {
            column: found.header[i].strip()
            for column in split
            if (i := self.chosen[column]) is not None
        }
        shown = _and([found.shown(i) for c in split if (i := self.chosen[c]) is not None])
        whole = _mapping({"name": found.header[full].strip()})
        message = (
            f"the list has a full name, {found.shown(full)}, and split names, {shown}; say "
            f"which to print in policydraft.yaml: `{whole}` for the full name, or "
            f"`{_mapping(parts)}` for the names joined"
        )
        found.diags.error("PD421", message, found.where)


def _ruled_out(column: str, mapped: Mapping[str, str]) -> bool:
    """Whether the mapping settles the column: mapped itself; a whole whose parts are mapped
    (a mapped ``given`` reads no full name); a part whose whole is (a mapped ``location``)."""
    if column in mapped or any(part in mapped for part in _BY_NAME[column].joins):
        return True
    return column not in _FIELDS and _GROUP[column] in mapped


def _layout(chosen: Mapping[str, int | None], names: str, location_mapped: bool) -> Layout:
    """The index and joins once every column is decided."""
    index = {c: i for c in COLUMN_NAMES if (i := chosen[c]) is not None}
    joins: list[Join] = []
    if names == "joined":
        index.pop("name", None)
        joins.append(_join("name"))
    if "location" not in index and not location_mapped:
        parts = {p: i for p in _BY_NAME["location"].joins if (i := chosen[p]) is not None}
        if parts:
            index.update(parts)
            joins.append(_join("location"))
    return Layout(index, tuple(joins))


def _join(column: str) -> Join:
    spec = _BY_NAME[column]
    dropped = tuple(part for part in spec.joins if part not in _FIELDS)
    return Join(column, spec.joins, spec.separator, dropped)


def _report_no_name(
    header: Sequence[str], columns: Mapping[str, str], where: Location, diags: Diagnostics
) -> bool:
    """PD402, describing the headers without showing a cell that may be a signer's.

    True when the first row is a signer's (nothing in it looks like a header), so that it
    is counted among the rows.
    """
    shown_headers, hidden = describe_headers(header, columns)
    file = where.file
    if "name" in columns:
        wanted = f"'{columns['name']}' column"
    else:
        wanted = "name column (such as 'Name' or 'Full name', or 'First name' and 'Last name')"
    if shown_headers:
        message = f"{file} has no {wanted} (headers: {shown_headers})"
    elif not hidden:
        message = f"{file} has no {wanted}: the cells of its first row are all empty"
    else:
        message = (
            f"{file} has no {wanted}: none of the {hidden:,} cells of its first row is a header "
            "policydraft knows (name, title, organization, email, ...); if that row is a "
            "signer, add a header row above it (its cells are not shown here)"
        )
    diags.error("PD402", message, Location(file))
    return hidden > 0 and not shown_headers


def describe_headers(header: Sequence[str], columns: Mapping[str, str]) -> tuple[str, int]:
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


def column_name(index: int) -> str:
    """``column 3, C``: a 0-based column's number and its spreadsheet letters."""
    letters, number = "", index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"column {index + 1}, {letters}"


def _mapping(columns: Mapping[str, str]) -> str:
    """The ``signatories:`` line that maps these columns, as YAML (JSON strings are YAML)."""
    inner = ", ".join(
        f"{column}: {json.dumps(header, ensure_ascii=False)}" for column, header in columns.items()
    )
    return f"signatories: {{columns: {{{inner}}}}}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
