"""The table of contents (``toc: true``): placed before the first argument, with the pages of
the real layout in the PDF, and as a Word TOC field whose cached result has the same pages.

The field instruction is Word's own default for a table of contents of heading levels 1-2
(ECMA-376 Part 1, 17.16.5.68 "TOC": ``\\o "1-2"`` outline levels, ``\\h`` hyperlinks, ``\\z``
no page numbers in web view, ``\\u`` paragraphs' outline levels).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pypdf
import pytest
from lxml import etree

from policydraft.compose.toc import place_contents
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    ContentsEntry,
    Document,
    Heading,
    LetterPart,
    Metadata,
    Note,
    Para,
    TableOfContents,
    Text,
)
from policydraft.writers.docx import write_docx
from policydraft.writers.pdf import contents_pages, write_pdf
from tests.writers.test_layout_agreement import convert_with_libreoffice, needs_tools

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHERE = Location("policydraft.yaml", 9, 6)
LONG = "The rule would weigh on small businesses, which the agency should weigh in turn. " * 7


def _letter(arguments: int = 5) -> tuple[Block, ...]:
    blocks: list[Block] = [
        LetterPart("title", (Para((Text("Comment on the Proposed Rule"),)),)),
        Para((Text("Introduction. " + LONG),)),
    ]
    for number in range(1, arguments + 1):
        blocks.append(Heading(1, (Text(f"Argument {number} on the rule"),), number))
        for k in range(3):
            note = Note((Para((Text(f"Source {number}.{k}."),)),))
            blocks.append(Para((Text(LONG), note)))
        blocks.append(Heading(2, (Text(f"Point under argument {number}"),)))
        blocks.append(Para((Text(LONG),)))
    blocks += [Heading(1, (Text("Conclusion"),)), Para((Text(LONG),))]
    return tuple(blocks)


def _document(arguments: int = 5) -> Document:
    blocks = place_contents(_letter(arguments), True, Diagnostics(), WHERE)
    return Document(Metadata("Comment", "Commenter"), blocks)


PLACED = [  # (blocks, where the table goes, its entries' texts)
    (_letter(1), 2, ("I. Argument 1 on the rule", "Point under argument 1", "Conclusion")),
    (
        (Para((Text("x"),)), Heading(1, (Text("Background"),)), Heading(1, (Text("A"),), 1)),
        2,
        ("I. A",),
    ),
    ((Para((Text("x"),)), Heading(2, (Text("Only a sub-heading"),))), 1, ("Only a sub-heading",)),
    ((Heading(3, (Text("Too deep"),)), Heading(1, (Text("Shown"),))), 0, ("Shown",)),
]


@pytest.mark.parametrize(("blocks", "index", "texts"), PLACED)
def test_the_table_goes_before_the_first_argument(
    blocks: tuple[Block, ...], index: int, texts: tuple[str, ...]
) -> None:
    diags = Diagnostics()
    placed = place_contents(blocks, True, diags, WHERE)
    table = placed[index]
    assert isinstance(table, TableOfContents)
    assert tuple(entry.text for entry in table.entries) == texts
    assert len(diags) == 0


@pytest.mark.parametrize(
    "blocks", [(), (Para((Text("No headings at all."),)),), (LetterPart("closing", ()),)]
)
def test_toc_with_no_headings_is_a_warning_and_no_table(blocks: tuple[Block, ...]) -> None:
    diags = Diagnostics()
    assert place_contents(blocks, True, diags, WHERE) == blocks
    assert [(d.code, d.severity, d.line) for d in diags] == [("PD130", "warning", 9)]


def test_no_table_unless_asked() -> None:
    diags = Diagnostics()
    assert place_contents(_letter(1), False, diags, WHERE) == _letter(1)


@pytest.mark.parametrize(
    ("entry", "text"),
    [(ContentsEntry(1, "IV.", "Costs"), "IV. Costs"), (ContentsEntry(2, "", "Costs"), "Costs")],
)
def test_an_entry_prints_its_label_then_its_title(entry: ContentsEntry, text: str) -> None:
    assert entry.text == text


def _pdf(document: Document) -> bytes:
    out = io.BytesIO()
    write_pdf(document, out)
    return out.getvalue()


def _heading_pages(pdf: bytes | Path, texts: tuple[str, ...]) -> list[int]:
    """The page of each heading's own line, found by pypdf: a heading's text is on a line of
    its own twice, first in the table (with its leader dots drawn apart) and then as itself."""
    reader = pypdf.PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    lines = [
        (number, line.strip())
        for number, page in enumerate(reader.pages, start=1)
        for line in page.extract_text().splitlines()
    ]
    found = []
    for text in texts:
        entry = re.compile(rf"{re.escape(text)}(?: ?\.[ .]*\d+)?")
        pages = [number for number, line in lines if entry.fullmatch(line)]
        found.append(pages[1])
    return found


def test_pdf_table_shows_the_pages_where_the_headings_are() -> None:
    document = _document()
    pdf = _pdf(document)
    table = next(b for b in document.blocks if isinstance(b, TableOfContents))
    texts = tuple(entry.text for entry in table.entries)
    pages = _heading_pages(pdf, texts)
    assert pages[-1] > 3  # the letter is long enough for the numbers to mean something
    printed = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for text, page in zip(texts, pages, strict=True):
        assert re.search(rf"{re.escape(text)}\s*\.[\s.]*{page}\b", printed), (text, page)
    assert contents_pages(document) == tuple(pages)


def test_pdf_with_a_table_is_reproducible() -> None:
    assert _pdf(_document(2)) == _pdf(_document(2))


def _docx(document: Document) -> bytes:
    out = io.BytesIO()
    write_docx(document, out)
    return out.getvalue()


def _body(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def test_docx_has_a_toc_field_with_the_pdf_pages_cached() -> None:
    document = _document()
    body = _body(_docx(document))
    instruction = body.findall(f".//{W}instrText")
    assert [i.text for i in instruction] == [' TOC \\o "1-2" \\h \\z \\u ']
    kinds = [c.get(f"{W}fldCharType") for c in body.iter(f"{W}fldChar")]
    assert kinds[:2] == ["begin", "separate"] and "end" in kinds
    styles = {"TOC1", "TOC2"}
    cached = {}
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(f"{W}val") not in styles:
            continue
        texts = [t.text or "" for t in paragraph.iter(f"{W}t")]
        assert paragraph.find(f".//{W}tab") is not None  # the dot leader's tab
        cached["".join(texts[:-1])] = int(texts[-1])
    table = next(b for b in document.blocks if isinstance(b, TableOfContents))
    pages = contents_pages(document)
    assert cached == {entry.text: page for entry, page in zip(table.entries, pages, strict=True)}


def test_libreoffice_puts_the_headings_on_the_cached_pages(tmp_path: Path) -> None:
    needs_tools()
    document = _document()
    docx = tmp_path / "letter.docx"
    docx.write_bytes(_docx(document))
    table = next(b for b in document.blocks if isinstance(b, TableOfContents))
    texts = tuple(entry.text for entry in table.entries)
    theirs = convert_with_libreoffice(docx, tmp_path)
    assert _heading_pages(theirs, texts) == list(contents_pages(document))
