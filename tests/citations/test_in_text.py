"""pandoc's in-text citations (``@key [pin]``), author suppression (``[-@key]``) and PD519.

What these mean comes from pandoc's manual ("Citation syntax": ``@smith04 [p. 33] says
blah`` puts the author in the text; a minus before the ``@`` suppresses the author). The
Bluebook forms they print come from outside references, named per row:

- BROWN: the short forms of *Brown v. Helvering*, 291 U.S. 193, 203 (1934) in law-library
  "Short Form Citations – Cases" guides: ``Brown, 291 U.S. at 203`` and, with the name in
  the sentence, ``291 U.S. at 203`` (Bluebook rule 10.9(a)(i); Indigo Book R15).
- CAMPBELL: *Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569 (1994), as the Indigo Book
  prints Supreme Court cases (R11: name, volume, U.S., first page, year).
"""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.resolve import resolve_citations
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Cite, CiteItem, Document, Metadata, Note, Text, iter_notes
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_citations import CitationError, parse_citation, scan_in_text
from policydraft.readers.markdown_text import MarkdownText
from tests.citations.test_format import bibliography, markup
from tests.citations.test_resolve import _note_markup, resolve

BROWN = {"type": "case", "name": "Brown v. Helvering", "volume": 291, "reporter": "U.S.",
         "page": 193, "year": 1934}  # fmt: skip


def _bib() -> Bibliography:
    base = bibliography()
    brown = TypeAdapter(Source).validate_python({"id": "brown", **BROWN})
    entries = {**base, "brown": LocatedSource(brown, Location("sources.yaml", 999))}
    return Bibliography(entries, "sources.yaml")


# (written, items)
PARSED = [
    pytest.param("@campbell", (CiteItem("campbell"),), id="bare"),
    pytest.param("@campbell [579]", (CiteItem("campbell", pin="579"),), id="locator"),
    pytest.param("@campbell [p. 579]", (CiteItem("campbell", pin="579"),), id="p-dropped"),
    pytest.param(
        "@campbell [579 (parody)]",
        (CiteItem("campbell", pin="579", parenthetical="parody"),),
        id="locator-parenthetical",
    ),
    pytest.param(
        "[-@campbell, 579]", (CiteItem("campbell", pin="579", suppress_author=True),), id="minus"
    ),
    pytest.param(
        "[see -@campbell]",
        (CiteItem("campbell", signal="see", suppress_author=True),),
        id="signal-minus",
    ),
]


@pytest.mark.parametrize(("written", "items"), PARSED)
def test_parse(written: str, items: tuple[CiteItem, ...]) -> None:
    assert parse_citation(written) == items


@pytest.mark.parametrize(
    "written", ["@campbell []", "@campbell [  ]", "[-@]", "@campbell [x (]", "@campbell [5; 6]"]
)
def test_bad_in_text_citations_are_errors(written: str) -> None:
    assert isinstance(parse_citation(written), CitationError)


# (text, where the "@" is, the citation's end or None)
SCANNED = [
    pytest.param("As @campbell explains", 3, 12, id="bare"),
    pytest.param("As @campbell [579] explains", 3, 18, id="locator"),
    pytest.param("ask name@example.com", 8, None, id="email"),
    pytest.param("@campbell [see @x]", 0, 9, id="bracket-is-a-citation"),
    pytest.param("@campbell [link](https://x)", 0, 9, id="bracket-is-a-link"),
    pytest.param("@campbell [^1]", 0, 9, id="bracket-is-a-note"),
    pytest.param("(@campbell)", 1, 10, id="in-parentheses"),
    pytest.param("@campbell.", 0, 9, id="sentence-period"),
]


@pytest.mark.parametrize(("text", "at", "end"), SCANNED)
def test_scan_in_text(text: str, at: int, end: int | None) -> None:
    assert scan_in_text(text, at, len(text)) == end


def _letter(text: str) -> tuple[str, list[str]]:
    """The sentence with ``¹`` for each note, and the notes' text."""
    document, diags = resolve(text, _bib())
    assert not diags.has_errors, diags.sorted()
    para = document.blocks[0]
    sentence = markup(tuple(Text("¹") if isinstance(i, Note) else i for i in para.inlines))
    return sentence, [_note_markup(note) for note in iter_notes(document.blocks)]


CAMPBELL = "*Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569"
# (body, the sentence printed, its notes): realistic sequences
LETTERS = [
    pytest.param(
        "As @campbell [579] explains, parody is fair.",
        "As *Campbell v. Acuff-Rose Music, Inc.*¹ explains, parody is fair.",
        [f"{CAMPBELL}, 579 (1994)."],
        id="CAMPBELL-in-text-full",
    ),
    pytest.param(
        "In @brown [203], the Court held. Later, @brown [204] agreed.",
        "In *Brown v. Helvering*¹, the Court held. Later, *Brown*¹ agreed.",
        ["*Brown v. Helvering*, 291 U.S. 193, 203 (1934).", "*Id.* at 204."],
        id="BROWN-first-party-later",
    ),
    pytest.param(
        "A.[@brown, 203] B.[@campbell] In Brown, the Court said so.[-@brown, 203]",
        "A.¹ B.¹ In Brown, the Court said so.¹",
        [
            "*Brown v. Helvering*, 291 U.S. 193, 203 (1934).",
            f"{CAMPBELL} (1994).",
            "291 U.S. at 203.",
        ],
        id="BROWN-short-without-name",
    ),
    pytest.param(
        "In *Brown v. Helvering*, the Court held so.[-@brown, 203]",
        "In *Brown v. Helvering*, the Court held so.¹",
        ["291 U.S. 193, 203 (1934)."],
        id="BROWN-full-without-name",
    ),
    pytest.param(
        "A.[@brown, 203] B.[-@brown, 204]",
        "A.¹ B.¹",
        ["*Brown v. Helvering*, 291 U.S. 193, 203 (1934).", "*Id.* at 204."],
        id="id-keeps-its-form",
    ),
    pytest.param(
        "Litman argues so.[-@litman, 12]",
        "Litman argues so.¹",
        ["*Digital Copyright* 12 (Prometheus Books 2d ed. 2006)."],
        id="book-without-author",
    ),
    pytest.param(
        "@litman [12] argues so.",
        "Jessica Litman¹ argues so.",
        ["Jessica Litman, *Digital Copyright* 12 (Prometheus Books 2d ed. 2006)."],
        id="book-author-in-text",
    ),
]


@pytest.mark.parametrize(("body", "sentence", "notes"), LETTERS)
def test_in_text_letters(body: str, sentence: str, notes: list[str]) -> None:
    assert _letter(body) == (sentence, notes)


@pytest.mark.parametrize(
    ("body", "with_sources", "says"),
    [
        ("As @nosuch explains.", True, "has no source 'nosuch'"),
        ("As @campbel explains.", True, "(did you mean '@campbell'?)"),
        ("Write to us at @OSTP_gov today.", False, "there is no bibliography"),
    ],
)
def test_in_text_unknown_key_is_pd501(body: str, with_sources: bool, says: str) -> None:
    """A handle typed into a sentence reads as a citation, as in pandoc: the error says so and
    how to write an @ that is not one; the word is kept, never dropped."""
    key = body.split("@")[1].split()[0]
    document, diags = resolve(body, _bib()) if with_sources else _without_sources(body)
    (error,) = [d for d in diags.sorted() if d.severity == "error"]
    assert error.code == "PD501" and says in error.message
    assert error.message.endswith(f"write it as \\@{key}")
    assert f"@{key}" in markup(document.blocks[0].inlines)


def _without_sources(text: str) -> tuple[Document, Diagnostics]:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, Location("body.md")), diags)
    document = Document(Metadata("Title", "Author"), blocks)
    return resolve_citations(document, None, diags), diags


def test_an_escaped_at_sign_is_text() -> None:
    document, diags = _without_sources("Write to us at \\@OSTP_gov today.")
    assert not diags.items
    assert markup(document.blocks[0].inlines) == "Write to us at @OSTP_gov today."


# (body, whether PD519 is reported)
NOUNS = [
    pytest.param("As [@campbell, 43] explains, x.", True, id="as-explains"),
    pytest.param("This is shown in [@campbell] and elsewhere.", True, id="in-and"),
    pytest.param("The rule of [@campbell] controls.", True, id="of-controls"),
    pytest.param("Parody is fair use.[@campbell, 579]", False, id="after-sentence"),
    pytest.param("Parody is fair use [@campbell, 579].", False, id="before-period"),
    pytest.param("As held [@campbell], parody is fair.", False, id="after-verb"),
    pytest.param("As [@campbell], Parody.", False, id="comma-after"),
    pytest.param("As [see @campbell] explains.", False, id="signal"),
    pytest.param("As [@campbell; @google] explain.", False, id="two-items"),
    pytest.param("As @campbell [43] explains.", False, id="in-text-form"),
    pytest.param("Ask [@campbell] explains.", False, id="not-a-cue"),
]


@pytest.mark.parametrize(("body", "reported"), NOUNS)
def test_citation_used_as_a_noun(body: str, reported: bool) -> None:
    _, diags = resolve(body, _bib())
    found = [d for d in diags.items if d.code == "PD519"]
    assert bool(found) == reported
    if found:
        assert found[0].line == 1 and found[0].column == body.index("[") + 1
        assert "@campbell" in found[0].message


def test_noun_diagnostic_suggests_the_in_text_form() -> None:
    _, diags = resolve("As [@campbell, 43] explains.", _bib())
    (found,) = [d for d in diags.items if d.code == "PD519"]
    assert "As" not in found.message.split("form")[1]
    assert "@campbell [43]" in found.message


def test_cite_flags_default_off() -> None:
    assert Cite((CiteItem("a"),)).in_text is False
    assert CiteItem("a").suppress_author is False
