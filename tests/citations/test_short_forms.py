"""Short forms, *supra*, hereinafter and the five-footnote rule, as exact footnote sequences.

Where the expected strings come from (each row names its rule):

- The Indigo Book: A Manual of Legal Citation (Public.Resource.Org, 2d ed. 2021; public
  domain), R6 "Full and Short Citations": secondary sources later cited as "Author, *supra*,
  at PIN", with "note N" only where footnotes are cross-referenced.
- The Bluebook rules the Indigo Book implements and law-library guides teach: R4.2(a) supra
  (author's surname, "supra note N, at PIN"; a multivolume work keeps its volume), R4.2(b)
  hereinafter, R10.9(b) the five-footnote rule for cases, R15.1 multivolume works
  ("2 William F. Patry, *Patry on Copyright* § 4:1 (2024)", issue 11's example), R16.6 print
  newspapers ("Wall St. J., Mar. 3, 2023, at B1", issue 11's example), R16.5 magazines with
  first page and pin, R2.2(a)(iii) roman words inside an italic title.

The sources are real publications (Leval, Harv. L. Rev. 1990; Samuelson, Science 2023 and
Wash. L. Rev. 2015; Nimmer on Copyright; Lepore, New Yorker 2014; the Copyright Office's 2015
music report), except the newspaper row, which uses issue 11's example shape.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.filters import bluebook_date
from policydraft.citations.format import CitationFormatter
from policydraft.citations.resolve import resolve_citations
from policydraft.citations.secondary import MonthDate, YearDate, surname
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Document, Emph, Metadata, Text, iter_notes
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText
from policydraft.submission.schema import CitationsConfig
from tests.citations.test_resolve import _note_markup

ENTRIES: dict[str, dict[str, Any]] = {
    "leval": {
        "type": "article",
        "author": "Pierre N. Leval",
        "title": "Toward a Fair Use Standard",
        "journal": "Harv. L. Rev.",
        "volume": 103,
        "page": 1105,
        "year": 1990,
    },
    "samuelson-ai": {
        "type": "article",
        "author": "Pamela Samuelson",
        "title": "Generative AI Meets Copyright",
        "journal": "Science",
        "volume": 381,
        "page": 158,
        "year": 2023,
        "url": "https://doi.org/10.1126/science.adi0656",
    },
    "samuelson-futures": {
        "type": "article",
        "author": "Pamela Samuelson",
        "title": "Possible Futures of Fair Use",
        "journal": "Wash. L. Rev.",
        "volume": 90,
        "page": 815,
        "year": 2015,
        "short": "Possible Futures",
    },
    "patry": {
        "type": "book",
        "author": "William F. Patry",
        "title": "Patry on Copyright",
        "year": 2024,
        "volume": 2,
    },
    "nimmer": {
        "type": "book",
        "author": "Melville B. Nimmer & David Nimmer",
        "title": "Nimmer on Copyright",
        "year": 2024,
        "volume": 4,
    },
    "music": {
        "type": "report",
        "author": "U.S. Copyright Office",
        "title": "Copyright and the Music Marketplace",
        "date": 2015,
    },
    "wsj": {
        "type": "news",
        "author": "Jane Doe",
        "title": "Print Edition Story",
        "publication": "Wall St. J.",
        "date": "2023-03-03",
        "page": "B1",
    },
    "lepore": {
        "type": "news",
        "author": "Jill Lepore",
        "title": "The Disruption Machine",
        "publication": "New Yorker",
        "date": "2014-06-23",
        "page": "30",
    },
    "monthly": {
        "type": "news",
        "author": "John Smith",
        "title": "A Monthly Story",
        "publication": "Atlantic",
        "date": "2023-03",
        "page": "34",
    },
    "italic-title": {
        "type": "article",
        "author": "Jane Roe",
        "title": "Reading *Campbell* Again",
        "journal": "Colum. L. Rev.",
        "volume": 120,
        "page": 1,
        "year": 2020,
    },
    "campbell": {
        "type": "case",
        "name": "Campbell v. Acuff-Rose Music, Inc.",
        "volume": 510,
        "reporter": "U.S.",
        "page": 569,
        "year": 1994,
    },
}

LEVAL = "Pierre N. Leval, *Toward a Fair Use Standard*, 103 Harv. L. Rev. 1105"
CAMPBELL = "*Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569"
PROSE = "".join(f"[^p{n}]" for n in range(1, 6))
PROSE_NOTES = "\n\n".join(f"[^p{n}]: Prose {n}." for n in range(1, 6))


def bibliography() -> Bibliography:
    adapter: TypeAdapter[Any] = TypeAdapter(Source)
    entries = {
        key: LocatedSource(adapter.validate_python({"id": key, **fields}), Location("s.yaml", 1))
        for key, fields in ENTRIES.items()
    }
    return Bibliography(entries, "s.yaml")


def notes(text: str, **settings: Any) -> list[str]:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, Location("body.md")), diags)
    document = Document(Metadata("Title", "Author"), blocks)
    config = CitationsConfig(**settings)
    resolved = resolve_citations(document, bibliography(), diags, settings=config)
    assert not diags.has_errors, diags.sorted()
    return [_note_markup(note) for note in iter_notes(resolved.blocks)]


# (body, settings, the footnotes it gives)
SEQUENCES = [
    pytest.param(  # Indigo Book R6 / Bluebook R4.2(a): surname, supra, at pin
        "A.[@leval, 1107] B.[@campbell] C.[@leval, 1110]",
        {},
        [f"{LEVAL}, 1107 (1990).", f"{CAMPBELL} (1994).", "Leval, *supra*, at 1110."],
        id="article-supra",
    ),
    pytest.param(  # Bluebook R4.2(a): "supra note N", N the note of the full citation
        "A.[@campbell] B.[@leval, 1107] C.[@campbell, 579] D.[@leval, 1110]",
        {"supra": "note"},
        [
            f"{CAMPBELL} (1994).",
            f"{LEVAL}, 1107 (1990).",
            "*Campbell*, 510 U.S. at 579.",
            "Leval, *supra* note 2, at 1110.",
        ],
        id="supra-note-number",
    ),
    pytest.param(  # Indigo Book R29.2: a multivolume supra drops the volume; no "at" before §
        "A.[@patry, § 4:1] B.[@campbell] C.[@patry, § 4:2]",
        {},
        [
            "2 William F. Patry, *Patry on Copyright* § 4:1 (2024).",
            f"{CAMPBELL} (1994).",
            "Patry, *supra*, § 4:2.",
        ],
        id="multivolume-supra",
    ),
    pytest.param(  # two authors: both surnames (Indigo Book R29.2: "Nimmer & Nimmer, *supra*")
        "A.[@nimmer, § 13.05] B.[@campbell] C.[@nimmer, § 13.03]",
        {},
        [
            "4 Melville B. Nimmer & David Nimmer, *Nimmer on Copyright* § 13.05 (2024).",
            f"{CAMPBELL} (1994).",
            "Nimmer & Nimmer, *supra*, § 13.03.",
        ],
        id="two-authors-supra",
    ),
    pytest.param(  # Bluebook R4.2(b): two works by one author need hereinafter names
        "A.[@samuelson-ai, 159] B.[@samuelson-futures, 820] C.[@samuelson-ai, 160] "
        "D.[@samuelson-futures, 821]",
        {},
        [
            "Pamela Samuelson, *Generative AI Meets Copyright*, 381 Science 158, 159 (2023), "
            "<https://doi.org/10.1126/science.adi0656> "
            "[hereinafter Samuelson, *Generative AI Meets Copyright*].",
            "Pamela Samuelson, *Possible Futures of Fair Use*, 90 Wash. L. Rev. 815, 820 (2015) "
            "[hereinafter *Possible Futures*].",
            "Samuelson, *Generative AI Meets Copyright*, *supra*, at 160.",
            "*Possible Futures*, *supra*, at 821.",
        ],
        id="hereinafter",
    ),
    pytest.param(  # Bluebook R4.2(b): no hereinafter for a source never cited again
        "A.[@samuelson-futures, 820]",
        {},
        ["Pamela Samuelson, *Possible Futures of Fair Use*, 90 Wash. L. Rev. 815, 820 (2015)."],
        id="hereinafter-only-when-cited-again",
    ),
    pytest.param(  # Indigo Book R6: an institutional author is named whole; year-only date
        "A.[@music, 12] B.[@campbell] C.[@music, 15]",
        {},
        [
            "U.S. Copyright Office, *Copyright and the Music Marketplace* 12 (2015).",
            f"{CAMPBELL} (1994).",
            "U.S. Copyright Office, *supra*, at 15.",
        ],
        id="report-year-only",
    ),
    pytest.param(  # Bluebook R16.6: print newspaper, date unparenthesised, "at" first page
        "A.[@wsj] B.[@campbell] C.[@wsj]",
        {},
        [
            "Jane Doe, *Print Edition Story*, Wall St. J., Mar. 3, 2023, at B1.",
            f"{CAMPBELL} (1994).",
            "Doe, *supra*.",
        ],
        id="print-newspaper",
    ),
    pytest.param(  # Bluebook R16.5: a magazine's first page, then the pin
        "A.[@lepore, 32]",
        {},
        ["Jill Lepore, *The Disruption Machine*, New Yorker, June 23, 2014, at 30, 32."],
        id="magazine-first-page-and-pin",
    ),
    pytest.param(  # a monthly: the month and year, never a first day
        "A.[@monthly]",
        {},
        ["John Smith, *A Monthly Story*, Atlantic, Mar. 2023, at 34."],
        id="magazine-month-only",
    ),
    pytest.param(  # Bluebook R2.2(a)(iii): a case name inside an italic title prints roman
        "A.[@italic-title, 3]",
        {},
        ["Jane Roe, *Reading *Campbell* Again*, 120 Colum. L. Rev. 1, 3 (2020)."],
        id="roman-inside-italic-title",
    ),
    pytest.param(  # Bluebook R10.9(b): cited five notes back -> short form
        f"A.[@campbell] B.{PROSE[:-5]} C.[@campbell, 579]\n\n{PROSE_NOTES}",
        {},
        [
            f"{CAMPBELL} (1994).",
            *(f"Prose {n}." for n in range(1, 5)),
            "*Campbell*, 510 U.S. at 579.",
        ],
        id="five-notes-short",
    ),
    pytest.param(  # Bluebook R10.9(b): six notes back -> the full form again
        f"A.[@campbell] B.{PROSE} C.[@campbell, 579]\n\n{PROSE_NOTES}",
        {},
        [f"{CAMPBELL} (1994).", *(f"Prose {n}." for n in range(1, 6)), f"{CAMPBELL}, 579 (1994)."],
        id="six-notes-full-again",
    ),
    pytest.param(  # the switch: a letter read straight through keeps the short form
        f"A.[@campbell] B.{PROSE} C.[@campbell, 579]\n\n{PROSE_NOTES}",
        {"five_footnotes": False},
        [
            f"{CAMPBELL} (1994).",
            *(f"Prose {n}." for n in range(1, 6)),
            "*Campbell*, 510 U.S. at 579.",
        ],
        id="five-footnotes-off",
    ),
    pytest.param(  # secondary sources are not renewed: supra is as far back as needed
        f"A.[@leval, 1107] B.{PROSE} C.[@leval, 1110]\n\n{PROSE_NOTES}",
        {"supra": "note"},
        [
            f"{LEVAL}, 1107 (1990).",
            *(f"Prose {n}." for n in range(1, 6)),
            "Leval, *supra* note 1, at 1110.",
        ],
        id="supra-far-back",
    ),
    pytest.param(  # Id. rules unchanged: Id. after the full form, then a short form
        "A.[@leval, 1107] B.[@leval, 1108] C.[@campbell] D.[@leval]",
        {},
        [f"{LEVAL}, 1107 (1990).", "*Id.* at 1108.", f"{CAMPBELL} (1994).", "Leval, *supra*."],
        id="id-then-supra",
    ),
]


@pytest.mark.parametrize(("body", "settings", "expected"), SEQUENCES)
def test_sequence(body: str, settings: dict[str, Any], expected: list[str]) -> None:
    assert notes(body, **settings) == expected


# --- parts ----------------------------------------------------------------------------------

SURNAMES = [
    ("Jessica Litman", "Litman"),
    ("William F. Patry", "Patry"),
    ("Melville B. Nimmer & David Nimmer", "Nimmer & Nimmer"),
    ("Ludwig van Beethoven", "van Beethoven"),
    ("Martin Luther King, Jr.", "King"),
    ("Pamela Samuelson et al.", "Samuelson et al."),
    ("U.S. Copyright Office", "U.S. Copyright Office"),  # institutions whole (Indigo Book R6)
    ("OpenAI", "OpenAI"),
    ("RAND Corp.", "RAND Corp."),
    ("Nat'l Acads. of Scis.", "Nat'l Acads. of Scis."),
]


@pytest.mark.parametrize(("author", "expected"), SURNAMES)
def test_surname(author: str, expected: str) -> None:
    assert surname(author) == expected


DATES = [
    (YearDate(2014, 1, 1), "2014"),
    (MonthDate(2023, 3, 1), "Mar. 2023"),
    (MonthDate(2023, 9, 1), "Sept. 2023"),
    (dt.date(2014, 1, 1), "Jan. 1, 2014"),
]


@pytest.mark.parametrize(("date", "expected"), DATES)
def test_bluebook_date_of_a_partial_date(date: dt.date, expected: str) -> None:
    assert bluebook_date(date) == expected


# --- bad input ------------------------------------------------------------------------------

BAD_FIELDS = [
    ("report", "date", "2014-13"),
    ("report", "date", "14"),
    ("report", "date", "March 2014"),
    ("report", "date", True),
    ("report", "date", 0),
    ("news", "date", "2023-02-30"),
    ("book", "volume", 0),
    ("book", "volume", "two"),
]


@pytest.mark.parametrize(("key", "field", "value"), BAD_FIELDS)
def test_bad_fields_are_refused(key: str, field: str, value: Any) -> None:
    base = {"report": "music", "news": "wsj", "book": "patry"}[key]
    with pytest.raises(ValidationError):
        TypeAdapter(Source).validate_python({"id": "x", **ENTRIES[base], field: value})


@pytest.mark.parametrize(
    "settings", [{"supra": "footnote"}, {"five_footnotes": "often"}, {"supra_note": True}]
)
def test_bad_citation_settings_are_refused(settings: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        CitationsConfig(**settings)


def test_a_lone_star_in_a_title_is_printed() -> None:
    """An unpaired star is no markup: it prints, inside the italics."""
    fields = {**ENTRIES["leval"], "author": "Jane Q. Public", "title": "Five * Stars"}
    entry = TypeAdapter(Source).validate_python({"id": "star", **fields})
    formatted = CitationFormatter(Diagnostics()).format(entry, "full")
    assert formatted[1] == Emph((Text("Five * Stars"),))
