"""Constitutions, bills, hearings and treaties, and web pages cited by their own date.

Where the expected strings come from (each row names its source):

- The Indigo Book (2d ed., 2023 revision; public domain): R23.1 and R23.3 constitutions,
  R23.4 "no shorter alternative form ... *id.* for sequential citations", R21.1 unenacted
  bills, R21.5.2 other legislative materials, R21.4.1 congressional hearings, and R29's
  table of standard legal documents (the Copyright Clause, H.R. 3054, a hearing with URL).
- Brooklyn Law School Library, "Treaty Research Guide: Rule 21.4 of Bluebook"
  (guides.brooklaw.edu/treaty): the bilateral, multilateral and non-U.S.-party treaty
  examples. The guide's web text loses italics; the date label ("adopted", "opened for
  signature") is italic as the Juris-M CSL-M specification styles it (font-style italic).
- Issue 11's brief: "N.Y. Const. art. I, § 8" and "*Id.* art. I, § 8" (rows marked "brief").
  Short forms of bills, hearings and treaties follow Indigo Book R22.1 ("short forms that
  clearly identify the source") in the shape of the *supra* forms of R6; they are ours.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policydraft.citations.sources_file import load_bibliography
from policydraft.diagnostics import Diagnostics, Location
from tests.citations.test_gold import _sources_yaml, footnotes, same_print

CONFIG = Location("policydraft.yaml", 1)
PAYCHECK = {"type": "bill", "name": "Paycheck Fairness Act", "number": "H.R. 11"}
CELL_TAX = {
    "type": "hearing",
    "title": "Cell Tax Fairness Act of 2008",
    "bill": "H.R. 5793",
    "committee": "Subcomm. on Commercial and Administrative Law of the H. Comm. on the Judiciary",
    "congress": 110,
    "year": 2008,
    "statement": "Zoe Lofgren, Member, H. Comm. on the Judiciary",
}
VIENNA = {
    "type": "treaty",
    "name": "Vienna Convention on the Law of Treaties",
    "date": "1969-05-23",
    "date_label": "opened for signature",
    "series": "1155 U.N.T.S. 331",
    "short": "Vienna Convention",
}

# (from, the entry, [(citation as written, footnote as printed), ...])
ROWS: list[Any] = [
    (
        "Indigo R23.1",
        {"type": "constitution", "jurisdiction": "U.S.", "provision": "amend. XIII, § 1"},
        [("[@x]", "U.S. Const. amend. XIII, § 1.")],
    ),
    (
        "Indigo R23.1",
        {
            "type": "constitution",
            "jurisdiction": "U.S.",
            "provision": "amend. XVIII",
            "status": "repealed 1933",
        },
        [("[@x]", "U.S. Const. amend. XVIII (repealed 1933).")],
    ),
    (
        "Indigo R23.1",
        {"type": "constitution", "jurisdiction": "U.S."},
        [("[@x, pmbl.]", "U.S. Const. pmbl.")],
    ),
    (
        "Indigo R23.3",
        {"type": "constitution", "jurisdiction": "Ariz.", "provision": "art. XVI, § 2"},
        [("[@x]", "Ariz. Const. art. XVI, § 2.")],
    ),
    (
        "Indigo R23.3",
        {"type": "constitution", "jurisdiction": "N.D.", "provision": "art. III"},
        [("[@x, § 1]", "N.D. Const. art. III, § 1.")],
    ),
    (
        "brief",
        {"type": "constitution", "jurisdiction": "N.Y.", "provision": "art. I, § 8"},
        [("[@x]", "N.Y. Const. art. I, § 8.")],
    ),
    (
        "Indigo R29, R23.4; brief",
        {"type": "constitution", "jurisdiction": "U.S.", "provision": "art. I"},
        [
            ("[@x, § 8, cl. 8]", "U.S. Const. art. I, § 8, cl. 8."),
            ("[@x, § 8, cl. 8]", "*Id.*"),
            ("[@x, § 8]", "*Id.* art. I, § 8."),
            ("[@other]", "S. 812, 108th Cong. (2003)."),
            ("[@x, § 8, cl. 8]", "U.S. Const. art. I, § 8, cl. 8."),
        ],
    ),
    (
        "Indigo R23.1 (pin names the amendment)",
        {"type": "constitution", "jurisdiction": "U.S."},
        [
            ("[@x, amend. XIII, § 1]", "U.S. Const. amend. XIII, § 1."),
            ("[@x, amend. XVIII]", "*Id.* amend. XVIII."),
        ],
    ),
    (
        "Indigo R21.1",
        {"type": "bill", "number": "S. 812", "congress": 108, "year": 2003},
        [("[@x]", "S. 812, 108th Cong. (2003).")],
    ),
    (
        "Indigo R21.1",
        {
            "type": "bill",
            "name": "Clinical Social Work Medicare Equality Act of 2001",
            "number": "S. 1083",
            "congress": 107,
            "year": 2001,
        },
        [
            (
                "[@x, 2(b)]",
                "Clinical Social Work Medicare Equality Act of 2001, S. 1083, 107th Cong. "
                "§ 2(b) (2001).",
            )
        ],
    ),
    (
        "Indigo R21.1",
        {
            "type": "bill",
            "name": "ABLE Act of 2014",
            "number": "H.R. 647",
            "congress": 113,
            "year": 2014,
            "version": "as passed by House, Dec. 3, 2014",
        },
        [("[@x]", "ABLE Act of 2014, H.R. 647, 113th Cong. (as passed by House, Dec. 3, 2014).")],
    ),
    (
        "Indigo R21.1",
        {
            "type": "bill",
            "number": "H.R. 1746",
            "congress": 111,
            "year": 2009,
            "version": "as reported by H. Comm. on Transp. and Infrastructure, Apr. 23, 2009",
        },
        [
            (
                "[@x, 2(c)(4)]",
                "H.R. 1746, 111th Cong. § 2(c)(4) (as reported by H. Comm. on Transp. "
                "and Infrastructure, Apr. 23, 2009).",
            )
        ],
    ),
    (
        "Indigo R21.1",
        {"type": "bill", "number": "H.R. Res. 431", "congress": 114, "year": 2015},
        [("[@x]", "H.R. Res. 431, 114th Cong. (2015).")],
    ),
    (
        "Indigo R21.1",
        {"type": "bill", "number": "S.J. Res. 12", "congress": 109, "year": 2005},
        [("[@x]", "S.J. Res. 12, 109th Cong. (2005).")],
    ),
    (
        "Indigo R21.5.2; R22.2 Id.; R22.1 short form",
        {**PAYCHECK, "congress": 111, "year": 2009},
        [
            ("[@x, 203]", "Paycheck Fairness Act, H.R. 11, 111th Cong. § 203 (2009)."),
            ("[@x, 204]", "*Id.* § 204."),
            ("[@other]", "S. 812, 108th Cong. (2003)."),
            ("[@x, 2-4]", "H.R. 11 §§ 2-4."),
        ],
    ),
    (
        "Indigo R21.5.2",
        {
            "type": "bill",
            "name": "American Clean Energy and Security Act",
            "number": "H.R. 2454",
            "congress": 111,
            "year": 2009,
        },
        [("[@x]", "American Clean Energy and Security Act, H.R. 2454, 111th Cong. (2009).")],
    ),
    (
        "Indigo R21.5.2",
        {"type": "bill", "number": "S. 2318", "congress": 112, "year": 2013, "enacted": True},
        [("[@x]", "S. 2318, 112th Cong. (2013) (enacted).")],
    ),
    (
        "Indigo R29",
        {"type": "bill", "number": "H.R. 3054", "congress": 117, "year": 2021},
        [("[@x]", "H.R. 3054, 117th Cong. (2021).")],
    ),
    (
        "Indigo R21.4.1; R22.1 short form",
        CELL_TAX,
        [
            (
                "[@x, 12]",
                "*Cell Tax Fairness Act of 2008: Hearing on H.R. 5793 Before the Subcomm. "
                "on Commercial and Administrative Law of the H. Comm. on the Judiciary*, "
                "110th Cong. 12 (2008) (statement of Zoe Lofgren, Member, H. Comm. on the "
                "Judiciary).",
            ),
            ("[@x, 14]", "*Id.* at 14."),
            ("[@other]", "S. 812, 108th Cong. (2003)."),
            ("[@x, 15]", "*Cell Tax Fairness Act of 2008*, *supra*, at 15."),
        ],
    ),
    (
        "Indigo R21.4.1",
        {
            "type": "hearing",
            "congress": 114,
            "year": 2015,
            "title": "Welfare and Poverty in America: Hearing before the S. Comm. on Fin.",
            "statement": "Dr. Pamela Loprest, Senior Fellow, Urban Institute",
        },
        [
            (
                "[@x]",
                "*Welfare and Poverty in America: Hearing before the S. Comm. on Fin.*, 114th "
                "Cong. (2015) (statement of Dr. Pamela Loprest, Senior Fellow, Urban Institute).",
            )
        ],
    ),
    (
        "Indigo R29",
        {
            "type": "hearing",
            "congress": 116,
            "year": 2020,
            "title": "Protecting Federal Judiciary Employees from Sexual Harassment, "
            "Discrimination, and Other Workplace Misconduct",
            "committee": "H. Subcommittee on Courts, Intellectual Property, and the Internet",
            "url": "https://www.congress.gov/event/116th-congress/house-event/110505",
        },
        [
            (
                "[@x]",
                "*Protecting Federal Judiciary Employees from Sexual Harassment, Discrimination, "
                "and Other Workplace Misconduct: Hearing Before the H. Subcommittee on Courts, "
                "Intellectual Property, and the Internet*, 116th Cong. (2020), "
                "https://www.congress.gov/event/116th-congress/house-event/110505.",
            )
        ],
    ),
    (
        "Brooklaw R21.4 bilateral",
        {
            "type": "treaty",
            "name": "Convention for the Avoidance of "
            "Double Taxation and the Prevention of Fiscal Evasion with "
            "Respect to Taxes on Income",
            "parties": "U.S.-Austl.",
            "date": "1982-08-06",
            "series": "35 U.S.T. 1999",
        },
        [
            (
                "[@x, art. 1]",
                "Convention for the Avoidance of Double Taxation and the Prevention of "
                "Fiscal Evasion with Respect to Taxes on Income, U.S.-Austl., art. 1, "
                "Aug. 6, 1982, 35 U.S.T. 1999.",
            )
        ],
    ),
    (
        "Brooklaw R21.4 multilateral",
        {
            "type": "treaty",
            "name": "Treaty on Principles Governing "
            "the Activities of States in the Exploration and Use of "
            "Outer Space, Including the Moon and Other Celestial Bodies",
            "date": "1979-12-05",
            "date_label": "adopted",
            "series": "18 U.S.T. 2410, 610 U.N.T.S. 205",
        },
        [
            (
                "[@x, art. 6]",
                "Treaty on Principles Governing the Activities of States in the "
                "Exploration and Use of Outer Space, Including the Moon and Other "
                "Celestial Bodies art. 6, *adopted* Dec. 5, 1979, 18 U.S.T. 2410, "
                "610 U.N.T.S. 205.",
            )
        ],
    ),
    (
        "Brooklaw R21.4 U.S. not a party; R22.1 short form",
        VIENNA,
        [
            (
                "[@x, art. 32]",
                "Vienna Convention on the Law of Treaties art. 32, *opened for "
                "signature* May 23, 1969, 1155 U.N.T.S. 331.",
            ),
            ("[@x, art. 33]", "*Id.* art. 33."),
            ("[@other]", "S. 812, 108th Cong. (2003)."),
            ("[@x, art. 31]", "Vienna Convention, *supra*, art. 31."),
        ],
    ),
    (
        "brief (Berne)",
        {
            "type": "treaty",
            "name": "Berne Convention for the Protection of Literary and Artistic Works",
            "date": "1886-09-09",
            "series": "1161 U.N.T.S. 3",
        },
        [
            (
                "[@x]",
                "Berne Convention for the Protection of Literary and Artistic Works, "
                "Sept. 9, 1886, 1161 U.N.T.S. 3.",
            )
        ],
    ),
    (
        "Bluebook 18.2.2: a dated page needs no last-visited date",
        {
            "type": "web",
            "title": "Copyright and Artificial Intelligence",
            "url": "https://www.copyright.gov/ai/",
            "publisher": "U.S. Copyright Office",
            "date": "2023-03-16",
        },
        [
            (
                "[@x]",
                "*Copyright and Artificial Intelligence*, U.S. Copyright Office (Mar. 16, 2023), "
                "https://www.copyright.gov/ai/.",
            )
        ],
    ),
    (
        "Bluebook 18.2.2: an undated page is last visited",
        {
            "type": "web",
            "title": "Copyright and Artificial Intelligence",
            "url": "https://www.copyright.gov/ai/",
            "publisher": "U.S. Copyright Office",
            "accessed": "2025-03-10",
        },
        [
            (
                "[@x]",
                "*Copyright and Artificial Intelligence*, U.S. Copyright Office, "
                "https://www.copyright.gov/ai/ (last visited Mar. 10, 2025).",
            )
        ],
    ),
]
OTHER = {"id": "other", "type": "bill", "number": "S. 812", "congress": 108, "year": 2003}


def _row(source: str, entry: dict[str, Any], notes: list[tuple[str, str]]) -> dict[str, Any]:
    entries = [{"id": "x", **entry}]
    if any("@other" in cite for cite, _ in notes):
        entries.append(OTHER)
    return {"sources": entries, "notes": [{"cite": cite} for cite, _ in notes], "from": source}


@pytest.mark.parametrize(
    ("source", "entry", "notes"), ROWS, ids=[f"{row[0]}-{i}" for i, row in enumerate(ROWS)]
)
def test_footnotes_match_the_reference(
    source: str, entry: dict[str, Any], notes: list[tuple[str, str]], tmp_path: Path
) -> None:
    expected = [same_print(printed) for _, printed in notes]
    assert footnotes(_row(source, entry, notes), tmp_path) == expected


# (entry missing a field or with a wrong one, the field the message must name)
BAD = [
    pytest.param({"type": "constitution", "provision": "art. I"}, "jurisdiction", id="const"),
    pytest.param({"type": "bill", "number": "S. 1", "year": 2021}, "congress", id="bill-congress"),
    pytest.param(
        {"type": "bill", "number": "S. 1", "congress": 0, "year": 2021},
        "congress",
        id="bill-congress-zero",
    ),
    pytest.param({"type": "hearing", "title": "T", "congress": 118}, "year", id="hearing-year"),
    pytest.param(
        {"type": "treaty", "name": "T", "date": "1969-05-23"}, "series", id="treaty-series"
    ),
    pytest.param(
        {"type": "treaty", "name": "T", "date": "May 1969", "series": "1 U.N.T.S. 1"},
        "date",
        id="treaty-date-form",
    ),
    pytest.param(
        {"type": "web", "title": "T", "url": "https://example.gov/"},
        "accessed",
        id="web-neither-date-nor-accessed",
    ),
]


@pytest.mark.parametrize(("entry", "field"), BAD)
def test_a_bad_entry_is_an_error_at_its_line(
    entry: dict[str, Any], field: str, tmp_path: Path
) -> None:
    good = {"id": "ok", "type": "bill", "number": "S. 1", "congress": 117, "year": 2021}
    path = _sources_yaml([good, {"id": "bad", **entry}], tmp_path)
    diags = Diagnostics()
    bibliography = load_bibliography(path, diags, CONFIG)
    assert list(bibliography) == ["ok"]
    (error,) = [item for item in diags if item.severity == "error"]
    assert error.code == "PD504" and field in error.message
    bad_line = path.read_text(encoding="utf-8").splitlines().index("- id: bad") + 1
    assert error.line >= bad_line


def test_a_web_page_with_neither_date_names_both(tmp_path: Path) -> None:
    path = _sources_yaml(
        [{"id": "w", "type": "web", "title": "T", "url": "https://a.gov/"}], tmp_path
    )
    diags = Diagnostics()
    load_bibliography(path, diags, CONFIG)
    (error,) = list(diags)
    assert "date:" in error.message and "accessed:" in error.message
    assert error.line == 1


# --- CSL-JSON: Zotero's Bill and Hearing, Juris-M's hearing and treaty ---------------------

CSL_ITEMS: list[Any] = [
    pytest.param(
        {
            "id": "b",
            "type": "bill",
            "title": "Paycheck Fairness Act",
            "number": "H.R. 11",
            "chapter-number": "111th Congress",
            "issued": {"date-parts": [[2009]]},
        },
        {
            "type": "bill",
            "name": "Paycheck Fairness Act",
            "number": "H.R. 11",
            "congress": 111,
            "year": 2009,
        },
        id="zotero-bill",
    ),
    pytest.param(
        {
            "id": "h",
            "type": "bill",
            "title": "Cell Tax Fairness Act of 2008",
            "section": "Subcomm. on Commercial and Administrative Law of the H. Comm. on the "
            "Judiciary",
            "chapter-number": "110",
            "issued": {"date-parts": [[2008]]},
        },
        {
            "type": "hearing",
            "title": "Cell Tax Fairness Act of 2008",
            "committee": "Subcomm. on Commercial and Administrative Law of the H. Comm. on the "
            "Judiciary",
            "congress": 110,
            "year": 2008,
        },
        id="zotero-hearing-exported-as-bill",
    ),
    pytest.param(
        {
            "id": "h",
            "type": "hearing",
            "title": "Welfare and Poverty in America",
            "chapter-number": 114,
            "issued": {"date-parts": [[2015]]},
        },
        {
            "type": "hearing",
            "title": "Welfare and Poverty in America",
            "congress": 114,
            "year": 2015,
        },
        id="juris-m-hearing",
    ),
    pytest.param(
        {
            "id": "t",
            "type": "treaty",
            "title": "Vienna Convention on the Law of Treaties",
            "available-date": {"date-parts": [[1969, 5, 23]]},
            "volume": "1155",
            "container-title": "U.N.T.S.",
            "page": "331-512",
        },
        {
            "type": "treaty",
            "name": "Vienna Convention on the Law of Treaties",
            "date_label": "opened for signature",
            "series": "1155 U.N.T.S. 331",
        },
        id="juris-m-treaty-opened-for-signature",
    ),
    pytest.param(
        {
            "id": "w",
            "type": "webpage",
            "title": "Copyright and Artificial Intelligence",
            "URL": "https://www.copyright.gov/ai/",
            "issued": {"date-parts": [[2023, 3, 16]]},
        },
        {"type": "web", "accessed": None},
        id="dated-webpage-without-accessed",
    ),
]


@pytest.mark.parametrize(("item", "expected"), CSL_ITEMS)
def test_csl_items_map_to_the_new_types(
    item: dict[str, Any], expected: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "sources.json"
    path.write_text(json.dumps([item], indent=2), encoding="utf-8")
    diags = Diagnostics()
    bibliography = load_bibliography(path, diags, CONFIG)
    assert [d.format() for d in diags] == []
    (located,) = bibliography.values()
    fields = located.source.model_dump()
    assert {name: fields[name] for name in expected} == expected


def test_a_csl_bill_without_a_congress_names_chapter_number(tmp_path: Path) -> None:
    item = {
        "id": "b",
        "type": "bill",
        "number": "S. 1",
        "chapter-number": "Second Session",
        "issued": {"date-parts": [[2021]]},
    }
    path = tmp_path / "sources.json"
    path.write_text(json.dumps([item], indent=2), encoding="utf-8")
    diags = Diagnostics()
    assert list(load_bibliography(path, diags, CONFIG)) == []
    messages = [d.message for d in diags if d.code == "PD504"]
    assert len(messages) == 1 and "chapter-number" in messages[0]
