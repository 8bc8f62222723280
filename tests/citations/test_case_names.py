"""Case names abbreviated per the Bluebook's T6/T10, as the Indigo Book's T11/T12 print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.citations.case_names import (
    abbreviate_case_name,
    abbreviate_party,
    case_name,
    word_table,
)
from tests.citations.test_gold import footnotes

# (name as written in sources.yaml, name as the citation prints it, where the reference prints it)
NAMES = [
    (
        "Continental Paper Bag Company v. Eastern Paper Bag Company",
        "Cont’l Paper Bag Co. v. E. Paper Bag Co.",
        "R11.3.1",
    ),
    (
        "Church of Scientology of California v. Blackman",
        "Church of Scientology of Cal. v. Blackman",
        "R11.3.2",
    ),
    ("South Dakota v. Fifteen Impounded Cats", "South Dakota v. Fifteen Impounded Cats", "R11.3.2"),
    ("Quill Corporation v. North Dakota", "Quill Corp. v. North Dakota", "R3 (example)"),
    ("United States v. Carmel", "United States v. Carmel", "R15.2.3"),
    (
        "Alabama Association of Realtors v. Department of Health and Human Services",
        "Ala. Ass’n of Realtors v. Dep’t of Health & Hum. Servs.",
        "R13.1",
    ),
    (
        "Hormel Foods Corporation v. Jim Henson Productions, Inc.",
        "Hormel Foods Corp. v. Jim Henson Prods., Inc.",
        "R15.3.3",
    ),
    ("Google LLC v. Oracle America, Inc.", "Google LLC v. Oracle Am., Inc.", "R15.3.2"),
    (
        "Ty, Inc. v. Publications International Ltd.",
        "Ty, Inc. v. Publ’ns Int’l Ltd.",
        "R10",
    ),
    (
        "Exxon Mobil Corporation v. Allapattah Services, Inc.",
        "Exxon Mobil Corp. v. Allapattah Servs., Inc.",
        "R8.2.6",
    ),
    (
        "Smith v. Detroit Federation of Teachers, Local 231",
        "Smith v. Detroit Fed’n of Teachers, Local 231",
        "T11 (sample case name)",
    ),
    (
        "In re Verizon Internet Services, Inc.",
        "In re Verizon Internet Servs., Inc.",
        "R14.2.1",
    ),
    ("Georgia v. Public.Resource.org, Inc.", "Georgia v. Public.Resource.org, Inc.", "R5.1.1"),
    (
        "Manhattan Cmty. Access Corp. v. Halleck",
        "Manhattan Cmty. Access Corp. v. Halleck",
        "R11.1 (already abbreviated: left alone)",
    ),
]


@pytest.mark.parametrize(("name", "cited", "rule"), NAMES, ids=[n[0][:40] for n in NAMES])
def test_names_abbreviate_as_the_indigo_book_prints_them(name: str, cited: str, rule: str) -> None:
    assert abbreviate_case_name(name) == cited, rule


# (word or party, abbreviated): the inflections of Table T11's note and its first-word rule
WORDS = [
    ("Departments", "Dep’ts"),
    ("Exchanges", "Exchs."),
    ("Companies", "Cos."),
    ("Manufacturer’s", "Mfr.’s"),
    ("Manufacturers’", "Mfrs.’"),
    ("Motor Vehicle Manufacturers Association", "Motor Vehicle Mfrs. Ass’n"),
    ("State Farm Mutual Automobile Insurance Company", "State Farm Mut. Auto. Ins. Co."),
    ("Law School Admission Council", "Law Sch. Admission Council"),
    ("New York City Transit Authority", "N.Y.C. Transit Auth."),
    ("New York Times Co.", "N.Y. Times Co."),
    ("Californian Growers", "Californian Growers"),  # inside a longer word: not a place
    ("", ""),
]


@pytest.mark.parametrize(("party", "cited"), WORDS)
def test_word_forms(party: str, cited: str) -> None:
    assert abbreviate_party(party) == cited


def test_the_filter_leaves_the_name_alone_when_told() -> None:
    assert case_name("Mutual Insurance Co. v. Doe", abbreviate=False) == (
        "Mutual Insurance Co. v. Doe"
    )
    assert case_name("Mutual Insurance Co. v. Doe") == "Mut. Ins. Co. v. Doe"


BAD_TABLES = [
    pytest.param("Association Ass'n", id="no-tab"),
    pytest.param("Association\t", id="no-abbreviation"),
    pytest.param("\tAss'n", id="no-word"),
]


@pytest.mark.parametrize("text", BAD_TABLES)
def test_a_malformed_word_table_line_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="line 1"):
        word_table(text)


def test_the_word_table_skips_comments_and_blank_lines() -> None:
    assert word_table("# a comment\n\nAssociation\tAss’n\n") == {"Association": "Ass’n"}


CASE = {
    "id": "bag",
    "type": "case",
    "name": "Continental Paper Bag Company v. Eastern Paper Bag Company",
    "volume": 210,
    "reporter": "U.S.",
    "page": 405,
    "year": 1908,
}
OTHER = {"id": "other", "type": "case", "name": "Gonzalez v. Raich", "volume": 545,
         "reporter": "U.S.", "page": 1, "year": 2005}  # fmt: skip


def _letter(case: dict[str, object], tmp_path: Path) -> list[str]:
    cites = ["[@bag, 410]", "[@other]", "[@bag, 412]"]
    row = {"sources": [case, OTHER], "notes": [{"cite": cite} for cite in cites]}
    return footnotes(row, tmp_path)


def test_full_and_short_forms_both_abbreviate(tmp_path: Path) -> None:
    notes = _letter(CASE, tmp_path)
    assert notes[0] == "*Cont’l Paper Bag Co. v. E. Paper Bag Co.*, 210 U.S. 405, 410 (1908)."
    assert notes[2] == "*Cont’l Paper Bag Co.*, 210 U.S. at 412."  # R15.1: short forms too


def test_abbreviate_false_cites_the_name_as_written(tmp_path: Path) -> None:
    notes = _letter({**CASE, "abbreviate": False}, tmp_path)
    assert notes[0].startswith("*Continental Paper Bag Company v. Eastern Paper Bag Company*,")
    assert notes[2] == "*Continental Paper Bag Company*, 210 U.S. at 412."


def test_a_short_name_given_is_printed_as_given(tmp_path: Path) -> None:
    notes = _letter({**CASE, "short": "Continental Paper Bag"}, tmp_path)
    assert notes[2] == "*Continental Paper Bag*, 210 U.S. at 412."
