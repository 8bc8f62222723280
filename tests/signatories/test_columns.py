"""The column table is the one declaration: the schema, the reader, the printed columns, the
export, the glyph check and the docs all follow it; consent is decided once, by selection."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from policydraft.checks import glyphs
from policydraft.checks.glyphs import check_signatory_glyphs
from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories import columns
from policydraft.signatories.columns import (
    AFFILIATION_COLUMNS,
    COLUMN_NAMES,
    COLUMNS,
    GLYPH_COLUMNS,
    GROUP_COLUMNS,
    PRINTED_COLUMNS,
)
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.export import export_csv, neutralise
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import PrintedSignatories, select_printed
from policydraft.signatories.signatory import Signatory, SignatoryList

ROOT = Path(__file__).resolve().parents[2]
HERE = Location("list.csv", 2, 1)
UNDRAWABLE = "\U0001f600"  # no bundled font has it


def _printed(*signers: Signatory) -> PrintedSignatories:
    return select_printed(SignatoryList("list.csv", signers), Diagnostics()).printed


def test_signatory_has_a_field_for_every_column() -> None:
    assert set(COLUMN_NAMES) <= set(Signatory._fields)


def test_the_table_is_consistent() -> None:
    assert len(set(COLUMN_NAMES)) == len(COLUMN_NAMES)
    for column in COLUMNS:
        assert not (column.private and column.printed), column.name
        assert not column.glyph_checked or column.printed, column.name
        assert not column.affiliation or column.glyph_checked, column.name  # drawn: checked
        assert not column.groupable or column.printed, column.name
    ranks = [c.group_rank for c in COLUMNS if c.groupable]
    assert len(set(ranks)) == len(ranks)
    assert [c.name for c in COLUMNS if c.private] == ["email"]


def test_the_schema_accepts_exactly_the_table() -> None:
    fields = SignatoriesConfig.model_fields
    assert get_args(fields["columns"].annotation)[0].__args__ == COLUMN_NAMES
    for name in COLUMN_NAMES:
        assert SignatoriesConfig(columns={name: "Header"}).columns == {name: "Header"}
    for name in GROUP_COLUMNS:
        assert SignatoriesConfig(group_by=name).group_by == name
    for name in set(COLUMN_NAMES) - set(GROUP_COLUMNS):
        with pytest.raises(ValidationError):
            SignatoriesConfig(group_by=name)
    with pytest.raises(ValidationError):
        SignatoriesConfig(columns={"phone": "Phone"})


def test_the_reader_fills_each_column_from_its_header(tmp_path: Path) -> None:
    text_columns = [c for c in COLUMN_NAMES if c != "consent"]
    path = tmp_path / "list.csv"
    path.write_text(",".join(text_columns) + "\n" + ",".join(f"v-{c}" for c in text_columns))
    listing = read_signatory_list(path, SignatoriesConfig(), Diagnostics(), HERE)
    (signer,) = listing.signers
    assert {c: getattr(signer, c) for c in text_columns} == {c: f"v-{c}" for c in text_columns}


def test_the_affiliation_line_is_the_affiliation_columns() -> None:
    signer = Signatory("Ada", HERE, title="Analyst", category="Writers", location="London")
    assert signer.affiliation == "Analyst, London"


@pytest.mark.parametrize("column", GLYPH_COLUMNS)
def test_every_glyph_checked_column_is_checked(column: str) -> None:
    signer = Signatory(**{"name": "Ada", "where": HERE, column: f"x{UNDRAWABLE}"})
    diags = Diagnostics()
    check_signatory_glyphs(_printed(signer), diags)
    assert [(d.code, d.line) for d in diags.items] == [("PD902", 2)]


def test_a_new_glyph_checked_column_is_checked_by_the_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The glyph check reads the table's tuple, the fast path included: a column marked
    glyph-checked (here ``category``, as if it were a new printed column) is checked."""
    assert glyphs.GLYPH_COLUMNS is columns.GLYPH_COLUMNS
    signers = _printed(Signatory("Ada", HERE, category=f"Writers {UNDRAWABLE}"))
    diags = Diagnostics()
    check_signatory_glyphs(signers, diags)
    assert not diags.items  # category is not drawn today
    monkeypatch.setattr(glyphs, "GLYPH_COLUMNS", (*GLYPH_COLUMNS, "category"))
    check_signatory_glyphs(signers, diags)
    assert [d.code for d in diags.items] == ["PD902"]
    assert "U+1F600" in diags.items[0].message


def test_the_export_writes_the_printed_columns() -> None:
    stream = io.BytesIO()
    signer = Signatory("Ada", HERE, title="=1+1", email="ada@example.com", sort_as="A")
    export_csv(_printed(signer), SignatoriesConfig(), stream)
    header, row = stream.getvalue().decode().splitlines()
    assert header == ",".join(PRINTED_COLUMNS)
    assert row == ",".join(neutralise(getattr(signer, c)) for c in PRINTED_COLUMNS)
    assert "'=1+1" in row and "example.com" not in row


def test_the_docs_describe_the_table() -> None:
    """docs/signatories.md lists the columns, the printed ones, the affiliation line and the
    groupable ones as the table declares them (so a new column is documented)."""
    text = (ROOT / "docs" / "signatories.md").read_text(encoding="utf-8")
    table = text.split("| column | meaning |", 1)[1].split("\n\n", 1)[0]
    assert tuple(re.findall(r"^\| (\w+) \| ", table, re.M)) == COLUMN_NAMES
    printed = re.search(r"Only ((?:`\w+`,?\s+(?:and\s+)?)+)are ever printed", text)
    assert printed is not None
    assert tuple(re.findall(r"`(\w+)`", printed.group(1))) == PRINTED_COLUMNS
    line = re.search(r"The printed line under a name is `([^`]*)`", text)
    assert line is not None
    assert tuple(line.group(1).split(", ")) == AFFILIATION_COLUMNS
    group_by = re.search(r"`group_by` takes ((?:`\w+`,?\s*(?:or\s+)?)+)", text)
    assert group_by is not None
    assert tuple(re.findall(r"`(\w+)`", group_by.group(1))) == GROUP_COLUMNS
