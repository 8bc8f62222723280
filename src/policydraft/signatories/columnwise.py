"""A batch of a list's rows read a column at a time: what ``read`` does row by row, in C.

A 100,000-row list read row by row spends most of its time in Python's per-row overhead
(a dict of cells, keyword arguments, a location). Here a batch's rows are turned into columns
with one ``zip``; each mapped column is cleaned with one test of the whole column
(``cells.clean_column``), joined, checked for names and consent answers (each distinct answer
decided once), and the locations and ``Signatory`` tuples are made by ``map`` from columns
zipped together.

It gives exactly what reading row by row gives: short rows have empty cells, unreadable rows
are counted, and the two diagnostics made here, control characters removed from a cell
(PD410) and a row without a name (PD401), are made in the order reading row by row makes
them. Only a layout without a name, or with a column that is no ``Signatory`` field (matching
headers makes neither), is left to the caller, row by row: ``read_batch`` then returns False.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import compress, repeat
from operator import itemgetter
from typing import cast

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.cells import clean_column
from policydraft.signatories.consent import ConsentAnswers
from policydraft.signatories.headers import Layout
from policydraft.signatories.signatory import Signatory

_TEXT_FIELDS = tuple(f for f in Signatory._fields if f not in ("where", "consent", "withdrawn"))
_READ_FIELDS = frozenset((*_TEXT_FIELDS, "consent"))
_AFTER_WHERE = _TEXT_FIELDS[1:]  # Signatory's fields are name, where, the texts, consent, withdrawn
assert Signatory._fields == ("name", "where", *_AFTER_WHERE, "consent", "withdrawn")

# A NamedTuple's own constructor is a Python function; its tuples made in C cost a third.
_location = cast(Callable[[tuple[str, int, int]], Location], partial(tuple.__new__, Location))
_signatory = cast(Callable[[tuple[object, ...]], Signatory], partial(tuple.__new__, Signatory))


@dataclass
class ReadSoFar:
    """A list's signers, rows without a name and unreadable rows so far, in row order; the
    consent answers seen; where diagnostics go."""

    shown: str
    diags: Diagnostics
    answers: ConsentAnswers
    signers: list[Signatory] = field(default_factory=list)
    nameless: list[Location] = field(default_factory=list)
    unreadable: list[Location] = field(default_factory=list)


class ColumnPlan:
    """What a list's layout says about reading its batches, worked out once per file."""

    def __init__(self, layout: Layout) -> None:
        self.columns = tuple(layout.index.items())
        self.width = max(layout.index.values(), default=-1) + 1  # cells a row must have
        self.joins = layout.joins
        kept = set(layout.index)
        for join in layout.joins:
            kept.add(join.field)
            kept.difference_update(join.dropped)
        # a column that is no Signatory field would fail row by row too (and cannot happen)
        self.usable = "name" in kept and kept <= _READ_FIELDS


def read_batch(
    lines: Sequence[int],
    rows: Sequence[list[str] | None],
    plan: ColumnPlan,
    read: ReadSoFar,
) -> bool:
    """Add a batch's signers, rows without a name and unreadable rows to ``read``; False
    (nothing done) if the layout must be read row by row (module docstring)."""
    if not plan.usable:
        return False
    if None in rows:  # unreadable rows: counted, in order
        readable = [row is not None for row in rows]
        read.unreadable.extend(
            Location(read.shown, line, 1)
            for line, row in zip(lines, rows, strict=True)
            if row is None
        )
        lines, rows = list(compress(lines, readable)), list(compress(rows, readable))
    if not rows:
        return True
    records = cast(Sequence[list[str]], rows)
    width = plan.width
    if min(map(len, records)) < width:  # a short row: its missing cells are empty
        records = [row if len(row) >= width else row + [""] * (width - len(row)) for row in records]
    table = list(zip(*records, strict=False))  # the batch's columns, as wide as its shortest row
    columns: dict[str, Sequence[str]] = {}
    noted: list[tuple[int, int, str]] = []  # (row, column's rank, column) of removed controls
    for rank, (column, index) in enumerate(plan.columns):
        columns[column], removed = clean_column(table[index])
        noted.extend((row, rank, column) for row in removed)
    blank = [""] * len(records)
    for join in plan.joins:
        parts = [columns.get(part, blank) for part in join.parts]
        separator = join.separator
        columns[join.field] = [
            separator.join(filter(None, cells)) for cells in zip(*parts, strict=True)
        ]
        for part in join.dropped:
            columns.pop(part, None)
    wheres = list(map(_location, zip(repeat(read.shown), lines, repeat(1))))
    names = columns["name"]
    named = list(map(bool, names)) if noted or not all(names) else None
    if named is not None:
        _report(noted, named, wheres, len(plan.columns), read)
    if named is not None and not all(named):
        columns = {column: list(compress(values, named)) for column, values in columns.items()}
        wheres = list(compress(wheres, named))
        names = columns["name"]
    consents: Iterable[bool] = repeat(True)
    withdrawals: Iterable[bool] = repeat(False)
    if "consent" in columns:
        decided = read.answers.decide_all(columns.pop("consent"), wheres)
        consents, withdrawals = map(itemgetter(0), decided), map(itemgetter(1), decided)
    texts = [columns[f] if f in columns else repeat("") for f in _AFTER_WHERE]
    rows_of = zip(names, wheres, *texts, consents, withdrawals, strict=False)  # repeat()s stop
    read.signers.extend(map(_signatory, rows_of))
    return True


def _report(
    noted: list[tuple[int, int, str]],
    named: list[bool],
    wheres: list[Location],
    after_cells: int,
    read: ReadSoFar,
) -> None:
    """PD410 for each cell whose control characters were removed, and PD401 for each row
    without a name, in the order reading row by row makes them: a row's cells in column
    order, then its name."""
    events = noted + [(row, after_cells, "") for row, has in enumerate(named) if not has]
    events.sort(key=itemgetter(0, 1))
    diags = read.diags
    for row, rank, column in events:
        where = wheres[row]
        if rank < after_cells:
            diags.note("PD410", f"control characters removed from the {column} cell", where)
        else:
            diags.error("PD401", "signatory row has no name; fill it in or delete the row", where)
            read.nameless.append(where)
