"""Consent, duplicates, possible duplicates, e-mails in printed columns, the summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import PrintedSignatories, Selection, select_printed

WHERE = Location("policydraft.yaml", 30, 9)
SAMPLES = Path(__file__).resolve().parents[2] / "signatories"


def _select(tmp_path: Path, text: str, sort: str = "") -> tuple[Selection, Diagnostics]:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, WHERE)
    return select_printed(listing, diags, sort=sort), diags


def _printed(selection: Selection) -> list[tuple[str, int]]:
    return [(s.name, s.where.line) for s in selection.printed]


@pytest.mark.parametrize(
    ("rows", "printed", "codes"),
    [
        # same e-mail, trimmed and in any case: the first row is printed
        ("Ada,ADA@x.org ,\nAda L.,ada@x.org,", [("Ada", 2)], [("PD407", 3)]),
        # no e-mails: same normalised name (NFKC, case, spaces) and organization
        ("Ada  LOVELACE,,Engines\nＡｄａ Lovelace,,engines", [("Ada LOVELACE", 2)], [("PD407", 3)]),
        # no e-mails, same name, other organization: two people, reported as possible
        (
            "Ada Lovelace,,Engines\nAda Lovelace,,Looms",
            [("Ada Lovelace", 2), ("Ada Lovelace", 3)],
            [("PD408", 3)],
        ),
        # different e-mails, same name without diacritics: both printed, reported
        (
            "Zoë Ávila,z1@x.org,\nZoe Avila,z2@x.org,",
            [("Zoë Ávila", 2), ("Zoe Avila", 3)],
            [("PD408", 3)],
        ),
        # different e-mails, different names: nothing to say
        ("Ada,a@x.org,\nGrace,g@x.org,", [("Ada", 2), ("Grace", 3)], []),
        # e-mail on one row only: not the same key; same name, so possibly the same
        ("Ada,a@x.org,\nAda,,", [("Ada", 2), ("Ada", 3)], [("PD408", 3)]),
    ],
)
def test_duplicate_rules(
    tmp_path: Path, rows: str, printed: list[tuple[str, int]], codes: list[tuple[str, int]]
) -> None:
    selection, diags = _select(tmp_path, "name,email,organization\n" + rows + "\n")
    assert _printed(selection) == printed
    found = [(d.code, d.line) for d in diags.sorted() if d.code != "PD413"]
    assert found == codes


def test_a_withdrawal_wins_over_a_yes(tmp_path: Path) -> None:
    text = "name,email,consent\nAda,ada@x.org,yes\nGrace,g@x.org,yes\nAda,ADA@x.org,no\n"
    selection, diags = _select(tmp_path, text)
    assert _printed(selection) == [("Grace", 3)]
    assert [(d.code, d.line) for d in diags.sorted()] == [("PD413", 1), ("PD409", 2)]
    assert [(e.reason, e.where.line) for e in selection.excluded] == [
        ("withdrawn-elsewhere", 2),
        ("withdrawn", 4),
    ]


def test_email_in_a_printed_column_leaves_the_row_out_without_showing_it(tmp_path: Path) -> None:
    text = "name,organization\nAda,ada@secret.example\nbob@secret.example,Org\nGrace,Navy\n"
    selection, diags = _select(tmp_path, text)
    assert _printed(selection) == [("Grace", 4)]
    assert [(d.code, d.line) for d in diags.sorted()] == [("PD413", 1), ("PD411", 2), ("PD411", 3)]
    assert all("secret.example" not in d.message for d in diags.sorted())


def test_messy_sample_prints_the_seven_names_and_accounts_for_every_row() -> None:
    diags = Diagnostics()
    listing = read_signatory_list(SAMPLES / "sample-messy.csv", SignatoriesConfig(), diags, WHERE)
    selection = select_printed(listing, diags)
    assert [s.name for s in selection.printed] == [
        "Harriet Ashby", "Desmond Okoye", "Priya Sundaram", "Jordan Ellis",
        "Marguerite Olsen", "Celia Marsh", "Bo Lindgren",
    ]  # fmt: skip
    jordan = next(s for s in selection.printed if s.name == "Jordan Ellis")
    assert jordan.title == "Composer"  # the first of the two rows wins
    assert selection.counts() == {"withdrawn": 1, "duplicate": 1, "nameless": 1}
    assert listing.rows == len(selection.printed) + len(selection.excluded)
    assert not any(d.code == "PD413" for d in diags.sorted())  # not while the list has errors
    assert all("@" not in d.message for d in diags.sorted())


def test_summary_counts_every_reason(tmp_path: Path) -> None:
    text = (
        "name,email,consent\nAda,a@x.org,yes\nAda,a@x.org,yes\nBo,b@x.org,no\n"
        "Cy,c@x.org,\nDee,d@x.org,\nEve,e@x.org,Y\n"
    )
    _selection, diags = _select(tmp_path, text)
    (summary,) = [d for d in diags.sorted() if d.code == "PD413"]
    assert summary.severity == "note"
    assert summary.message.endswith(
        "6 rows read, 2 printed, 4 left out (withdrawn 1, consent unclear 2, duplicate 1)"
    )


def test_clean_list_has_no_summary(tmp_path: Path) -> None:
    _, diags = _select(tmp_path, "name\nAda\nGrace\n")
    assert diags.sorted() == []


def test_unreadable_signed_times_are_reported_for_sort_signed(tmp_path: Path) -> None:
    text = "name,signed\nAda,3/13/2025 9:05\nBo,sometime\nCy,\n"
    _, diags = _select(tmp_path, text, sort="signed")
    assert [(d.code, d.line) for d in diags.sorted()] == [("PD412", 3)]


SRC = Path(__file__).resolve().parents[2] / "src" / "policydraft"


def _modules_matching(pattern: str) -> set[str]:
    return {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if re.search(pattern, path.read_text(encoding="utf-8"))
    }


def test_only_selection_makes_the_printed_list() -> None:
    """``PrintedSignatories`` is made in one place, so whoever takes one (appendix, groups,
    glyph check, counts, export) can rely on consent being decided."""
    assert _modules_matching(r"PrintedSignatories\(") == {"signatories/select.py"}


def test_consent_is_decided_once() -> None:
    # (an import of the consent module, which reads the answers, is not a use of the field)
    assert _modules_matching(r"(?<!signatories)\.consent\b") == {"signatories/select.py"}


def test_the_printed_list_is_counted_as_selected(tmp_path: Path) -> None:
    selection, _ = _select(tmp_path, "name,consent\nAda,yes\nBo,no\nCy,maybe\nDee,y\n")
    assert isinstance(selection.printed, PrintedSignatories)
    assert [s.name for s in selection.printed] == ["Ada", "Dee"]
