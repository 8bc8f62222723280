"""Real bills, hearings, treaties and secondary sources from CSL-JSON exports load and cite.

The items (tests/fixtures/csl/citeproc-legislative.json and citeproc-secondary.json) are the
CSL-JSON inputs of citeproc-js fixtures and Zotero's own CSL export test (see the README
there). Where each expected string comes from:

- Treaty: Brooklyn Law School Library, "Treaty Research Guide: Rule 21.4 of Bluebook"
  (guides.brooklaw.edu/treaty), the multilateral form "Name, date, volume U.N.T.S. page",
  with table T4's "U.N.T.S." and rule 8(a)'s headline case ("Against"), filled with the
  citeproc-js item's own volume, page and date.
- Newspaper online: University of Maryland Libraries, "Legal citation" guide
  (lib.guides.umd.edu/ensp330/legalcite), rule 16.6(f): "Evan Halper, Coronavirus
  Threatens ..., L.A. Times (Mar. 19, 2020), https://..." and table T13's "N.Y. Times".
- Hearing committee: Bluebook rule 13.3's example as the Indigo Book R21.4.1 gives it,
  "Subcomm. on Commercial and Administrative Law of the H. Comm. on the Judiciary".
- Multivolume book: Indigo Book R15 / issue 11, "2 William F. Patry, Patry on Copyright"
  (the volume before the author), with Zotero's placeholder values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policydraft.citations.csl import map_csl_item
from policydraft.citations.csl_legislative import committee_name
from policydraft.citations.csl_text import bluebook_newspaper
from policydraft.citations.format import CitationFormatter
from policydraft.diagnostics import Diagnostics, Location
from policydraft.readers.json_source import JsonItem
from policydraft.readers.located import LocatedMapping
from tests.citations.test_csl_real import fixture, load, markup

NYT_URL = (
    "http://www.nytimes.com/2006/11/09/us/politics/09virginia.html?ex=1320728400"
    "&en=e65ed62ff1814d9b&ei=5088&partner=rssnyt&emc=rss."
)

# (fixture, item id, full citation); sources in the module docstring
FULL_FORMS = [
    pytest.param(
        "citeproc-legislative.json",
        "cedaw",
        "Convention on the Elimination of All Forms of Discrimination Against Women,"
        " Mar. 1, 1980, 1 U.N.T.S. 13",
        id="treaty-brooklyn-guide",
    ),
    pytest.param(
        "citeproc-secondary.json",
        "nyt-virginia",
        "John M. Broder & Ian Urbina, *All Eyes Turn to Virginia Senate Race*, N.Y. Times"
        f" (Nov. 9, 2006), {NYT_URL}",
        id="online-newspaper-umd-guide",
    ),
    pytest.param(
        "citeproc-secondary.json",
        "zotero-book",
        "6 authorFirst authorLast & Institutional Author, *Title* (Publisher 8th ed. 1999)",
        id="multivolume-book-indigo-r15",
    ),
    pytest.param(
        "citeproc-secondary.json",
        "zotero-newspaper",
        "authorFirst authorLast & Institutional Author, *Title*, Publication title,"
        " Dec. 31, 1999, at 1, http://www.example.com",
        id="print-newspaper-first-page",
    ),
]


@pytest.mark.parametrize(("name", "key", "full"), FULL_FORMS)
def test_real_items_cite_in_full(tmp_path: Path, name: str, key: str, full: str) -> None:
    bibliography, _ = load(tmp_path, fixture(name))
    formatter = CitationFormatter(Diagnostics())
    assert markup(formatter.format(bibliography[key].source, "full")) == full


def test_a_treatys_short_title_is_its_short_form(tmp_path: Path) -> None:
    bibliography, _ = load(tmp_path, fixture("citeproc-legislative.json"))
    formatter = CitationFormatter(Diagnostics())
    short = markup(formatter.format(bibliography["cedaw"].source, "short", pin="art. 2"))
    assert short == "CEDAW, *supra*, art. 2"


def mapped(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The policydraft fields a CSL item maps to, and the diagnostics on the way."""
    diags = Diagnostics()
    where = Location("sources.json", 1)
    entry = map_csl_item(JsonItem(item, where, LocatedMapping(item, where)), diags)
    assert entry is not None
    return dict(entry.mapping.data), [d.format() for d in diags]


def item(key: str) -> dict[str, Any]:
    return next(i for i in fixture("citeproc-legislative.json") if i["id"] == key)


# (item id, policydraft type, committee): Zotero's Hearing is exported as CSL "bill" with
# the committee in "section"; a bill's own "section" is one of its sections.
KINDS = [
    ("bill-sections", "bill", None),  # "sec. 23 para. 6, sec. 25, r. 105"
    ("zotero-bill", "bill", None),  # Zotero's placeholder "Section"
    ("zotero-hearing", "hearing", "Comm."),  # Zotero's placeholder "Committee"
    ("dail-hearing", "hearing", "Select Comm. on Enterprise and Small Business"),
]


@pytest.mark.parametrize(("key", "kind", "committee"), KINDS)
def test_bills_and_hearings_are_told_apart(key: str, kind: str, committee: str | None) -> None:
    fields, _ = mapped(item(key))
    assert (fields["type"], fields.get("committee")) == (kind, committee)


# (item id, what the diagnostic must name): real items that cannot be cited as they are
UNCITABLE = [
    ("bill-sections", "has no 'number', which a bill source needs"),
    ("bill-bare-page", "has no 'chapter-number', which a bill source needs (its congress)"),
    ("zotero-bill", "'chapter-number' 'Session' names no Congress"),
    ("dail-hearing", "has no 'title', which a hearing source needs"),
]


@pytest.mark.parametrize(("key", "message"), UNCITABLE)
def test_real_items_missing_a_field_name_it(key: str, message: str) -> None:
    _, diags = mapped(item(key))
    assert any("error PD504" in d and message in d for d in diags), diags


def test_an_institutions_report_takes_its_authority_as_author(tmp_path: Path) -> None:
    # Juris-M files the African Union's report under "authority", no "author"; the
    # Bluebook's rule 15.1(c) names the smallest body first.
    bibliography, diags = load(tmp_path, fixture("citeproc-secondary.json"))
    assert not [d for d in diags if "au-darfur" in d.format()]
    full = markup(CitationFormatter(Diagnostics()).format(bibliography["au-darfur"].source, "full"))
    assert full == (
        "Peace and Security Council, African Union, *Report of the African Union High-Level"
        " Panel on Darfur (AUPD)* (Oct. 29, 2009)"
    )


def test_a_report_with_neither_author_nor_authority_names_the_key_to_add() -> None:
    report = {"id": "r", "type": "report", "title": "T", "issued": {"date-parts": [[2009]]}}
    _, diags = mapped(report)
    assert any("has no 'author'" in d for d in diags), diags


@pytest.mark.parametrize(
    ("written", "bluebook"),
    [
        ("House Committee on the Judiciary", "H. Comm. on the Judiciary"),
        ("Senate Committee on Finance", "S. Comm. on Finance"),
        (
            "Subcommittee on Commercial and Administrative Law of the House Committee on the"
            " Judiciary",
            "Subcomm. on Commercial and Administrative Law of the H. Comm. on the Judiciary",
        ),
        (
            "House Permanent Select Committee on Intelligence",
            "H. Permanent Select Comm. on Intelligence",
        ),
        ("Subcomm. on Cts.", "Subcomm. on Cts."),  # already abbreviated
        ("House Administration", "House Administration"),  # "House" not before a committee
    ],
)
def test_committee_names(written: str, bluebook: str) -> None:
    assert committee_name(written) == bluebook


@pytest.mark.parametrize(
    ("written", "bluebook"),
    [
        ("The New York Times", "N.Y. Times"),
        ("the  wall street journal", "Wall St. J."),
        ("Los Angeles Times", "L.A. Times"),
        ("The Guardian", "The Guardian"),  # not in the table: as written
    ],
)
def test_newspapers_table_t13(written: str, bluebook: str) -> None:
    assert bluebook_newspaper(written) == bluebook


@pytest.mark.parametrize(
    ("container", "series"),
    [
        ("UNTS", "1 U.N.T.S. 13"),
        ("United Nations Treaty Series", "1 U.N.T.S. 13"),
        ("U.S.T.", "1 U.S.T. 13"),
        ("Canadian TS", "1 Canadian TS 13"),
    ],
)
def test_treaty_series_table_t4(container: str, series: str) -> None:
    fields, _ = mapped({**item("cedaw"), "container-title": container})
    assert fields["series"] == series
