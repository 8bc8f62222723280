"""Bluebook forms of every source type, through the editable templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.filters import bluebook_date, page, section
from policydraft.citations.format import CitationFormatter, Form
from policydraft.citations.markup import citation_inlines
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Emph, Inline, Link, Strong, Text

URL = "https://www.regulations.gov/comment/NSF_FRDOC_0001-3479"

SOURCES: dict[str, dict[str, Any]] = {
    "ross": {
        "type": "case",
        "name": "Thomson Reuters Enter. Ctr. GmbH v. Ross Intel. Inc.",
        "short": "Thomson Reuters",
        "volume": 2025,
        "reporter": "WL",
        "page": 458520,
        "year": 2025,
        "court": "D. Del.",
        "docket": "1:20-cv-613-SB",
        "date": "2025-02-11",
    },
    "campbell": {
        "type": "case",
        "name": "Campbell v. Acuff-Rose Music, Inc.",
        "volume": 510,
        "reporter": "U.S.",
        "page": 569,
        "year": 1994,
        "court": "U.S.",
    },
    "google": {
        "type": "case",
        "name": "Authors Guild v. Google, Inc.",
        "volume": 804,
        "reporter": "F.3d",
        "page": 202,
        "year": 2015,
        "court": "2d Cir.",
        "short": "Google Books",
    },
    "s107": {"type": "statute", "title": "17", "code": "U.S.C.", "section": "107"},
    "s106": {"type": "statute", "title": 17, "code": "U.S.C.", "section": 106, "year": 2018},
    "cfr": {
        "type": "regulation",
        "title": "37",
        "code": "C.F.R.",
        "section": "202.1",
        "year": 2024,
    },
    "rfi": {
        "type": "federal-register",
        "title": "Request for Information on the Development of an Artificial Intelligence "
        "(AI) Action Plan",
        "volume": 90,
        "page": 9088,
        "date": "2025-02-06",
    },
    "fr-big": {
        "type": "federal-register",
        "title": "Artificial Intelligence and Copyright",
        "volume": 88,
        "page": 59942,
        "date": "2023-08-30",
        "short": "AI NOI",
    },
    "openai": {
        "type": "comment",
        "author": "OpenAI",
        "title": "Comment Letter on AI Action Plan",
        "date": "2025-03-13",
        "url": URL,
    },
    "report": {
        "type": "report",
        "author": "U.S. Copyright Office",
        "title": "Copyright and Artificial Intelligence, Part 2: Copyrightability",
        "date": "2025-01-29",
        "url": "https://copyright.gov/ai",
        "short": "Copyrightability Report",
    },
    "litman": {
        "type": "book",
        "author": "Jessica Litman",
        "title": "Digital Copyright",
        "year": 2006,
        "edition": "2d",
        "publisher": "Prometheus Books",
    },
    "samuelson": {
        "type": "article",
        "author": "Pamela Samuelson",
        "title": "Generative AI Meets Copyright",
        "journal": "Science",
        "volume": 381,
        "page": 158,
        "year": 2023,
    },
    "metz": {
        "type": "news",
        "author": "Cade Metz",
        "title": "The *Secret* Ingredient",
        "publication": "N.Y. Times",
        "date": "2024-04-06",
        "url": "https://nytimes.com/x",
    },
    "fair-use-index": {
        "type": "web",
        "title": "Fair Use Index",
        "url": "https://copyright.gov/fair-use",
        "accessed": "2025-03-01",
        "publisher": "U.S. Copyright Office",
    },
    "dated-web": {
        "type": "web",
        "author": "Jane Roe",
        "title": "Notes",
        "url": "https://example.org/notes",
        "accessed": "2025-03-01",
        "date": "2024-09-30",
    },
}


def source(key: str) -> Source:
    return TypeAdapter(Source).validate_python({"id": key, **SOURCES[key]})  # type: ignore[no-any-return]


def bibliography(*keys: str) -> Bibliography:
    chosen = keys or tuple(SOURCES)
    entries = {
        key: LocatedSource(source(key), Location("sources.yaml", 1 + 10 * index))
        for index, key in enumerate(chosen)
    }
    return Bibliography(entries, "sources.yaml")


def markup(inlines: tuple[Inline, ...]) -> str:
    """Inlines back as the templates' markup, so a row shows the italics it expects."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case Text(text):
                parts.append(text)
            case Emph(children):
                parts.append(f"*{markup(children)}*")
            case Link(children, url):
                assert markup(children) == url
                parts.append(f"<{url}>")
            case _:
                raise AssertionError(inline)
    return "".join(parts)


# (source, form, pin, expected): every type in every form
FORMS = [
    ("campbell", "full", "", "*Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569 (1994)"),
    ("campbell", "full", "579", "*Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569, 579 (1994)"),
    ("campbell", "short", "584", "*Campbell*, 510 U.S. at 584"),
    ("campbell", "short", "", "*Campbell*, 510 U.S. 569"),
    ("campbell", "id", "", "*Id.*"),
    ("campbell", "id", "584", "*Id.* at 584"),
    (
        "ross",
        "full",
        "",
        "*Thomson Reuters Enter. Ctr. GmbH v. Ross Intel. Inc.*, No. 1:20-cv-613-SB, "
        "2025 WL 458520 (D. Del. Feb. 11, 2025)",
    ),
    ("ross", "short", "*3", "*Thomson Reuters*, 2025 WL 458520, at *3"),
    ("google", "full", "", "*Authors Guild v. Google, Inc.*, 804 F.3d 202 (2d Cir. 2015)"),
    ("google", "full", "214", "*Authors Guild v. Google, Inc.*, 804 F.3d 202, 214 (2d Cir. 2015)"),
    ("google", "short", "214", "*Google Books*, 804 F.3d at 214"),
    ("s107", "full", "", "17 U.S.C. § 107"),
    ("s107", "full", "(1)", "17 U.S.C. § 107(1)"),
    ("s107", "full", "§ 107(4)", "17 U.S.C. § 107(4)"),
    ("s107", "short", "", "§ 107"),
    ("s107", "short", "(2)", "§ 107(2)"),
    ("s107", "id", "(3)", "*Id.* § 107(3)"),
    ("s106", "full", "", "17 U.S.C. § 106 (2018)"),
    ("cfr", "full", "", "37 C.F.R. § 202.1 (2024)"),
    ("cfr", "full", "(a)", "37 C.F.R. § 202.1(a) (2024)"),
    ("cfr", "short", "", "§ 202.1"),
    ("cfr", "id", "(b)", "*Id.* § 202.1(b)"),
    (
        "rfi",
        "full",
        "",
        "Request for Information on the Development of an Artificial Intelligence (AI) "
        "Action Plan, 90 Fed. Reg. 9088 (Feb. 6, 2025)",
    ),
    (
        "rfi",
        "full",
        "9089",
        "Request for Information on the Development of an Artificial Intelligence (AI) "
        "Action Plan, 90 Fed. Reg. 9088, 9089 (Feb. 6, 2025)",
    ),
    ("rfi", "short", "9089", "90 Fed. Reg. at 9089"),
    ("rfi", "id", "9090", "*Id.* at 9090"),
    (
        "fr-big",
        "full",
        "59945",
        "Artificial Intelligence and Copyright, 88 Fed. Reg. 59,942, 59,945 (Aug. 30, 2023)",
    ),
    ("fr-big", "short", "59943", "AI NOI, 88 Fed. Reg. at 59,943"),
    ("openai", "full", "", f"OpenAI, Comment Letter on AI Action Plan (Mar. 13, 2025), <{URL}>"),
    ("openai", "full", "4", f"OpenAI, Comment Letter on AI Action Plan 4 (Mar. 13, 2025), <{URL}>"),
    ("openai", "short", "4", "OpenAI Comment at 4"),
    (
        "report",
        "full",
        "12",
        "U.S. Copyright Office, *Copyright and Artificial Intelligence, Part 2: "
        "Copyrightability* 12 (Jan. 29, 2025), <https://copyright.gov/ai>",
    ),
    # Short forms of secondary sources: "Author, *supra*, at PIN" (Indigo Book R6, Bluebook
    # R4.2(a)); an institutional author is named whole. (The old rows repeated the title.)
    ("report", "short", "3", "U.S. Copyright Office, *supra*, at 3"),
    ("litman", "full", "", "Jessica Litman, *Digital Copyright* (Prometheus Books 2d ed. 2006)"),
    (
        "litman",
        "full",
        "45",
        "Jessica Litman, *Digital Copyright* 45 (Prometheus Books 2d ed. 2006)",
    ),
    ("litman", "short", "45", "Litman, *supra*, at 45"),
    (
        "samuelson",
        "full",
        "159",
        "Pamela Samuelson, *Generative AI Meets Copyright*, 381 Science 158, 159 (2023)",
    ),
    ("samuelson", "short", "160", "Samuelson, *supra*, at 160"),
    (
        "metz",
        "full",
        "",
        "Cade Metz, *The *Secret* Ingredient*, N.Y. Times (Apr. 6, 2024), <https://nytimes.com/x>",
    ),
    ("metz", "short", "", "Metz, *supra*"),
    (
        "fair-use-index",
        "full",
        "",
        "*Fair Use Index*, U.S. Copyright Office, <https://copyright.gov/fair-use> "
        "(last visited Mar. 1, 2025)",
    ),
    ("fair-use-index", "short", "", "*Fair Use Index*, *supra*"),
    (
        "dated-web",
        "full",
        "",
        "Jane Roe, *Notes* (Sept. 30, 2024), <https://example.org/notes>",
    ),
    ("dated-web", "id", "", "*Id.*"),
]


@pytest.mark.parametrize(("key", "form", "pin", "expected"), FORMS)
def test_form(key: str, form: Form, pin: str, expected: str) -> None:
    diags = Diagnostics()
    formatted = CitationFormatter(diags).format(source(key), form, pin)
    assert not diags.items
    assert markup(formatted).replace("\\*", "*") == expected.replace("\\*", "*")


def test_starred_words_of_a_title_print_roman() -> None:
    """Bluebook rule 2.2(a)(iii): words italic in the original print roman in an italic title."""
    formatted = CitationFormatter(Diagnostics()).format(source("metz"), "full")
    assert formatted[1:4] == (Emph((Text("The "),)), Text("Secret"), Emph((Text(" Ingredient"),)))


def test_every_type_has_a_template() -> None:
    types = {fields["type"] for fields in SOURCES.values()}
    assert types == {
        "case",
        "statute",
        "regulation",
        "federal-register",
        "comment",
        "report",
        "book",
        "article",
        "news",
        "web",
    }


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ((2025, month, 6), f"{name} 6, 2025")
        for month, name in enumerate(
            [
                "Jan.",
                "Feb.",
                "Mar.",
                "Apr.",
                "May",
                "June",
                "July",
                "Aug.",
                "Sept.",
                "Oct.",
                "Nov.",
                "Dec.",
            ],
            start=1,
        )
    ],
)
def test_bluebook_months(date: tuple[int, int, int], expected: str) -> None:
    assert bluebook_date(dt.date(*date)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(9088, "9088"), (59942, "59,942"), ("59942-43", "59,942-43"), (1234567, "1,234,567")],
)
def test_long_numbers_take_commas(value: object, expected: str) -> None:
    assert page(value) == expected


@pytest.mark.parametrize(
    ("pin", "expected"), [("", "107"), ("(1)", "107(1)"), ("§ 108", "108"), ("§§107", "107")]
)
def test_section_with_pin(pin: str, expected: str) -> None:
    assert section("107", pin) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("plain", (Text("plain"),)),
        ("*a*, b", (Emph((Text("a"),)), Text(", b"))),
        ("\\*a\\*", (Text("*a*"),)),
        (
            "a <https://x.test/a_b> c",
            (Text("a "), Link((Text("https://x.test/a_b"),), "https://x.test/a_b"), Text(" c")),
        ),
        ("*open", (Text("*open"),)),
        ("**", ()),
        ("a < b", (Text("a < b"),)),
    ],
)
def test_markup(written: str, expected: tuple[Inline, ...]) -> None:
    assert citation_inlines(written) == expected


def test_results_are_cached() -> None:
    formatter = CitationFormatter(Diagnostics())
    first = formatter.format(source("campbell"), "short", "5")
    assert formatter.format(source("campbell"), "short", "5") is first


def _override(folder: Path, name: str, text: str) -> None:
    path = folder / "templates" / "citations" / "bluebook" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_submission_overrides_one_template(tmp_path: Path) -> None:
    _override(tmp_path, "case.j2", "*{{ source.name }}* ({{ source.year }})")
    formatter = CitationFormatter(Diagnostics(), tmp_path)
    assert formatter.format(source("campbell"), "full") == (
        Emph((Text("Campbell v. Acuff-Rose Music, Inc."),)),
        Text(" (1994)"),
    )
    assert markup(formatter.format(source("s107"), "full")) == "17 U.S.C. § 107"  # built-in


def test_broken_override_is_pd302_at_its_line(tmp_path: Path) -> None:
    _override(tmp_path, "case.j2", "line one\n{% if %}\n")
    diags = Diagnostics()
    formatted = CitationFormatter(diags, tmp_path).format(source("campbell"), "full")
    assert formatted == (Text("@campbell"),)
    (diag,) = diags.sorted()
    assert (diag.code, diag.line) == ("PD302", 2)
    assert diag.file.endswith("case.j2")


def test_undefined_variable_in_override_is_pd303(tmp_path: Path) -> None:
    _override(tmp_path, "statute.j2", "{{ source.title }}\n{{ nonesuch }}")
    diags = Diagnostics()
    CitationFormatter(diags, tmp_path).format(source("s107"), "full")
    (diag,) = diags.sorted()
    assert (diag.code, diag.line) == ("PD303", 2)
    assert "nonesuch" in diag.message


# (override of case.j2, its include, weight given, PD330 expected): a template copied before
# `weight` existed would drop "(mem.)" without a word.
UNPRINTED = [
    pytest.param("*{{ source.name }}* ({{ source.year }})", None, "(mem.)", True, id="dropped"),
    pytest.param("*{{ source.name }}*{{ weight }}", None, "(mem.)", False, id="printed"),
    pytest.param("*{{ source.name }}*", None, "", False, id="nothing-to-print"),
    pytest.param(
        '{% include "parts.j2" %}', "{{ weight }}", "(mem.)", False, id="printed-by-include"
    ),
    pytest.param('{% include "parts.j2" %}', "x", "(mem.)", True, id="include-drops-it"),
]


@pytest.mark.parametrize(("case", "include", "weight", "warned"), UNPRINTED)
def test_a_template_that_never_prints_weight_is_pd330(
    tmp_path: Path, case: str, include: str | None, weight: str, warned: bool
) -> None:
    _override(tmp_path, "case.j2", case)
    if include is not None:
        _override(tmp_path, "parts.j2", include)
    diags = Diagnostics()
    formatter = CitationFormatter(diags, tmp_path)
    for pin in ("5", "6"):  # two citations: one warning
        formatter.format(source("campbell"), "full", pin, weight=weight)
    found = [d for d in diags.sorted() if d.code == "PD330"]
    assert len(found) == int(warned), [d.format() for d in diags]
    if warned:
        assert found[0].file.endswith("case.j2") and "'(mem.)'" in found[0].message


def test_sandbox_refuses_unsafe_templates(tmp_path: Path) -> None:
    _override(tmp_path, "book.j2", "{{ source.__class__.__mro__ }}")
    diags = Diagnostics()
    CitationFormatter(diags, tmp_path).format(source("litman"), "full")
    assert [d.code for d in diags.sorted()] in (["PD305"], ["PD303"])


def test_strong_never_comes_out() -> None:
    formatted = CitationFormatter(Diagnostics()).format(source("campbell"), "full")
    assert not any(isinstance(inline, Strong) for inline in formatted)
