"""Reading real-world lists: encodings, XLSX, header mapping, control characters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.sheets import cell_text

WHERE = Location("policydraft.yaml", 30, 9)
SAMPLES = Path(__file__).resolve().parents[2] / "signatories"


def _read(path: Path, **config: object):
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(**config), diags, WHERE)  # type: ignore[arg-type]
    return listing, diags


@pytest.mark.parametrize(
    ("data", "encoding", "note"),
    [
        ("name\nZoë Ødegaard\n".encode(), "utf-8", None),
        (b"\xef\xbb\xbf" + "Name\nZoë Ødegaard\n".encode(), "utf-8-sig", None),
        ("name\r\nZoë Ødegaard\r\n".encode("cp1252"), "cp1252", "Windows-1252"),
        # UTF-16 as some exports write it: with a byte-order mark, and without one (NULs
        # between ASCII letters, which are valid UTF-8 and were read as such)
        ("name\r\nZoë Ødegaard\r\n".encode("utf-16"), "utf_16", "UTF-16LE (with a byte"),
        ("name\r\nZoë Ødegaard\r\n".encode("utf-16-le"), "utf_16_le", "UTF-16LE (without"),
        ("name\r\nZoë Ødegaard\r\n".encode("utf-16-be"), "utf_16_be", "UTF-16BE (without"),
        ("name,email\nZoë Ødegaard,zoe@example.org\n".encode("utf-16-le"), "utf_16_le", "UTF-16LE"),
        # a separator other than the comma is noted too, once, with the encoding
        ("name;email\nZoë Ødegaard;zoe@example.org\n".encode(), "utf-8", "UTF-8, semicolon"),
        ("name;email\r\nZoë Ødegaard;\r\n".encode("cp1252"), "cp1252", "Windows-1252, semi"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str, note: str | None) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    listing, diags = _read(path)
    assert [s.name for s in listing.signers] == ["Zoë Ødegaard"]
    assert listing.encoding == encoding
    notes = [d.message for d in diags.sorted() if d.code == "PD404"]
    assert len(notes) == (note is not None)
    if note:
        assert f"list.csv is read as {note}" in notes[0]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"name\nAda\x00 Lovelace\n", id="one-nul"),
        pytest.param(b"name\n" + b"A\x00" * 3 + b"da\n", id="a-few-nuls-in-a-row"),
        pytest.param("name\nAda Lovelace\n".encode("utf-16-le")[:-1], id="odd-length"),
    ],
)
def test_utf8_with_nuls_is_not_taken_for_utf16(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    listing, diags = _read(path)
    assert listing.encoding == "utf-8"
    assert "PD404" not in [d.code for d in diags]


def test_windows_1252_sample_with_mapped_headers() -> None:
    listing, diags = _read(
        SAMPLES / "sample-windows-1252.csv",
        columns={"name": "Full Name", "organization": "Company"},
    )
    names = [s.name for s in listing.signers]
    assert "Renée D’Amico" in names
    assert any(s.organization == "Maison Lumière – Films" for s in listing.signers)
    assert [d.code for d in diags.sorted()] == ["PD404"]


def _workbook(path: Path, rows: list[list[object]], sheet: str = "Sheet") -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Cover"
    first.append(["nothing here"])
    sheet_ = book.create_sheet(sheet)
    for row in rows:
        sheet_.append(row)
    book.save(path)
    return path


def test_xlsx_sheet_numbers_dates_and_blank_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Full Name", "ZIP", "Signed", "Consent"],
        ["Ada Lovelace", 10001.0, dt.datetime(2025, 3, 13, 9, 5), True],
        [None, None, None, None],
        ["Grace Hopper", 2, dt.datetime(2025, 3, 14), "yes"],
        [None, "no name", None, "yes"],
    ]
    path = _workbook(tmp_path / "list.xlsx", rows, sheet="Signers")
    listing, diags = _read(path, sheet="Signers", columns={"name": "full name", "location": "zip"})
    assert [(s.name, s.location, s.signed) for s in listing.signers] == [
        ("Ada Lovelace", "10001", "2025-03-13 09:05:00"),
        ("Grace Hopper", "2", "2025-03-14"),
    ]
    assert all(s.consent for s in listing.signers)
    assert [(d.code, d.line) for d in diags.sorted()] == [("PD401", 5)]


def test_xlsx_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "list.xlsx", [["name"], ["Ada"]], sheet="Signers")
    _, diags = _read(path, sheet="Nope")
    (d,) = diags.sorted()
    assert d.code == "PD406" and "'Cover', 'Signers'" in d.message


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (3.0, "3"), (2.5, "2.5"), (True, "yes"), (dt.date(2025, 1, 2), "2025-01-02")],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_control_characters_are_removed_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        'name,title\n"Ada\x07 Love\u202elace","Ana\x00lyst\nand more"\nBo,x\n', encoding="utf-8"
    )
    listing, diags = _read(path)
    assert [(s.name, s.title) for s in listing.signers] == [
        ("Ada Lovelace", "Analyst and more"),
        ("Bo", "x"),
    ]
    # the NUL in the title is noted too, not removed silently
    assert [(d.code, d.line, d.message) for d in diags.sorted()] == [
        ("PD410", 2, "control characters removed from the name cell"),
        ("PD410", 2, "control characters removed from the title cell"),
    ]
    assert listing.signers[1].where.line == 4  # the quoted line break counts


def test_decomposed_names_are_composed(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name\nZoe\u0308\n", encoding="utf-8")
    listing, _ = _read(path)
    assert listing.signers[0].name == "Zoë"


def test_unknown_columns_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,phone,notes\nAda,555-0100,private\n", encoding="utf-8")
    listing, _ = _read(path)
    assert "555-0100" not in repr(listing.signers) and "private" not in repr(listing.signers)
