"""Figures in the DOCX: an inline picture within the text width, its part, its SEQ caption."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from policydraft.writers.docx import write_docx
from tests.writers.figure_trees import letter
from tests.writers.ooxml_validation import package_errors, read_parts, schema_errors

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
EMU_PER_INCH = 914400
TEXT_WIDTH = int(6.5 * EMU_PER_INCH)  # US Letter less one-inch margins


@pytest.fixture(scope="module")
def docx() -> bytes:
    out = io.BytesIO()
    write_docx(letter(), out)
    return out.getvalue()


def xml(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(name))


# (figure, expected extent in EMU: the wide one shrunk to the text width, aspect kept;
#  the small one at its natural size, 150 px at 150 dpi = 1 inch)
EXTENTS = [
    (0, (TEXT_WIDTH, TEXT_WIDTH // 2)),
    (1, (EMU_PER_INCH, round(EMU_PER_INCH * 100 / 150))),
]


@pytest.mark.parametrize(("index", "extent"), EXTENTS)
def test_an_inline_picture_within_the_text_width(
    docx: bytes, index: int, extent: tuple[int, int]
) -> None:
    inline = xml(docx, "word/document.xml").xpath("//w:drawing/wp:inline", namespaces=NS)[index]
    size = inline.find("wp:extent", NS)
    assert (int(size.get("cx")), int(size.get("cy"))) == extent
    assert int(size.get("cx")) <= TEXT_WIDTH


# (figure, the alt text as wp:docPr/@descr, its name)
ALT = [
    (0, "Bar chart of comments received by year", "Figure 1"),
    (1, "A small blue square", "Figure 2"),
]


@pytest.mark.parametrize(("index", "descr", "name"), ALT)
def test_alt_text_is_the_pictures_description(
    docx: bytes, index: int, descr: str, name: str
) -> None:
    doc_pr = xml(docx, "word/document.xml").xpath("//wp:inline/wp:docPr", namespaces=NS)[index]
    assert (doc_pr.get("descr"), doc_pr.get("name")) == (descr, name)


def test_each_image_is_a_media_part_with_its_content_type(docx: bytes) -> None:
    document = xml(docx, "word/document.xml")
    rels = xml(docx, "word/_rels/document.xml.rels")
    types = xml(docx, "[Content_Types].xml")
    ids = document.xpath("//pic:blipFill/a:blip/@r:embed", namespaces=NS)
    assert len(ids) == 2
    for rel_id in ids:
        target = rels.xpath(f"rel:Relationship[@Id='{rel_id}']/@Target", namespaces=NS)[0]
        assert target.startswith("media/image") and target.endswith(".png")
        assert zipfile.ZipFile(io.BytesIO(docx)).read(f"word/{target}")[:8] == b"\x89PNG\r\n\x1a\n"
    assert types.xpath("ct:Default[@Extension='png']/@ContentType", namespaces=NS) == ["image/png"]


# The caption as Word's Insert Caption writes it: "Figure { SEQ Figure \* ARABIC }"
# (Microsoft Knowledge Base 145508, "How to Modify the Start Number for Caption Numbering"),
# then the caption; the field's result already shows the number.
CAPTIONS = [
    (0, "Figure 1: Comments by year"),
    (1, "Figure 2"),
]


@pytest.mark.parametrize(("index", "printed"), CAPTIONS)
def test_the_caption_numbers_with_a_seq_field(docx: bytes, index: int, printed: str) -> None:
    document = xml(docx, "word/document.xml")
    paragraph = document.xpath("//w:p[w:pPr/w:pStyle/@w:val='Caption']", namespaces=NS)[index]
    instruction = "".join(paragraph.xpath(".//w:instrText/text()", namespaces=NS))
    assert instruction.split() == ["SEQ", "Figure", "\\*", "ARABIC"]
    assert "".join(paragraph.xpath(".//w:t/text()", namespaces=NS)) == printed
    previous = paragraph.getprevious()
    assert previous.find("w:pPr/w:keepNext", NS) is not None  # the image stays with it


def test_schema_valid_and_reproducible(docx: bytes) -> None:
    parts = read_parts(docx)
    assert schema_errors(parts) == []
    assert package_errors(parts) == []
    again = io.BytesIO()
    write_docx(letter(), again)
    assert again.getvalue() == docx
