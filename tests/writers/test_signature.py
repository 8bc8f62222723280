"""Signature blocks and the letterhead, from policydraft.yaml through the CLI to each format.

The conformed signature's form is the courts' e-filing convention: "/s/ (Typewritten Name of
E-Filer)" above the typed name, then address, phone and e-mail (U.S. Bankruptcy Court, S.D.
Ind., Administrative Manual 12.1, "Electronic Signature and Signature Block"; the N.D. Cal.
e-filing page shows "/S/ John Doe" over "John Doe").
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission
from tests.writers.ooxml_validation import read_parts, schema_errors

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
LONG = "We write to comment on the plan. " * 400  # three pages or so: page 2 exists

SIGNERS = [
    {"name": "Jane Roe", "title": "General Counsel", "conformed": True, "image": "sig.png"},
    {"name": "John Doe", "title": "Counsel", "conformed": True},
]
SETTINGS: dict[str, object] = {
    "introduction": LONG,
    "signature": SIGNERS,
    "signature_layout": "side-by-side",
    "firm": {
        "name": "Roe & Doe LLP",
        "address": ["1 Main Street", "Washington, DC 20001"],
        "phone": "(202) 555-0100",
        "email": "counsel@example.org",
    },
    "letterhead": {"lines": ["Authors Guild", "31 East 32nd Street"], "image": "logo.jpg"},
}


def _images(folder: Path) -> None:
    Image.new("RGB", (300, 100), (20, 20, 120)).save(folder / "sig.png", dpi=(150, 150))
    Image.new("RGB", (400, 100), (200, 20, 20)).save(folder / "logo.jpg")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signed")
    write_submission(folder, SETTINGS, signatories=None)
    _images(folder)
    out = folder / "out"
    result = run_cli("render", folder, "--out", out, "--to", "pdf,docx,html")
    assert result.returncode == 0, result.stderr
    return out


def _one(out: Path, extension: str) -> Path:
    (found,) = out.glob(f"*.{extension}")
    return found


def _xml(out: Path, part: str) -> etree._Element:
    (docx,) = out.glob("*.docx")
    with zipfile.ZipFile(docx) as package:
        return etree.fromstring(package.read(part))


def _first_header(out: Path) -> etree._Element:
    """The first-page header of the document's first section."""
    document = _xml(out, "word/document.xml")
    sect_pr = document.xpath("(//w:sectPr)[1]", namespaces=NS)[0]
    assert sect_pr.xpath("w:titlePg", namespaces=NS)
    (rid,) = sect_pr.xpath("w:headerReference[@w:type='first']/@r:id", namespaces=NS)
    rels = _xml(out, "word/_rels/document.xml.rels")
    (target,) = [r.get("Target") for r in rels if r.get("Id") == rid]
    return _xml(out, f"word/{target}")


def _text(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


# (what, XPath on word/document.xml, expected)
DOCX_CASES = [
    ("conformed line of the first signer", "string((//w:tbl//w:p)[2]//w:t[1])", "/s/ Jane Roe"),
    ("conformed line of the second", "string((//w:tbl/w:tr/w:tc)[2]/w:p[1]/w:r[1]/w:t)",
     "/s/ John Doe"),
    ("two columns side by side", "count(//w:tbl/w:tblGrid/w:gridCol)", 2.0),
    ("every table border off", "count(//w:tbl/w:tblPr/w:tblBorders/*[@w:val!='nil'])", 0.0),
    ("six borders turned off", "count(//w:tbl/w:tblPr/w:tblBorders/*[@w:val='nil'])", 6.0),
    ("the signature image in the first cell", "count((//w:tbl/w:tr/w:tc)[1]//w:drawing)", 1.0),
    ("its alt text", "string(//w:tbl//wp:docPr/@descr)", "Signature of Jane Roe"),
    ("the firm's block after the table", "string(//w:tbl/following-sibling::w:p[1]//w:t[1])",
     "Roe & Doe LLP"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "xpath", "expected"), DOCX_CASES, ids=[c[0] for c in DOCX_CASES])
def test_docx_signature_block(rendered: Path, what: str, xpath: str, expected: object) -> None:
    document = _xml(rendered, "word/document.xml")
    assert document.xpath(xpath, namespaces=NS) == expected


def test_docx_letterhead_is_the_first_page_header(rendered: Path) -> None:
    header = _first_header(rendered)
    assert _text(header) == "Authors Guild31 East 32nd Street"
    assert header.xpath("count(.//w:drawing)", namespaces=NS) == 1
    document = _xml(rendered, "word/document.xml")
    assert "Authors Guild" not in _text(document.xpath("//w:body", namespaces=NS)[0])
    first = document.xpath("(//w:sectPr)[1]", namespaces=NS)[0]
    footers = first.xpath("w:footerReference/@r:id", namespaces=NS)
    assert len(footers) == 2 and len(set(footers)) == 1  # page 1 keeps "Page 1 of N"


def test_docx_parts_are_valid_against_words_schemas(rendered: Path) -> None:
    (docx,) = rendered.glob("*.docx")
    assert schema_errors(read_parts(docx.read_bytes())) == []


def _words(page: object) -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((text.strip(), round(tm[5], 1)))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def test_pdf_side_by_side_names_on_one_line(rendered: Path) -> None:
    reader = PdfReader(_one(rendered, "pdf"))
    words = [w for page in reader.pages for w in _words(page)]
    heights = {text: y for text, y in words if text in {"/s/ Jane Roe", "/s/ John Doe"}}
    assert len(heights) == 2 and len(set(heights.values())) == 1, words[-12:]


def test_pdf_letterhead_on_page_one_only(rendered: Path) -> None:
    reader = PdfReader(_one(rendered, "pdf"))
    assert len(reader.pages) > 1
    texts = [page.extract_text() for page in reader.pages]
    assert texts[0].startswith("Authors Guild")
    assert all("Authors Guild" not in text for text in texts[1:-1])
    images = [len(page.images) for page in reader.pages]
    assert images[0] == 1 and sum(images[1:-1]) == 0 and images[-1] == 1  # logo; signature


def test_pdf_text_order_of_the_block(rendered: Path) -> None:
    text = PdfReader(_one(rendered, "pdf")).pages[-1].extract_text()
    order = ["Respectfully submitted,", "Jane Roe", "General Counsel", "Roe & Doe LLP",
             "Tel. (202) 555-0100", "counsel@example.org"]  # fmt: skip
    places = [text.index(piece) for piece in order]
    assert places == sorted(places)


def test_html_block_and_letterhead(rendered: Path) -> None:
    page = _one(rendered, "html").read_text(encoding="utf-8")
    assert 'class="pd-signature pd-side-by-side"' in page
    assert "grid-template-columns:repeat(2,1fr)" in page
    assert "/s/ Jane Roe" in page and "Roe &amp; Doe LLP" in page
    assert 'alt="Signature of Jane Roe"' in page
    assert page.index('class="pd-letterhead"') < page.index("We write to comment")


def test_output_is_reproducible(rendered: Path, tmp_path: Path) -> None:
    folder = rendered.parent
    again = tmp_path / "again"
    assert run_cli("render", folder, "--out", again, "--to", "pdf,docx").returncode == 0
    for kind in ("pdf", "docx"):
        assert _one(again, kind).read_bytes() == _one(rendered, kind).read_bytes()


def test_stacked_signers_without_a_table(tmp_path: Path) -> None:
    stacked = {"signature": [*SIGNERS[1:], {"name": "Ann Poe", "conformed": False}]}
    write_submission(tmp_path, stacked, signatories=None)
    assert run_cli("render", tmp_path, "--out", tmp_path / "out", "--to", "docx").returncode == 0
    document = _xml(tmp_path / "out", "word/document.xml")
    assert not document.xpath("//w:tbl", namespaces=NS)
    signature = document.xpath("//w:p[w:pPr/w:pStyle/@w:val='Signature']", namespaces=NS)
    lines = ["|".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in signature]
    assert lines == ["/s/ John Doe|John Doe|Counsel", "Ann Poe"]


def _not_image(folder: Path) -> None:
    (folder / "sig.png").write_text("not a picture", encoding="utf-8")


def _outside(folder: Path) -> None:
    (folder.parent / "elsewhere.png").write_bytes(b"")


# (what, settings, file maker, expected diagnostic: code and text)
BAD = [
    ("a missing image", {"signature": [{"name": "A", "image": "sig.png"}]}, None,
     r"error PD140: image 'sig.png' does not exist"),
    ("not an image", {"signature": [{"name": "A", "image": "sig.png"}]}, _not_image,
     r"error PD141: image 'sig.png' is not a PNG or JPEG image"),
    ("outside the folder", {"letterhead": {"image": "../elsewhere.png"}}, _outside,
     r"error PD140: image '\.\./elsewhere\.png' .*outside"),
    ("an empty name", {"signature": [{"name": "  "}]}, None,
     r"error PD143: signer 1 has an empty name"),
    ("an empty firm name", {"firm": {"name": ""}}, None, r"error PD143: the firm's name"),
    ("four side by side", {"signature": [{"name": n} for n in "ABCD"],
                           "signature_layout": "side-by-side"}, None,
     r"note PD142: 4 signers cannot stand side by side \(at most 3\); they are stacked"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "settings", "make", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_input(
    tmp_path: Path, what: str, settings: dict[str, object], make: object, expected: str
) -> None:
    folder = write_submission(tmp_path / "letter", settings, signatories=None)
    if callable(make):
        make(folder)
    result = run_cli("check", folder)
    assert re.search(r"policydraft\.yaml:\d+:\d+: " + expected, result.stderr + result.stdout), (
        result.stderr + result.stdout
    )
    assert (result.returncode == 0) == ("note" in expected)


def test_template_still_iterates_signers(tmp_path: Path) -> None:
    """A user's template written before signature blocks keeps printing signers as text."""
    folder = write_submission(tmp_path, {"signature": SIGNERS[1:]}, signatories=None)
    template = folder / "templates" / "comment-letter" / "letter.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text(
        "::: signature\n{% for signer in signature %}{{ signer.name }}{% endfor %}\n:::\n",
        encoding="utf-8",
    )
    result = run_cli("render", folder, "--out", folder / "out", "--to", "pdf")
    assert result.returncode == 0, result.stderr
    assert "John Doe" in PdfReader(_one(folder / "out", "pdf")).pages[0].extract_text()


def test_picture_size_is_bounded() -> None:
    from policydraft.compose.signature import SIGNATURE_BOX, _fitted

    assert _fitted((400.0, 100.0), SIGNATURE_BOX) == (180.0, 45.0)
    assert _fitted((100.0, 400.0), SIGNATURE_BOX) == (13.5, 54.0)
    assert _fitted((72.0, 36.0), SIGNATURE_BOX) == (72.0, 36.0)  # never grown


def test_images_are_read_from_bytes(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("L", (10, 10)).save(buffer, format="GIF")
    from policydraft.compose.signature import _decoded

    assert _decoded(buffer.getvalue()) == "is not a PNG or JPEG image"


def test_a_references_header_gives_way_to_the_letterhead_on_page_one(tmp_path: Path) -> None:
    """Word shows the first section's first-page header (the letterhead) on page 1 and the
    reference's own header after it; the PDF does the same."""
    import docx

    folder = tmp_path / "letter"
    write_submission(folder, {**SETTINGS, "template": "comment-letter"}, signatories=None)
    _images(folder)
    reference = docx.Document()
    reference.sections[0].header.paragraphs[0].text = "Privileged and Confidential"
    (folder / "templates" / "comment-letter").mkdir(parents=True)
    reference.save(str(folder / "templates" / "comment-letter" / "reference.docx"))
    out = tmp_path / "out"
    result = run_cli("render", folder, "--to", "pdf", "--out", out)
    assert result.returncode == 0, result.stderr
    texts = [page.extract_text() for page in PdfReader(_one(out, "pdf")).pages]
    assert len(texts) > 1
    assert "Privileged and Confidential" not in texts[0] and "Authors Guild" in texts[0]
    assert all("Privileged and Confidential" in text for text in texts[1:])
