"""The appendix's last page shares its signers across the columns, as Word does.

Word and LibreOffice balance the columns of a section that a continuous section break ends:
the columns are made as short as they can be with everything still in them, filled down then
across. The PDF lays the list's last page out so (``balance_columns``), and the DOCX ends its
columns with such a break. Checked on the layout function (a table of lists), on the PDF's
text positions (poppler's ``pdftotext -bbox``), on the DOCX's XML, and on LibreOffice's own
layout of the DOCX, which must put every signer of the last page where our PDF does.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from policydraft.model import (
    Appendix,
    Block,
    Document,
    Metadata,
    Para,
    SignatoryEntry,
    SignatoryGroup,
    Text,
)
from policydraft.typography import LETTER
from policydraft.writers.docx import write_docx
from policydraft.writers.pdf import write_pdf
from policydraft.writers.pdf.appendix_layout import (
    ColumnFill,
    ColumnStyle,
    LaidItem,
    balance_columns,
    fill_columns,
    lay_out,
)
from tests.helpers import run_cli, write_submission

STYLE = ColumnStyle.of(LETTER.appendix)
PAGE = LETTER.page
TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom  # 648 points on Letter
TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right
LONG = "Composer, Guild of Dramatic Writers West and Other Long Names"  # wraps to 2-3 lines


def items(pattern: str) -> list[SignatoryEntry | str]:
    """A list written as letters: ``a`` a signer with an affiliation, ``n`` a name alone,
    ``l`` a signer whose affiliation wraps, ``H`` a group heading."""
    made: list[SignatoryEntry | str] = []
    for number, kind in enumerate(pattern):
        name = f"Signer{number:03d} Example"
        affiliation = {"a": "Actor, Independent", "n": "", "l": LONG}.get(kind)
        made.append(f"Group {number}" if kind == "H" else SignatoryEntry(name, affiliation or ""))
    return made


def laid(pattern: str, columns: int) -> list[LaidItem]:
    width = (TEXT_WIDTH - STYLE.gutter * (columns - 1)) / columns
    return [lay_out(item, STYLE, width) for item in items(pattern)]


def bottoms(fill: ColumnFill) -> list[float]:
    return [
        top + item.height - item.space_after for top, item in (c[-1] for c in fill.columns if c)
    ]


# --- the layout function ---------------------------------------------------------------------

UNIFORM = [
    ("one signer", "a", 3, [1, 0, 0]),
    ("two signers", "aa", 3, [1, 1, 0]),
    ("three signers", "aaa", 3, [1, 1, 1]),
    ("an odd count", "a" * 7, 3, [3, 3, 1]),
    ("ten", "a" * 10, 3, [4, 4, 2]),
    ("names alone", "n" * 11, 3, [4, 4, 3]),
    ("thirty, not 22 then 8", "a" * 30, 3, [10, 10, 10]),
    ("a page just filled", "a" * 72, 3, [24, 24, 24]),
    ("a page of names alone just filled", "n" * 117, 3, [39, 39, 39]),
    ("two columns, one signer", "a", 2, [1, 0]),
    ("two columns, an odd count", "a" * 7, 2, [4, 3]),
    ("two columns just filled", "a" * 48, 2, [24, 24]),
]


@pytest.mark.parametrize(
    ("pattern", "columns", "counts"), [c[1:] for c in UNIFORM], ids=[c[0] for c in UNIFORM]
)
def test_equal_entries_share_the_columns_as_word_does(
    pattern: str, columns: int, counts: list[int]
) -> None:
    """LibreOffice 7.4 lays out every one of these lists so (tests below check some)."""
    fill = balance_columns(laid(pattern, columns), columns, TEXT_HEIGHT)
    assert [len(column) for column in fill.columns] == counts
    assert fill.next_index == len(pattern)
    assert max(counts) == math.ceil(len(pattern) / columns)


MIXED = {
    "alternating": "an" * 9,
    "wrapped affiliations": "anl" * 5 + "a",
    "two groups": "Haaa" + "Hnnnnn",
    "a short last group": "H" + "a" * 20 + "H" + "n" * 3,
    "a group of wrapped ones": "aaaH" + "l" * 13,
    "many small groups": "Hn" + "Hnn" * 6,
    "all wrapped": "l" * 23,
    "tall ones first": "a" * 20 + "n" * 30,
}


@pytest.mark.parametrize("columns", [2, 3])
@pytest.mark.parametrize("pattern", MIXED.values(), ids=MIXED.keys())
def test_mixed_entries_are_balanced_by_height(pattern: str, columns: int) -> None:
    """Taller entries (wrapped, with affiliations) and headings count by their height."""
    entries = laid(pattern, columns)
    fill = balance_columns(entries, columns, TEXT_HEIGHT)
    plain = fill_columns(entries, columns, TEXT_HEIGHT)
    assert [item for column in fill.columns for _, item in column] == entries, "down, across"
    assert fill.height == pytest.approx(max(bottoms(fill)))
    assert fill.height <= plain.height + 1e-6 and fill.height <= TEXT_HEIGHT
    shorter = fill_columns(entries, columns, fill.height - 0.25)
    assert shorter.next_index < len(entries) or shorter.height > fill.height - 0.25
    for column in fill.columns[:-1]:
        if column and column[-1][1] is not entries[-1]:
            assert not column[-1][1].is_heading, "a heading never ends a column"


def test_a_list_that_does_not_fit_is_not_balanced() -> None:
    """Only the list's last page is balanced: Word balances before a continuous section
    break, and a group heading is no break; a full page stays filled column by column."""
    entries = laid("a" * 73, 3)
    assert balance_columns(entries, 3, TEXT_HEIGHT) == fill_columns(entries, 3, TEXT_HEIGHT)


def entry(height: float) -> LaidItem:
    return LaidItem(height, 0.0, (), False, 4.0)


@pytest.mark.parametrize(
    ("what", "entries", "height", "counts"),
    [
        ("no entries", [], TEXT_HEIGHT, [0, 0, 0]),
        ("one taller than the page", [entry(900.0)], TEXT_HEIGHT, [1, 0, 0]),
        ("two taller than the page", [entry(900.0)] * 2, TEXT_HEIGHT, [1, 1, 0]),
        ("columns shorter than an entry", [entry(27.0)] * 3, 20.0, [1, 1, 1]),
        ("zero height", [entry(27.0)] * 2, 0.0, [1, 1, 0]),
    ],
)
def test_degenerate_lists_are_placed_as_before(
    what: str, entries: list[LaidItem], height: float, counts: list[int]
) -> None:
    fill = balance_columns(entries, 3, height)
    assert fill == fill_columns(entries, 3, height)
    assert [len(column) for column in fill.columns] == counts


def test_balancing_needs_few_trial_fills(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last page is laid out a handful of times, not once per possible height."""
    import policydraft.writers.pdf.appendix_layout as layout

    heights: list[float] = []

    def counting(laid: list[LaidItem], count: int, height: float) -> ColumnFill:
        heights.append(height)
        return fill_columns(laid, count, height)

    monkeypatch.setattr(layout, "fill_columns", counting)
    entries = laid("anl" * 12, 3)
    fill = balance_columns(entries, 3, TEXT_HEIGHT)
    assert fill.next_index == len(entries) and fill.height < TEXT_HEIGHT / 2
    assert len(heights) <= 6, heights


# --- the PDF and the DOCX ---------------------------------------------------------------------


def document(
    pattern: str, grouped: bool = False, columns: int = 3, after: str | None = None
) -> Document:
    entries = tuple(i for i in items(pattern) if isinstance(i, SignatoryEntry))
    third = len(entries) // 3
    groups = (SignatoryGroup(None, entries),)
    if grouped:
        groups = (
            SignatoryGroup("Performers", entries[:third]),
            SignatoryGroup("Writers", entries[third:]),
        )
    heading = (Text(f"Signatories ({len(entries)})"),)
    blocks: list[Block] = [Para((Text("Letter."),)), Appendix(heading, (), groups, columns)]
    if after:
        blocks.append(Para((Text(after),)))
    return Document(Metadata("Comment", "The Undersigned"), tuple(blocks))


def needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI")
        pytest.skip(f"{tool} is not on PATH")
    return found


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<')


def last_page_columns(pdf: Path) -> tuple[int, list[list[int]], list[float], dict[str, float]]:
    """Page count; the signer numbers in each column of the last page, top to bottom; each
    column's bottom (points from the top); the top of every other word."""
    needs("pdftotext")
    pages = len(PdfReader(pdf).pages)
    bbox = ["pdftotext", "-bbox", "-f", str(pages), "-l", str(pages), str(pdf), "-"]
    xml = subprocess.run(bbox, capture_output=True, text=True, check=True).stdout
    columns: dict[int, list[tuple[float, int]]] = {}
    low: dict[int, float] = {}
    others: dict[str, float] = {}
    for x, top, bottom, word in WORD.findall(xml):
        key = round(float(x) / 50)
        if match := re.fullmatch(r"Signer(\d+)", word):
            columns.setdefault(key, []).append((float(top), int(match.group(1))))
        else:
            others[word] = float(top)
        if word.startswith(("Signer", "Actor", "Independent")):
            low[key] = max(low.get(key, 0.0), float(bottom))
    keys = sorted(columns)
    numbers = [[n for _, n in sorted(columns[k])] for k in keys]
    return pages, numbers, [low[k] for k in keys], others


def render_pdf(doc: Document, path: Path) -> Path:
    with path.open("wb") as out:
        write_pdf(doc, out)
    return path


@pytest.mark.parametrize(
    ("count", "columns"), [(1, 3), (2, 3), (7, 3), (30, 3), (200, 3), (7, 2), (141, 3)]
)
def test_the_pdf_balances_the_last_page(tmp_path: Path, count: int, columns: int) -> None:
    """200 signers: full pages, then a balanced last one; 141 just fill their last page."""
    _, numbers, lows, _ = last_page_columns(
        render_pdf(document("a" * count, columns=columns), tmp_path / "letter.pdf")
    )
    on_page = sum(len(column) for column in numbers)
    share = math.ceil(on_page / columns)
    expected = [min(share, on_page - share * i) for i in range(columns)]
    assert [len(column) for column in numbers] == [n for n in expected if n > 0]
    flat = [n for column in numbers for n in column]
    assert flat == list(range(count - on_page, count)), "read down, then across"
    full = [low for low, column in zip(lows, numbers, strict=True) if len(column) == share]
    assert max(full) - min(full) < 0.5


def test_what_follows_the_appendix_starts_under_the_balanced_columns(tmp_path: Path) -> None:
    doc = document("a" * 30, after="Postscript follows.")
    _, numbers, lows, others = last_page_columns(render_pdf(doc, tmp_path / "letter.pdf"))
    assert [len(column) for column in numbers] == [10, 10, 10]
    assert max(lows) < others["Postscript"] < max(lows) + 40


NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
SECTPR_ORDER = [  # ECMA-376 Part 1, 17.6.17 sectPr: its children's sequence
    *("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz"),
    *("pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt"),
    *("vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid"),
]
PPR_ORDER = ["pStyle", "keepNext", "keepLines", "spacing", "ind", "jc", "rPr", "sectPr"]


def docx_body(doc: Document) -> etree._Element:
    out = io.BytesIO()
    write_docx(doc, out)
    with zipfile.ZipFile(out) as package:
        return etree.fromstring(package.read("word/document.xml")).find("w:body", NS)


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def in_schema_order(element: etree._Element, order: list[str]) -> bool:
    positions = [order.index(local(child)) for child in element if local(child) in order]
    return positions == sorted(positions)


def layout(sect_pr: etree._Element) -> tuple[str, str]:
    return sect_pr.xpath("string(w:cols/@w:num)", namespaces=NS) or "1", sect_pr.xpath(
        "string(w:type/@w:val)", namespaces=NS
    )


@pytest.mark.parametrize(
    ("pattern", "grouped", "columns"),
    [("a", False, 3), ("an" * 5, True, 3), ("n" * 7, False, 2), ("a" * 200, True, 3)],
)
def test_the_docx_ends_its_columns_with_a_continuous_break(
    pattern: str, grouped: bool, columns: int
) -> None:
    body = docx_body(document(pattern, grouped, columns))
    sections = body.xpath(".//w:sectPr", namespaces=NS)
    assert [layout(s) for s in sections] == [
        ("1", ""),
        (str(columns), "continuous"),
        ("1", "continuous"),
    ]
    names_end = sections[1].getparent().getparent()
    last_signer = f"Signer{len(pattern) - 1:03d}"
    signer = names_end if pattern[-1] == "n" else names_end.getprevious()
    assert "".join(signer.itertext()).startswith(last_signer)
    assert names_end.xpath("string(w:pPr/w:spacing/@w:after)", namespaces=NS) == "0"
    end_mark = names_end.getnext()
    assert [local(e) for e in body[list(body).index(end_mark) :]] == ["p", "sectPr"]
    assert "".join(end_mark.itertext()) == ""
    spacing = end_mark.find("w:pPr/w:spacing", NS)
    assert {k.split("}")[1]: v for k, v in spacing.attrib.items()} == {
        "before": "0", "after": "0", "line": "20", "lineRule": "exact"
    }  # fmt: skip
    for sect_pr in sections:
        assert in_schema_order(sect_pr, SECTPR_ORDER)
        footer = sect_pr.xpath("w:footerReference/@r:id", namespaces=NS)
        assert footer == sections[-1].xpath("w:footerReference/@r:id", namespaces=NS) != []
    assert in_schema_order(names_end.find("w:pPr", NS), PPR_ORDER)


def test_the_docx_continues_under_the_columns_like_the_pdf() -> None:
    body = docx_body(document("a" * 5, after="Postscript follows."))
    sections = body.xpath(".//w:sectPr", namespaces=NS)
    assert [layout(s) for s in sections] == [("1", ""), ("3", "continuous"), ("1", "continuous")]
    after_columns = sections[1].getparent().getparent().getnext()
    assert "".join(after_columns.itertext()) == "Postscript follows."
    assert local(after_columns.getnext()) == "sectPr", "no end mark: the postscript holds it"


def test_one_column_appendix_has_no_section_breaks() -> None:
    body = docx_body(document("a" * 5, columns=1))
    assert [layout(s) for s in body.xpath(".//w:sectPr", namespaces=NS)] == [("1", "")]


def test_render_balances_both_formats_through_the_cli(tmp_path: Path) -> None:
    """31 signers from a CSV, through ``policydraft render``: 11, 11 and 9, as in Word."""
    rows = "".join(f"Signer{n:03d} Example,Actor,Independent\n" for n in range(31))
    folder = write_submission(tmp_path / "letter", signatories="name,title,organization\n" + rows)
    done = run_cli("render", folder, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    _, numbers, _, _ = last_page_columns(next(tmp_path.glob("*.pdf")))
    assert [len(column) for column in numbers] == [11, 11, 9]
    with zipfile.ZipFile(next(tmp_path.glob("*.docx"))) as package:
        body = etree.fromstring(package.read("word/document.xml")).find("w:body", NS)
    sections = [layout(s) for s in body.xpath(".//w:sectPr", namespaces=NS)]
    assert sections[-2:] == [("3", "continuous"), ("1", "continuous")]


# --- LibreOffice lays the DOCX out as our PDF -------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "grouped"),
    [("anl" * 20 + "a", True), ("a" * 69, False)],
    ids=["mixed-with-groups", "page-just-filled"],
)
def test_libreoffice_balances_the_docx_as_the_pdf(
    tmp_path: Path, pattern: str, grouped: bool
) -> None:
    soffice = needs("soffice")
    doc = document(pattern, grouped)
    ours = last_page_columns(render_pdf(doc, tmp_path / "ours.pdf"))
    docx = tmp_path / "letter.docx"
    with docx.open("wb") as out:
        write_docx(doc, out)
    profile = f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}"
    convert = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
    subprocess.run([*convert, str(docx)], check=True, capture_output=True, timeout=180)
    theirs = last_page_columns(tmp_path / "letter.pdf")
    assert theirs[:2] == ours[:2], "same page count, same signers in each column"
    assert max(theirs[2]) - min(theirs[2]) <= max(ours[2]) - min(ours[2]) + 2.0
