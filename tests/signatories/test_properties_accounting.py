"""Any CSV text is read into an accounting (read = printed + left out) or a diagnostic, never a
traceback; a well-formed CSV never trips the unclosed-quote check and loses no row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import select_printed

WHERE = Location("policydraft.yaml", 30, 9)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Text made of what breaks CSV: quotes, delimiters, line ends of every kind, NUL, e-mails.
hostile_text = st.lists(
    st.sampled_from(['"', ",", "\n", "\r", "\r\n", "\x00", " ", "a", "B", "@", "é", "\u202e"]),
    max_size=80,
).map("".join)
cells = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)


def _read(path: Path, data: str) -> tuple[int, int, int, Diagnostics]:
    path.write_text(data, encoding="utf-8", newline="")
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, WHERE)
    selection = select_printed(listing, diags)
    return listing.rows, len(selection.printed), len(selection.excluded), diags


@SETTINGS
@given(body=hostile_text)
def test_any_text_is_accounted_for(tmp_path: Path, body: str) -> None:
    rows, printed, left_out, diags = _read(tmp_path / "list.csv", "name,organization\n" + body)
    assert rows == printed + left_out
    for d in diags.items:
        assert d.file.endswith("list.csv") and d.line >= 1 and d.column >= 1


@SETTINGS
@given(table=st.lists(st.tuples(cells, cells), max_size=8))
def test_well_formed_csv_loses_no_row(tmp_path: Path, table: list[tuple[str, str]]) -> None:
    """What a spreadsheet writes (quoted line breaks, doubled quotes) reads back whole."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "organization"])
    writer.writerows(table)
    rows, printed, left_out, diags = _read(tmp_path / "list.csv", buffer.getvalue())
    codes = {d.code for d in diags.items}
    assert "PD415" not in codes and "PD403" not in codes
    assert rows == sum(1 for row in table if any(cell.strip() for cell in row))
    assert rows == printed + left_out


words = st.text(st.sampled_from("abcXYZ é,;"), min_size=1, max_size=10)


@SETTINGS
@given(table=st.lists(st.tuples(words, words), min_size=1, max_size=8), pick=st.integers(0))
def test_a_missing_closing_quote_is_always_reported(
    tmp_path: Path, table: list[tuple[str, str]], pick: int
) -> None:
    """Every cell quoted, one closing quote deleted: PD415, or every row is still counted
    (the quote then only merges cells of its own row, like ``"a,"b"``)."""
    lines = ['"name","organization"'] + [",".join(f'"{cell}"' for cell in row) for row in table]
    cell = pick % (2 * len(table))
    row, column = 1 + cell // 2, cell % 2
    quoted = [f'"{c}"' for c in table[row - 1]]
    quoted[column] = quoted[column][:-1]
    lines[row] = ",".join(quoted)
    rows, printed, left_out, diags = _read(tmp_path / "list.csv", "\n".join(lines) + "\n")
    assert rows == printed + left_out
    expected = sum(1 for cells in table if any(cell.strip() for cell in cells))
    assert rows >= expected or "PD415" in {d.code for d in diags.items}  # nobody lost
