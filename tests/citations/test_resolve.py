"""Resolution: body citations become notes, Id. and short forms follow document order."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.resolve import resolve_citations
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    Cite,
    CiteItem,
    Document,
    Emph,
    Inline,
    Link,
    Metadata,
    Note,
    Para,
    Text,
    iter_nodes,
    iter_notes,
    plain_text,
)
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText
from tests.citations.test_format import bibliography, markup
from tests.helpers import write_submission

BODY = Location("body.md")


def resolve(
    text: str, bib: Bibliography | None = None, *, folder: Path | None = None
) -> tuple[Document, Diagnostics]:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, BODY), diags)
    assert not diags.items, diags.sorted()
    document = Document(Metadata("Title", "Author"), blocks)
    bib = bibliography() if bib is None else bib
    return resolve_citations(document, bib, diags, folder=folder), diags


def notes(text: str) -> list[str]:
    """Every note's text in the templates' markup (``*italics*``), in document order."""
    document, diags = resolve(text)
    assert not diags.has_errors, diags.sorted()
    return [_note_markup(note) for note in iter_notes(document.blocks)]


def _note_markup(note: Note) -> str:
    paragraphs = []
    for block in note.blocks:
        assert isinstance(block, Para)
        paragraphs.append(markup(tuple(i for i in block.inlines if not isinstance(i, Note))))
    return " / ".join(paragraphs)


CAMPBELL = "*Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569"
GOOGLE = "*Authors Guild v. Google, Inc.*, 804 F.3d 202"

# (body, the notes it gives)
SEQUENCES = [
    pytest.param("A.[@campbell]", [f"{CAMPBELL} (1994)."], id="full-form-and-period"),
    pytest.param("A.[@campbell, 579]", [f"{CAMPBELL}, 579 (1994)."], id="pin"),
    pytest.param(
        "A.[@campbell, 579] B.[@campbell, 579]",
        [f"{CAMPBELL}, 579 (1994).", "*Id.*"],
        id="id-same-pin-one-period",
    ),
    pytest.param(
        "A.[@campbell, 579] B.[@campbell, 584]",
        [f"{CAMPBELL}, 579 (1994).", "*Id.* at 584."],
        id="id-new-pin",
    ),
    pytest.param(
        "A.[@campbell, 579] B.[@campbell]",
        [f"{CAMPBELL}, 579 (1994).", "*Id.*"],
        id="id-no-pin",
    ),
    pytest.param(
        "A.[@campbell; @google] B.[@campbell, 580]",
        [f"{CAMPBELL} (1994); {GOOGLE} (2d Cir. 2015).", "*Campbell*, 510 U.S. at 580."],
        id="no-id-after-multi-source-note",
    ),
    pytest.param(
        "A.[@campbell] B.[@google] C.[@campbell, 581]",
        [f"{CAMPBELL} (1994).", f"{GOOGLE} (2d Cir. 2015).", "*Campbell*, 510 U.S. at 581."],
        id="short-form-after-another-source",
    ),
    pytest.param(
        "A.[@campbell, 5; @campbell, 7]",
        [f"{CAMPBELL}, 5 (1994); *id.* at 7."],
        id="id-within-a-note-lower-case",
    ),
    pytest.param(
        "A.[see @campbell, 579; cf. @google]",
        [f"*See* {CAMPBELL}, 579 (1994); *cf.* {GOOGLE} (2d Cir. 2015)."],
        id="signals-start-and-inside",
    ),
    pytest.param(
        "A.[@google] B.[see also @google, 210]",
        [f"{GOOGLE} (2d Cir. 2015).", "*See also* *id.* at 210."],
        id="signal-then-id",
    ),
    pytest.param(
        "A.[e.g., @campbell]",
        [f"*E.g.*, {CAMPBELL} (1994)."],
        id="eg-comma-roman",
    ),
    pytest.param(
        "A.[but see, e.g., @campbell]",
        [f"*But see, e.g.*, {CAMPBELL} (1994)."],
        id="but-see-eg",
    ),
    pytest.param(
        "A.[@campbell, 579 (holding that *parody* may be fair use)]",
        [f"{CAMPBELL}, 579 (1994) (holding that *parody* may be fair use)."],
        id="parenthetical",
    ),
    pytest.param(
        "A.[@s107, (1)] B.[@s107, (4)] C.[@google] D.[@s107]",
        ["17 U.S.C. § 107(1).", "*Id.* § 107(4).", f"{GOOGLE} (2d Cir. 2015).", "§ 107."],
        id="statute-forms",
    ),
    pytest.param(
        "A.[@rfi, 9089] B.[@cfr] C.[@rfi, 9090]",
        [
            "Request for Information on the Development of an Artificial Intelligence (AI) "
            "Action Plan, 90 Fed. Reg. 9088, 9089 (Feb. 6, 2025).",
            "37 C.F.R. § 202.1 (2024).",
            "90 Fed. Reg. at 9090.",
        ],
        id="federal-register-forms",
    ),
    pytest.param(
        "A.[@openai]",
        [
            "OpenAI, Comment Letter on AI Action Plan (Mar. 13, 2025), "
            "<https://www.regulations.gov/comment/NSF_FRDOC_0001-3479>."
        ],
        id="url-at-the-end-then-period",
    ),
    pytest.param(
        "A.[@litman, 45] B.[@google] C.[@litman, 46]",
        [
            "Jessica Litman, *Digital Copyright* 45 (Prometheus Books 2d ed. 2006).",
            f"{GOOGLE} (2d Cir. 2015).",
            "Litman, *supra*, at 46.",  # Indigo Book R6; the old row repeated the title
        ],
        id="book-short-form",
    ),
    pytest.param(
        "A.[@campbell] B.[^prose] C.[@campbell, 3]\n\n[^prose]: Just prose.",
        [f"{CAMPBELL} (1994).", "Just prose.", "*Campbell*, 510 U.S. at 3."],
        id="prose-note-breaks-id",
    ),
]


@pytest.mark.parametrize(("body", "expected"), SEQUENCES)
def test_sequence(body: str, expected: list[str]) -> None:
    assert notes(body) == expected


def test_citations_share_numbering_with_footnotes_in_document_order() -> None:
    body = "One.[^a] Two.[@campbell] Three.[^b] Four.[@google]\n\n[^a]: First.\n\n[^b]: Third."
    assert [n.split(" ")[0] for n in notes(body)] == ["First.", "*Campbell", "Third.", "*Authors"]


# (footnote text, the note it gives): a citation in a note is formatted in its text
IN_NOTES = [
    pytest.param("See [@campbell].", f"See {CAMPBELL} (1994).", id="in-prose"),
    pytest.param("[@campbell] is the case.", f"{CAMPBELL} (1994) is the case.", id="note-start"),
    pytest.param(
        "[see @campbell]. Also [see @google].",
        f"*See* {CAMPBELL} (1994). Also *see* {GOOGLE} (2d Cir. 2015).",
        id="signal-case-by-sentence",
    ),
]


@pytest.mark.parametrize(("footnote", "expected"), IN_NOTES)
def test_citation_inside_a_note(footnote: str, expected: str) -> None:
    bib = bibliography("campbell", "google")
    document, diags = resolve(f"Text.[^n]\n\n[^n]: {footnote}\n", bib)
    assert not diags.has_errors
    (note,) = iter_notes(document.blocks)
    assert _note_markup(note) == expected
    assert not any(
        isinstance(i, Note) for b in note.blocks if isinstance(b, Para) for i in b.inlines
    )


def test_id_inside_a_note_keeps_one_period() -> None:
    body = "A.[@campbell] B.[^n]\n\n[^n]: See [@campbell]. Then [@campbell, 9].\n"
    assert notes(body)[1] == "See *id.* Then *id.* at 9."


def test_italics_are_emph_nodes() -> None:
    document, _ = resolve("A.[see @campbell]")
    (note,) = iter_notes(document.blocks)
    para = note.blocks[0]
    assert isinstance(para, Para)
    assert para.inlines[0] == Emph((Text("See"),))
    assert para.inlines[2] == Emph((Text("Campbell v. Acuff-Rose Music, Inc."),))


def test_url_stays_a_link_and_the_period_outside_it() -> None:
    document, _ = resolve("A.[@openai]")
    (note,) = iter_notes(document.blocks)
    inlines = note.blocks[0].inlines  # type: ignore[union-attr]
    assert isinstance(inlines[-2], Link)
    assert inlines[-1] == Text(".")


def test_no_cite_is_left() -> None:
    document, _ = resolve("# Head [@google]\n\n- item [@campbell]\n\n> quote [@s107]")
    assert _cites(document.blocks) == 0
    assert len(list(iter_notes(document.blocks))) == 3


def _cites(blocks: tuple[Block, ...]) -> int:
    return sum(isinstance(node, Cite) for node in iter_nodes(blocks))


def test_what_holds_no_citation_is_handed_back_not_copied() -> None:
    text = "# Head\n\nA *b*.[^n]\n\n[^n]: Note.\n\n- item\n\n> quote [@campbell]\n"
    blocks = read_markdown(MarkdownText(text, BODY), Diagnostics())
    document = Document(Metadata("Title", "Author"), blocks)
    resolved = resolve_citations(document, bibliography(), Diagnostics())
    assert [new is old for new, old in zip(resolved.blocks, blocks, strict=True)] == [
        True,
        True,
        True,
        False,  # the quote: its citation became a note
    ]
    plain = Document(Metadata("Title", "Author"), blocks[:-1])
    assert resolve_citations(plain, bibliography(), Diagnostics()).blocks is plain.blocks


def test_unknown_key_is_pd501_with_suggestion_at_the_cite() -> None:
    document, diags = resolve("Line one.\n\nSee also [@campbel, 5].", bibliography("campbell"))
    (diag,) = [d for d in diags.sorted() if d.code == "PD501"]
    assert diag.format() == (
        "body.md:3:10: error PD501: no source 'campbel' in sources.yaml; did you mean '@campbell'?"
    )
    assert "@campbel" in plain_text(next(iter_notes(document.blocks)).blocks[0].inlines)  # type: ignore[union-attr]


def test_no_bibliography_makes_every_citation_pd501() -> None:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText("A.[@a] B.[@b]", BODY), diags)
    resolve_citations(Document(Metadata("T", "A"), blocks), None, diags)
    assert [d.format() for d in diags.sorted()] == [
        "body.md:1:3: error PD501: no bibliography: add sources: to policydraft.yaml (to cite @a)",
        "body.md:1:10: error PD501: no bibliography: add sources: to policydraft.yaml (to cite @b)",
    ]


def test_invalid_entries_are_not_reported_again() -> None:
    bib = Bibliography(bibliography("campbell").entries, "sources.yaml", frozenset({"broken"}))
    _, diags = resolve("A.[@campbell] B.[@broken]", bib)
    assert diags.items == []


def test_uncited_source_is_pd503_at_its_entry() -> None:
    _, diags = resolve("A.[@campbell]", bibliography("campbell", "google"))
    assert [d.format() for d in diags.sorted()] == [
        "sources.yaml:11:1: warning PD503: source 'google' is never cited"
    ]


def test_used_sources_are_not_uncited() -> None:
    diags = Diagnostics()
    document = Document(Metadata("T", "A"), ())
    resolve_citations(document, bibliography("rfi"), diags, used=("rfi",))
    assert diags.items == []


def test_submission_templates_override_the_built_in_ones(tmp_path: Path) -> None:
    path = tmp_path / "templates" / "citations" / "bluebook" / "case.j2"
    path.parent.mkdir(parents=True)
    path.write_text("{% if form == 'id' %}*Ibid.*{% else %}*{{ source.name }}*{% endif %}")
    document, _ = resolve("A.[@campbell] B.[@campbell]", folder=tmp_path)
    assert [_note_markup(n) for n in iter_notes(document.blocks)] == [
        "*Campbell v. Acuff-Rose Music, Inc.*",  # its own period ends the note
        "*Ibid.*",
    ]


def test_pipeline_resolves_citations_from_sources_yaml(tmp_path: Path) -> None:
    from policydraft.pipeline import check

    folder = write_submission(tmp_path, {"sources": "sources.yaml", "conclusion": "End.[@c]\n"})
    (folder / "sources.yaml").write_text(
        "- id: c\n  type: statute\n  title: '17'\n  code: U.S.C.\n  section: '107'\n"
        "- id: unused\n  type: statute\n  title: '17'\n  code: U.S.C.\n  section: '106'\n",
        encoding="utf-8",
    )
    diags = Diagnostics()
    checked = check(folder, diags)
    assert checked is not None and checked.document is not None, diags.sorted()
    texts = [plain_text(n.blocks[0].inlines) for n in iter_notes(checked.document.blocks)]  # type: ignore[union-attr]
    assert "17 U.S.C. § 107." in texts
    assert [(d.code, d.line) for d in diags.sorted()] == [("PD503", 6)]


def test_five_thousand_citations_of_a_thousand_sources() -> None:
    """Timing is measured by bench/citations.py, never asserted here."""
    from tests.citations.test_format import SOURCES, source

    kinds = list(SOURCES)
    entries = {}
    for number in range(1000):
        base = source(kinds[number % len(kinds)])
        located = bibliography(base.id)[base.id]
        entries[f"s{number}"] = type(located)(
            base.model_copy(update={"id": f"s{number}"}), located.where
        )
    bib = Bibliography(entries, "sources.yaml")
    cites: list[Inline] = []
    for number in range(5000):
        item = CiteItem(
            f"s{(number * 7) % 1000}", "see" if number % 3 else "", str(number % 40 + 1)
        )
        cites += [Text(" x"), Cite((item,), "body.md", 1, 1)]
    document = Document(Metadata("T", "A"), (Para(tuple(cites)),))
    resolved = resolve_citations(document, bib, Diagnostics())
    assert len(list(iter_notes(resolved.blocks))) == 5000


def test_citation_after_a_quoted_sentence_is_capitalised() -> None:
    body = "A.[@campbell] B.[^n]\n\n[^n]: The test is “case by case.” [@campbell]\n"
    assert notes(body)[1] == "The test is “case by case.” *Id.*"
