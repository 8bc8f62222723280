"""The table of authorities (``table_of_authorities: true``): grouped and sorted as briefs
have it, with the pages of the real layout in the PDF, TA and TOA fields in the DOCX.

Expected citation forms are the Bluebook/Indigo Book forms of well-known authorities (Indigo
Book R12 cases, R14 federal statutes, R16 regulations); the TOA/TA field switches are those
of ECMA-376 Part 1, 17.16.5.73 "TA" (\\l long citation, \\s short, \\c category) and
17.16.5.75 "TOA" (\\h category heading, \\c category, \\p "passim").
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf
import pytest
from lxml import etree
from pydantic import ValidationError

from policydraft.citations.authorities import sort_key
from policydraft.compose.authorities import place_authorities
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Authority,
    Block,
    Document,
    Heading,
    LetterPart,
    Metadata,
    Note,
    Para,
    TableOfAuthorities,
    Text,
)
from policydraft.submission.schema import AuthoritiesConfig
from policydraft.writers.docx import write_docx
from policydraft.writers.html import write_html
from policydraft.writers.pdf import settled_layout, write_pdf
from tests.helpers import run_cli, write_submission
from tests.writers.test_layout_agreement import convert_with_libreoffice, needs_tools

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHERE = Location("policydraft.yaml", 9, 1)
LONG = "The rule would weigh on small businesses, which the agency should weigh in turn. " * 7

CAMPBELL = Authority(
    "campbell",
    1,
    "Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994)",
    "Campbell",
    "Campbell v. Acuff-Rose Music, Inc.",
)
HARPER = Authority(
    "harper",
    1,
    "Harper & Row, Publishers, Inc. v. Nation Enters., 471 U.S. 539 (1985)",
    "Harper & Row",
    "Harper & Row, Publishers, Inc. v. Nation Enters.",
)
S107 = Authority("s107", 3, "17 U.S.C. § 107 (2018)", "17 U.S.C. § 107")
S1201 = Authority("s1201", 3, "17 U.S.C. § 1201 (2018)", "17 U.S.C. § 1201")
S101 = Authority("s101", 3, "35 U.S.C. § 101 (2018)", "35 U.S.C. § 101")
ABALOS = Authority("abalos", 1, "Ábalos v. Smith, 1 U.S. 1 (1790)", "Ábalos")
ABBOTT = Authority("abbott", 1, "Abbott v. Jones, 2 U.S. 2 (1791)", "Abbott")
ZETA = Authority("zeta", 1, "Zeta v. Roe, 3 U.S. 3 (1792)", "Zeta")
CFR = Authority("cfr", 4, "37 C.F.R. § 202.1 (2023)", "37 C.F.R. § 202.1")
CFR2 = Authority("cfr2", 4, "37 C.F.R. § 202.10 (2023)", "37 C.F.R. § 202.10")
FR = Authority("fr", 5, "Exec. Order No. 14,179, 90 Fed. Reg. 8741 (Jan. 31, 2025)", "90 Fed. Reg.")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ((HARPER, CAMPBELL), (CAMPBELL, HARPER)),  # cases by name
        ((ZETA, ABBOTT, ABALOS), (ABALOS, ABBOTT, ZETA)),  # collated: "Á" as "A"
        ((S1201, S101, S107), (S107, S1201, S101)),  # title, then section, numerically
        ((CFR2, CFR), (CFR, CFR2)),  # 202.1 before 202.10
        ((FR, S107, CAMPBELL, CFR), (CAMPBELL, S107, CFR, FR)),  # groups in order
    ],
)
def test_authorities_are_grouped_and_sorted(
    given: tuple[Authority, ...], expected: tuple[Authority, ...]
) -> None:
    assert tuple(sorted(given, key=sort_key)) == expected


@pytest.mark.parametrize(
    ("pages", "passim", "printed"),
    [
        ((3,), 5, "3"),
        ((2, 4, 9), 5, "2, 4, 9"),
        ((1, 2, 3, 4, 5), 5, "1, 2, 3, 4, 5"),
        ((1, 2, 3, 4, 5, 6), 5, "passim"),
        ((1, 2), 1, "passim"),
        ((), 5, ""),
    ],
)
def test_more_pages_than_passim_print_passim(
    pages: tuple[int, ...], passim: int, printed: str
) -> None:
    table = TableOfAuthorities("Table of Authorities", (CAMPBELL,), passim, (pages,))
    assert table.page_text(0) == printed


@pytest.mark.parametrize("passim", [0, -1, "many"])
def test_a_passim_limit_below_one_is_refused(passim: object) -> None:
    with pytest.raises(ValidationError):
        AuthoritiesConfig(passim=passim)  # type: ignore[arg-type]


CITED = (CAMPBELL, HARPER, S107, FR)
PASSIM = 2  # a short letter: cited on three pages prints "passim"


def _letter() -> tuple[Block, ...]:
    blocks: list[Block] = [LetterPart("title", (Para((Text("Comment on the Rule"),)),))]
    count = 0
    for number in range(1, 6):
        blocks.append(Heading(1, (Text(f"Argument {number}"),), number))
        for k in range(3):
            cited = CITED[(number + k) % len(CITED)] if number < 5 or k == 0 else CAMPBELL
            count += 1
            note = Note((Para((Text(f"{cited.short}, at {1000 + count}."),)),), (cited.source_id,))
            blocks.append(Para((Text(LONG), note)))
    return tuple(blocks)


def _document() -> Document:
    blocks = place_authorities(_letter(), True, PASSIM, WHERE)
    table = next(b for b in blocks if isinstance(b, TableOfAuthorities))
    filled = TableOfAuthorities(table.title, tuple(sorted(CITED, key=sort_key)), PASSIM)
    blocks = tuple(filled if b is table else b for b in blocks)
    return Document(Metadata("Comment", "Commenter"), blocks)


def _citation_pages(pdf: bytes, document: Document) -> dict[str, tuple[int, ...]]:
    """Where each note's text prints, found by pypdf in the PDF's pages."""
    texts = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    found: dict[str, set[int]] = {}
    for block in document.blocks:
        for note in (i for i in getattr(block, "inlines", ()) if isinstance(i, Note)):
            text = note.blocks[0].inlines[0].text  # type: ignore[attr-defined]
            pages = [n for n, page in enumerate(texts, start=1) if text in page]
            assert len(pages) == 1, text
            found.setdefault(note.cites[0], set()).add(pages[0])
    return {key: tuple(sorted(pages)) for key, pages in found.items()}


def test_the_table_goes_after_the_contents_or_before_the_first_argument() -> None:
    blocks = place_authorities(_letter(), True, 5, WHERE)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, TableOfAuthorities))
    assert isinstance(blocks[at + 1], Heading) and blocks[at + 1].number == 1  # type: ignore[union-attr]
    assert place_authorities(_letter(), False, 5, WHERE) == _letter()


def test_pdf_table_shows_the_pages_where_each_authority_is_cited() -> None:
    document = _document()
    out = io.BytesIO()
    write_pdf(document, out)
    expected = _citation_pages(out.getvalue(), document)
    assert max(max(p) for p in expected.values()) > 3
    printed = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.getvalue())).pages)
    for authority in CITED:
        pages = expected[authority.source_id]
        shown = "passim" if len(pages) > PASSIM else ", ".join(map(str, pages))
        assert f" {shown}\n" in printed.replace(".", " ") or shown in printed, (authority, shown)
    layout = settled_layout(document)
    found: dict[str, set[int]] = {}
    for key, page in layout.cited:
        found.setdefault(key, set()).add(page)
    assert {k: tuple(sorted(v)) for k, v in found.items()} == expected
    assert "passim" in printed  # Campbell is cited on more than two pages


def test_pdf_with_a_table_of_authorities_is_reproducible() -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_pdf(_document(), first)
    write_pdf(_document(), second)
    assert first.getvalue() == second.getvalue()


def _docx_body(document: Document) -> tuple[etree._Element, etree._Element]:
    out = io.BytesIO()
    write_docx(document, out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as package:
        return etree.fromstring(package.read("word/document.xml")), etree.fromstring(
            package.read("word/footnotes.xml")
        )


def test_docx_marks_citations_with_ta_fields_and_caches_the_pdf_pages() -> None:
    document = _document()
    body, notes = _docx_body(document)
    marks = [i.text for i in notes.iter(f"{W}instrText")]
    assert marks.count(f' TA \\l "{CAMPBELL.text}" \\s "Campbell" \\c 1 ') >= 4
    assert any(" \\c 3 " in mark for mark in marks) and any(" \\c 5 " in m for m in marks)
    instructions = [i.text for i in body.iter(f"{W}instrText")]
    assert instructions == [
        ' TOA \\h \\c "1" \\p ',
        ' TOA \\h \\c "3" \\p ',
        ' TOA \\h \\c "5" \\p ',
    ]
    out = io.BytesIO()
    write_pdf(document, out)
    expected = _citation_pages(out.getvalue(), document)
    cached = {}
    for paragraph in body.iter(f"{W}p"):
        texts = [t.text or "" for t in paragraph.iter(f"{W}t")]
        if paragraph.find(f".//{W}tab") is not None:
            cached["".join(texts[:-1])] = texts[-1]
    for authority in CITED:
        pages = expected[authority.source_id]
        shown = "passim" if len(pages) > PASSIM else ", ".join(map(str, pages))
        assert cached[authority.text] == shown


def test_html_lists_the_authorities_linked_to_their_first_note() -> None:
    table = TableOfAuthorities("Table of Authorities", (CAMPBELL,))
    blocks: tuple[Block, ...] = (
        table,
        Para((Text("x"), Note((Para((Text("y"),)),), ("campbell",)))),
    )
    document = Document(Metadata("Comment", "Commenter"), blocks)
    from dataclasses import replace

    document = replace(
        document, blocks=(replace(table, authorities=(replace(CAMPBELL, first_note=1),)), blocks[1])
    )
    out = io.BytesIO()
    write_html(document, out)
    link = '<a href="#note-1">Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994)</a>'
    assert link in out.getvalue().decode()


@pytest.mark.parametrize(
    "notes",
    [(), (Note((Para((Text("A note citing nothing."),)),)),)],
)
def test_a_table_with_no_authorities_is_a_warning_and_no_table(notes: tuple[Note, ...]) -> None:
    from policydraft.citations.authorities import fill_authorities
    from policydraft.citations.format import CitationFormatter

    blocks = place_authorities((Para((Text("Text."), *notes)),), True, 5, WHERE)
    diags = Diagnostics()
    filled = fill_authorities(
        Document(Metadata("C", "C"), blocks), None, CitationFormatter(diags), diags
    )
    assert not any(isinstance(b, TableOfAuthorities) for b in filled.blocks)
    assert [(d.code, d.line) for d in diags] == [("PD131", 9)]


def test_libreoffice_puts_the_citations_on_the_cached_pages(tmp_path: Path) -> None:
    needs_tools()
    document = _document()
    out = io.BytesIO()
    write_docx(document, out)
    docx = tmp_path / "letter.docx"
    docx.write_bytes(out.getvalue())
    theirs = convert_with_libreoffice(docx, tmp_path).read_bytes()
    printed = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(theirs)).pages)
    assert "TA \\l" not in printed and "TOA \\h" not in printed  # the fields print nothing
    assert "Table of Authorities" in printed and "passim" in printed  # the cached result
    found: dict[str, set[int]] = {}
    for key, page in settled_layout(document).cited:
        found.setdefault(key, set()).add(page)
    assert _citation_pages(theirs, document) == {k: tuple(sorted(v)) for k, v in found.items()}


SOURCES = """\
- {id: harper, type: case, name: "Harper & Row, Publishers, Inc. v. Nation Enters.",
   short: Harper & Row, volume: 471, reporter: U.S., page: 539, year: 1985}
- {id: campbell, type: case, name: "Campbell v. Acuff-Rose Music, Inc.", short: Campbell,
   volume: 510, reporter: U.S., page: 569, year: 1994}
- {id: s1201, type: statute, title: "17", code: U.S.C., section: "1201"}
- {id: s107, type: statute, title: "17", code: U.S.C., section: "107"}
- {id: clause, type: constitution, jurisdiction: U.S., provision: "art. I, § 8, cl. 8"}
- {id: cfr, type: regulation, title: "37", code: C.F.R., section: "202.1", year: 2023}
"""
BODY = (
    "Fair use is flexible.[@harper, 560] It weighs four factors.[@s107] "
    "Anti-circumvention is separate.[@s1201] The Clause grants the power.[@clause] "
    "Registration is governed by rule.[@cfr] Parody may be fair.[@campbell, 579]\n"
)
# The order of a brief's table: the groups as Sup. Ct. R. 34.2 and Fed. R. App. P. 28(a)(3)
# list them (cases alphabetically arranged, constitutional provisions, statutes, other);
# statutes by title and section numerically (§ 107 before § 1201).
TABLE_ORDER = (
    "Cases",
    "Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994)",
    "Harper & Row, Publishers, Inc. v. Nation Enters., 471 U.S. 539 (1985)",
    "Constitutional Provisions",
    "U.S. Const. art. I, § 8, cl. 8",
    "Statutes",
    "17 U.S.C. § 107",
    "17 U.S.C. § 1201",
    "Regulations",
    "37 C.F.R. § 202.1 (2023)",
)


def test_render_lists_the_cited_sources_in_a_briefs_order(tmp_path: Path) -> None:
    arguments = [{"heading": "Fair use", "body": BODY}]
    overrides = {"sources": "sources.yaml", "table_of_authorities": True, "arguments": arguments}
    folder = write_submission(tmp_path / "letter", overrides)
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    result = run_cli("render", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "out/letter.pdf").pages)
    table = text[text.index("Table of Authorities") :]
    where = [table.find(line) for line in TABLE_ORDER]
    assert -1 not in where and where == sorted(where), list(zip(TABLE_ORDER, where, strict=True))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"table_of_authorities": True}, "warning PD131"),
        ({"table_of_authorities": True, "toa": {"passim": 0}}, "error"),
        ({"table_of_authorities": "yes please"}, "error"),
    ],
)
def test_check_reports_a_table_it_cannot_print(
    tmp_path: Path, overrides: dict[str, object], expected: str
) -> None:
    folder = write_submission(tmp_path / "letter", overrides)
    result = run_cli("check", folder)
    assert expected in result.stdout + result.stderr
