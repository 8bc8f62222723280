"""The DOCX writer, checked on the parts and XML it produces, and through LibreOffice.

Every test starts from a document tree built here, never from a submission folder.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pytest
from docx.shared import Inches, Pt
from lxml import etree

from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Code,
    Document,
    Emph,
    Heading,
    Inline,
    LetterPart,
    LineBreak,
    Link,
    Metadata,
    Note,
    OrderedList,
    PageBreak,
    Para,
    PartRole,
    SignatoryEntry,
    SignatoryGroup,
    Strong,
    Text,
)
from policydraft.typography import LETTER, at_least
from policydraft.writers.docx import DocxOptions, write_docx

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
W = f"{{{NS['w']}}}"
R_ID = f"{{{NS['r']}}}id"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

NAMES = (
    "Tom *Star* Baxter",
    "Hart & Hart <LLC>",
    "Zoë Saldaña",
    "Łukasz Żuławski",
    "Nguyễn Thị Minh",
    "Αλέξης Παπαδόπουλος",
    "Дмитрий Шостакович",
    "王小明",
)


# --- building trees ------------------------------------------------------------------------


def para(*inlines: Inline | str) -> Para:
    return Para(tuple(Text(i) if isinstance(i, str) else i for i in inlines))


def note(*inlines: Inline | str) -> Note:
    return Note((para(*inlines),))


def appendix(entries: int = 12, columns: int = 3, grouped: bool = True) -> Appendix:
    signers = tuple(
        SignatoryEntry(NAMES[i % len(NAMES)], "Actor" if i % 2 else "") for i in range(entries)
    )
    half = len(signers) // 2
    groups = (
        (SignatoryGroup("Actors", signers[:half]), SignatoryGroup("Writers", signers[half:]))
        if grouped
        else (SignatoryGroup(None, signers),)
    )
    return Appendix(
        (Text("Appendix: Signatories"),),
        (para(f"{entries} people signed."), para("Affiliations for identification only.")),
        groups,
        columns,
    )


def letter(*blocks: Block, language: str = "en-US") -> Document:
    return Document(
        Metadata("Comment on AI", "The Undersigned", "Docket 1", dt.date(2025, 3, 15), language),
        blocks,
    )


SAMPLE = letter(
    LetterPart("letterhead", (para("The Undersigned Members of the Creative Community"),)),
    LetterPart("date", (para("March 15, 2025"),)),
    LetterPart("addressee", (para("Faisal D'Souza", LineBreak(), "2415 Eisenhower Avenue"),)),
    LetterPart("subject", (para("Re: Docket NSF_FRDOC_0001"),)),
    LetterPart("salutation", (para("Dear Director Kratsios:"),)),
    para("We write as ", Emph((Text("creators"),)), ".", note("First note text.")),
    Heading(1, (Text("Copyright is the foundation"),)),
    para(
        "Jobs matter.",
        note("See ", Emph((Text("Campbell v. Acuff-Rose"),)), ", 510 U.S. 569 (1994)."),
        " Read ",
        Link((Text("the report"),), "https://example.org/report"),
        ".",
    ),
    BulletList(((para("first bullet"),), (para("second bullet"),))),
    OrderedList(((para("step one"),), (para("step two"),)), start=3),
    BlockQuote((para("A quoted holding."),)),
    LetterPart("closing", (para("Respectfully submitted,"),)),
    LetterPart("signature", (para("Jane Doe", LineBreak(), "Counsel"),)),
    appendix(),
)


# --- reading the output back ---------------------------------------------------------------


def render(document: Document, options: DocxOptions | None = None) -> bytes:
    out = io.BytesIO()
    if options is None:
        write_docx(document, out)
    else:
        write_docx(document, out, options)
    return out.getvalue()


class Package:
    """The written .docx, with its parts parsed for XPath."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def xpath(self, name: str, path: str) -> list[Any]:
        """Elements or strings, as the XPath selects."""
        result = self.xml(name).xpath(path, namespaces=NS)
        assert isinstance(result, list)
        return result

    @property
    def body(self) -> etree._Element:
        found = self.xml("word/document.xml").find(f"{W}body")
        assert found is not None
        return found

    def style_id(self, name: str) -> str:
        """The id of the paragraph or character style Word shows as ``name``."""
        ids = [
            s.get(f"{W}styleId")
            for s in self.xml("word/styles.xml").iterfind(f"{W}style")
            if s.find(f"{W}name").get(f"{W}val").casefold() == name.casefold()  # type: ignore[union-attr]
        ]
        assert len(ids) == 1, f"style {name!r} defined {len(ids)} times"
        return str(ids[0])

    def paragraphs_in_style(self, name: str, part: str = "word/document.xml") -> list[str]:
        style = self.style_id(name)
        return [text_of(p) for p in self.xpath(part, f"//w:p[w:pPr/w:pStyle/@w:val='{style}']")]


def text_of(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def sample() -> Package:
    return Package(render(SAMPLE))


# --- package structure ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "content_type"),
    [
        ("/word/document.xml", "wordprocessingml.document.main+xml"),
        ("/word/footnotes.xml", "wordprocessingml.footnotes+xml"),
        ("/word/numbering.xml", "wordprocessingml.numbering+xml"),
        ("/word/styles.xml", "wordprocessingml.styles+xml"),
        ("/word/footer1.xml", "wordprocessingml.footer+xml"),
        ("/docProps/core.xml", "package.core-properties+xml"),
    ],
)
def test_parts_have_their_content_types(sample: Package, part: str, content_type: str) -> None:
    found = sample.xpath("[Content_Types].xml", f"//ct:Override[@PartName='{part}']/@ContentType")
    assert found == [f"application/vnd.openxmlformats-officedocument.{content_type}"] or found == [
        f"application/vnd.openxmlformats-{content_type}"
    ]


@pytest.mark.parametrize(
    ("reltype", "target"),
    [
        ("footnotes", "footnotes.xml"),
        ("numbering", "numbering.xml"),
        ("styles", "styles.xml"),
        ("footer", "footer1.xml"),
    ],
)
def test_document_part_relates_to(sample: Package, reltype: str, target: str) -> None:
    targets = sample.xpath(
        "word/_rels/document.xml.rels", f"//rel:Relationship[@Type='{REL}/{reltype}']/@Target"
    )
    assert targets == [target]


def test_stale_template_parts_are_dropped(sample: Package) -> None:
    names = sample.zip.namelist()
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)


# --- footnotes -----------------------------------------------------------------------------


def test_every_note_is_a_footnote_whose_id_matches_its_reference(sample: Package) -> None:
    references = sample.xpath("word/document.xml", "//w:r/w:footnoteReference/@w:id")
    notes = sample.xpath("word/footnotes.xml", "//w:footnote[not(@w:type)]")
    assert references == ["1", "2"]
    assert [n.get(f"{W}id") for n in notes] == references
    assert [text_of(n) for n in notes] == [
        " First note text.",
        " See Campbell v. Acuff-Rose, 510 U.S. 569 (1994).",
    ]


def test_footnote_reference_runs_use_the_reference_style(sample: Package) -> None:
    style = sample.style_id("Footnote Reference")
    body_runs = sample.xpath("word/document.xml", "//w:r[w:footnoteReference]")
    note_marks = sample.xpath("word/footnotes.xml", "//w:r[w:footnoteRef]")
    assert len(note_marks) == 2
    for run in body_runs + note_marks:
        assert run.xpath("w:rPr/w:rStyle/@w:val", namespaces=NS) == [style]


def test_footnote_paragraphs_are_footnote_text(sample: Package) -> None:
    style = sample.style_id("Footnote Text")
    first_paragraphs = sample.xpath("word/footnotes.xml", "//w:footnote[not(@w:type)]/w:p[1]")
    assert [p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) for p in first_paragraphs] == [
        [style],
        [style],
    ]
    for p in first_paragraphs:  # the note's own number comes first
        assert p.xpath("w:r[1]/w:footnoteRef", namespaces=NS)


def test_separator_footnotes_are_declared(sample: Package) -> None:
    separators = sample.xpath("word/footnotes.xml", "//w:footnote[@w:type]")
    assert [(s.get(f"{W}type"), s.get(f"{W}id")) for s in separators] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    listed = sample.xpath("word/settings.xml", "//w:footnotePr/w:footnote/@w:id")
    assert listed == ["-1", "0"]


def test_notes_may_hold_lists_and_links() -> None:
    rich = Note(
        (
            para("Intro ", Link((Text("site"),), "https://example.com/a")),
            BulletList(((para("point one"),), (para("point two"),))),
        )
    )
    package = Package(render(letter(para("Body.", rich))))
    footnote = package.xpath("word/footnotes.xml", "//w:footnote[@w:id='1']")[0]
    assert "point two" in text_of(footnote)
    assert footnote.xpath(".//w:numPr", namespaces=NS)
    rel_id = footnote.xpath(".//w:hyperlink/@r:id", namespaces=NS)
    targets = package.xpath(
        "word/_rels/footnotes.xml.rels", f"//rel:Relationship[@Id='{rel_id[0]}']"
    )
    assert targets[0].get("Target") == "https://example.com/a"
    assert targets[0].get("TargetMode") == "External"


# --- inlines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inline", "text", "bold", "italic"),
    [
        (Emph((Text("slanted"),)), "slanted", False, True),
        (Strong((Text("heavy"),)), "heavy", True, False),
        (Strong((Emph((Text("both"),)),)), "both", True, True),
        (Emph((Strong((Text("both ways"),)),)), "both ways", True, True),
        (Code("plain code"), "plain code", False, False),
    ],
)
def test_inline_formatting(inline: Inline, text: str, bold: bool, italic: bool) -> None:
    for where in ("body", "note"):
        para_ = para("x ", inline) if where == "body" else para("x", Note((para(inline),)))
        package = Package(render(letter(para_)))
        part = "word/document.xml" if where == "body" else "word/footnotes.xml"
        run = package.xpath(part, f"//w:r[w:t='{text}']")[0]
        assert bool(run.xpath("w:rPr/w:b", namespaces=NS)) is bold, where
        assert bool(run.xpath("w:rPr/w:i", namespaces=NS)) is italic, where


def test_hyperlink_is_an_external_relationship(sample: Package) -> None:
    link = sample.xpath("word/document.xml", "//w:hyperlink")[0]
    assert text_of(link) == "the report"
    assert link.xpath("w:r/w:rPr/w:rStyle/@w:val", namespaces=NS) == [sample.style_id("Hyperlink")]
    rel = sample.xpath(
        "word/_rels/document.xml.rels",
        f"//rel:Relationship[@Id='{link.get(R_ID)}']",
    )[0]
    assert (rel.get("Target"), rel.get("TargetMode")) == ("https://example.org/report", "External")
    assert rel.get("Type") == f"{REL}/hyperlink"


@pytest.mark.parametrize(
    ("inlines", "expected_xpath"),
    [
        ((Text("a"), LineBreak(), Text("b")), "//w:r/w:br"),
        ((Text("  two spaces"),), "//w:t[@xml:space='preserve' and .='  two spaces']"),
        ((Text("tab\there"),), "//w:r/w:tab"),
    ],
)
def test_breaks_and_spaces(inlines: tuple[Inline, ...], expected_xpath: str) -> None:
    package = Package(render(letter(Para(inlines))))
    assert package.xpath("word/document.xml", expected_xpath)


def test_control_characters_are_dropped_not_fatal() -> None:
    package = Package(render(letter(para("bell\x07 and nul\x00"), appendix(0))))
    assert "bell and nul" in text_of(package.body)


# --- styles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Title", "paragraph"),
        ("Heading 1", "paragraph"),
        ("Heading 2", "paragraph"),
        ("Body Text", "paragraph"),
        ("List Bullet", "paragraph"),
        ("List Number", "paragraph"),
        ("Quote", "paragraph"),
        ("Footnote Text", "paragraph"),
        ("Footnote Reference", "character"),
        ("Hyperlink", "character"),
        ("Letterhead", "paragraph"),
        ("Inside Address", "paragraph"),
        ("Subject Line", "paragraph"),
        ("Appendix Heading", "paragraph"),
        ("Signatory Group", "paragraph"),
        ("Signatory Name", "paragraph"),
        ("Signatory Affiliation", "paragraph"),
    ],
)
def test_styles_exist_by_name(sample: Package, name: str, kind: str) -> None:
    style_id = sample.style_id(name)
    style = sample.xpath("word/styles.xml", f"//w:style[@w:styleId='{style_id}']")[0]
    assert style.get(f"{W}type") == kind


def test_footnote_reference_is_superscript(sample: Package) -> None:
    style_id = sample.style_id("Footnote Reference")
    assert sample.xpath(
        "word/styles.xml",
        f"//w:style[@w:styleId='{style_id}']/w:rPr/w:vertAlign[@w:val='superscript']",
    )


@pytest.mark.parametrize(
    ("role", "style"),
    [
        ("title", "Title"),
        ("letterhead", "Letterhead"),
        ("date", "Date"),
        ("addressee", "Inside Address"),
        ("subject", "Subject Line"),
        ("salutation", "Salutation"),
        ("closing", "Closing"),
        ("signature", "Signature"),
        ("statement", "Statement"),
    ],
)
def test_letter_parts_take_their_role_style(role: PartRole, style: str) -> None:
    package = Package(render(letter(LetterPart(role, (para(f"the {role}"),)))))
    assert package.paragraphs_in_style(style) == [f"the {role}"]


def test_body_font_size_language_and_page(sample: Package) -> None:
    defaults = sample.xpath("word/styles.xml", "//w:docDefaults/w:rPrDefault/w:rPr")[0]
    assert defaults.xpath("w:rFonts/@w:ascii", namespaces=NS) == ["Times New Roman"]
    assert defaults.xpath("w:sz/@w:val", namespaces=NS) == ["24"]
    assert defaults.xpath("w:lang/@w:val", namespaces=NS) == ["en-US"]
    for sect_pr in sample.xpath("word/document.xml", "//w:sectPr"):
        assert sect_pr.xpath("w:pgSz/@w:w", namespaces=NS) == ["12240"]
        assert sect_pr.xpath("w:pgSz/@w:h", namespaces=NS) == ["15840"]
        margins = sect_pr.find(f"{W}pgMar")
        assert [margins.get(f"{W}{side}") for side in ("top", "right", "bottom", "left")] == [
            "1440"
        ] * 4


@pytest.mark.parametrize(
    ("style", "half_points", "line"),
    [
        ("footnote text", "24", "276"),  # 10 pt on 11.5 pt, raised to 12 pt on 13.8 pt
        ("footer", "24", "288"),
        ("Signatory Name", "24", "273"),
        ("Signatory Affiliation", "24", "280"),
        ("Body Text", "24", "280"),  # already 12 pt: unchanged
    ],
)
def test_typography_option_sets_the_styles(style: str, half_points: str, line: str) -> None:
    """A profile's minimum reaches the DOCX's styles, as the PDF's, through the options
    (the values in effect: a style sets only what differs from the style it is based on)."""
    from tests.writers.test_docx_styles import effective

    options = DocxOptions(typography=at_least(LETTER, 12.0))
    with zipfile.ZipFile(io.BytesIO(render(SAMPLE, options))) as package:
        found = effective(etree.fromstring(package.read("word/styles.xml")), style)
    assert (found.size * 2, found.line) == (int(half_points), int(line))


def test_language_comes_from_metadata() -> None:
    package = Package(render(letter(para("Bonjour"), language="fr-CA")))
    assert package.xpath("word/styles.xml", "//w:rPrDefault//w:lang/@w:val") == ["fr-CA"]
    assert package.xpath("docProps/core.xml", "//dc:language/text()") == ["fr-CA"]


# --- blocks --------------------------------------------------------------------------------


def test_headings_quotes_and_lists_are_styled(sample: Package) -> None:
    assert sample.paragraphs_in_style("Heading 1") == ["Copyright is the foundation"]
    assert sample.paragraphs_in_style("Quote") == ["A quoted holding."]
    assert sample.paragraphs_in_style("List Bullet") == ["first bullet", "second bullet"]
    assert sample.paragraphs_in_style("List Number") == ["step one", "step two"]


def test_lists_use_real_numbering() -> None:
    package = Package(
        render(
            letter(
                BulletList(((para("outer"), BulletList(((para("inner"),),))),)),
                OrderedList(((para("a"),), (para("b"),)), start=3),
                OrderedList(((para("c"),),), start=1),
            )
        )
    )
    items = package.xpath("word/document.xml", "//w:p[w:pPr/w:numPr]")
    numbering = [
        (text_of(p), p.xpath("string(w:pPr/w:numPr/w:ilvl/@w:val)", namespaces=NS)) for p in items
    ]
    assert numbering == [("outer", "0"), ("inner", "1"), ("a", "0"), ("b", "0"), ("c", "0")]
    num_ids = [p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS) for p in items]
    assert num_ids[2] == num_ids[3] != num_ids[4]  # each ordered list restarts

    def start_of(num_id: str) -> list[str]:
        (abstract,) = package.xpath(
            "word/numbering.xml", f"//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val"
        )
        return package.xpath(
            "word/numbering.xml",
            f"//w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']/w:start/@w:val",
        )

    assert start_of(num_ids[2]) == ["3"]
    assert start_of(num_ids[4]) == ["1"]


def test_page_break_is_a_page_break() -> None:
    package = Package(render(letter(para("one"), PageBreak(), para("two"))))
    assert package.xpath("word/document.xml", "//w:br[@w:type='page']")


# --- footer and sections -------------------------------------------------------------------


def test_footer_counts_pages_with_fields(sample: Package) -> None:
    footer = sample.xml("word/footer1.xml")
    instructions = [t.strip() for t in sample.xpath("word/footer1.xml", "//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = footer.xpath("//w:fldChar/@w:fldCharType", namespaces=NS)
    assert kinds == ["begin", "separate", "end"] * 2
    assert text_of(footer) == "Page 1 of 1"
    assert footer.xpath("//w:p/w:pPr/w:jc/@w:val", namespaces=NS) == ["center"]


def test_appendix_names_flow_in_columns_after_a_one_column_intro(sample: Package) -> None:
    """The names are a section of their own, ended by a continuous break so that Word
    balances their last page (tests/writers/test_balanced_columns.py)."""
    section_breaks = sample.xpath("word/document.xml", "//w:p[w:pPr/w:sectPr]")
    assert text_of(section_breaks[0]) == "Affiliations for identification only."
    first, names, last = sample.xpath("word/document.xml", "//w:sectPr")
    assert first.xpath("w:cols/@w:num", namespaces=NS) == []
    assert names.xpath("w:cols/@w:num", namespaces=NS) == ["3"]
    assert names.xpath("w:type/@w:val", namespaces=NS) == ["continuous"]
    assert last.xpath("w:cols/@w:num", namespaces=NS) == []
    assert last.xpath("w:type/@w:val", namespaces=NS) == ["continuous"]
    heading = sample.style_id("Appendix Heading")
    assert sample.xpath(
        "word/styles.xml", f"//w:style[@w:styleId='{heading}']/w:pPr/w:pageBreakBefore"
    )


def test_sections_share_page_setup_and_footer(sample: Package) -> None:
    def setup(sect_pr: etree._Element) -> list[bytes]:
        return [
            etree.tostring(child)
            for child in sect_pr
            if child.tag in {f"{W}pgSz", f"{W}pgMar", f"{W}footerReference"}
        ]

    first, *rest = sample.xpath("word/document.xml", "//w:sectPr")
    assert all(setup(first) == setup(other) for other in rest)
    assert len(setup(first)) == 3


def test_content_after_the_appendix_returns_to_one_column() -> None:
    package = Package(render(letter(appendix(4, columns=2), para("Postscript."))))
    sections = package.xpath("word/document.xml", "//w:sectPr")
    assert [s.xpath("string(w:cols/@w:num)", namespaces=NS) for s in sections] == ["", "2", ""]
    assert sections[-1].xpath("string(w:type/@w:val)", namespaces=NS) == "continuous"


@pytest.mark.parametrize(("grouped", "headings"), [(True, ["Actors", "Writers"]), (False, [])])
def test_appendix_entries(grouped: bool, headings: list[str]) -> None:
    package = Package(render(letter(appendix(6, grouped=grouped))))
    assert package.paragraphs_in_style("Signatory Group") == headings
    names = package.paragraphs_in_style("Signatory Name")
    assert names == [NAMES[i] for i in range(6)]
    assert package.paragraphs_in_style("Signatory Affiliation") == ["Actor"] * 3
    name_id = package.style_id("Signatory Name")
    keep = package.xpath("word/styles.xml", f"//w:style[@w:styleId='{name_id}']//w:keepNext")
    assert keep, "a name keeps with its affiliation"


@pytest.mark.parametrize("name", NAMES)
def test_names_are_written_literally(sample: Package, name: str) -> None:
    assert name in sample.paragraphs_in_style("Signatory Name")
    assert name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode() in (
        sample.zip.read("word/document.xml")
    )


# --- metadata and reproducibility ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("//dc:title/text()", "Comment on AI"),
        ("//dc:creator/text()", "The Undersigned"),
        ("//dc:subject/text()", "Docket 1"),
        ("//dc:language/text()", "en-US"),
        ("//dcterms:created/text()", "2025-03-15T00:00:00Z"),
        ("//dcterms:modified/text()", "2025-03-15T00:00:00Z"),
        ("//cp:lastModifiedBy/text()", "policydraft"),
        ("//cp:revision/text()", "1"),
    ],
)
def test_core_properties(sample: Package, path: str, expected: str) -> None:
    assert sample.xpath("docProps/core.xml", path) == [expected]


def test_same_tree_gives_same_bytes(tmp_path: Path) -> None:
    assert render(SAMPLE) == render(SAMPLE)
    reference = tmp_path / "reference.docx"
    reference.write_bytes(render(SAMPLE))
    options = DocxOptions(reference_docx=reference)
    assert render(SAMPLE, options) == render(SAMPLE, options)


def test_zip_entries_carry_no_timestamps(sample: Package) -> None:
    infos = sample.zip.infolist()
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


# --- reference document --------------------------------------------------------------------


@pytest.fixture
def reference_docx(tmp_path: Path) -> Path:
    """A reference.docx as a legal team would make one: their font and margins."""
    reference = docx.Document()
    body_text = reference.styles["Body Text"]
    body_text.font.name = "Arial"
    body_text.font.size = Pt(11)
    section = reference.sections[0]
    section.left_margin = section.right_margin = Inches(1.25)
    reference.add_paragraph("Old content that must not survive.")
    path = tmp_path / "reference.docx"
    reference.save(str(path))
    return path


def test_reference_docx_styles_and_margins_are_kept(reference_docx: Path) -> None:
    package = Package(render(SAMPLE, DocxOptions(reference_docx=reference_docx)))
    body_text = package.style_id("Body Text")
    style = package.xpath("word/styles.xml", f"//w:style[@w:styleId='{body_text}']")[0]
    assert style.xpath("w:rPr/w:rFonts/@w:ascii", namespaces=NS) == ["Arial"]
    assert style.xpath("w:rPr/w:sz/@w:val", namespaces=NS) == ["22"]
    for sect_pr in package.xpath("word/document.xml", "//w:sectPr"):
        assert sect_pr.xpath("w:pgMar/@w:left", namespaces=NS) == ["1800"]
        assert sect_pr.xpath("w:pgMar/@w:right", namespaces=NS) == ["1800"]
    body = text_of(package.body)
    assert "Old content" not in body
    assert "We write as creators." in body
    package.style_id("Signatory Name")  # missing styles are still added


PRIVATE = ("KEYWORD-q8", "CATEGORY-q8", "DESCRIPTION-q8", "EDITOR-q8", "STATUS-q8", "CUSTOM-q8")


def _reference_with_private_properties(tmp_path: Path) -> Path:
    """A reference.docx whose core, app and custom properties hold private strings."""
    from tests.hostile.cases_outputs import add_custom_properties

    reference = docx.Document()
    props = reference.core_properties
    props.keywords, props.category, props.comments = PRIVATE[0], PRIVATE[1], PRIVATE[2]
    props.last_modified_by, props.content_status = PRIVATE[3], PRIVATE[4]
    props.revision = 42
    stream = io.BytesIO()
    reference.save(stream)
    with zipfile.ZipFile(stream) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    app = parts["docProps/app.xml"].decode()
    app = app.replace("<Company/>", "<Company>COMPANY-q8</Company>")
    parts["docProps/app.xml"] = app.replace("<Manager/>", "<Manager>MANAGER-q8</Manager>").encode()
    add_custom_properties(parts, PRIVATE[5])
    path = tmp_path / "private.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_reference_docx_properties_do_not_reach_the_letter(tmp_path: Path) -> None:
    reference = _reference_with_private_properties(tmp_path)
    data = render(SAMPLE, DocxOptions(reference_docx=reference))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
        names = archive.namelist()
        core = etree.fromstring(archive.read("docProps/core.xml"))
    for secret in (*PRIVATE, "COMPANY-q8", "MANAGER-q8"):
        assert secret.encode() not in everything, secret
    assert "docProps/custom.xml" not in names
    assert core.findtext("dc:title", namespaces=NS) == SAMPLE.metadata.title
    assert core.findtext("dc:creator", namespaces=NS) == SAMPLE.metadata.author
    assert core.findtext("cp:revision", namespaces=NS) == "1"


def test_letters_with_and_without_a_reference_carry_the_same_properties(tmp_path: Path) -> None:
    reference = _reference_with_private_properties(tmp_path)
    with_reference = zipfile.ZipFile(io.BytesIO(render(SAMPLE, DocxOptions(reference))))
    without = zipfile.ZipFile(io.BytesIO(render(SAMPLE)))
    for name in ("docProps/core.xml", "docProps/app.xml"):
        assert with_reference.read(name) == without.read(name), name


def _template_type(parts: dict[str, bytes]) -> None:
    """The main part typed as a Word template (.dotx): python-docx refuses to open it."""
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("document.main+xml", "template.main+xml").encode()


def _reference_cases() -> list[tuple[str, bytes, str | None]]:
    from tests.hostile import cases_outputs as hostile

    docx_bytes = hostile.reference_docx
    return [
        ("valid", docx_bytes(), None),
        ("not-a-zip", b"PK\x03\x04 but not really", "PD315"),
        ("empty", b"", "PD315"),
        ("no-styles", docx_bytes(hostile._without("word/styles.xml")), "PD316"),
        ("no-content-types", docx_bytes(hostile._without("[Content_Types].xml")), "PD316"),
        ("broken-xml", docx_bytes(hostile._replace("word/document.xml", b"<w:document>")), "PD317"),
        ("xxe", docx_bytes(hostile._replace("word/styles.xml", hostile._XXE)), "PD318"),
        ("bomb", docx_bytes(hostile._replace("word/styles.xml", hostile._BOMB)), "PD318"),
        ("dotx", docx_bytes(_template_type), None),  # a Word template serves as well
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [(data, code) for _, data, code in _reference_cases()],
    ids=[name for name, _, _ in _reference_cases()],
)
def test_reference_docx_is_checked_before_use(
    tmp_path: Path, data: bytes, code: str | None
) -> None:
    from policydraft.checks.reference_docx import check_reference_docx
    from policydraft.diagnostics import Diagnostics

    path = tmp_path / "reference.docx"
    path.write_bytes(data)
    diags = Diagnostics()
    usable = check_reference_docx(path, diags)
    assert [d.code for d in diags.items] == ([] if code is None else [code])
    assert usable is (code is None)
    if code is None:
        render(SAMPLE, DocxOptions(reference_docx=path))  # what check passes, render takes


def test_a_zip_bomb_reference_is_refused_by_what_it_unpacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policydraft.checks.reference_docx import check_reference_docx
    from policydraft.diagnostics import Diagnostics
    from tests.hostile.cases_outputs import reference_docx

    monkeypatch.setenv("POLICYDRAFT_MAX_REFERENCE_DOCX_BYTES", "100000")
    path = tmp_path / "reference.docx"
    path.write_bytes(reference_docx())  # ~30 KB packed, ~900 KB unpacked (styles)
    diags = Diagnostics()
    assert not check_reference_docx(path, diags)
    assert [d.code for d in diags.items] == ["PD319"]


def test_a_libreoffice_reference_gives_its_margins_not_its_properties() -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "reference-libreoffice.docx"
    package = Package(render(SAMPLE, DocxOptions(reference_docx=fixture)))
    for sect_pr in package.xpath("word/document.xml", "//w:sectPr"):
        assert sect_pr.xpath("w:pgMar/@w:left", namespaces=NS) == ["1800"]
    with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
        for name in archive.namelist():
            assert b"Zq7-LibreOffice-secret" not in archive.read(name), name
            assert b"must not survive" not in archive.read(name), name


# --- LibreOffice ---------------------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (install LibreOffice)")
        pytest.skip("LibreOffice (soffice) is not on PATH: cannot check the DOCX opens")
    return found


def _convert(source: Path, target: str) -> Path:
    """Convert with a private LibreOffice profile, so parallel test runs do not clash."""
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={(source.parent / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return source.with_suffix("." + target.split(":")[0])


@pytest.fixture(scope="module")
def opened_in_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("libreoffice") / "letter.docx"
    source.write_bytes(render(SAMPLE))
    return source


def test_libreoffice_reads_body_and_names(opened_in_libreoffice: Path) -> None:
    text = _convert(opened_in_libreoffice, "txt:Text").read_text(encoding="utf-8-sig")
    for expected in ("We write as creators.", "Copyright is the foundation", *NAMES):
        assert expected in text


def test_libreoffice_reads_notes_as_footnotes(opened_in_libreoffice: Path) -> None:
    """LibreOffice's text export leaves footnotes out; its HTML marks them as footnotes."""
    page = lxml.html.parse(str(_convert(opened_in_libreoffice, "html"))).getroot()
    divs = page.xpath("//div[starts-with(@id, 'sdfootnote')]")
    notes = [" ".join(div.text_content().split()) for div in divs]
    assert notes == ["1 First note text.", "2 See Campbell v. Acuff-Rose, 510 U.S. 569 (1994)."]


def test_reference_footnotes_are_replaced_but_separators_kept(tmp_path: Path) -> None:
    """A reference made from an earlier letter: its old notes go, its separators stay."""
    reference = tmp_path / "earlier-letter.docx"
    reference.write_bytes(render(SAMPLE))
    package = Package(render(letter(para("New.", note("Only note."))), DocxOptions(reference)))
    footnotes = package.xpath("word/footnotes.xml", "//w:footnote")
    assert [(n.get(f"{W}type"), n.get(f"{W}id")) for n in footnotes] == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
        (None, "1"),
    ]
    assert text_of(footnotes[-1]) == " Only note."
    assert package.xpath("word/document.xml", "//w:footnoteReference/@w:id") == ["1"]
    assert package.xpath("[Content_Types].xml", "//ct:Override[contains(@PartName, 'footnotes')]")
