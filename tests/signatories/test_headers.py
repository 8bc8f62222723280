"""Header matching: the headers exports write, split names and places, ambiguity, mapping,
SurveyMonkey's second header row, and the documented list of recognised headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.columns import COLUMNS, PARTS
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.header_rows import continues_header, merge_header_rows
from policydraft.signatories.headers import header_key, match_headers
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.signatory import SignatoryList

ROOT = Path(__file__).resolve().parents[2]
WHERE = Location("policydraft.yaml", 30, 3)


def _read(
    tmp_path: Path, text: str, columns: dict[str, str] | None = None
) -> tuple[SignatoryList, Diagnostics]:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    config = SignatoriesConfig.model_validate({"columns": columns or {}})
    return read_signatory_list(path, config, diags, WHERE), diags


def _layout(
    header: str, columns: dict[str, str] | None = None
) -> tuple[dict[str, int], Diagnostics]:
    diags = Diagnostics()
    layout = match_headers(header.split("|"), columns or {}, Location("list.csv", 1), diags)
    return layout.index, diags


# (header cells separated by |, the column each is read as (by position), or None)
RECOGNISED = [
    ("Name", ["name"]),
    ("Full name|Organisation|Email Address", ["name", "organization", "email"]),
    ("FULL NAME|E-mail|Job Title", ["name", "email", "title"]),
    ("full_name|e_mail_address|company_name", ["name", "email", "organization"]),
    ("Your full name|Affiliation|Your email", ["name", "organization", "email"]),
    ("Signer name|Employer|Position|Location", ["name", "organization", "title", "location"]),
    ("Signature name|Institution|Occupation", ["name", "organization", "title"]),
    ("Printed name|Work email|Role", ["name", "email", "title"]),
    ("  name  |ORGANIZATION|  Title ", ["name", "organization", "title"]),
    ("Timestamp|Email Address|Full name", ["signed", "email", "name"]),
    ("Submit Date (UTC)|First name|Last name", ["signed", "given", "family"]),
    ("Submission Date|First Name|Last Name|E-mail", ["signed", "given", "family", "email"]),
    ("Completion time|Your name", ["signed", "name"]),
    ("created_date|first_name|last_name|email", ["signed", "given", "family", "email"]),
    ("OPTIN_TIME|FNAME|LNAME|EMAIL", ["signed", "given", "family", "email"]),
    ("Created At|Given name|Family name", ["signed", "given", "family"]),
    ("Created|Forename|Surname", ["signed", "given", "family"]),
    ("Date signed|Name|Sector|Sort as", ["signed", "name", "category", "sort_as"]),
    ("Name|May we list your name?", ["name", "consent"]),
    ("Name|Permission to publish", ["name", "consent"]),
    ("Name|Display my name", ["name", "consent"]),
    ("Name|Zip|Phone|Notes", ["name", None, None, None]),  # never read
    ("Name|Subscribe to our newsletter?", ["name", None]),  # not a consent to be listed
    ("Name|Display name", ["name", None]),  # two name headers: ambiguous, see below
]


@pytest.mark.parametrize(("header", "expected"), RECOGNISED, ids=[c[0] for c in RECOGNISED])
def test_exports_headers_are_recognised(header: str, expected: list[str | None]) -> None:
    index, diags = _layout(header)
    if diags.has_errors:
        assert [d.code for d in diags.items] == ["PD421"]
        return
    by_position = {i: column for column, i in index.items()}
    assert [by_position.get(i) for i in range(len(expected))] == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [("First Name", "first_name"), ("E-mail address", "EMAIL ADDRESS"), ("Submit Date (UTC)",
     "submit date utc"), ("Signer's name", "signers name"), ("Prénom", "PRÉNOM")],
)  # fmt: skip
def test_matching_ignores_case_spaces_punctuation_and_underscores(a: str, b: str) -> None:
    assert header_key(a) == header_key(b)


def test_each_header_belongs_to_one_column_only() -> None:
    seen: dict[str, str] = {}
    for column in (*COLUMNS, *PARTS):
        for header in (column.name, *column.headers):
            owner = seen.setdefault(header_key(header), column.name)
            assert owner == column.name, (header, owner, column.name)


def test_zip_codes_are_never_a_place() -> None:
    index, _ = _layout("Name|City|Zip|ZIP/Postal Code|zip_code")
    assert index == {"name": 0, "city": 1}


# (id, list, columns, names read, other fields of the first signer, [(code, line)])
SPLIT = [
    ("given-and-family", "First name,Last name\nAda,Lovelace\nGrace,Hopper\n", {},
     ["Ada Lovelace", "Grace Hopper"], {"given": "Ada", "family": "Lovelace"}, []),
    ("family-first-in-file", "Surname,Forename\nLovelace,Ada\n", {}, ["Ada Lovelace"],
     {"family": "Lovelace"}, []),
    ("given-only", "First name,Email\nAda,a@example.org\n", {}, ["Ada"], {"family": ""}, []),
    ("family-only", "Last name,Email\nLovelace,a@example.org\n", {}, ["Lovelace"],
     {"family": "Lovelace"}, []),
    ("neither-in-a-row", "First name,Last name,Organisation\nAda,Lovelace,x\n,,Engines\n", {},
     ["Ada Lovelace"], {}, [("PD401", 3)]),
    ("one-part-empty", "first_name,last_name\n,Lovelace\nGrace,\n", {}, ["Lovelace", "Grace"],
     {}, []),
    ("mapped-parts", "Vorname,Nachname,Given\nAda,Lovelace,Bo\n",
     {"given": "Given", "family": "Nachname"}, ["Bo Lovelace"], {"given": "Bo"}, []),
    ("policydraft-own-words", "name,given,family\nAda Lovelace,Ada,Lovelace\n", {},
     ["Ada Lovelace"], {"family": "Lovelace"}, []),
    ("mapped-full-keeps-family", "Name,First name,Last name\nAda King,Ada,Lovelace\n",
     {"name": "Name"}, ["Ada King"], {"family": "Lovelace"}, []),
    ("mapped-given-drops-full", "Name,First name,Last name\nanonymous,Ada,Lovelace\n",
     {"given": "First name"}, ["Ada Lovelace"], {}, []),
    ("city-state-country", "Name,Country,City,State/Province\nAda,UK,London,England\n", {},
     ["Ada"], {"location": "London, England, UK"}, []),
    ("city-only", "Name,City\nAda,London\n", {}, ["Ada"], {"location": "London"}, []),
    ("location-beside-parts", "Name,Location,Country\nAda,London,UK\n", {}, ["Ada"],
     {"location": "London"}, []),
    ("mapped-location", "Name,Town,City\nAda,Bath,London\n", {"location": "City"}, ["Ada"],
     {"location": "London"}, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "columns", "names", "fields", "codes"),
    [pytest.param(*case[1:], id=case[0]) for case in SPLIT],
)
def test_split_names_and_places(
    tmp_path: Path,
    text: str,
    columns: dict[str, str],
    names: list[str],
    fields: dict[str, str],
    codes: list[tuple[str, int]],
) -> None:
    listing, diags = _read(tmp_path, text, columns)
    assert [s.name for s in listing.signers] == names
    assert {f: getattr(listing.signers[0], f) for f in fields} == fields
    assert [(d.code, d.line) for d in diags.sorted()] == codes
    assert listing.rows == text.count("\n") - 1  # every row accounted for


# (id, header row, columns, the words of each error message, in order)
AMBIGUOUS = [
    ("account-name-beside-question", "ID,Email,Name,Your full name", {},
     [["PD421", "'Name' (column 3, C)", "'Your full name' (column 4, D)",
       '`signatories: {columns: {name: "Your full name"}}`']]),
    ("exact-name-does-not-win", "name,Full name", {},
     [["PD421", "'name' (column 1, A)", "'Full name' (column 2, B)"]]),
    ("two-emails", "Name,Email,Email Address", {},
     [["PD421", "'Email' (column 2, B)", "'Email Address' (column 3, C)",
       '`signatories: {columns: {email: "Email Address"}}`']]),
    ("full-beside-split", "Name,First name,Last name", {},
     [["PD421", "'Name' (column 1, A)", "'First name' (column 2, B)",
       "'Last name' (column 3, C)", '`signatories: {columns: {name: "Name"}}`',
       '`signatories: {columns: {given: "First name", family: "Last name"}}`']]),
    ("two-first-names", "First name,Given name,Last name", {},
     [["PD421", "'First name' (column 1, A)", "'Given name' (column 2, B)", "given"]]),
    ("two-towns", "Name,City,Town", {},
     [["PD421", "the city of 'location'", '`signatories: {columns: {location: "Town"}}`']]),
    ("same-header-twice", "Name,First Name,first_name", {},
     [["PD420", "'First Name' (column 2, B)", "'first_name' (column 3, C)"],
      ["PD421", "'Name' (column 1, A)"]]),
    ("mapping-settles-it", "ID,Email,Name,Your full name", {"name": "Your full name"}, []),
    ("mapping-to-a-missing-header", "Name,Email", {"organization": "Company"},
     [["PD414", "'Company'", "headers: Name, Email"]]),
    ("mapped-name-missing", "Name,Email", {"name": "Full Name"},
     [["PD402", "'Full Name' column", "headers: Name, Email"]]),
    ("no-name", "Organisation,Email", {},
     [["PD402", "'First name' and 'Last name'", "headers: Organisation, Email"]]),
    ("empty-header-cells", ",Your name,,", {}, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "columns", "errors"),
    [pytest.param(*case[1:], id=case[0]) for case in AMBIGUOUS],
)
def test_ambiguous_and_missing_headers_are_errors(
    tmp_path: Path, header: str, columns: dict[str, str], errors: list[list[str]]
) -> None:
    listing, diags = _read(tmp_path, f"{header}\n1,a@example.org,anonymous,Ada Lovelace\n", columns)
    found = diags.sorted()
    assert [d.code for d in found] == [words[0] for words in errors]
    for d, words in zip(found, errors, strict=True):
        assert d.severity == "error" and d.file.endswith("list.csv")
        for word in words[1:]:
            assert word in d.message, d.message
        assert "@" not in d.message and "Ada" not in d.message and "anonymous" not in d.message
    assert listing.rows == 1  # ambiguous names: every row is still counted


def test_a_header_row_of_empty_cells_is_no_signer() -> None:
    diags = Diagnostics()
    layout = match_headers([" ", ""], {}, Location("list.csv", 1), diags)
    assert not layout.index and not layout.first_row_is_signer
    (d,) = diags.items
    assert d.code == "PD402" and "all empty" in d.message


def test_ambiguous_names_read_no_row_but_count_every_one(tmp_path: Path) -> None:
    text = "Email,Name,Your full name\n" + "anonymous,anonymous,Ada\n" * 5
    listing, diags = _read(tmp_path, text)
    assert not listing.signers and len(listing.nameless) == 5
    assert [d.code for d in diags.sorted()] == ["PD421"]  # one error, no PD401 per row


# SurveyMonkey's two header rows: the tool's own columns, then questions with their answers'
# labels ("Response", "Open-Ended Response") or sub-fields in the second row.
SURVEYMONKEY = (
    "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,"
    "Last Name,Custom Data 1,Your name,,Your organization,Your email,May we list your name?\n"
    ",,,,,,,,,First Name,Last Name,Open-Ended Response,Open-Ended Response,Response\n"
    "114,431,03/13/2025 09:01:11 AM,03/13/2025 09:03:40 AM,203.0.113.4,,,,,Ada,Lovelace,"
    "Engines,ada@example.org,Yes\n"
)


def test_a_second_header_row_is_merged() -> None:
    header, second = (line.split(",") for line in SURVEYMONKEY.splitlines()[:2])
    assert continues_header(header, second)
    merged, tool = merge_header_rows(header, second)
    assert merged[9:] == ["First Name", "Last Name", "Your organization", "Your email",
                          "May we list your name?"]  # fmt: skip
    assert tool == frozenset(range(9))


@pytest.mark.parametrize(
    ("header", "second"),
    [
        ("Your name,Your email", "Open-Ended Response,Open-Ended Response"),  # answers only
        ("Your name,,Your email", "First Name,Last Name,Open-Ended Response"),  # a span
        ("Respondent ID,Start Date,Your name", ",,Response"),  # SurveyMonkey's own columns
    ],
)
def test_second_header_rows_without_surveymonkeys_columns(header: str, second: str) -> None:
    assert continues_header(header.split(","), second.split(","))


def test_surveymonkey_questions_win_over_its_own_contact_columns(tmp_path: Path) -> None:
    listing, diags = _read(tmp_path, SURVEYMONKEY)
    (signer,) = listing.signers
    assert (signer.name, signer.family, signer.organization) == (
        "Ada Lovelace",
        "Lovelace",
        "Engines",
    )
    assert (signer.email, signer.signed) == ("ada@example.org", "03/13/2025 09:03:40 AM")
    assert listing.rows == 1 and not diags.has_errors
    assert signer.where.line == 3


@pytest.mark.parametrize(
    "second",
    [
        "Response,Analyst",  # a signer named Response under a one-row header
        "Response,",  # ... without a title
        "Ada,Analyst",
        ",",
    ],
)
def test_a_signer_is_not_a_second_header_row(tmp_path: Path, second: str) -> None:
    listing, _ = _read(tmp_path, f"name,title\n{second}\nGrace,Admiral\n")
    assert listing.rows == 2 - (second == ",")


def test_the_docs_list_every_recognised_header() -> None:
    """docs/signatories.md ("Headers") lists each column's headers as the table declares them;
    on a difference, the expected table is in the failure message, ready to paste."""
    text = (ROOT / "docs" / "signatories.md").read_text(encoding="utf-8")
    expected = recognised_headers_table()
    assert expected in text, f"docs/signatories.md should have this table:\n\n{expected}"


def recognised_headers_table() -> str:
    """The Markdown table of docs/signatories.md's "Headers" section, from the column table."""
    lines = ["| column | headers recognised besides its own name |", "|---|---|"]
    for column in COLUMNS:
        lines.append(f"| {column.name} | {_headers(column.headers)} |")
    for whole in COLUMNS:
        for part in (p for p in PARTS if p.name in whole.joins):
            lines.append(f"| {whole.name}: {part.name} | {_headers(part.headers)} |")
    return "\n".join(lines) + "\n"


def _headers(headers: tuple[str, ...]) -> str:
    return ", ".join(f"`{header}`" for header in headers)
