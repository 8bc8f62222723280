"""Broken and hostile lists: no signer lost silently, every row counted, nothing private shown."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import select_printed
from policydraft.signatories.signatory import SignatoryList
from tests.signatories import workbooks as wb

WHERE = Location("policydraft.yaml", 30, 9)


def _read(path: Path, data: str | bytes, **config: object) -> tuple[SignatoryList, Diagnostics]:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(**config), diags, WHERE)  # type: ignore[arg-type]
    return listing, diags


def _errors(diags: Diagnostics) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in diags.sorted() if d.severity == "error"]


def _accounted(listing: SignatoryList) -> None:
    """Every row read is printed or left out for a reason: the stats identity."""
    selection = select_printed(listing, Diagnostics())
    assert listing.rows == len(selection.printed) + len(selection.excluded)


@pytest.mark.parametrize(
    ("text", "names", "errors", "unread"),
    [
        # legitimate quoted cells that span lines: an address, doubled quotes, CRLF
        ('name,org\nAda,"1 Main St\nLondon, UK"\nBo,x\n', ["Ada", "Bo"], [], []),
        ('name,note\nAda,"said ""hi""\nthen, left"\nBo,x\n', ["Ada", "Bo"], [], []),
        ('name,org\r\nAda,"Engines\r\nLtd, London"\r\nBo,x\r\n', ["Ada", "Bo"], [], []),
        ('name,org\n"Ada\nLovelace",x\n', ["Ada Lovelace"], [], []),
        # an unclosed quote that runs to the end of the file
        ('name,org\nAda,"Engines\nBo,x\nCy,y\n', ["Bo", "Cy"], [("PD415", 2, 5)], [2]),
        ('name,org\nAda,x\n"Bo,y\nCy,z', ["Ada", "Cy"], [("PD415", 3, 1)], [3]),
        # an unclosed quote closed by a later cell's opening quote
        (
            'name,org\nAda,"Engines\nBo,x\nCy,"NPL"\nDee,z\n',
            ["Bo", "Cy", "Dee"],
            [("PD415", 2, 5)],
            [2],
        ),
        # the header row itself: every later row is counted, none read
        ('name,"org\nAda,x\nBo,y\n', [], [("PD415", 1, 6)], [2, 3]),
    ],
)
def test_quotes(
    tmp_path: Path,
    text: str,
    names: list[str],
    errors: list[tuple[str, int, int]],
    unread: list[int],
) -> None:
    listing, diags = _read(tmp_path / "list.csv", text)
    assert [s.name for s in listing.signers] == names
    assert _errors(diags) == errors
    assert [where.line for where in listing.unreadable] == unread
    _accounted(listing)


def test_unclosed_quote_message_says_what_is_lost(tmp_path: Path) -> None:
    _, diags = _read(tmp_path / "list.csv", 'name,org\nAda,"Engines\nBo,x\nCy,y\n')
    (d,) = diags.sorted()
    assert "never closed" in d.message and "2 line(s)" in d.message


def test_many_stray_quotes_stop_reading_but_count_the_rest(tmp_path: Path) -> None:
    text = "name\n" + "".join(f'"Signer {i}\n' for i in range(30))
    listing, diags = _read(tmp_path / "list.csv", text)
    assert listing.rows == 30 and not listing.signers
    assert [d.code for d in diags.sorted()] == ["PD415"] * 11  # ten located, then the rest
    assert "were not read" in diags.sorted()[-1].message
    _accounted(listing)


@pytest.mark.parametrize(("size", "code"), [(40_000, "PD419"), (200_000, "PD419"), (30_000, None)])
def test_long_cells(tmp_path: Path, size: int, code: str | None) -> None:
    listing, diags = _read(tmp_path / "list.csv", f"name,org\nAda,{'N' * size}\nBo,x\n")
    assert [d.code for d in diags.sorted()] == ([code] if code else [])
    assert listing.rows == 2
    assert [s.name for s in listing.signers] == (["Bo"] if code else ["Ada", "Bo"])


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Ada Lovelace,ada@example.org,Engines Ltd\nGrace Hopper,g@example.net,Navy\n", True),
        ("Ada,ada@example.org\n", True),
        ("Signer ID,Title,Company\nAda,Analyst,Engines\n", False),
        (  # a header word inside a signer's organization does not make it a header
            "Jane Advocate,Policy Director,National Organization for Women,jane@example.org\n"
            "Bo Li,Counsel,Title Insurance Guild,bo@example.org\n",
            True,
        ),
    ],
)
def test_missing_name_column_never_shows_a_signer(tmp_path: Path, text: str, hidden: bool) -> None:
    listing, diags = _read(tmp_path / "list.csv", text)
    (d,) = diags.sorted()
    assert d.code == "PD402"
    first_row = text.split("\n", 1)[0].split(",")
    if hidden:
        assert not any(cell in d.message for cell in first_row), d.message
        assert listing.rows == text.count("\n")  # the first row is counted as a signer
    else:
        assert "Signer ID" in d.message and "Title" in d.message and "Company" in d.message
    _accounted(listing)


def test_unmatched_mapping_does_not_show_a_signer(tmp_path: Path) -> None:
    _, diags = _read(
        tmp_path / "list.csv", "name,ada@example.org\nAda,x\n", columns={"email": "E-mail"}
    )
    (d,) = diags.sorted()
    assert d.code == "PD414" and "ada@example.org" not in d.message


# (id, list, columns, [(code, line)], words of the message); a second column with the header
# of a field it already has would be dropped without a word
DUPLICATE_COLUMNS = [
    (
        "two-name",
        "name,name,email\nAda,Analyst,a@x.org\n",
        {},
        [("PD420", 1)],
        "'name' (column 1, A)",
    ),
    (
        "case-differs",
        "Name,org, NAME \nAda,x,Analyst\n",
        {},
        [("PD420", 1)],
        "' NAME ' (column 3, C)",
    ),
    ("two-email", "name,Email,email\nAda,a@x.org,b@x.org\n", {}, [("PD420", 1)], "'email'"),
    (
        "two-mapped",
        "Full Name,x,full name\nAda,y,Ada L\n",
        {"name": "Full Name"},
        [("PD420", 1)],
        "'full name' (column 3, C)",
    ),
    ("mapped-and-default-name", "Name,Full Name\nAda,Ada L\n", {"name": "Full Name"}, [], ""),
    ("one-of-each", "name,title,organization,email\nAda,A,B,a@x.org\n", {}, [], ""),
]


@pytest.mark.parametrize(
    ("text", "columns", "errors", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in DUPLICATE_COLUMNS],
)
def test_two_columns_for_one_field_are_refused(
    tmp_path: Path, text: str, columns: dict[str, str], errors: list[tuple[str, int]], words: str
) -> None:
    _, diags = _read(tmp_path / "list.csv", text, columns=columns)
    found = [d for d in diags.sorted() if d.severity == "error"]
    assert [(d.code, d.line) for d in found] == errors
    for d in found:
        assert words in d.message, d.message
        assert "@" not in d.message and "Ada" not in d.message


def test_two_name_columns_in_a_workbook_name_their_letters(tmp_path: Path) -> None:
    raw = wb.workbook([["Name", "Title", "name"], ["Ada", "Analyst", "Lovelace"]])
    _, diags = _read(tmp_path / "list.xlsx", raw)
    [d] = [d for d in diags.sorted() if d.severity == "error"]
    assert (d.code, d.line) == ("PD420", 1)
    assert "'Name' (column 1, A)" in d.message and "'name' (column 3, C)" in d.message


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x7f", "\u202e"])
def test_control_characters_are_noted(tmp_path: Path, control: str) -> None:
    listing, diags = _read(tmp_path / "list.csv", f"name,org\nAda{control} Lovelace,x\n")
    assert listing.signers[0].name == "Ada Lovelace"
    assert [(d.code, d.severity) for d in diags.sorted()] == [("PD410", "note")]


def test_control_characters_in_the_header_are_noted(tmp_path: Path) -> None:
    listing, diags = _read(tmp_path / "list.csv", "na\x00me,org\nAda,x\n")
    assert [s.name for s in listing.signers] == ["Ada"]
    assert [d.code for d in diags.sorted()] == ["PD410"]


def test_signatory_bytes_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYDRAFT_MAX_SIGNATORY_BYTES", "100")
    listing, diags = _read(tmp_path / "list.csv", "name\n" + "Ada Lovelace\n" * 10)
    (d,) = diags.sorted()
    assert d.code == "PD416"
    assert "signatory_bytes" in d.message and "POLICYDRAFT_MAX_SIGNATORY_BYTES" in d.message
    assert listing.rows == 0


def _corrupt(raw: bytes, part: str) -> bytes:
    """The workbook with bytes in the middle of ``part``'s compressed data overwritten."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo(part)
    data = bytearray(raw)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 40
    data[start : start + 60] = b"\xff" * 60
    return bytes(data)


def _compression(raw: bytes, part: str, method: int) -> bytes:
    """The workbook whose zip directory says ``part`` uses compression ``method`` (99: AES)."""
    data = bytearray(raw)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        if data[at + 46 : at + 46 + len(part)] == part.encode():
            data[at + 10 : at + 12] = method.to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


HEADER = ["name", "title"]
SIGNERS = [[f"Signer {i}", "Actor"] for i in range(10)]
BOOK = wb.workbook([HEADER, *SIGNERS])


@pytest.mark.parametrize("ref", ["A1:A3", "A1:B2", "A1", "B2:B3"])
def test_xlsx_ignores_a_shrunken_dimension(tmp_path: Path, ref: str) -> None:
    listing, diags = _read(tmp_path / "list.xlsx", wb.with_dimension(BOOK, ref))
    assert [(s.name, s.title) for s in listing.signers] == [(n, t) for n, t in SIGNERS]
    assert not diags.items


@pytest.mark.parametrize(
    ("raw", "code", "kept"),
    [
        (wb.with_cut_sheet(BOOK), "PD403", True),
        (BOOK[: len(BOOK) // 2], "PD403", False),
        (b"PK\x03\x04" + b"\x00" * 100, "PD403", False),
        (wb.chart_only(), "PD418", False),
        (wb.with_doctype(BOOK, wb.entity_bomb(), b"<t>Actor</t>", b"<t>&e9;</t>"), "PD417", False),
        (wb.with_number(BOOK, "B3", 5000), "PD419", True),
        (wb.with_text(BOOK, "B3", "N" * 40_000), "PD419", True),
        (wb.with_declared_size(BOOK, wb.SHEET, 3_000_000_000), "PD416", False),
        (_corrupt(BOOK, wb.SHEET), "PD403", False),
        (_compression(BOOK, wb.SHEET, 99), "PD403", False),
    ],
    ids=[
        "cut-sheet",
        "cut-zip",
        "not-a-zip",
        "chart",
        "bomb",
        "number",
        "cell",
        "zip-bomb",
        "corrupt-deflate",
        "unknown-compression",
    ],
)
def test_xlsx_faults(tmp_path: Path, raw: bytes, code: str, kept: bool) -> None:
    listing, diags = _read(tmp_path / "list.xlsx", raw)
    assert [d.code for d in diags.sorted()] == [code]
    assert bool(listing.signers) is kept
    if kept:  # rows before the break are kept, and the broken row is counted
        assert listing.unreadable
    _accounted(listing)


def test_xlsx_giant_number_names_the_row(tmp_path: Path) -> None:
    listing, diags = _read(tmp_path / "list.xlsx", wb.with_number(BOOK, "B4", 5000))
    (d,) = diags.sorted()
    assert (d.code, d.line) == ("PD419", 4)
    assert [s.name for s in listing.signers] == ["Signer 0", "Signer 1"]


def test_xlsx_long_number_below_the_limit_is_text(tmp_path: Path) -> None:
    listing, diags = _read(tmp_path / "list.xlsx", wb.with_number(BOOK, "B2", 400))
    assert listing.signers[0].title == "9" * 400 and not diags.items


ENTITY = b'<!DOCTYPE worksheet [<!ENTITY n "Injected Signer">]>'
STRINGS = (
    b'<?xml version="1.0"?>' + ENTITY + b'<sst xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&n;</t></si></sst>'
)


@pytest.mark.parametrize(
    "raw",
    [
        wb.with_doctype(BOOK, ENTITY, b"<t>Signer 0</t>", b"<t>&n;</t>"),
        wb.with_shared_strings(BOOK, STRINGS),
        wb.rewrite(
            wb.with_doctype(BOOK, ENTITY, b"<t>Signer 0</t>", b"<t>&n;</t>"),
            wb.SHEET,
            lambda xml: (
                xml.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")
            ),
        ),
    ],
    ids=["sheet", "shared-strings", "utf-16-sheet"],
)
def test_xlsx_entities_are_never_expanded(tmp_path: Path, raw: bytes) -> None:
    listing, diags = _read(tmp_path / "list.xlsx", raw)
    assert [d.code for d in diags.sorted()] == ["PD417"]
    assert "Injected" not in repr(listing) + repr(diags.items)


def test_xlsx_chart_sheets(tmp_path: Path) -> None:
    raw = wb.chart_first([HEADER, *SIGNERS])
    listing, diags = _read(tmp_path / "list.xlsx", raw)  # the first sheet of rows is read
    assert len(listing.signers) == 10 and not diags.items
    _, diags = _read(tmp_path / "list.xlsx", raw, sheet="Chart")
    assert [d.code for d in diags.sorted()] == ["PD418"]


def test_xlsx_row_past_excel_last_row(tmp_path: Path) -> None:
    raw = wb.rewrite(BOOK, wb.SHEET, lambda xml: xml.replace(b'r="11"', b'r="99999999"'))
    raw = wb.rewrite(raw, wb.SHEET, lambda xml: xml.replace(b'"A11"', b'"A99999999"'))
    listing, diags = _read(tmp_path / "list.xlsx", raw)
    assert [d.code for d in diags.sorted()] == ["PD403"]
    assert len(listing.signers) == 9


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_device_or_pipe_is_not_read(tmp_path: Path, target: str) -> None:
    path = tmp_path / "list.csv"
    if target == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(target)
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, WHERE)
    assert [(d.code, d.line) for d in diags.sorted()] == [("PD105", 30)]
    assert listing.rows == 0
