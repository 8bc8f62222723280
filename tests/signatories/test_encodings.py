"""CSV lists in every encoding and with every separator: read alike, the choice noted once.

The three Excel fixtures in tests/fixtures/exports/ are Excel's documented "Save As" text
formats (README-excel.md there says where each is described); the matrix below crosses the
encodings with the separators the way other tools combine them.
"""

from __future__ import annotations

import codecs
import csv
import importlib.util
import io
import json
import random
from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.delimiters import sniff_delimiter
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.sheets import read_table
from tests.signatories.test_commands import run

WHERE = Location("policydraft.yaml", 30, 9)
ROOT = Path(__file__).resolve().parents[2]
EXPORTS = ROOT / "tests" / "fixtures" / "exports"
HEADER = ["Name", "Organization", "Location"]
LATIN = [
    ["Zoë Ødegaard", "Nordic Sound{d} AS", "Oslo"],
    ["Renée Dupré", "Théâtre du Soleil", "Paris"],
    ["Jürgen Müller", "Bäckerei Müller", "Köln"],
]
PEOPLE = {  # names each encoding can hold
    "utf-8": [["山田 太郎", "Tokyo Arts{d} Ltd", "東京"], *LATIN[1:]],
    "cp1252": LATIN,
    "cp1250": [
        ["Łukasz Żółkiewski", "Politechnika Wrocławska{d} Wydział", "Wrocław"],
        ["Agnieszka Dąbrowska", "Uniwersytet Śląski", "Katowice"],
        ["Zdeněk Šťastný", "Národní divadlo", "Praha"],
    ],
    "cp1251": [
        ["Иван Петров", "Московская консерватория{d} кафедра", "Москва"],
        ["Анна Смирнова", "Большой театр", "Москва"],
        ["Ольга Кузнецова", "Эрмитаж", "Санкт-Петербург"],
    ],
}
# (label, how the bytes are made, the people, Table.encoding, the name the note gives or None)
ENCODINGS = [
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8", "utf-8", "UTF-8"),
    (
        "utf-8-bom",
        lambda t: t.encode("utf-8-sig"),
        "utf-8",
        "utf-8-sig",
        "UTF-8 (with a byte-order mark)",
    ),
    (
        "utf-16le-bom",
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        "utf-8",
        "utf_16",
        "UTF-16LE (with a byte-order mark)",
    ),
    (
        "utf-16be-bom",
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        "utf-8",
        "utf_16",
        "UTF-16BE (with a byte-order mark)",
    ),
    (
        "utf-16le-no-bom",
        lambda t: t.encode("utf-16-le"),
        "cp1252",  # told by its NULs: Latin text has them in every other byte
        "utf_16_le",
        "UTF-16LE (without a byte-order mark)",
    ),
    ("cp1252", lambda t: t.encode("cp1252"), "cp1252", "cp1252", "Windows-1252"),
    ("cp1250", lambda t: t.encode("cp1250"), "cp1250", "cp1250", "Windows-1250"),
    ("cp1251", lambda t: t.encode("cp1251"), "cp1251", "cp1251", "Windows-1251"),
]
DELIMITERS = [(",", "comma"), (";", "semicolon"), ("\t", "tab"), ("|", "pipe")]


def _csv_text(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _table(path: Path) -> tuple[list[str] | None, list[list[str] | None], str, Diagnostics]:
    diags = Diagnostics()
    table = read_table(path, None, path.name, diags, WHERE)
    assert table is not None
    return table.header, [cells for _, cells in table.rows], table.encoding, diags


def _notes(diags: Diagnostics) -> list[str]:
    return [d.message for d in diags.sorted() if d.code == "PD404"]


@pytest.mark.parametrize(("delimiter", "word"), DELIMITERS, ids=[w for _, w in DELIMITERS])
@pytest.mark.parametrize(
    ("make", "people", "encoding", "name"),
    [e[1:] for e in ENCODINGS],
    ids=[e[0] for e in ENCODINGS],
)
def test_every_encoding_with_every_separator(
    tmp_path: Path, make, people: str, encoding: str, name: str, delimiter: str, word: str
) -> None:
    rows = [[cell.format(d=delimiter) for cell in row] for row in PEOPLE[people]]
    path = tmp_path / "list.csv"
    path.write_bytes(make(_csv_text([HEADER, *rows], delimiter)))
    header, read, used, diags = _table(path)
    assert (header, read, used) == (HEADER, rows, encoding)
    table = read_table(path, None, "list.csv", Diagnostics(), WHERE)
    assert table is not None and table.delimiter == delimiter
    assert delimiter in rows[0][1]  # the quoted cell holding the separator stayed one cell
    plain = encoding in ("utf-8", "utf-8-sig") and delimiter == ","
    assert _notes(diags) == ([] if plain else [f"list.csv is read as {name}, {word}-separated"])
    assert not diags.has_errors


_DECIMALS = "".join(f"Signer {i};Org {i % 50};{i},50\n" for i in range(2000))


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        pytest.param("Name,Email\nAda; Countess,ada@example.org\n", ",", id="header-decides"),
        pytest.param("Name;Email\nAda, Countess;ada@example.org\n", ";", id="header-decides-2"),
        pytest.param("Name\tOrg, Inc.\nAda\tEngines\n", "\t", id="widest-consistent"),
        # a decimal comma in every row splits rows as evenly as the semicolon does; the
        # header holds more semicolons (csv.Sniffer alone says comma here)
        pytest.param(
            "Name;Organization;Donation (EUR, optional)\n" + _DECIMALS, ";", id="decimals"
        ),
        pytest.param("Name,Amount (EUR; optional)\nAda,3\nGrace,4\n", ",", id="tie-by-order"),
        # equal on both counts: the sniffer reads the quotes
        pytest.param('Name;Last, First\n"A";"B, C"\n"D";"E, F"\n', ";", id="sniffer"),
        pytest.param('"Name";"Org"\n"Ada";"E"\n', ";", id="quoted-header"),
        pytest.param("\n\n  \nName|Org|City\nAda|E|L\n", "|", id="blank-lines-first"),
        pytest.param("Name\nAda;Lovelace\nGrace;Hopper\n", ",", id="one-column-invents-none"),
        pytest.param("", ",", id="empty"),
    ],
)
def test_which_separator(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


# --- Excel's own formats, through the real CLI -------------------------------------------

FIXTURES = [
    # (file, Table.encoding, rows, the PD404 note or None, names that must come through)
    (
        "excel-csv-utf8.csv",
        "utf-8-sig",
        6,
        None,
        ["Zoë Ødegaard", "山田 太郎", 'Renée "Bibi" Dupré'],
    ),
    (
        "excel-unicode-text.txt",
        "utf_16",
        5,
        "is read as UTF-16LE (with a byte-order mark), tab-separated",
        ["Łukasz Żółkiewski", "Ελένη Παπαδοπούλου", "Иван Петров"],
    ),
    (
        "excel-csv-semicolon-1252.csv",
        "cp1252",
        7,
        "is read as Windows-1252, semicolon-separated",
        ["Jürgen Müller", "Šárka Nováková", "Renée D’Amico", "Íñigo Ibáñez"],
    ),
]


def _generator():
    spec = importlib.util.spec_from_file_location("make_excel", EXPORTS / "make_excel_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_fixtures_are_what_the_generator_writes() -> None:
    generator = _generator()
    for name, encoding, delimiter, rows in generator.FIXTURES:
        assert (EXPORTS / name).read_bytes() == generator.excel_bytes(encoding, delimiter, rows)


@pytest.mark.parametrize(
    ("name", "encoding", "rows", "note", "names"), FIXTURES, ids=[f[0] for f in FIXTURES]
)
def test_excel_exports_through_the_cli(
    tmp_path: Path, name: str, encoding: str, rows: int, note: str | None, names: list[str]
) -> None:
    path = EXPORTS / name
    stats = run("signatories", "stats", path, "--json")
    assert stats.returncode == 0, stats.stderr
    report = json.loads(stats.stdout)
    assert (report["encoding"], report["rows"], report["printed"]) == (encoding, rows, rows)
    notes = [line for line in stats.stderr.splitlines() if "PD404" in line]
    assert len(notes) == (note is not None)  # once, however many rows
    assert all(line.endswith(f"note PD404: {path.relative_to(ROOT)} {note}") for line in notes)
    out = tmp_path / "printed.csv"
    exported = run("signatories", "export", path, "-o", out)
    assert exported.returncode == 0, exported.stderr
    printed = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert set(names) <= {row["name"] for row in printed}


def test_the_european_export_keeps_its_cells_whole() -> None:
    """Decimal commas, a header with a comma in it and a quoted ";" do not split cells."""
    header, rows, _, _ = _table(EXPORTS / "excel-csv-semicolon-1252.csv")
    assert header is not None and header[4] == "Donation (EUR, optional)"
    assert rows[0] == [
        "Jürgen Müller", "Müller; Söhne GmbH", "Köln", "j.mueller@example.de", "12,50",
        "13.03.2025 09:05",
    ]  # fmt: skip
    assert all(row is not None and len(row) == len(header) for row in rows)


def test_a_line_break_in_an_excel_cell_stays_in_its_cell() -> None:
    _, rows, _, _ = _table(EXPORTS / "excel-csv-utf8.csv")
    assert (rows[4] or [])[:3] == [
        "Ana María López",
        "Professor",
        "Universidad de Chile\nFacultad de Artes",
    ]


def test_the_signing_times_of_the_exports_sort(tmp_path: Path) -> None:
    """Excel's US dates (month first) and European ones (day first, dotted) both sort."""
    for name, first in [("excel-csv-utf8.csv", 2), ("excel-csv-semicolon-1252.csv", 2)]:
        config = SignatoriesConfig(file=name, sort="signed")
        listing = read_signatory_list(EXPORTS / name, config, Diagnostics(), WHERE)
        from policydraft.signatories.order import order_signatories

        ordered = order_signatories(listing.signers, "signed")
        assert ordered[0].where.line == first
        assert [s.where.line for s in ordered] == sorted(s.where.line for s in ordered)


# --- bad input ----------------------------------------------------------------------------


def _read(path: Path):
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, WHERE)
    return listing, diags


@pytest.mark.parametrize(
    ("data", "encoding", "note"),
    [
        pytest.param(
            "name,email\r\nAda Lovelace,ada@example.org\r\n".encode("utf-16-le"),
            "utf_16_le",
            "list.csv is read as UTF-16LE (without a byte-order mark), comma-separated",
            id="le",
        ),
        pytest.param(
            "name\tcity\nAda Lovelace\tLondon\n".encode("utf-16-be"),
            "utf_16_be",
            "list.csv is read as UTF-16BE (without a byte-order mark), tab-separated",
            id="be-tabs",
        ),
    ],
)
def test_utf16_without_a_byte_order_mark(
    tmp_path: Path, data: bytes, encoding: str, note: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    listing, diags = _read(path)
    assert [s.name for s in listing.signers] == ["Ada Lovelace"]
    assert listing.encoding == encoding
    (message,) = _notes(diags)
    assert message.endswith(note)


def test_utf16_cut_short_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + "name\nAda\n".encode("utf-16-le")[:-1])
    diags = Diagnostics()
    assert read_table(path, None, "list.csv", diags, WHERE) is None
    (error,) = diags.sorted()
    assert error.code == "PD403" and "UTF-16LE" in error.message


def test_mixed_separators_follow_the_header(tmp_path: Path) -> None:
    """The header decides; a row written with another separator is one cell, still counted
    (and here left out: its one cell holds an e-mail address, which is never printed)."""
    path = tmp_path / "list.csv"
    path.write_text(
        "name,email\nAda Lovelace,ada@example.org\nGrace Hopper;grace@example.org\n"
        "Alan Turing\tturing@example.org\nKatherine Johnson,kj@example.org\n"
    )
    header, rows, _, diags = _table(path)
    assert header == ["name", "email"]
    assert rows[1] == ["Grace Hopper;grace@example.org"]
    assert rows[2] == ["Alan Turing\tturing@example.org"]
    assert len(rows) == 4 and _notes(diags) == []


@pytest.mark.parametrize(
    "names",
    [
        ["Ada Lovelace", "Grace Hopper"],
        ["Lovelace; Ada", "Hopper | Grace", "Turing\tAlan"],  # no separator in the header
    ],
)
def test_a_one_column_list_gets_no_invented_separator(tmp_path: Path, names: list[str]) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name\n" + "\n".join(names) + "\n")
    header, rows, _, diags = _table(path)
    assert (header, rows) == (["Name"], [[name] for name in names])
    assert _notes(diags) == []


@pytest.mark.parametrize(
    ("text", "name", "organization"),
    [
        ('Name;Organization\n"Lovelace; Ada";Engines\n', "Lovelace; Ada", "Engines"),
        ('Name;Organization\nAda Lovelace;"Engines; Looms"\n', "Ada Lovelace", "Engines; Looms"),
        ('"Name";"Organization"\n"Ada ""the Countess"" Lovelace";Engines\n',
         'Ada "the Countess" Lovelace', "Engines"),
        ("Name|Organization\nAda Lovelace|Engines, Looms; Mills\n", "Ada Lovelace",
         "Engines, Looms; Mills"),
    ],
)  # fmt: skip
def test_quoted_separators_in_names(tmp_path: Path, text: str, name: str, organization: str):
    path = tmp_path / "list.csv"
    path.write_text(text)
    listing, diags = _read(path)
    assert [(s.name, s.organization) for s in listing.signers] == [(name, organization)]
    assert not diags.has_errors


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_broken_quotes_are_found_with_any_separator(tmp_path: Path, delimiter: str) -> None:
    """A quoted cell spanning lines and closed before the separator is fine; one never closed
    is PD415 at its quote, and reading resumes on the next line."""
    d = delimiter
    path = tmp_path / "list.csv"
    path.write_text(
        f'Name{d}Address{d}Country\nAda Lovelace{d}"12 St James Square\nLondon"{d}UK\n'
        f'Grace Hopper{d}"Arlington\nAlan Turing{d}Wilmslow{d}UK\nKatherine Johnson{d}{d}US\n'
    )
    listing, diags = _read(path)
    assert [s.name for s in listing.signers] == ["Ada Lovelace", "Alan Turing", "Katherine Johnson"]
    errors = [(e.code, e.line, e.column) for e in diags.sorted() if e.severity == "error"]
    assert errors == [("PD415", 4, 14)]


def test_binary_garbage_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(random.Random(10).randbytes(4096))
    listing, diags = _read(path)
    assert diags.has_errors
    assert not listing.signers


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\r\n\r\n"])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    _, rows, _, diags = _table(path)
    assert rows == [] and not diags.has_errors


@pytest.mark.parametrize(
    ("first_line", "delimiter", "said"),
    [
        ("sep=;", ";", "semicolon-separated (as its sep= line says)"),
        ("SEP=,", ",", None),  # a comma said outright: UTF-8 with commas is not noted
        ("sep=\t", "\t", "tab-separated (as its sep= line says)"),
        ("sep=|", "|", "pipe-separated (as its sep= line says)"),
    ],
)
def test_excel_sep_line_names_the_separator(
    tmp_path: Path, first_line: str, delimiter: str, said: str | None
) -> None:
    """Excel's ``sep=X`` first line (written by Excel's own CSV code and honoured by it) wins
    over sniffing, and the header and rows keep their line numbers."""
    rows = [["Name", "Organisation"], ["Ada Lovelace", "Engines, Ltd; London"], ["Bo Li", "X"]]
    path = tmp_path / "list.csv"
    path.write_text(first_line + "\r\n" + _csv_text(rows, delimiter), encoding="utf-8")
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, Location("policydraft.yaml"))
    got = [(s.name, s.organization, s.where.line) for s in listing.signers]
    assert got == [("Ada Lovelace", "Engines, Ltd; London", 3), ("Bo Li", "X", 4)]
    assert _notes(diags) == ([] if said is None else [f"{path} is read as UTF-8, {said}"])
