"""validate_sources: each rule, passing and failing, with its code, line and wording."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from policydraft.citations.federal_register import docket_problem
from policydraft.citations.reporters import resolve
from policydraft.citations.sources_file import load_bibliography
from policydraft.citations.validate_sources import url_problem, validate_sources
from policydraft.diagnostics import Diagnostics, Location

LETTER_DATE = dt.date(2025, 3, 15)


def case(reporter: str, year: int) -> str:
    return (
        f"- id: c\n  type: case\n  name: A v. B\n  volume: 510\n  reporter: {reporter}\n"
        f"  page: 569\n  year: {year}\n"
    )


def notice(volume: int = 90, date: str = "2025-02-06", extra: str = "") -> str:
    return (
        f"- id: fr\n  type: federal-register\n  title: RFI\n  volume: {volume}\n  page: 9088\n"
        f"  date: {date}\n{extra}"
    )


def web(url: str = "https://www.example.gov/page", accessed: str = "2025-03-01") -> str:
    return f"- id: w\n  type: web\n  title: T\n  url: '{url}'\n  accessed: {accessed}\n"


def check(tmp_path: Path, text: str) -> Diagnostics:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    bibliography = load_bibliography(path, diags, Location("policydraft.yaml"))
    assert not diags.items, [d.format() for d in diags]  # the entries themselves are valid
    validate_sources(bibliography, LETTER_DATE, diags)
    return diags


# (sources.yaml, expected (severity, code, line) or None, message fragment)
RULES = [
    # PD505 / PD506: reporters (reporters-db)
    pytest.param(case("U.S.", 1994), None, "", id="reporter-ok"),
    pytest.param(case("F.3d", 2008), None, "", id="reporter-f3d-ok"),  # 510 F.3d: 2007-08
    pytest.param(case("F. Supp. 2d", 2005), None, "", id="reporter-with-spaces-ok"),
    pytest.param(
        case("U. S.", 1994),
        ("warning", "PD505", 5),
        "variant spelling; write 'U.S.'",
        id="reporter-variant",
    ),
    pytest.param(
        case("F.Supp.2d", 2005), ("warning", "PD505", 5), "write 'F. Supp. 2d'", id="spacing"
    ),
    pytest.param(  # the Indigo Book's spelling (R12.4.2); reporters-db lists only the Bluebook's
        case("Nav. R.", 1996),
        ("warning", "PD505", 5),
        "write 'Navajo Rptr.'",
        id="navajo-reporter-indigo-spelling",
    ),
    pytest.param(
        case("U.S.A.", 1994),
        ("error", "PD505", 5),
        "unknown reporter 'U.S.A.' in source 'c'",
        id="reporter-unknown",
    ),
    pytest.param(
        case("F.5th", 2024), ("error", "PD505", 5), "did you mean 'F.4th'", id="near-miss"
    ),
    pytest.param(
        case("F.4th", 1990),
        ("error", "PD506", 5),
        "'F.4th' in source 'c' was published in 2021–today, but the case is dated 1990; "
        "check the year, or the reporter ('F.2d' covers it)",
        id="f4th-in-1990",
    ),
    pytest.param(
        case("F.2d", 2010), ("error", "PD506", 5), "published in 1924–1993", id="f2d-in-2010"
    ),
    # PD507 / PD512: dates against the letter's
    pytest.param(notice(date="2025-03-15"), None, "", id="dated-on-letter-day"),
    pytest.param(
        "- id: r\n  type: report\n  author: A\n  title: T\n  date: 2025-04-01\n",
        ("error", "PD507", 5),
        "source 'r' is dated 2025-04-01, after the letter's date (2025-03-15)",
        id="dated-after",
    ),
    pytest.param(
        "- id: b\n  type: book\n  author: A\n  title: T\n  year: 2026\n",
        ("error", "PD507", 5),
        "source 'b' is dated 2026",
        id="year-after",
    ),
    pytest.param(
        web(accessed="2025-03-20"),
        ("warning", "PD512", 5),
        "accessed on 2025-03-20, after the letter's date",
        id="accessed-after",
    ),
    # PD508: Federal Register volume = year - 1935
    pytest.param(notice(90, "2025-02-06"), None, "", id="volume-ok"),
    pytest.param(
        notice(89, "2025-02-06"), ("error", "PD508", 4), "2025 is volume 90", id="volume-wrong"
    ),
    pytest.param(
        notice(1, "1930-01-02"), ("error", "PD508", 6), "began in 1936", id="before-fed-reg"
    ),
    # PD509: document numbers
    pytest.param(notice(extra="  doc_number: 2025-02305\n"), None, "", id="doc-ok"),
    pytest.param(
        notice(date="2025-01-03", extra="  doc_number: 2024-31234\n"),
        None,
        "",
        id="doc-filed-in-december",
    ),
    pytest.param(
        notice(extra="  doc_number: 2025-2305\n"),
        ("error", "PD509", 7),
        "'2025-2305' in source 'fr' is not of the form YYYY-NNNNN",
        id="doc-form",
    ),
    pytest.param(
        notice(extra="  doc_number: 2023-02305\n"),
        ("error", "PD509", 7),
        "is from 2023, but the document is dated 2025-02-06",
        id="doc-year",
    ),
    # PD510: regulations.gov docket ids
    pytest.param(notice(extra="  docket: COLC-2023-0006\n"), None, "", id="docket-colc"),
    pytest.param(notice(extra="  docket: NHTSA-2024-0001-0002\n"), None, "", id="docket-doc"),
    pytest.param(notice(extra="  docket: NSF_FRDOC_0001\n"), None, "", id="docket-frdoc"),
    pytest.param(notice(extra="  docket: EPA-HQ-OAR-2021-0317\n"), None, "", id="docket-epa"),
    pytest.param(notice(extra="  docket: FDA-2013-N-0001\n"), None, "", id="docket-fda"),
    pytest.param(
        notice(extra="  docket: colc-2023-0006\n"),
        ("warning", "PD510", 7),
        "write 'COLC-2023-0006'",
        id="docket-lower",
    ),
    pytest.param(
        notice(extra="  docket: WC Docket No. 17-108\n"),
        ("warning", "PD510", 7),
        "is not a regulations.gov docket id (AGENCY-YYYY-NNNN",
        id="docket-other",
    ),
    # PD511: URLs
    pytest.param(web("http://localhost:8080/x"), None, "", id="url-ok"),
    pytest.param(
        web("ftp://example.gov/a"),
        ("error", "PD511", 4),
        "must start with http:// or https://",
        id="url-scheme",
    ),
    pytest.param(
        web("www.example.gov/a"),
        ("error", "PD511", 4),
        "has no scheme; write 'https://www.example.gov/a'",
        id="url-no-scheme",
    ),
    pytest.param(web("https:///a"), ("error", "PD511", 4), "has no host name", id="url-no-host"),
    pytest.param(web("https://a.gov/a b"), ("error", "PD511", 4), "contains spaces", id="space"),
    pytest.param(web("https://a.gov:99999/"), ("error", "PD511", 4), "cannot be read", id="port"),
]


@pytest.mark.parametrize(("text", "expected", "fragment"), RULES)
def test_rule(
    tmp_path: Path, text: str, expected: tuple[str, str, int] | None, fragment: str
) -> None:
    diags = check(tmp_path, text)
    found = [(d.severity, d.code, d.line) for d in diags]
    if expected is None:
        assert found == [], [d.format() for d in diags]
        return
    assert expected in found, [d.format() for d in diags]
    assert any(fragment in d.message for d in diags if d.code == expected[1]), diags.items


def test_variant_used_outside_its_years_gets_both(tmp_path: Path) -> None:
    codes = [d.code for d in check(tmp_path, case("F. 4th", 1990))]
    assert codes == ["PD505", "PD506"]


@pytest.mark.parametrize(
    ("written", "kind", "candidates"),
    [
        ("U.S.", "standard", ("U.S.",)),
        ("US", "variant", ("U.S.",)),
        ("s. ct.", "variant", ("S. Ct.",)),
        ("Nonsense Rptr.", "unknown", ()),
    ],
)
def test_resolve(written: str, kind: str, candidates: tuple[str, ...]) -> None:
    resolution = resolve(written)
    assert (resolution.kind, resolution.candidates) == (kind, candidates)


def test_docket_and_url_helpers_accept_the_spec_examples() -> None:
    assert docket_problem("NSF_FRDOC_0001") is None
    assert docket_problem("COLC-2023-0006") is None
    assert url_problem("https://www.regulations.gov/docket/COLC-2023-0006") is None


def test_a_thousand_sources_load_and_validate(tmp_path: Path) -> None:
    """Timing is measured by bench/citations.py, never asserted here."""
    items = ",".join(
        f'{{"id": "c{n}", "type": "legal_case", "title": "A v. B", "container-title": "F.3d",'
        f' "volume": "250", "page": "{n + 1}", "issued": {{"date-parts": [[2001]]}},'
        f' "URL": "https://example.org/{n}"}}'
        for n in range(1000)
    )
    path = tmp_path / "sources.json"
    path.write_text(f"[{items}]", encoding="utf-8")
    diags = Diagnostics()
    bibliography = load_bibliography(path, diags, Location("policydraft.yaml"))
    validate_sources(bibliography, LETTER_DATE, diags)
    assert len(bibliography) == 1000 and not diags.items
