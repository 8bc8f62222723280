"""Reading a Word document's page-number fields from its XML (``profiles/page_fields``).

The documents are made with python-docx (its own default template, not our writer), their
footers and headers built as Word builds them. What counts as a page number, and which
header or footer a page prints, is taken from ECMA-376 Part 1 (5th ed.):
- 17.16.5.43 PAGE: the field that "retrieves the number of the current page";
- 17.16.19 (fldSimple) and 17.16.18 (fldChar: a complex field's instruction in instrText
  between its begin and separate marks, which may span several runs);
- 17.10.5 headerReference / 17.10.2 footerReference: a section without one of a type
  inherits the previous section's; the first section then has none (a blank one);
- 17.10.6 titlePg: the first page prints the "first" header and footer;
- 17.15.1.35 evenAndOddHeaders: even pages print the "even" ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from policydraft.profiles.page_fields import (
    UnnumberedPages,
    UnreadableParts,
    describe,
    unnumbered_pages,
)

Build = Callable[[docx.document.Document], None]


def simple_field(paragraph: Paragraph, instruction: str) -> None:
    """``<w:fldSimple w:instr="...">`` with a cached result, as Word writes a quick field."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def complex_field(paragraph: Paragraph, *pieces: str) -> None:
    """A complex field (begin, instruction pieces in separate runs, separate, result, end)."""

    def mark(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    mark("begin")
    for piece in pieces:
        instruction = OxmlElement("w:instrText")
        instruction.text = piece
        paragraph.add_run()._r.append(instruction)
    mark("separate")
    paragraph.add_run("1")
    mark("end")


def footer_page(doc: docx.document.Document) -> None:
    simple_field(doc.sections[0].footer.paragraphs[0], "PAGE")


def footer_text_only(doc: docx.document.Document) -> None:
    doc.sections[0].footer.paragraphs[0].text = "Privileged and confidential"


def footer_complex_split(doc: docx.document.Document) -> None:
    complex_field(doc.sections[0].footer.paragraphs[0], " PA", "GE \\* Arabic ")


def footer_numpages_only(doc: docx.document.Document) -> None:
    complex_field(doc.sections[0].footer.paragraphs[0], " NUMPAGES ")


def header_page(doc: docx.document.Document) -> None:
    complex_field(doc.sections[0].header.paragraphs[0], " PAGE ")


def title_page_unnumbered(doc: docx.document.Document) -> None:
    footer_page(doc)
    doc.sections[0].different_first_page_header_footer = True
    doc.sections[0].first_page_footer.paragraphs[0].text = "Letterhead"


def title_page_numbered(doc: docx.document.Document) -> None:
    title_page_unnumbered(doc)
    simple_field(doc.sections[0].first_page_footer.paragraphs[0], "PAGE")


def second_section_inherits(doc: docx.document.Document) -> None:
    footer_page(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)  # linked to the previous: no reference of its own


def second_section_unnumbered(doc: docx.document.Document) -> None:
    footer_page(doc)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].text = "Appendix"


def even_pages_unnumbered(doc: docx.document.Document) -> None:
    footer_page(doc)
    doc.settings.odd_and_even_pages_header_footer = True
    doc.sections[0].even_page_footer.paragraphs[0].text = "Draft"


def no_footer(doc: docx.document.Document) -> None:
    """python-docx's default template: a section without any header or footer."""


CASES: list[tuple[Build, list[UnnumberedPages], str]] = [
    (footer_page, [], ""),
    (header_page, [], ""),  # a number in the header prints on the page as well
    (footer_complex_split, [], ""),  # "PA" + "GE": one instruction over two runs
    (no_footer, [UnnumberedPages(1, "default")], "the pages of section 1"),
    (footer_text_only, [UnnumberedPages(1, "default")], "the pages of section 1"),
    (footer_numpages_only, [UnnumberedPages(1, "default")], "the pages of section 1"),
    (title_page_unnumbered, [UnnumberedPages(1, "first")], "the first page of section 1"),
    (title_page_numbered, [], ""),
    (second_section_inherits, [], ""),
    (second_section_unnumbered, [UnnumberedPages(2, "default")], "the pages of section 2"),
    (even_pages_unnumbered, [UnnumberedPages(1, "even")], "the even pages of section 1"),
]


@pytest.mark.parametrize(
    ("build", "expected", "described"), CASES, ids=[case[0].__name__ for case in CASES]
)
def test_pages_without_a_page_field_are_found(
    tmp_path: Path, build: Build, expected: list[UnnumberedPages], described: str
) -> None:
    doc = docx.Document()
    doc.add_paragraph("The letter's text.")
    build(doc)
    path = tmp_path / "letter.docx"
    doc.save(str(path))
    found = unnumbered_pages(path)
    assert found == expected
    assert describe(found) == described


def test_many_sections_are_listed_eight_at_most() -> None:
    found = [UnnumberedPages(n, "default") for n in range(1, 12)]
    assert describe(found) == "the pages of sections 1, 2, 3, 4, 5, 6, 7, 8, ..."
    two = [UnnumberedPages(1, "default"), UnnumberedPages(3, "default")]
    assert describe(two) == "the pages of sections 1 and 3"


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04 truncated"],
    ids=["not-a-zip", "truncated-zip"],
)
def test_an_unreadable_document_is_reported_not_a_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(UnreadableParts):
        unnumbered_pages(path)


def test_a_zip_without_a_document_part_is_unreadable(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(UnreadableParts):
        unnumbered_pages(path)
