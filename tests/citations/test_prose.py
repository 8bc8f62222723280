"""Citations typed by hand into the prose (PD520)."""

from __future__ import annotations

import sys
from typing import Any

import eyecite
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.passages import iter_passages
from policydraft.citations.prose import check_prose_citations
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    BlockQuote,
    BulletList,
    Cite,
    CiteItem,
    Document,
    Emph,
    Heading,
    Inline,
    LetterPart,
    Metadata,
    Note,
    Para,
    Text,
)

WHERE = Location("policydraft.yaml", 1, 1)
SOURCES: list[dict[str, Any]] = [
    {"id": "copyright-act", "type": "statute", "title": "17", "code": "U.S.C.", "section": "106"},
    {
        "id": "campbell",
        "type": "case",
        "name": "Campbell v. Acuff-Rose Music, Inc.",
        "volume": 510,
        "reporter": "U.S.",
        "page": 569,
        "year": 1994,
    },
    {
        "id": "feist",
        "type": "case",
        "name": "Feist Publications, Inc. v. Rural Telephone Service Co.",
        "volume": 499,
        "reporter": "U. S.",
        "page": 340,
        "year": 1991,
    },
    {
        "id": "thaler",
        "type": "case",
        "name": "Thaler v. Perlmutter",
        "volume": 130,
        "reporter": "F.4th",
        "page": 1039,
        "year": 2025,
    },
    {"id": "registration", "type": "regulation", "title": "37", "code": "CFR", "section": "202.1"},
    {
        "id": "rfi",
        "type": "federal-register",
        "title": "Request for Information",
        "volume": 90,
        "page": 9088,
        "date": "2025-02-06",
    },
]


def bibliography(entries: list[dict[str, Any]] = SOURCES) -> Bibliography:
    adapter: TypeAdapter[Any] = TypeAdapter(Source)
    located = {
        entry["id"]: LocatedSource(adapter.validate_python(entry), Location("sources.yaml", i + 1))
        for i, entry in enumerate(entries)
    }
    return Bibliography(located, "sources.yaml")


def document(*blocks: Block) -> Document:
    return Document(Metadata("Title", "Author"), blocks)


def para(*inlines: Inline | str) -> Para:
    return Para(tuple(Text(i) if isinstance(i, str) else i for i in inlines))


def cite(key: str, line: int = 0, column: int = 1) -> Cite:
    return Cite((CiteItem(key),), "arguments/one.md" if line else "", line, column)


def run(doc: Document, bib: Bibliography | None = None, **kwargs: Any) -> list[Any]:
    diags = Diagnostics()
    check_prose_citations(doc, bib if bib is not None else bibliography(), diags, WHERE, **kwargs)
    return diags.sorted()


@pytest.mark.parametrize(
    ("text", "source_id"),
    [
        ("The Act grants exclusive rights, 17 U.S.C. § 106, to authors.", "copyright-act"),
        ("The Act grants exclusive rights. 17 U.S.C. § 106(1).", "copyright-act"),
        ("Parody may be fair use. Campbell, 510 U.S. 569, 579 (1994).", "campbell"),
        ("Originality is required. Feist, 499 US 340 (1991).", "feist"),
        ("Human authorship is required. 130 F. 4th 1039.", "thaler"),
        ("Registration is governed by 37 C.F.R. § 202.1(a).", "registration"),
        ("The Office asked for comment, 90 Fed. Reg. 9088.", "rfi"),
        ("Circumvention is barred by 17 U.S.C. § 1201(a)(1).", None),
        ("The case is Sony Corp. v. Universal City Studios, 464 U.S. 417 (1984).", None),
        ("Publicity rights: Cal. Civ. Code § 3344.", None),
    ],
)
def test_full_citations_typed_in_prose(text: str, source_id: str | None) -> None:
    found = run(document(para(text)))
    assert [(d.code, d.severity) for d in found] == [("PD520", "warning")]
    if source_id is None:
        assert "is not in the bibliography" in found[0].message
    else:
        assert f"cite it as [@{source_id}] instead" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "There is no citation here, only 2.3 million jobs in 2024.",
        "Short forms are not full citations: Campbell, 510 U.S. at 579; id. at 580.",
        "Section 106 grants rights; see the Act.",
    ],
)
def test_no_full_citation_no_warning(text: str) -> None:
    assert run(document(para(text))) == []


def test_exact_message_for_a_source_not_in_the_bibliography() -> None:
    (found,) = run(document(para("See 17 U.S.C.  § 107.")))
    assert found.format() == (
        "policydraft.yaml:1:1: warning PD520: '17 U.S.C. § 107' is typed into the text and is "
        "not in the bibliography; add it to the sources and cite it with [@key] so it is "
        "formatted and checked"
    )


def test_a_case_name_in_italics_and_its_cite_are_read_together() -> None:
    doc = document(para(Emph((Text("Campbell v. Acuff-Rose Music, Inc."),)), ", 510 U.S. 569."))
    (found,) = run(doc)
    assert "'510 U.S. 569'" in found.message


def test_every_kind_of_prose_is_read_but_not_letter_parts() -> None:
    doc = document(
        LetterPart("subject", (para("Re: 17 U.S.C. § 101"),)),
        Heading(1, (Text("Fair use under 17 U.S.C. § 102"),)),
        BlockQuote((para("quoted 17 U.S.C. § 103"),)),
        BulletList(((para("item 17 U.S.C. § 104"),),)),
        para("A claim.", Note((para("See 17 U.S.C. § 105."),))),
    )
    found = [d.message.split("'")[1] for d in run(doc, bibliography([]))]
    assert sorted(found) == [f"17 U.S.C. § {n}" for n in (102, 103, 104, 105)]


def test_location_is_the_nearest_cite_before_else_after_else_origin_else_where() -> None:
    before = para("As held,", cite("campbell", 7, 3), " see 17 U.S.C. § 107.")
    after = para("See 17 U.S.C. § 108.", cite("campbell", 9, 5))
    alone = para("See 17 U.S.C. § 109.")
    elsewhere = para("See 17 U.S.C. § 110.")
    origins = {alone: Location("arguments/two.md", 1, 1)}
    found = run(document(before, after, alone, elsewhere), origins=origins)
    assert [(d.file, d.line, d.column) for d in found] == [
        ("arguments/one.md", 7, 3),
        ("arguments/one.md", 9, 5),
        ("arguments/two.md", 1, 1),
        ("policydraft.yaml", 1, 1),
    ]


def test_cite_nodes_count_as_a_break_between_words() -> None:
    (passage,) = iter_passages((para("17 U.S.C.", cite("x"), "§ 106"),))
    assert passage.text == "17 U.S.C. § 106"
    assert passage.cites[0][0] == len("17 U.S.C.")


def test_eyecite_runs_once_per_paragraph_on_its_whole_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str] = []
    real = eyecite.get_citations

    def counting(text: str, **kwargs: Any) -> Any:
        seen.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(eyecite, "get_citations", counting)
    doc = document(
        para(Emph((Text("Campbell"),)), ", ", "510 U.S. 569", " and 17 U.S.C. § 107."),
        para("No citation in this one."),
        para("Another: 37 C.F.R. § 201.4."),
    )
    assert len(run(doc)) == 3
    assert seen == ["Campbell, 510 U.S. 569 and 17 U.S.C. § 107.", "Another: 37 C.F.R. § 201.4."]


def test_eyecite_is_not_imported_when_nothing_can_be_a_citation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "eyecite", None)  # importing it would now fail
    doc = document(para("Plain prose with 2.3 million jobs."), Heading(1, (Text("Why"),)))
    assert run(doc) == []


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(alphabet="0123456789 §.USCF()v,[]“”"))
def test_any_prose_gives_only_warnings(prefix: str, citation_like: str) -> None:
    found = run(document(para(prefix + citation_like), para(citation_like, cite("x", 3))))
    assert {(d.code, d.severity) for d in found} <= {("PD520", "warning")}
