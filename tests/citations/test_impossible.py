"""Impossible citations caught at their line and column: a table of planted faults.

The correct citations the faults are planted in are the published ones (each case's name is
given; the Federal Register counts are those cited in federal_register.py). Each row is an
input, the code expected, and its line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.federal_register import last_page
from policydraft.citations.pins import copy_has, pin_marker
from policydraft.citations.quotes import check_quotations
from policydraft.citations.sources_file import load_bibliography
from policydraft.citations.typed_reporters import check_typed_reporters, closest
from policydraft.citations.validate_sources import validate_sources
from policydraft.citations.volumes import possible_years
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Cite, CiteItem, Document, Metadata, Para, Text
from tests.citations.test_validate_sources import LETTER_DATE


def case(volume: int, reporter: str, page: int, year: int, court: str = "") -> str:
    """A case entry; its year is on line 7 and a court on line 8 (column 10)."""
    text = (
        f"- id: c\n  type: case\n  name: A v. B\n  volume: {volume}\n  reporter: {reporter}\n"
        f"  page: {page}\n  year: {year}\n"
    )
    return text + (f"  court: {court}\n" if court else "")


def notice(volume: int, page: int, date: str) -> str:
    """A Federal Register entry; its page is on line 5, column 9."""
    return (
        f"- id: fr\n  type: federal-register\n  title: T\n  volume: {volume}\n  page: {page}\n"
        f"  date: {date}\n"
    )


def validated(tmp_path: Path, text: str) -> list[tuple[str, int, int]]:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    bibliography = load_bibliography(path, diags, Location("policydraft.yaml"))
    assert not diags.items, [d.format() for d in diags]
    validate_sources(bibliography, LETTER_DATE, diags)
    return [(d.code, d.line, d.column) for d in diags]


# (sources.yaml, expected [(code, line, column)])
SOURCE_FAULTS = [
    # Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994), dated 2010
    pytest.param(case(510, "U.S.", 569, 2010), [("PD524", 7, 9)], id="us-volume-late-year"),
    # Marbury v. Madison, 5 U.S. (1 Cranch) 137 (1803), as if of 1950
    pytest.param(case(5, "U.S.", 137, 1950), [("PD524", 7, 9)], id="us-early-volume"),
    # Lotus Dev. Corp. v. Borland Int'l, Inc., 49 F.3d 807 (1st Cir. 1995), dated 2015
    pytest.param(case(49, "F.3d", 807, 2015), [("PD524", 7, 9)], id="f3d-volume"),
    # F.3d closed in 2021 (reporters-db leaves it open): a 2023 F.3d case
    pytest.param(case(999, "F.3d", 1, 2023), [("PD506", 5, 13)], id="f3d-after-2021"),
    # Hachette Book Grp. v. Internet Archive, 115 F.4th 163 (2d Cir. 2024), dated 2021
    pytest.param(case(115, "F.4th", 163, 2021), [("PD524", 7, 9)], id="f4th-volume"),
    # Computer Assocs. Int'l v. Altai, 982 F.2d 693 (2d Cir. 1992), dated 1950
    pytest.param(case(982, "F.2d", 693, 1950), [("PD524", 7, 9)], id="f2d-volume"),
    # Religious Tech. Ctr. v. Netcom, 907 F. Supp. 1361 (N.D. Cal. 1995), dated 1960
    pytest.param(case(907, "F. Supp.", 1361, 1960), [("PD524", 7, 9)], id="fsupp-volume"),
    # Universal City Studios v. Reimerdes, 111 F. Supp. 2d 294 (S.D.N.Y. 2000), dated 2013
    pytest.param(case(111, "F. Supp. 2d", 294, 2013), [("PD524", 7, 9)], id="fsupp2d-volume"),
    # Thaler v. Perlmutter, 687 F. Supp. 3d 140 (D.D.C. 2023), dated 2015
    pytest.param(case(687, "F. Supp. 3d", 140, 2015), [("PD524", 7, 9)], id="fsupp3d-volume"),
    # a Supreme Court reporter with a lower court
    pytest.param(case(510, "U.S.", 569, 1994, "2d Cir."), [("PD525", 8, 10)], id="us-2d-cir"),
    pytest.param(case(114, "S. Ct.", 1164, 1994, "6th Cir."), [("PD525", 8, 10)], id="sct-6th"),
    # Federal Register pages beyond the volume's last page
    pytest.param(notice(81, 120_000, "2016-06-01"), [("PD526", 5, 9)], id="fr-2016-beyond"),
    pytest.param(notice(85, 912_345, "2020-06-01"), [("PD526", 5, 9)], id="fr-unknown-year"),
    # 2022 closed at 80,756 pages (Ballotpedia's year-end count)
    pytest.param(notice(87, 90_000, "2022-12-01"), [("PD526", 5, 9)], id="fr-2022-beyond"),
]

# Correct citations that must pass: the same cases as published.
SOUND = [
    pytest.param(case(510, "U.S.", 569, 1994), id="campbell"),
    pytest.param(case(593, "U.S.", 1, 2021), id="google-oracle"),
    pytest.param(case(11, "F.4th", 26, 2021), id="warhol-2d-cir"),
    pytest.param(case(907, "F. Supp.", 1361, 1995), id="netcom-fsupp-1995"),  # was PD506
    pytest.param(case(938, "F.3d", 985, 2019), id="hiq"),
    pytest.param(case(510, "U.S.", 569, 1994, "U.S."), id="us-court-us"),
    pytest.param(case(300, "F.4th", 1, 2025), id="f4th-beyond-anchors"),
    # 88 Fed. Reg. 59,942 (2023) and 75 Fed. Reg. 82,000 (2010: 82,589 pages)
    pytest.param(notice(88, 59_942, "2023-08-30"), id="fr-2023"),
    pytest.param(notice(75, 82_000, "2010-12-30"), id="fr-2010-near-end"),
    # 89 Fed. Reg. 106,308 (Dec. 30, 2024): a page printed in the last week of 2024
    pytest.param(notice(89, 106_308, "2024-12-30"), id="fr-2024-last-week"),
    # In re Google Play Store Antitrust Litig., 664 F. Supp. 3d 981 (N.D. Cal. 2023)
    pytest.param(case(664, "F. Supp. 3d", 981, 2023), id="google-play-fsupp3d"),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_FAULTS)
def test_planted_source_fault(tmp_path: Path, text: str, expected: list[object]) -> None:
    assert validated(tmp_path, text) == expected


@pytest.mark.parametrize("text", SOUND)
def test_sound_citation_passes(tmp_path: Path, text: str) -> None:
    assert validated(tmp_path, text) == []


@pytest.mark.parametrize(
    ("reporter", "volume", "years"),
    [
        ("U.S.", 510, (1993, 1995)),  # exactly a known volume: a year either side
        ("U.S.", 520, (1993, 2001)),  # between 510 (1994) and 531 (2000)
        ("F.4th", 500, (2023, None)),  # after the last known volume
        ("F.3d", 1, (1992, 1994)),
        ("S. Ct.", 100, (None, None)),  # no table: only reporters-db's years apply
    ],
)
def test_possible_years(reporter: str, volume: int, years: tuple[int | None, ...]) -> None:
    assert possible_years(reporter, volume) == years


def test_last_page_known_and_unknown() -> None:
    assert last_page(75) == (int(82_589 * 1.05), True)
    assert last_page(89)[0] == int(107_262 * 1.05)
    assert last_page(85)[1] is False
    assert last_page(86) == (int(74_532 * 1.05), True)  # 2021
    assert last_page(2)[1] is False  # 1937: no sourced count


# --- typed into the prose ------------------------------------------------------------------

FILE = "arguments/a.md"


def typed(tmp_path: Path, lines: list[str]) -> list[tuple[str, int, int, str]]:
    """Lines of a body file; each becomes a paragraph, with a citation at its line's end."""
    (tmp_path / "arguments").mkdir()
    (tmp_path / FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    blocks = tuple(
        Para((Text(line), Cite((CiteItem("k"),), FILE, n, len(line) + 1)))
        for n, line in enumerate(lines, start=1)
        if line
    )
    diags = Diagnostics()
    check_typed_reporters(blocks, diags, Location("policydraft.yaml"), tmp_path)
    return [(d.code, d.line, d.column, d.message) for d in diags]


@pytest.mark.parametrize(
    ("lines", "line", "column", "suggested"),
    [
        (["Intro.", "", "The court held so. See 123 F.5th 456 (2d Cir. 2024)."], 3, 24, "F.4th"),
        (["Under 12 U.S.C.A.X. 3, banks must."], 1, 7, "U.S.C."),
        (["See 1 F. Supp. 4th 9."], 1, 5, "F. Supp."),
    ],
)
def test_typed_unknown_reporter(
    tmp_path: Path, lines: list[str], line: int, column: int, suggested: str
) -> None:
    [(code, at_line, at_column, message)] = typed(tmp_path, lines)
    assert (code, at_line, at_column) == ("PD527", line, column)
    assert f"did you mean '{suggested}'?" in message


@pytest.mark.parametrize(
    "line",
    [
        "Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994).",  # Indigo Book R. 11
        "17 U.S.C. § 107 and 37 C.F.R. § 202.1.",
        "90 Fed. Reg. 9088 (Feb. 6, 2025) and 2025 WL 458520.",
        "Mark A. Lemley, 108 Harv. L. Rev. 1 (1994); 45 Cal. App. 5th 12.",
        "Comments were due 12 Jan. 2024, about 3 No. 4 of the notice.",  # dates, numbers
        "2020 IL 124831, ¶ 15.",
        "168 Cong. Rec. S1234 (daily ed. Mar. 1, 2022); 161 Cong. Rec. 1234.",
    ],
)
def test_real_reporters_and_plain_text_pass(tmp_path: Path, line: str) -> None:
    assert typed(tmp_path, [line]) == []


def test_closest_of_nonsense_is_none_or_real() -> None:
    assert closest("F.5th") == "F.4th"


# --- quotations without copies, pins a copy lacks -------------------------------------------

COPY = "§ 1. Short title.\n§ 2. Definitions.\n¶ 7 The first paragraph.\n12. A numbered one.\n"


def quoted(tmp_path: Path, paragraphs: list[Para], warn: bool = True) -> list[tuple]:
    from tests.citations.test_quotes import SOURCE, bibliography

    (tmp_path / "copy.txt").write_text(COPY, encoding="utf-8")
    sources: Bibliography = bibliography(
        {**SOURCE, "id": "act", "file": "copy.txt"}, {**SOURCE, "id": "bare"}
    )
    diags = Diagnostics()
    document = Document(Metadata("T", "A"), tuple(paragraphs))
    check_quotations(document, sources, tmp_path, diags, warn_uncopied=warn)
    return [(d.code, d.line, d.column) for d in diags]


def cited(key: str, pin: str, line: int, column: int = 9) -> Para:
    return Para((Text("“quoted words”"), Cite((CiteItem(key, pin=pin),), FILE, line, column)))


def test_quotations_without_copy_get_one_warning_at_the_first(tmp_path: Path) -> None:
    paragraphs = [cited("bare", "", 4), cited("bare", "", 9), cited("bare", "", 20)]
    assert quoted(tmp_path, paragraphs) == [("PD528", 4, 9)]
    assert (
        quoted(tmp_path, paragraphs, warn=False) == []
    )  # citations: {quotes_without_copy: ignore}


@pytest.mark.parametrize(
    ("pin", "expected"),
    [
        ("§ 3", [("PD529", 6, 9)]),  # the copy has §§ 1 and 2 only
        ("¶ 8", [("PD529", 6, 9)]),
        ("§ 2(a)", []),
        ("§§ 1-2", []),
        ("¶ 7", []),
        ("¶ 12", []),  # a paragraph numbered "12."
        ("45", []),  # a page pin: not checked here
    ],
)
def test_pin_to_section_or_paragraph(tmp_path: Path, pin: str, expected: list[tuple]) -> None:
    paragraph = Para((Text("As the Act says."), Cite((CiteItem("act", pin=pin),), FILE, 6, 9)))
    assert quoted(tmp_path, [paragraph]) == expected


@pytest.mark.parametrize(
    ("pin", "marker"),
    [("§ 107(2)", ("§", "107")), ("§§ 3:12-14", ("§", "3:12")), ("¶ 7", ("¶", "7")), ("7", None)],
)
def test_pin_marker(pin: str, marker: tuple[str, str] | None) -> None:
    assert pin_marker(pin) == marker


def test_copy_has_does_not_take_a_longer_number() -> None:
    from policydraft.citations.copies import CopyText

    assert not copy_has(CopyText.of("§ 107 Fair use."), "§", "10")
    assert copy_has(CopyText.of("Section 10. Scope."), "§", "10")
