"""Reading a list a batch at a time gives exactly what reading it row by row gives.

The fast paths (csv_rows: one-line records read with one call into csv; columnwise: a batch
read a column at a time; cells: a column tested at once; sheets: a batch's cell sizes bounded
by its longest line) are compared here with the slow paths they shortcut, on arbitrary lists:
the same signers, the same rows without a name or unreadable, and the same diagnostics in the
same order.
"""

from __future__ import annotations

import csv
import io
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories import csv_rows, read, sheets
from policydraft.signatories.cells import clean_cell, clean_column, is_clean
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.consent import ConsentAnswers
from policydraft.signatories.csv_rows import Batch, csv_batches
from policydraft.signatories.read import read_signatory_list

WHERE = Location("policydraft.yaml", 30, 9)
HERE = Location("list.csv", 2, 1)

# What makes a cell need cleaning, or a row need care, and what does not.
PIECES = [
    "a", "Zoë", "Zoe\u0308", "\u0308", "Å", "\u212b", "森", "Ж", " ", "  ", "\t", "\n", "\r\n",
    "\x00", "\x07", "\x1f", "\x7f", "\u202e", "\u2066", "\xa0", "\u3000", "\u2028", "\u200b",
    ",", ";", '"', "|", " |", "| ", "yes", "no", "Yes, list my name", "maybe", "@", "Dr.",
]  # fmt: skip
PRINTABLE = [piece for piece in PIECES if piece.isprintable()]
printable_cells = st.one_of(
    st.sampled_from(["Ada Lovelace", "", " ", "Acme, Inc.", "José  Ramírez", " lead", "trail "]),
    st.sampled_from(["Grace Hopper", "Zoë", "yes", "no", "Lin", "Mo", "森 蒼", "a@b.org"]),
    st.lists(st.sampled_from(PRINTABLE), max_size=5).map("".join),  # clean, or not, in a column
)
cells = st.one_of(
    printable_cells,
    st.lists(st.sampled_from(PIECES), max_size=5).map("".join),  # controls: noted row by row
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
)
HEADERS = [
    ["name", "title", "organization", "email", "consent"],
    ["First name", "Last name", "City", "State", "Country"],
    ["Name", "Category", "Signed"],
]


@st.composite
def lists(draw: st.DrawFn) -> str:
    """A CSV list: a header, rows of arbitrary cells, some short or long, blank lines."""
    header = draw(st.sampled_from(HEADERS))
    cell = draw(st.sampled_from([printable_cells, cells]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 24))):
        width = draw(st.sampled_from([len(header)] * 12 + [0, 1, len(header) - 1, len(header) + 1]))
        writer.writerow([draw(cell) for _ in range(width)])
    text = buffer.getvalue()
    if draw(st.integers(0, 4)) == 0:  # a stray quote, as a hand-edited list has
        at = draw(st.integers(0, len(text)))
        text = text[:at] + '"' + text[at:]
    return text


def _read(path: Path, text: str) -> tuple[object, ...]:
    path.write_text(text, encoding="utf-8", newline="")
    diags = Diagnostics()
    config = SignatoriesConfig.model_validate({"consent_values": {"yes": ["maybe"]}})
    listing = read_signatory_list(path, config, diags, WHERE)
    items = [astuple(d) for d in diags.items]  # in the order they were made
    return listing.signers, listing.nameless, listing.unreadable, items


def _row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every batch read row by row, every record read one at a time."""
    monkeypatch.setattr(read, "read_batch", lambda *args: False)
    monkeypatch.setattr(csv_rows._Reading, "one_line_records", lambda self, most: ([], sys.maxsize))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=lists(), batch=st.integers(1, 6))
def test_batches_read_as_rows_are_read(tmp_path: Path, text: str, batch: int) -> None:
    path = tmp_path / "list.csv"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_rows, "_BATCH", batch)
        fast = _read(path, text)
    with pytest.MonkeyPatch.context() as patch:
        _row_by_row(patch)
        slow = _read(path, text)
    assert fast == slow


@pytest.mark.parametrize(
    "text",
    [
        # rows without a name, blank rows, consent answers of every kind
        "name,consent\nAda,yes\n,yes\nGrace,no\n\n,,\nLin,\nMo,maybe\nBo,perhaps\n",
        "name,title\nAda\nGrace,Admiral\n",  # a short row
        "name,title\nA\x07da,x\nGrace,Adm\u202eiral\n",  # control characters, noted in row order
        "name,title\n Ada ,x\nGr  ace,y\nZoe\u0308,z\n",  # spaces and NFC, cleaned
        'name,title\nAda,"Chair,\nBoard"\nGrace,x\n"Lin,y\nMo,z\n',  # a cell over lines, a runaway
        "First name,Last name,City\nAda,Lovelace,London\n,,Paris\nGrace,,\n",  # joined names
        "name,title\n" + "x" * 40_000 + ",y\nAda,z\n",  # an oversized cell
    ],
)
@pytest.mark.parametrize("batch", [1, 2, 4096])
def test_cases_read_as_rows_are_read(
    tmp_path: Path, text: str, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_rows, "_BATCH", batch)
    fast = _read(tmp_path / "list.csv", text)
    with pytest.MonkeyPatch.context() as patch:
        _row_by_row(patch)
        assert _read(tmp_path / "list.csv", text) == fast


def _rows(batches: Iterator[Batch]) -> list[tuple[int, list[str] | None]]:
    return [row for batch in batches for row in zip(batch.lines, batch.cells, strict=True)]


QUOTED = st.lists(st.sampled_from(["a", ",", '"', '""', "\n", "\r", "\r\n", " ", "é"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=QUOTED.map("".join), batch=st.integers(1, 5))
def test_records_read_in_batches_as_one_at_a_time(text: str, batch: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_rows, "_BATCH", batch)
        fast_diags = Diagnostics()
        fast = _rows(csv_batches(text, "list.csv", fast_diags))
    with pytest.MonkeyPatch.context() as patch:
        _row_by_row(patch)
        slow_diags = Diagnostics()
        slow = _rows(csv_batches(text, "list.csv", slow_diags))
    assert fast == slow
    assert fast_diags.items == slow_diags.items


def test_a_batch_ends_before_each_reported_row() -> None:
    """What the reader of a batch reports comes before what is reported about later rows."""
    text = 'name\nAda\n"Lin\nGrace\nMo\n'
    diags = Diagnostics()
    seen = []
    for batch in csv_batches(text, "list.csv", diags):
        seen.append((list(batch.lines), len(diags.items)))
    assert seen == [([1, 2], 0), ([3], 1), ([4, 5], 1)]  # PD415 (line 3) after lines 1-2


@pytest.mark.parametrize(
    ("values", "cleaned", "removed"),
    [
        (["Ada", "", "Grace Hopper"], ["Ada", "", "Grace Hopper"], []),
        ([" Ada", "Grace"], ["Ada", "Grace"], []),
        (["Ada ", "Grace"], ["Ada", "Grace"], []),
        (["Ada", "", " Grace"], ["Ada", "", "Grace"], []),
        (["Gr  ace", "a | b"], ["Gr ace", "a | b"], []),
        (["Zoe\u0308", "\u0308"], ["Zoë", "\u0308"], []),
        (["Zoë", "森 蒼"], ["Zoë", "森 蒼"], []),
        (["Ada\xa0Lovelace", "Suite\n100"], ["Ada Lovelace", "Suite 100"], []),  # spaces
        (["Ada", "Gr\x07ace", "e\u202ex "], ["Ada", "Grace", "ex"], [1, 2]),
    ],
)
def test_clean_column(values: list[str], cleaned: list[str], removed: list[int]) -> None:
    result, noted = clean_column(values)
    assert (list(result), noted) == (cleaned, removed)


@settings(max_examples=500, deadline=None)
@given(st.lists(cells, max_size=8))
def test_a_column_is_cleaned_as_its_cells_are(values: list[str]) -> None:
    result, removed = clean_column(values)
    diags = Diagnostics()
    wheres = [Location("list.csv", line) for line in range(len(values))]
    one_by_one = [clean_cell(v, "name", w, diags) for v, w in zip(values, wheres, strict=True)]
    assert list(result) == one_by_one
    assert [wheres[index] for index in removed] == [Location(d.file, d.line) for d in diags.items]
    for value in values:
        assert not is_clean(value) or clean_cell(value, "name", HERE, diags) == value


def test_a_space_between_cells_changes_no_composition() -> None:
    """``clean_column`` joins cells with a space: NFC of the joined text is then NFC of each
    cell, since no character decomposes into a space (nor is one composed with it)."""
    with_space = [
        c
        for c in range(sys.maxunicode + 1)
        if "0020" in unicodedata.decomposition(chr(c)).split()
        and not unicodedata.decomposition(chr(c)).startswith("<")
    ]
    assert with_space == []
    marks = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))]
    nfc = unicodedata.normalize
    assert all(nfc("NFC", " " + mark) == " " + nfc("NFC", mark) for mark in marks)
    assert all(nfc("NFC", mark + " ") == nfc("NFC", mark) + " " for mark in marks)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["yes", "no", "", " ", "maybe", "perhaps", "Y", "x@y"]), max_size=12)
)
def test_answers_decided_together_as_one_by_one(answers: list[str]) -> None:
    wheres = [Location("list.csv", line) for line in range(2, 2 + len(answers))]
    together, one_by_one = ConsentAnswers(["maybe"]), ConsentAnswers(["maybe"])
    decided = together.decide_all(answers, wheres)
    assert decided == [one_by_one.decide(a, w) for a, w in zip(answers, wheres, strict=True)]
    diags_together, diags_one = Diagnostics(), Diagnostics()
    together.report(HERE, diags_together)
    one_by_one.report(HERE, diags_one)
    assert diags_together.items == diags_one.items


@pytest.mark.parametrize("bound", [None, 40_000])
def test_cells_are_measured_unless_a_bound_says_they_fit(bound: int | None) -> None:
    long = "x" * 40_000
    diags = Diagnostics()
    out = _rows(
        sheets.check_cell_sizes([Batch([2, 3, 4], [["Ada"], [long], None], bound)], "l", diags)
    )
    assert out == [(2, ["Ada"]), (3, None), (4, None)]
    assert [(d.code, d.line) for d in diags.items] == [("PD419", 3)]


def test_a_batch_known_to_fit_is_passed_on_as_it_is() -> None:
    batch = Batch(range(2, 4), [["Ada"], ["Grace"]], 6)
    assert list(sheets.check_cell_sizes([batch], "list.csv", Diagnostics())) == [batch]
