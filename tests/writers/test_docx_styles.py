"""The letter's Word styles cascade: sizes, fonts and spacing resolved through ``basedOn``.

The resolver below is written from ECMA-376 Part 1 alone, not from the writer: a paragraph
style's properties are the document defaults (17.7.5, ``w:docDefaults``), overridden by each
style of its ``basedOn`` chain from the root down (17.7.4.3, 17.7.2 "style inheritance");
``w:sz`` is in half points (17.3.2.38), ``w:spacing`` in twentieths of a point with
``w:lineRule`` "auto" when absent (17.3.1.33); where nothing sets a size, Word's is 10 pt
(the ``w:sz`` default of 17.3.2.38). Style names are Word's built-in names (17.7.4.9's
``w:name``; "heading 1" and "footnote text" lower-case, as Word writes them).

The reference documents are made here with python-docx, as a firm would make one in Word:
our own letter with "Normal" changed ("Modify Style"), with only "heading 1" changed, or
python-docx's blank template with an 11 pt Normal.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from policydraft.model import (
    Block,
    Document,
    Heading,
    LetterPart,
    Metadata,
    Note,
    Para,
    PartRole,
    Text,
)
from policydraft.typography import LETTER, Typography, at_least
from policydraft.writers.docx import DocxOptions, write_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

LETTER_STYLES = (
    "Body Text", "Date", "Inside Address", "Subject Line", "Salutation", "Closing",
    "Signature", "Statement", "Quote", "List Bullet", "heading 1", "heading 2",
)  # fmt: skip
"""Styles set in the body's size: one change of Normal must reach all of them."""


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class Effective:
    """What Word applies for one paragraph style (ECMA-376 17.7.2)."""

    size: float
    font: str | None
    line: int | None
    rule: str
    before: int
    after: int
    widow_control: bool
    bold: bool


def effective(styles: etree._Element, name: str) -> Effective:
    """The style named ``name``'s properties through docDefaults and its basedOn chain."""
    by_id = {s.get(_w("styleId")): s for s in styles.iterfind("w:style", NS)}
    by_name = {s.find("w:name", NS).get(_w("val")): s for s in by_id.values()}
    chain: list[etree._Element] = []
    style = by_name[name]
    while style is not None and style not in chain:
        chain.insert(0, style)
        based = style.find("w:basedOn", NS)
        style = by_id.get(based.get(_w("val"))) if based is not None else None
    layers = [styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)]
    layers += [styles.find("w:docDefaults/w:pPrDefault/w:pPr", NS)]
    for link in chain:
        layers += [link.find("w:rPr", NS), link.find("w:pPr", NS)]
    found: dict[str, str] = {}
    for layer in layers:
        for child in layer if layer is not None else ():
            local = etree.QName(child).localname
            if local == "spacing":
                found.update({f"spacing.{etree.QName(k).localname}": v for k, v in child.items()})
            elif local == "rFonts" and child.get(_w("ascii")):
                found["font"] = child.get(_w("ascii"), "")
            else:
                found[local] = child.get(_w("val"), "1")
    return Effective(
        size=int(found.get("sz", "20")) / 2,
        font=found.get("font"),
        line=int(found["spacing.line"]) if "spacing.line" in found else None,
        rule=found.get("spacing.lineRule", "auto"),
        before=int(found.get("spacing.before", "0")),
        after=int(found.get("spacing.after", "0")),
        widow_control=found.get("widowControl", "0") not in ("0", "false", "off"),
        bold=found.get("b", "0") not in ("0", "false", "off"),
    )


def letter() -> Document:
    """A letter using every part role, headings of both levels and a note."""
    roles: tuple[PartRole, ...] = (
        "letterhead", "date", "addressee", "subject", "salutation", "closing", "signature",
    )  # fmt: skip
    blocks: list[Block] = [LetterPart(role, (Para((Text(role),)),)) for role in roles]
    blocks[5:5] = [
        Heading(1, (Text("Argument"),)),
        Heading(2, (Text("Point"),)),
        Para((Text("Body"), Note((Para((Text("A note."),)),)))),
    ]
    return Document(Metadata("Styles", "Tester"), tuple(blocks))


def rendered_styles(reference: Path | None = None, typography: Typography = LETTER) -> bytes:
    out = io.BytesIO()
    write_docx(letter(), out, DocxOptions(reference_docx=reference, typography=typography))
    with zipfile.ZipFile(out) as package:
        return package.read("word/styles.xml")


def reference(tmp_path: Path, kind: str) -> Path | None:
    """A reference.docx as a firm would make one (None: no reference)."""
    if kind == "none":
        return None
    if kind == "python-docx normal 11pt":
        word = docx.Document()
    else:
        out = io.BytesIO()
        write_docx(letter(), out)
        word = docx.Document(out)
    changed = "heading 1" if kind == "ours heading 1 16pt" else "Normal"
    word.styles[changed].font.size = Pt(16 if changed == "heading 1" else 11)
    path = tmp_path / "reference.docx"
    word.save(str(path))
    return path


# reference kind, style, expected size: the whole letter follows Normal; headings alone
# follow heading 1; a template's own heading 1 (python-docx: 14 pt) keeps its size
CASCADE = [
    *[("none", style, 12.0) for style in LETTER_STYLES],
    ("none", "footnote text", 10.0),
    ("none", "Title", 14.0),
    *[("ours normal 11pt", style, 11.0) for style in LETTER_STYLES],
    ("ours normal 11pt", "footnote text", 10.0),
    *[("ours heading 1 16pt", style, 12.0) for style in LETTER_STYLES if style != "heading 1"],
    ("ours heading 1 16pt", "heading 1", 16.0),
    *[
        ("python-docx normal 11pt", style, 11.0)
        for style in LETTER_STYLES
        if not style.startswith("heading")
    ],
    ("python-docx normal 11pt", "heading 1", 14.0),
]


@pytest.mark.parametrize(("kind", "style", "size"), CASCADE)
def test_sizes_cascade_from_normal(tmp_path: Path, kind: str, style: str, size: float) -> None:
    styles = etree.fromstring(rendered_styles(reference(tmp_path, kind)))
    assert effective(styles, style).size == size


@pytest.mark.parametrize(
    ("typography", "style", "size"),
    [
        (LETTER, "footnote text", 10.0),
        (LETTER, "Signatory Affiliation", 9.0),
        (LETTER, "Body Text", 12.0),
        (at_least(LETTER, 12.0), "footnote text", 12.0),  # a "12-point or larger" profile
        (at_least(LETTER, 12.0), "Signatory Affiliation", 12.0),
        (at_least(LETTER, 12.0), "footer", 12.0),
        (at_least(LETTER, 12.0), "Body Text", 12.0),
        (at_least(LETTER, 12.0), "Date", 12.0),
    ],
)
def test_a_profile_minimum_raises_the_small_styles(
    typography: Typography, style: str, size: float
) -> None:
    styles = etree.fromstring(rendered_styles(typography=typography))
    assert effective(styles, style).size == size


@pytest.mark.parametrize("style", LETTER_STYLES)
def test_letter_styles_take_font_lines_and_flow_from_normal(style: str) -> None:
    styles = etree.fromstring(rendered_styles())
    found = effective(styles, style)
    assert (found.font, found.line, found.rule) == ("Times New Roman", 280, "atLeast")
    assert found.widow_control  # Word's default; the PDF splits by the same rule
    own = next(
        s for s in styles.iterfind("w:style", NS) if s.find("w:name", NS).get(_w("val")) == style
    )
    assert own.find("w:rPr/w:sz", NS) is None, "the size comes from Normal"
    assert own.find("w:rPr/w:rFonts", NS) is None, "the font comes from Normal"
    assert own.find("w:pPr/w:widowControl", NS) is None


@pytest.mark.parametrize(
    ("style", "before", "after", "bold"),
    [
        ("Body Text", 0, 240, False),
        ("Date", 0, 240, False),
        ("Closing", 0, 480, False),
        ("Subject Line", 0, 240, True),
        ("heading 1", 240, 120, True),
        ("heading 2", 120, 120, True),
        ("footnote text", 0, 40, False),
    ],
)
def test_spacing_and_weight_resolve_as_the_typography_says(
    style: str, before: int, after: int, bold: bool
) -> None:
    found = effective(etree.fromstring(rendered_styles()), style)
    assert (found.before, found.after, found.bold) == (before, after, bold)


@pytest.mark.parametrize(
    ("style", "line", "rule"),
    [
        ("footnote text", 230, "atLeast"),
        ("Title", 320, "exact"),  # 16 pt on 14 pt type: tighter than the font's single line
        ("Signatory Name", 250, "exact"),
        ("Signatory Affiliation", 210, "atLeast"),
    ],
)
def test_only_lines_tighter_than_single_are_exact(style: str, line: int, rule: str) -> None:
    found = effective(etree.fromstring(rendered_styles()), style)
    assert (found.line, found.rule) == (line, rule)


def test_a_reference_style_wins_untouched(tmp_path: Path) -> None:
    path = reference(tmp_path, "ours heading 1 16pt")
    assert path is not None
    with zipfile.ZipFile(path) as package:
        before = etree.fromstring(package.read("word/styles.xml"))
    after = etree.fromstring(rendered_styles(path))
    for styles in (before, after):
        heading = styles.find("w:style[@w:styleId='Heading1']", NS)
        assert heading is not None and heading.find("w:rPr/w:sz", NS).get(_w("val")) == "32"


def test_the_defaults_name_no_japanese_east_asian_language() -> None:
    styles = etree.fromstring(rendered_styles())
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert fonts is not None and fonts.get(_w("eastAsiaTheme")) is None
    assert lang is not None and lang.get(_w("eastAsia")) == "zh-CN"


@pytest.mark.parametrize("name", ["Normal", "No Such Style"])
def test_the_resolver_refuses_nothing_silently(name: str) -> None:
    """Bad input: a style the part lacks is an error, Normal resolves to the defaults."""
    styles = etree.fromstring(rendered_styles())
    if name == "Normal":
        assert effective(styles, name).size == 12.0
    else:
        with pytest.raises(KeyError):
            effective(styles, name)
