"""Real Zotero / Juris-M CSL-JSON items (tests/fixtures/csl) load and cite as a lawyer writes.

The fixtures are CSL-JSON inputs of citeproc-js and the CSL test-suite (see their README);
the expected citations are the cases' published Bluebook citations, checked against
CourtListener's citation of each decision (616 F. Supp. 1571 (D. Minn. 1985); 799 F.2d 1219
(8th Cir. 1986); 349 F. Supp. 1078 (E.D. Wis. 1972)) and the Indigo Book's court
abbreviations (table T1: "2d Cir.", "S.D.N.Y.", "D. Minn.", "Ohio Ct. App.").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policydraft.citations.csl_courts import bluebook_court
from policydraft.citations.csl_text import bluebook_edition, from_csl_markup, title_case
from policydraft.citations.format import CitationFormatter
from policydraft.citations.sources_file import Bibliography, load_bibliography
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Emph, Inline, Text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "csl"


def load(tmp_path: Path, items: list[Any]) -> tuple[Bibliography, Diagnostics]:
    path = tmp_path / "sources.json"
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    diags = Diagnostics()
    return load_bibliography(path, diags, Location("policydraft.yaml", 1)), diags


def value(source: Any, name: str) -> Any:
    """A field of a loaded source, whatever its type."""
    return source.model_dump()[name]


def fixture(name: str) -> list[Any]:
    return list(json.loads((FIXTURES / name).read_text(encoding="utf-8")))


def markup(inlines: tuple[Inline, ...]) -> str:
    """Inlines back in the templates' markup: italics as *...*."""
    out = []
    for inline in inlines:
        if isinstance(inline, Emph):
            out.append("*" + markup(inline.children) + "*")
        elif isinstance(inline, Text):
            out.append(inline.text)
        else:
            out.append(markup(getattr(inline, "children", ())))
    return "".join(out)


# (fixture item id, court, full citation as published)
CASES = [
    (
        "west-dminn",
        "D. Minn.",
        "*West Publishing Co. v. Mead Data Center, Inc.*, 616 F. Supp. 1571 (D. Minn. 1985)",
    ),
    (
        "west-8thcir",
        "8th Cir.",
        "*West Publishing Co. v. Mead Data Center, Inc.*, 799 F.2d 1219 (8th Cir. 1986)",
    ),
    ("byer", "Ohio Ct. App.", "*Byer v. Wright*, 160 Ohio App. 3d 472 (Ohio Ct. App. 2005)"),
    (
        "bonacorsi",
        "Ohio",
        "*Bonacorsi v. Wheeling & Lake Erie Ry. Co.*, 95 Ohio St. 3d 314 (Ohio 2002)",
    ),
]


@pytest.mark.parametrize(("key", "court", "_full"), CASES)
def test_juris_m_courts_become_bluebook_courts(
    tmp_path: Path, key: str, court: str, _full: str
) -> None:
    bibliography, _ = load(tmp_path, fixture("citeproc-cases.json"))
    assert value(bibliography[key].source, "court") == court


@pytest.mark.parametrize(("key", "_court", "full"), CASES[:2])
def test_real_cases_cite_as_published(tmp_path: Path, key: str, _court: str, full: str) -> None:
    bibliography, _ = load(tmp_path, fixture("citeproc-cases.json"))
    formatter = CitationFormatter(Diagnostics())
    # the case name itself is abbreviated by T6 (tests/citations/gold); the rest is the CSL item's
    assert markup(formatter.format(bibliography[key].source, "full")).endswith(
        full.split("*", 2)[2]
    )


def test_markup_in_a_case_name_is_read_not_printed(tmp_path: Path) -> None:
    bibliography, diags = load(tmp_path, fixture("citeproc-cases.json"))
    lessard = bibliography["lessard"].source
    assert value(lessard, "name") == "Lessard v. Schmidt"
    # "E.D. Wisc." is kept as written, with the Bluebook's "E.D. Wis." suggested
    assert value(lessard, "court") == "E.D. Wisc."
    notes = [item.format() for item in diags if "E.D. Wisc." in item.format()]
    assert len(notes) == 1 and "did you mean 'E.D. Wis.'" in notes[0]


def test_a_court_no_database_can_name_is_kept_with_a_note(tmp_path: Path) -> None:
    bibliography, diags = load(tmp_path, fixture("citeproc-cases.json"))
    assert value(bibliography["smith-jones"].source, "court") == "District Court"
    assert any("'District Court' in jurisdiction 'us:c9:ca'" in item.format() for item in diags)


def test_a_dated_web_page_loads(tmp_path: Path) -> None:
    bibliography, _ = load(tmp_path, fixture("citeproc-web.json"))
    page = bibliography["259rb7a0"].source
    assert value(page, "publisher") == "ALiEM"
    assert str(value(page, "date")) == "2016-09-12"
    assert value(page, "title") == "AIR Series Procedures Module (2016)"


# (authority, jurisdiction, Bluebook court); Indigo Book table T1 / Bluebook T1
COURTS = [
    ("Court of Appeals for the Second Circuit", None, "2d Cir."),
    ("United States District Court for the Southern District of New York", None, "S.D.N.Y."),
    ("court.appeals", "us:c9", "9th Cir."),
    ("district.court", "us:c8:mn", "D. Minn."),
    ("district.court", "us:c2:ny.sd", "S.D.N.Y."),
    ("supreme.court", "us", "U.S."),
    ("court.appeals", "us:ny", "N.Y."),
    ("supreme.court", "us:ca", "Cal."),
    ("court.appeal", "us:ca", "Cal. Ct. App."),
    ("Court of Appeals", "us:c9", "9th Cir."),
    ("sdny", None, "S.D.N.Y."),  # letters of a known abbreviation
    ("King's Bench", None, "King's Bench"),  # not American: kept, no note
]


@pytest.mark.parametrize(("authority", "jurisdiction", "expected"), COURTS)
def test_courts(authority: str, jurisdiction: str | None, expected: str) -> None:
    court = bluebook_court(authority, jurisdiction)
    assert (court.text, court.note) == (expected, None)


@pytest.mark.parametrize(
    ("authority", "jurisdiction", "note"),
    [
        ("court.appeals", "us:zz", "in jurisdiction 'us:zz' is no single court"),
        ("district.court", None, "(no jurisdiction) is no single court"),
        ("E.D. Wisc.", None, "did you mean 'E.D. Wis.'"),
    ],
)
def test_unknown_courts_are_kept_with_a_note(
    authority: str, jurisdiction: str | None, note: str
) -> None:
    court = bluebook_court(authority, jurisdiction)
    assert court.text == authority and court.note is not None and note in court.note


# (CSL title, policydraft title, title-cased, problems)
MARKUP = [
    (
        'Lessard <span class="nodecor">v.</span> Schmidt',
        "Lessard v. Schmidt",
        "Lessard v. Schmidt",
        0,
    ),
    (
        'fair use after <i>Campbell</i>: the view from <span class="nocase">eBay</span> and'
        " the courts",
        "fair use after *Campbell*: the view from eBay and the courts",
        "Fair Use After *Campbell*: The View from eBay and the Courts",
        0,
    ),
    ("the 1<sup>st</sup> <b>amendment</b>", "the 1st amendment", "The 1st Amendment", 0),
    ("<i>unclosed title", "unclosed title", "Unclosed Title", 1),
    ("stray</i> close", "stray close", "Stray Close", 1),
    ("a < b", "a < b", "A < B", 0),
]


@pytest.mark.parametrize(("csl", "text", "headline", "problems"), MARKUP)
def test_csl_markup(csl: str, text: str, headline: str, problems: int) -> None:
    read = from_csl_markup(csl)
    assert (read.text, title_case(read), len(read.problems)) == (text, headline, problems)


# Bluebook rule 15.4 / Indigo Book: "2d ed.", "3d ed.", "6th ed."
@pytest.mark.parametrize(
    ("csl", "edition"),
    [
        ("6", "6th"),
        ("sixth", "6th"),
        ("6th ed.", "6th"),
        ("2", "2d"),
        ("2nd", "2d"),
        ("3rd", "3d"),
        ("Second", "2d"),
        ("11", "11th"),
        ("21", "21st"),
        ("Rev. ed.", "Rev. ed."),
    ],
)
def test_editions(csl: str, edition: str) -> None:
    assert bluebook_edition(csl) == edition


def test_federal_register_number_only_when_shaped_like_one(tmp_path: Path) -> None:
    base = {
        "type": "legislation",
        "title": "Request for Information",
        "container-title": "Federal Register",
        "volume": "90",
        "page": "9088",
        "issued": {"date-parts": [[2025, 2, 6]]},
    }
    good = {**base, "id": "good", "number": "2025-02305"}
    bad = {**base, "id": "bad", "number": "RIN 0648-BK99"}
    bibliography, diags = load(tmp_path, [good, bad])
    assert value(bibliography["good"].source, "doc_number") == "2025-02305"
    assert value(bibliography["bad"].source, "doc_number") is None
    assert any("not a Federal Register document number" in item.format() for item in diags)


def test_short_title_from_zoteros_shorttitle(tmp_path: Path) -> None:
    item = {
        "id": "b",
        "type": "book",
        "author": [{"literal": "Nimmer"}],
        "title": "Nimmer on copyright",
        "shortTitle": "Nimmer",
        "edition": "sixth",
        "issued": {"date-parts": [[2024]]},
    }
    bibliography, _ = load(tmp_path, [item])
    book = bibliography["b"].source
    assert (book.short, value(book, "edition"), value(book, "title")) == (
        "Nimmer",
        "6th",
        "Nimmer on Copyright",
    )


def test_an_item_with_no_type_is_an_error(tmp_path: Path) -> None:
    _, diags = load(tmp_path, [{"id": "x", "title": "No type"}])
    assert any("no 'type'" in item.format() and "error PD504" in item.format() for item in diags)
