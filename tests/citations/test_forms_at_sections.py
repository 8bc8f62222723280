"""Pins with and without "at", sections and §§, and the parentheticals of cases, statutes,
regulations and the Federal Register, held to citations printed by people outside the project.

Where a row's expected string comes from (the ``SOURCE`` column of each table):

- UND: University of North Dakota Law Review, Bluebook tips, "Cases from Electronic
  Databases", http://www.law.und.edu/LawReview/bbtips/elect.php
- SC-IL: University of South Carolina Law Library, "Universal Citation: Illinois",
  https://guides.law.sc.edu/universalcitation/il (Illinois Supreme Court Rule 6 examples)
- BB3.3: Bluebook rule 3.3(b) (3.4(b) in the 17th edition) and its examples, as quoted at
  https://lists.debian.org/debian-vote/2004/06/msg00138.html
- CM: Cleveland-Marshall Law Library blog, "Use §§ Instead of 'et seq.'",
  https://cmlawlibraryblog.classcaster.net/2021/02/16/use-%c2%a7%c2%a7-instead-of-et-seq-for-multi-section-statutes
- CU: Colorado Law Review LibGuide, Rule 14,
  https://guides-lawlibrary.colorado.edu/c.php?g=1302592&p=9572728 (its pages printed with
  the commas of rule 6.2(a), which the guide leaves out; the space between two
  parentheticals restored)
- UIC: UIC Law Library Bluebook guide, Administrative & Executive Materials,
  https://libraryguides.law.uic.edu/c.php?g=1386543&p=10278870
- TX: Tarlton Law Library, Bluebook Legal Citation, Administrative material,
  https://tarlton.law.utexas.edu/bluebook-legal-citation/how-to-cite/administrative-material
- RULE: no outside example was found; the row applies the named Bluebook rule to a real
  case or statute, with the volume and page as the reporters print them.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.format import CitationFormatter, Form
from policydraft.citations.resolve import resolve_citations
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Document, Metadata, iter_notes
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText
from tests.citations.test_format import markup

# The entries as a sources.yaml writes them.
SOURCES: dict[str, dict[str, Any]] = YAML(typ="safe").load("""
olson: {type: case, name: United States v. Olson, volume: 1988, reporter: WL, page: 479999,
  year: 1988, court: N.D. Ill., docket: 87-9999999C, date: "1988-04-01", short: Olson}
doe-app: {type: case, name: People v. Doe, volume: 2011, reporter: IL App (1st),
  page: 101234, year: 2011}
doe: {type: case, name: People v. Doe, volume: 2011, reporter: IL, page: 102345, year: 2011}
eldred-dissent: {type: case, name: Eldred v. Ashcroft, volume: 537, reporter: U.S., page: 186,
  year: 2003, opinion: "Stevens, J., dissenting"}
garcia: {type: case, name: "Garcia v. Google, Inc.", volume: 786, reporter: F.3d, page: 733,
  year: 2015, court: 9th Cir., en_banc: true}
bush: {type: case, name: Bush v. Gore, volume: 531, reporter: U.S., page: 98, year: 2000,
  per_curiam: true}
campbell-6th:
  {type: case, name: "Acuff-Rose Music, Inc. v. Campbell", volume: 972, reporter: F.2d,
   page: 1429, year: 1992, court: 6th Cir.,
   history: [{relation: "rev'd", volume: 510, reporter: U.S., page: 569, year: 1994}]}
google:
  {type: case, name: "Authors Guild v. Google, Inc.", volume: 804, reporter: F.3d, page: 202,
   year: 2015, court: 2d Cir.,
   history: [{relation: cert. denied, volume: 578, reporter: U.S., page: 941, year: 2016}]}
s1485: {type: statute, title: 19, code: U.S.C., section: "1485", year: 1994}
medicaid: {type: statute, title: 42, code: U.S.C., section: 1396a-1396d}
dmca: {type: statute, title: 17, code: U.S.C., section: "1201", year: 2018,
  name: Digital Millennium Copyright Act}
ca-penal: {type: statute, title: Cal., code: Penal Code, section: "187", publisher: West,
  year: 2024}
s512: {type: statute, title: 17, code: U.S.C., section: "512", year: 2018,
  supplement: Supp. IV 2022}
ada: {type: statute, title: 42, code: U.S.C., section: 12101 et seq.}
ftc-rule: {type: regulation, title: 16, code: C.F.R., section: "444.1", year: 2019,
  name: FTC Credit Practices Rule}
s319: {type: regulation, title: 7, code: C.F.R., section: "319.76", year: 1999}
cfr-span: {type: regulation, title: 37, code: C.F.R., section: 202.1-202.4, year: 2024}
fruit: {type: federal-register, title: Importation of Fruit and Vegetables, volume: 60,
  page: 50379, date: "1995-09-29"}
pollution: {type: federal-register,
  title: Control of Pollution from New Motor Vehicles and New Motor Engines, volume: 56,
  page: 9754, date: "1991-03-07", proposed: true, codified_at: 40 C.F.R. pt. 86,
  short: Motor Vehicle Pollution}
""")


def source(key: str) -> Source:
    return TypeAdapter(Source).validate_python({"id": key, **SOURCES[key]})  # type: ignore[no-any-return]


def formatted(key: str, form: Form, pin: str = "") -> str:
    diags = Diagnostics()
    text = markup(CitationFormatter(diags).format(source(key), form, pin))
    assert not diags.items, diags.sorted()
    return text


# (source, form, pin, expected, where the expected string comes from)
CASES = [
    (
        "olson",
        "full",
        "*4",
        "*United States v. Olson*, No. 87-9999999C, 1988 WL 479999, at *4 (N.D. Ill. Apr. 1, 1988)",
        "UND",
    ),
    (
        "olson",
        "full",
        "4",
        "*United States v. Olson*, No. 87-9999999C, 1988 WL 479999, at *4 (N.D. Ill. Apr. 1, 1988)",
        "UND; a WL pin is a star page (R10.8.1)",
    ),
    (
        "olson",
        "full",
        "at *4",
        "*United States v. Olson*, No. 87-9999999C, 1988 WL 479999, at *4 (N.D. Ill. Apr. 1, 1988)",
        "UND; the user's own at is not doubled",
    ),
    ("olson", "short", "*5", "*Olson*, 1988 WL 479999, at *5", "RULE B10.2 with UND"),
    ("olson", "short", "at *5", "*Olson*, 1988 WL 479999, at *5", "RULE B10.2 with UND"),
    ("olson", "id", "*6", "*Id.* at *6", "RULE B10.2"),
    ("olson", "id", "at *6", "*Id.* at *6", "RULE B10.2: not 'at at'"),
    ("doe", "full", "", "*People v. Doe*, 2011 IL 102345", "SC-IL"),
    ("doe-app", "full", "", "*People v. Doe*, 2011 IL App (1st) 101234", "SC-IL"),
    ("doe-app", "full", "15", "*People v. Doe*, 2011 IL App (1st) 101234, ¶ 15", "SC-IL"),
    ("doe-app", "full", "¶ 15", "*People v. Doe*, 2011 IL App (1st) 101234, ¶ 15", "SC-IL"),
    (
        "doe-app",
        "full",
        "15-17",
        "*People v. Doe*, 2011 IL App (1st) 101234, ¶¶ 15-17",
        "SC-IL with R3.3 (¶¶ for several paragraphs)",
    ),
    (
        "doe-app",
        "short",
        "20",
        "*People*, 2011 IL App (1st) 101234, ¶ 20",
        "RULE R10.9 for public-domain cites",
    ),
    ("doe-app", "id", "7", "*Id.* ¶ 7", "RULE B4.1: no at before ¶"),
    ("doe-app", "id", "¶ 7", "*Id.* ¶ 7", "RULE B4.1: no at before ¶"),
    (
        "eldred-dissent",
        "full",
        "222",
        "*Eldred v. Ashcroft*, 537 U.S. 186, 222 (2003) (Stevens, J., dissenting)",
        "RULE R10.6.1",
    ),
    (
        "eldred-dissent",
        "short",
        "226",
        "*Eldred*, 537 U.S. at 226 (Stevens, J., dissenting)",
        "RULE R10.6.1: the opinion stays named",
    ),
    ("eldred-dissent", "id", "227", "*Id.* at 227 (Stevens, J., dissenting)", "RULE R10.6.1"),
    (
        "garcia",
        "full",
        "",
        "*Garcia v. Google, Inc.*, 786 F.3d 733 (9th Cir. 2015) (en banc)",
        "RULE R10.6.1",
    ),
    ("garcia", "short", "740", "*Garcia*, 786 F.3d at 740", "RULE R10.9"),
    ("bush", "full", "", "*Bush v. Gore*, 531 U.S. 98 (2000) (per curiam)", "RULE R10.6.1"),
    ("campbell-6th", "history", "", ", *rev'd*, 510 U.S. 569 (1994)", "RULE R10.7, T8"),
    ("google", "history", "", ", *cert. denied*, 578 U.S. 941 (2016)", "RULE R10.7, T8"),
]


@pytest.mark.parametrize(("key", "form", "pin", "expected", "where"), CASES)
def test_case_forms(key: str, form: Form, pin: str, expected: str, where: str) -> None:
    assert formatted(key, form, pin) == expected, where


CODES = [
    ("s1485", "full", "(a)(1)-(3)", "19 U.S.C. § 1485(a)(1)-(3) (1994)", "BB3.3"),
    ("s1485", "full", "1485(a), 1486(b)", "19 U.S.C. §§ 1485(a), 1486(b) (1994)", "BB3.3"),
    (
        "s1485",
        "full",
        "105(a)(3)-(b)(1)",
        "19 U.S.C. § 105(a)(3)-(b)(1) (1994)",
        "BB3.3 (its 28 U.S.C. example, in title 19)",
    ),
    ("medicaid", "full", "", "42 U.S.C. §§ 1396a-1396d", "CM"),
    ("medicaid", "short", "", "§§ 1396a-1396d", "CM"),
    ("s1485", "short", "1485-1486", "§§ 1485-1486", "BB3.3"),
    ("s1485", "id", "1485, 1486", "*Id.* §§ 1485, 1486", "BB3.3 with B4.1"),
    ("s1485", "id", "§§ 1485-1486", "*Id.* §§ 1485-1486", "BB3.3: the user's §§ kept"),
    ("s1485", "id", "(b)", "*Id.* § 1485(b)", "B4.1: no at before §"),
    ("dmca", "full", "", "Digital Millennium Copyright Act, 17 U.S.C. § 1201 (2018)", "RULE R12.3"),
    (
        "dmca",
        "full",
        "1201-1205",
        "Digital Millennium Copyright Act, 17 U.S.C. §§ 1201-1205 (2018)",
        "RULE R12.3 with BB3.3",
    ),
    ("ca-penal", "full", "", "Cal. Penal Code § 187 (West 2024)", "RULE R12.3.1(d)"),
    ("s512", "full", "(c)", "17 U.S.C. § 512(c) (2018 & Supp. IV 2022)", "RULE R12.3.1(e)"),
    ("ada", "full", "", "42 U.S.C. § 12101 et seq.", "RULE R3.3(b): et seq. as written"),
    ("ftc-rule", "full", "", "FTC Credit Practices Rule, 16 C.F.R. § 444.1 (2019)", "UIC, CU"),
    ("s319", "full", "", "7 C.F.R. § 319.76 (1999)", "TX"),
    ("cfr-span", "full", "", "37 C.F.R. §§ 202.1-202.4 (2024)", "BB3.3, for regulations"),
    ("cfr-span", "id", "202.2, 202.3", "*Id.* §§ 202.2, 202.3", "BB3.3 with B4.1"),
    ("s319", "short", "(a)", "§ 319.76(a)", "B14 short form"),
]


@pytest.mark.parametrize(("key", "form", "pin", "expected", "where"), CODES)
def test_statute_and_regulation_forms(
    key: str, form: Form, pin: str, expected: str, where: str
) -> None:
    assert formatted(key, form, pin) == expected, where


FEDERAL_REGISTER = [
    (
        "fruit",
        "full",
        "50381",
        "Importation of Fruit and Vegetables, 60 Fed. Reg. 50,379, 50,381 (Sept. 29, 1995)",
        "CU",
    ),
    (
        "pollution",
        "full",
        "",
        "Control of Pollution from New Motor Vehicles and New Motor Engines, 56 Fed. Reg. 9754 "
        "(proposed Mar. 7, 1991) (to be codified at 40 C.F.R. pt. 86)",
        "CU",
    ),
    (
        "pollution",
        "full",
        "9756",
        "Control of Pollution from New Motor Vehicles and New Motor Engines, 56 Fed. Reg. 9754, "
        "9756 (proposed Mar. 7, 1991) (to be codified at 40 C.F.R. pt. 86)",
        "CU with a pin",
    ),
    ("pollution", "short", "9757", "Motor Vehicle Pollution, 56 Fed. Reg. at 9757", "RULE B14.2"),
    (
        "pollution",
        "short",
        "at 9757",
        "Motor Vehicle Pollution, 56 Fed. Reg. at 9757",
        "RULE B14.2: not 'at at'",
    ),
    ("pollution", "id", "9758", "*Id.* at 9758", "RULE B4.1"),
    ("fruit", "id", "at 50380", "*Id.* at 50,380", "RULE B4.1: not 'at at'"),
]


@pytest.mark.parametrize(("key", "form", "pin", "expected", "where"), FEDERAL_REGISTER)
def test_federal_register_forms(key: str, form: Form, pin: str, expected: str, where: str) -> None:
    assert formatted(key, form, pin) == expected, where


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"history": [{"relation": "aff'd", "volume": 600, "reporter": "F.3d"}]}, "page"),
        (
            {
                "history": [
                    {"relation": "aff'd", "volume": 0, "reporter": "F.3d", "page": 1, "year": 2010}
                ]
            },
            "volume",
        ),
        (
            {
                "history": [
                    {
                        "relation": "aff'd",
                        "volume": 600,
                        "reporter": "F.3d",
                        "page": 1,
                        "year": 2010,
                        "pin": 5,
                    }
                ]
            },
            "pin",
        ),
        ({"history": "aff'd, 600 F.3d 1"}, "history"),
        ({"en_banc": "sometimes"}, "en_banc"),
    ],
)
def test_bad_case_fields_are_schema_errors(fields: dict[str, Any], wrong: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Source).validate_python({"id": "x", **SOURCES["garcia"], **fields})
    assert wrong in str(caught.value)


@pytest.mark.parametrize(
    ("kind", "fields", "wrong"),
    [
        ("federal-register", {"proposed": "maybe"}, "proposed"),
        ("regulation", {"publisher": "West"}, "publisher"),  # no such field for regulations
        ("statute", {"supplements": "Supp. 2022"}, "supplements"),
    ],
)
def test_bad_code_fields_are_schema_errors(kind: str, fields: dict[str, Any], wrong: str) -> None:
    key = {"federal-register": "fruit", "regulation": "s319", "statute": "s512"}[kind]
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Source).validate_python({"id": "x", **SOURCES[key], **fields})
    assert wrong in str(caught.value)


def notes(text: str) -> list[str]:
    entries = {
        key: LocatedSource(source(key), Location("sources.yaml", 1 + 10 * index))
        for index, key in enumerate(SOURCES)
    }
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, Location("body.md")), diags)
    document = Document(Metadata("Title", "Author"), blocks)
    resolved = resolve_citations(document, Bibliography(entries, "sources.yaml"), diags)
    assert not diags.has_errors, diags.sorted()
    found = []
    for note in iter_notes(resolved.blocks):
        (para,) = note.blocks
        found.append(markup(para.inlines))  # type: ignore[attr-defined]
    return found


# Footnote sequences: the explanatory parenthetical comes after the weight of authority and
# before subsequent history (R10.6.3), which the later forms leave out (R10.7).
SEQUENCES = [
    (
        "A.[@campbell-6th, 1439 (finding the parody unfair)] B.[@campbell-6th, 1440] "
        "C.[@garcia, 745 (holding the performance uncopyrightable)]",
        [
            "*Acuff-Rose Music, Inc. v. Campbell*, 972 F.2d 1429, 1439 (6th Cir. 1992) "
            "(finding the parody unfair), *rev'd*, 510 U.S. 569 (1994).",
            "*Id.* at 1440.",
            "*Garcia v. Google, Inc.*, 786 F.3d 733, 745 (9th Cir. 2015) (en banc) "
            "(holding the performance uncopyrightable).",
        ],
    ),
    (
        "A.[@olson, *4] B.[@olson, at *5] C.[@dmca] D.[@olson, *6] E.[@dmca, 1203-1204]",
        [
            "*United States v. Olson*, No. 87-9999999C, 1988 WL 479999, at *4 "
            "(N.D. Ill. Apr. 1, 1988).",
            "*Id.* at *5.",
            "Digital Millennium Copyright Act, 17 U.S.C. § 1201 (2018).",
            "*Olson*, 1988 WL 479999, at *6.",
            "§§ 1203-1204.",
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), SEQUENCES)
def test_footnote_sequences(body: str, expected: list[str]) -> None:
    assert notes(body) == expected
