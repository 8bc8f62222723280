"""Lists as form and mailing tools export them (tests/fixtures/exports/README.md), through the
real CLI: every signer accounted for, the right columns read, e-mail addresses used to find
duplicates and never shown."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from tests.helpers import write_submission
from tests.signatories.test_commands import run

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


@dataclass(frozen=True)
class Export:
    """A fixture, the folder's settings for it, and what reading it must give."""

    file: str
    rows: int
    excluded: dict[str, int]
    printed: dict[str, tuple[str, str, str]]
    """Some printed signers: name -> (title, organization, location), as exported."""
    columns: dict[str, str] = field(default_factory=dict)
    duplicate: tuple[int, int] | None = None
    """(line, the line it duplicates) for the one duplicate, found by e-mail if both have one."""
    family: dict[str, str] = field(default_factory=dict)
    """Some signers' family names, kept for sorting (split-name lists)."""
    never: tuple[str, ...] = ()
    """Values of columns never read, which no output may show."""


GOOGLE = {
    "Amara Okafor": ("Director", "Lagos Film Collective", "Lagos, Nigeria"),
    "יעל בן דוד": ("Screenwriter", "Tel Aviv Writers Guild", "Tel Aviv, Israel"),
    "山田 花子": ("Animator", "Studio Kaze", "Tokyo, Japan"),
    "Łukasz Wiśniewski": ("Cinematographer", "", "Kraków, Poland"),
}
CASES = [
    Export("google-forms.csv", 13, {"withdrawn": 1, "duplicate": 1}, GOOGLE, duplicate=(13, 2)),
    Export("google-forms-sheets.csv", 13, {"withdrawn": 1, "duplicate": 1}, GOOGLE,
           duplicate=(13, 2)),
    Export("microsoft-forms.xlsx", 12, {"withdrawn": 1, "duplicate": 1},
           {"Olga Petrenko": ("Actor", "Kyiv Chamber Theatre", "Ukraine"),
            "Rohan Mehta": ("Music producer", "", "India")},
           columns={"name": "Your full name", "email": "Your email address",
                    "location": "Country"},
           duplicate=(10, 2), never=("anonymous",)),
    Export("typeform.csv", 11, {"withdrawn": 1, "duplicate": 1},
           {"Björn Lindqvist": ("Set designer", "Nordljus Teater", "Sweden"),
            "Ayşe Yılmaz": ("Editor", "İstanbul Film Atölyesi", "Türkiye")},
           columns={"title": "What is your role?", "location": "Which country are you in?"},
           duplicate=(12, 3), family={"Ayşe Yılmaz": "Yılmaz"}, never=("8f3a1c9e2b", "press")),
    Export("jotform.csv", 10, {"withdrawn": 1, "duplicate": 1},
           {"Ana Paula Souza": ("Photographer", "Coletivo Luz", "São Paulo, SP, Brazil"),
            "Nguyễn Văn An": ("Saxophonist", "Hanoi Jazz Club", "Hà Nội, Vietnam")},
           columns={"consent": "I agree to have my name listed publicly"},
           duplicate=(10, 7), family={"Nguyễn Văn An": "An"}, never=("198.51.100.23",)),
    Export("surveymonkey.csv", 10, {"withdrawn": 1, "duplicate": 1},
           {"Diego Hernández": ("Animator", "Estudio Norte", "Monterrey, Nuevo León, Mexico"),
            "Farah Khan": ("Novelist", "Lahore Literary Circle", "Lahore, Punjab, Pakistan")},
           duplicate=(10, 3), family={"Elif Şahin": "Şahin"}, never=("114239817761",)),
    Export("action-network.csv", 10, {"duplicate": 1},
           {"Maya Johnson": ("", "Bay Area Musicians Local", "Oakland, CA, US"),
            "Leilani Kahale": ("", "Hālau Hula o Mānoa", "Honolulu, HI, US")},
           duplicate=(9, 2), family={"Tran Thi Lan": "Thi Lan"},
           never=("94612", "100 Example Street", "+15105550101")),
    Export("mailchimp.csv", 8, {"duplicate": 1},
           {"Eleni Papadopoulou": ("", "Athens Lyric Workshop", ""),
            "Helga Björnsdóttir": ("", "Reykjavík Sound Lab", "")},
           duplicate=(8, 3), family={"Raj Patel": "Patel"},
           never=("ENG", "Europe/Athens", "118273645", "37.98380")),
    Export("airtable.csv", 9, {},
           {"Zoë Ávila": ("Actor", "Compañía Teatral Sol", "Bogotá, Colombia"),
            "Zoe Avila": ("Actor", "Compañía Teatral Sol", "Bogotá, Colombia")}),
]  # fmt: skip


def _folder(tmp_path: Path, case: Export) -> Path:
    """A submission folder whose list is the fixture, as a user would set one up."""
    folder = write_submission(
        tmp_path / "sub",
        {"signatories": {"file": case.file, "columns": case.columns}},
        signatories=None,
    )
    shutil.copy(EXPORTS / case.file, folder / case.file)
    return folder


def _emails(case: Export) -> set[str]:
    config = SignatoriesConfig.model_validate({"columns": case.columns})
    listing = read_signatory_list(EXPORTS / case.file, config, Diagnostics(), Location("x"))
    return {s.email for s in listing.signers if s.email}


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_an_export_is_read_through_the_cli(tmp_path: Path, case: Export) -> None:
    folder = _folder(tmp_path, case)
    checked = run("check", folder)
    assert checked.returncode == 0, checked.stderr
    result = run("signatories", "stats", folder, "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["rows"] == case.rows
    assert stats["excluded"] == case.excluded
    assert stats["rows"] == stats["printed"] + sum(stats["excluded"].values())
    duplicates = [(r["line"], r["other_line"]) for r in stats["excluded_rows"]
                  if r["reason"] == "duplicate"]  # fmt: skip
    assert duplicates == ([case.duplicate] if case.duplicate else [])
    exported = tmp_path / "printed.csv"
    written = run("signatories", "export", folder, "-o", exported)
    assert written.returncode == 0, written.stderr
    rows = {r["name"]: r for r in csv.DictReader(exported.open(encoding="utf-8"))}
    assert len(rows) == stats["printed"]
    for name, (title, organization, location) in case.printed.items():
        assert (rows[name]["title"], rows[name]["organization"], rows[name]["location"]) == (
            title, organization, location,
        )  # fmt: skip
    outputs = [checked.stdout, checked.stderr, result.stdout, result.stderr, written.stdout,
               written.stderr, exported.read_text(encoding="utf-8")]  # fmt: skip
    emails = _emails(case)
    assert len(emails) >= case.rows - 3  # the e-mail column was read
    for secret in (*emails, *case.never):
        assert all(secret.casefold() not in text.casefold() for text in outputs), secret


@pytest.mark.parametrize("case", [c for c in CASES if c.family], ids=lambda c: c.file)
def test_split_names_keep_the_family_name(case: Export) -> None:
    config = SignatoriesConfig.model_validate({"columns": case.columns})
    listing = read_signatory_list(EXPORTS / case.file, config, Diagnostics(), Location("x"))
    family = {s.name: s.family for s in listing.signers}
    for name, surname in case.family.items():
        assert family[name] == surname


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_every_export_has_its_signing_time(case: Export) -> None:
    config = SignatoriesConfig.model_validate({"columns": case.columns})
    listing = read_signatory_list(EXPORTS / case.file, config, Diagnostics(), Location("x"))
    assert all(s.signed for s in listing.signers)


def test_microsoft_forms_without_a_mapping_names_both_headers(tmp_path: Path) -> None:
    """The account's "Name" (anonymous) and the question "Your full name" could each be the
    name: nothing is printed until the folder says which."""
    case = CASES[2]
    folder = _folder(tmp_path, Export(case.file, case.rows, {}, {}))
    result = run("check", folder)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error PD421" in line]
    assert len(errors) == 2, result.stderr
    assert "'Name' (column 5, E)" in errors[1] and "'Your full name' (column 7, G)" in errors[1]
    assert 'signatories: {columns: {name: "Your full name"}}' in errors[1]
    assert 'signatories: {columns: {email: "Your email address"}}' in errors[0]
    stats = json.loads(run("signatories", "stats", folder, "--json").stdout)
    assert (stats["rows"], stats["printed"]) == (12, 0)  # every row counted, none guessed


def test_a_bare_export_file_is_read_with_its_headers(tmp_path: Path) -> None:
    """``stats`` on the file alone, without a folder: the headers alone say what is what."""
    result = run("signatories", "stats", EXPORTS / "surveymonkey.csv", "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert (stats["rows"], stats["printed"]) == (10, 8)
    assert "@" not in result.stdout + result.stderr
