"""Argument numbers in the files: Word numbering linked to Heading 1, the same labels in the PDF.

Expected labels "I.", "II.", "III." are upperRoman as ECMA-376 Part 1's ST_NumberFormat lists
it ("I, II, III, IV, ..."); the LibreOffice round trips check them as a program nobody on the
project wrote lays the DOCX out.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from policydraft.model import Block, Document, Heading, Metadata, Para, Text
from policydraft.writers.docx import DocxOptions, write_docx
from policydraft.writers.pdf import write_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
W = f"{{{W_NS}}}"
METADATA = Metadata(title="Numbered", author="Tester")

ARGUMENTS: tuple[Block, ...] = (
    Para((Text("We write to comment."),)),
    Heading(1, (Text("Copyright is the foundation"),), number=1),
    Para((Text("First body."),)),
    Heading(2, (Text("A sub-heading stays unnumbered"),)),
    Heading(1, (Text("Licensing works"),), number=2),
    Para((Text("Second body."),)),
    Heading(1, (Text("The law gives no exemption"),), number=3),
    Para((Text("Third body."),)),
    Heading(1, (Text("Conclusion"),)),
    Para((Text("We ask the agency to reconsider."),)),
)


def _docx(blocks: tuple[Block, ...], options: DocxOptions | None = None) -> bytes:
    out = io.BytesIO()
    write_docx(Document(METADATA, blocks), out, options or DocxOptions())
    return out.getvalue()


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _heading_paragraphs(data: bytes) -> list[etree._Element]:
    body = _part(data, "word/document.xml")
    return body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1']", namespaces=NS)  # type: ignore[no-any-return]


def _text(paragraph: etree._Element) -> str:
    return "".join(paragraph.xpath(".//w:t/text()", namespaces=NS))


@pytest.fixture(scope="module")
def numbered() -> bytes:
    return _docx(ARGUMENTS)


def test_heading_text_has_no_typed_number(numbered: bytes) -> None:
    texts = [_text(p) for p in _heading_paragraphs(numbered)]
    assert texts == [
        "Copyright is the foundation",
        "Licensing works",
        "The law gives no exemption",
        "Conclusion",
    ]


def test_heading_style_links_a_multilevel_roman_list(numbered: bytes) -> None:
    styles = _part(numbered, "word/styles.xml")
    (num_id,) = styles.xpath(
        "//w:style[@w:styleId='Heading1']/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS
    )
    numbering = _part(numbered, "word/numbering.xml")
    (abstract_id,) = numbering.xpath(
        f"//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val", namespaces=NS
    )
    (abstract,) = numbering.xpath(
        f"//w:abstractNum[@w:abstractNumId='{abstract_id}']", namespaces=NS
    )
    level = {
        name: abstract.xpath(f"w:lvl[@w:ilvl='0']/w:{name}/@w:val", namespaces=NS)
        for name in ("numFmt", "lvlText", "pStyle", "suff", "start")
    }
    assert level == {
        "numFmt": ["upperRoman"],
        "lvlText": ["%1."],
        "pStyle": ["Heading1"],
        "suff": ["space"],
        "start": ["1"],
    }
    assert abstract.xpath("w:multiLevelType/@w:val", namespaces=NS) == ["multilevel"]
    formats = abstract.xpath("w:lvl/w:numFmt/@w:val", namespaces=NS)
    assert formats[:3] == ["upperRoman", "upperLetter", "decimal"]


@pytest.mark.parametrize(
    ("heading", "num_pr"),
    [
        ("Copyright is the foundation", []),  # numbered through its style
        ("Conclusion", ["0"]),  # opts out of the style's list
    ],
)
def test_only_unnumbered_headings_carry_num_pr(
    numbered: bytes, heading: str, num_pr: list[str]
) -> None:
    (paragraph,) = [p for p in _heading_paragraphs(numbered) if _text(p) == heading]
    assert paragraph.xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS) == num_pr


def test_no_numbering_without_numbered_headings() -> None:
    data = _docx((Heading(1, (Text("I. Typed by hand"),)), Para((Text("Body."),))))
    styles = _part(data, "word/styles.xml")
    assert not styles.xpath("//w:style[@w:styleId='Heading1']//w:numPr", namespaces=NS)
    (paragraph,) = _heading_paragraphs(data)
    assert _text(paragraph) == "I. Typed by hand"
    assert not paragraph.xpath("w:pPr/w:numPr", namespaces=NS)


def test_reproducible(numbered: bytes) -> None:
    assert _docx(ARGUMENTS) == numbered


# --- a reference.docx with numbering of its own ---------------------------------------------


def _reference_with_chapter_numbering(path: Path) -> Path:
    """A python-docx document whose Heading 1 prints "Chapter 1" through its own list."""
    made = docx.Document()
    numbering = made.part.numbering_part.element
    abstract = etree.SubElement(numbering, f"{W}abstractNum", {f"{W}abstractNumId": "90"})
    numbering.insert(0, abstract)
    lvl = etree.SubElement(abstract, f"{W}lvl", {f"{W}ilvl": "0"})
    for name, value in (("start", "1"), ("numFmt", "decimal"), ("pStyle", "Heading1")):
        etree.SubElement(lvl, f"{W}{name}", {f"{W}val": value})
    etree.SubElement(lvl, f"{W}lvlText", {f"{W}val": "Chapter %1"})
    num = etree.SubElement(numbering, f"{W}num", {f"{W}numId": "90"})
    etree.SubElement(num, f"{W}abstractNumId", {f"{W}val": "90"})
    ppr = made.styles["Heading 1"].element.get_or_add_pPr()
    num_pr = etree.SubElement(ppr, f"{W}numPr")
    etree.SubElement(num_pr, f"{W}numId", {f"{W}val": "90"})
    ppr.insert(0, num_pr)
    made.save(str(path))
    return path


def test_ours_replaces_a_reference_numbering_of_heading_1(tmp_path: Path) -> None:
    reference = _reference_with_chapter_numbering(tmp_path / "reference.docx")
    data = _docx(ARGUMENTS, DocxOptions(reference_docx=reference))
    styles = _part(data, "word/styles.xml")
    (num_id,) = styles.xpath(
        "//w:style[@w:styleId='Heading1']/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS
    )
    assert num_id != "90"
    numbering = _part(data, "word/numbering.xml")
    links = numbering.xpath("//w:lvl[w:pStyle/@w:val='Heading1']/w:lvlText/@w:val", namespaces=NS)
    assert links == ["%1."]
    text = _libreoffice_text(tmp_path, data)
    assert "I. Copyright is the foundation" in text
    assert "Chapter" not in text


# --- LibreOffice's layout of the DOCX and our PDF ------------------------------------------

EXPECTED_LINES = [
    "I. Copyright is the foundation",
    "II. Licensing works",
    "III. The law gives no exemption",
    "Conclusion",
]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not on PATH")
    return found


def _libreoffice_text(folder: Path, data: bytes) -> str:
    source = folder / "letter.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return source.with_suffix(".txt").read_text(encoding="utf-8-sig")


def _heading_lines(text: str) -> list[str]:
    starts = ("Copyright", "Licensing", "The law", "Conclusion")
    return [
        line.strip()
        for line in text.splitlines()
        if re.sub(r"^[IVX]+\.\s+", "", line.strip()).startswith(starts)
    ]


def test_libreoffice_prints_the_numbers(tmp_path: Path, numbered: bytes) -> None:
    assert _heading_lines(_libreoffice_text(tmp_path, numbered)) == EXPECTED_LINES


def test_pdf_prints_the_same_numbers(tmp_path: Path) -> None:
    out = io.BytesIO()
    write_pdf(Document(METADATA, ARGUMENTS), out)
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(out.getvalue())
    result = subprocess.run(
        [_tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    )
    assert _heading_lines(result.stdout) == EXPECTED_LINES


def _moved_second_before_first(data: bytes) -> bytes:
    """The DOCX with argument II (heading and body) moved before argument I, as in Word."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = etree.fromstring(parts["word/document.xml"]).find(f"{W}body")
    assert body is not None
    paragraphs = list(body.iterchildren(f"{W}p"))
    texts = [_text(p) for p in paragraphs]
    first, second = texts.index("Copyright is the foundation"), texts.index("Licensing works")
    for paragraph in paragraphs[second : second + 2]:
        paragraphs[first].addprevious(paragraph)
    parts["word/document.xml"] = etree.tostring(body.getroottree(), xml_declaration=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_moved_arguments_renumber_in_libreoffice(tmp_path: Path, numbered: bytes) -> None:
    text = _libreoffice_text(tmp_path, _moved_second_before_first(numbered))
    assert _heading_lines(text) == [
        "I. Licensing works",
        "II. Copyright is the foundation",
        "III. The law gives no exemption",
        "Conclusion",
    ]
