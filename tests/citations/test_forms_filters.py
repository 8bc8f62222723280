"""The filters behind the forms of test_forms_at_sections.py (which names the references, BB3.3
among them): "at", § and §§, medium-neutral reporters and a code's parenthetical."""

from __future__ import annotations

import pytest

from policydraft.citations.filters import at, code_date, medium_neutral, sections


@pytest.mark.parametrize(
    ("section", "pin", "expected"),
    [
        ("2000e-2", "", "§ 2000e-2"),  # one section with a dash (42 U.S.C. § 2000e-2)
        ("1.61-1", "", "§ 1.61-1"),  # a Treasury regulation (26 C.F.R. § 1.61-1)
        ("16-1-1", "", "§ 16-1-1"),  # Georgia's title-chapter-section numbers
        ("512", "(c)-(d)", "§ 512(c)-(d)"),  # subsections of one section: one § (BB3.3)
        ("512", "(c), (d)", "§ 512(c), (d)"),
        ("18A:54-1, -3", "", "§§ 18A:54-1, -3"),  # BB3.3's New Jersey example
        ("106, 107", "", "§§ 106, 107"),
        ("106 & 107", "", "§§ 106 & 107"),
        ("§ 107", "", "§ 107"),
        ("§§ 12101 et seq.", "", "§§ 12101 et seq."),
    ],
)
def test_section_signs(section: str, pin: str, expected: str) -> None:
    assert sections(section, pin) == expected


@pytest.mark.parametrize(
    ("pin", "expected"),
    [
        ("579", "at 579"),
        ("*4", "at *4"),
        ("at *4", "at *4"),
        ("AT 5", "AT 5"),
        ("§ 107(2)", "§ 107(2)"),
        ("§107", "§ 107"),
        ("¶7", "¶ 7"),
        ("¶¶ 7-9", "¶¶ 7-9"),
        ("59943", "at 59,943"),
        ("", ""),
    ],
)
def test_at_before_pages_only(pin: str, expected: str) -> None:
    assert at(pin) == expected


@pytest.mark.parametrize(
    ("reporter", "volume", "year", "expected"),
    [
        ("IL", 2020, 2020, True),
        ("IL App (1st)", 2020, 2020, True),
        ("Ark.", 2009, 2009, True),  # Arkansas's public-domain form, 2009 Ark. 123
        ("Ark.", 300, 1990, False),  # Arkansas Reports
        ("F.3d", 2020, 2020, False),  # a year-like volume of a paged reporter
        ("IL", 2019, 2020, False),
    ],
)
def test_medium_neutral_detection(reporter: str, volume: int, year: int, expected: bool) -> None:
    assert medium_neutral(reporter, volume, year) is expected


@pytest.mark.parametrize(
    ("publisher", "year", "supplement", "expected"),
    [
        ("West", 2024, None, "(West 2024)"),
        (None, 2018, "Supp. IV 2022", "(2018 & Supp. IV 2022)"),
        (None, 2018, "IV 2022", "(2018 & Supp. IV 2022)"),  # "Supp." added when left out
        (None, None, "Supp. 2022", "(Supp. 2022)"),
        (None, None, None, ""),
    ],
)
def test_code_parenthetical(publisher: str, year: int, supplement: str, expected: str) -> None:
    assert code_date(publisher, year, supplement) == expected
