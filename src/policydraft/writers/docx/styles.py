"""The Word styles the letter uses, declared as data and added to ``word/styles.xml``.

Every paragraph the writer emits names a style instead of carrying direct formatting, so a
legal team can restyle the whole letter in Word (or through a reference.docx) in one place.
With a reference document, its definition of a style wins untouched and only missing styles
are added; without one, ours replace python-docx's template defaults (Calibri, blue headings),
which do not suit a formal letter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from policydraft.writers.docx.oxml import W_VAL, replace_child, sub, w

BODY_FONT = "Times New Roman"  # metric twin of the PDF's Liberation Serif


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One style as we define it; sizes in points, spacing and indents in twentieths of a point."""

    name: str  # the name Word shows (its own lower-case spelling for built-in styles)
    style_id: str
    kind: Literal["paragraph", "character"] = "paragraph"
    based_on: str | None = "Body Text"
    size: float | None = None
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    underline: bool = False
    color: str | None = None
    align: Literal["left", "center", "right", "both"] | None = None
    before: int | None = None
    after: int | None = None
    indent: int | None = None
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    outline_level: int | None = None


SPECS: tuple[StyleSpec, ...] = (
    StyleSpec("Body Text", "BodyText", based_on="Normal", after=240),
    StyleSpec("Title", "Title", size=14, bold=True, align="center", after=360, keep_next=True),
    StyleSpec(
        "heading 1",
        "Heading1",
        bold=True,
        before=240,
        after=120,
        keep_next=True,
        keep_lines=True,
        outline_level=0,
    ),
    StyleSpec(
        "heading 2",
        "Heading2",
        bold=True,
        italic=True,
        before=180,
        after=120,
        keep_next=True,
        keep_lines=True,
        outline_level=1,
    ),
    StyleSpec("List Bullet", "ListBullet", after=120),
    StyleSpec("List Number", "ListNumber", after=120),
    StyleSpec("Quote", "Quote", indent=720),
    StyleSpec("footnote text", "FootnoteText", based_on="Normal", size=10, after=60),
    StyleSpec("footnote reference", "FootnoteReference", "character", None, superscript=True),
    StyleSpec("Hyperlink", "Hyperlink", "character", None, color="0563C1", underline=True),
    StyleSpec("footer", "Footer", based_on="Normal", align="center"),
    StyleSpec("Letterhead", "Letterhead", bold=True, align="center", after=360),
    StyleSpec("Date", "Date"),
    StyleSpec("Inside Address", "InsideAddress", keep_lines=True),
    StyleSpec("Subject Line", "SubjectLine", bold=True),
    StyleSpec("Salutation", "Salutation", keep_next=True),
    StyleSpec("Closing", "Closing", before=240, keep_next=True),
    StyleSpec("Signature", "Signature", keep_lines=True),
    StyleSpec("Statement", "Statement", italic=True),
    StyleSpec(
        "Appendix Heading",
        "AppendixHeading",
        bold=True,
        align="center",
        after=240,
        keep_next=True,
        page_break_before=True,
        outline_level=0,
    ),
    StyleSpec(
        "Signatory Group",
        "SignatoryGroup",
        based_on="Normal",
        bold=True,
        before=200,
        after=80,
        keep_next=True,
    ),
    StyleSpec(
        "Signatory Name",
        "SignatoryName",
        based_on="Normal",
        size=11,
        before=80,
        keep_next=True,
        keep_lines=True,
    ),
    StyleSpec(
        "Signatory Affiliation",
        "SignatoryAffiliation",
        based_on="Normal",
        size=10,
        italic=True,
        keep_lines=True,
    ),
)


class StyleIds:
    """Style ids by our (case-insensitive) style name, as they are in this styles part.

    A reference.docx made by a localised Word keeps the English name but may use another id
    ("Funotentext"), so paragraphs must name the id found here, never a hard-coded one.
    """

    def __init__(self, ids_by_name: Mapping[str, str]) -> None:
        self._ids = {name.casefold(): style_id for name, style_id in ids_by_name.items()}

    def __getitem__(self, name: str) -> str:
        return self._ids[name.casefold()]


def ensure_styles(styles: etree._Element, *, from_reference: bool, language: str) -> StyleIds:
    """Give ``styles`` (a ``w:styles`` element) every style in ``SPECS``; return their ids."""
    existing = _styles_by_name(styles)
    ours = [spec for spec in SPECS if not (from_reference and spec.name.casefold() in existing)]
    ids = {name: element.get(w("styleId"), "") for name, element in existing.items()}
    ids.update({spec.name.casefold(): spec.style_id for spec in ours})
    if not from_reference:
        _set_letter_defaults(styles)
    for spec in ours:
        key = spec.name.casefold()
        new = _style_element(styles, spec, StyleIds(ids))
        if key in existing:
            existing[key].addprevious(new)
            styles.remove(existing[key])
        else:
            styles.append(new)
    _set_language(styles, language)
    return StyleIds(ids)


def _styles_by_name(styles: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for style in styles.iterchildren(w("style")):
        name = style.find(w("name"))
        if name is not None:
            found.setdefault(name.get(W_VAL, "").casefold(), style)
    return found


def _style_element(styles: etree._Element, spec: StyleSpec, ids: StyleIds) -> etree._Element:
    style = styles.makeelement(w("style"), {w("type"): spec.kind, w("styleId"): spec.style_id})
    sub(style, "name", val=spec.name)
    if spec.based_on is not None:
        sub(style, "basedOn", val=_id_or_name(ids, spec.based_on))
    if spec.kind == "paragraph":
        sub(style, "next", val=_id_or_name(ids, "Body Text"))
    sub(style, "qFormat")
    if spec.kind == "paragraph":
        _paragraph_properties(sub(style, "pPr"), spec)
    _run_properties(sub(style, "rPr"), spec)
    return style


def _id_or_name(ids: StyleIds, name: str) -> str:
    try:
        return ids[name]
    except KeyError:
        return name.replace(" ", "")


def _paragraph_properties(ppr: etree._Element, spec: StyleSpec) -> None:
    """Children in CT_PPrBase's schema order, which Word enforces."""
    if spec.keep_next:
        sub(ppr, "keepNext")
    if spec.keep_lines:
        sub(ppr, "keepLines")
    if spec.page_break_before:
        sub(ppr, "pageBreakBefore")
    if spec.before is not None or spec.after is not None:
        spacing = sub(ppr, "spacing", before=str(spec.before or 0), after=str(spec.after or 0))
        spacing.set(w("line"), "240")
        spacing.set(w("lineRule"), "auto")
    if spec.indent is not None:
        sub(ppr, "ind", left=str(spec.indent), right=str(spec.indent))
    if spec.align is not None:
        sub(ppr, "jc", val=spec.align)
    if spec.outline_level is not None:
        sub(ppr, "outlineLvl", val=str(spec.outline_level))


def _run_properties(rpr: etree._Element, spec: StyleSpec) -> None:
    """Children in CT_RPr's schema order."""
    if spec.bold:
        sub(rpr, "b")
        sub(rpr, "bCs")
    if spec.italic:
        sub(rpr, "i")
        sub(rpr, "iCs")
    if spec.color is not None:
        sub(rpr, "color", val=spec.color)
    if spec.size is not None:
        half_points = str(round(spec.size * 2))
        sub(rpr, "sz", val=half_points)
        sub(rpr, "szCs", val=half_points)
    if spec.underline:
        sub(rpr, "u", val="single")
    if spec.superscript:
        sub(rpr, "vertAlign", val="superscript")


_RPR_DEFAULT_ORDER = ("rFonts", "sz", "szCs", "lang")


def _doc_defaults_rpr(styles: etree._Element) -> etree._Element:
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(w("docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(w("rPrDefault"))
    if rpr_default is None:
        rpr_default = defaults.makeelement(w("rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(w("rPr"))
    return rpr if rpr is not None else sub(rpr_default, "rPr")


def _set_letter_defaults(styles: etree._Element) -> None:
    """Times New Roman 12 pt, single spacing, no space after: the base every style builds on."""
    rpr = _doc_defaults_rpr(styles)
    fonts = rpr.makeelement(w("rFonts"))
    old_fonts = rpr.find(w("rFonts"))  # its East Asian theme font stays: Times has no CJK
    if old_fonts is not None and old_fonts.get(w("eastAsiaTheme")):
        fonts.set(w("eastAsiaTheme"), old_fonts.get(w("eastAsiaTheme"), ""))
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(w(attribute), BODY_FONT)
    replace_child(rpr, fonts, [w(n) for n in _RPR_DEFAULT_ORDER[1:]])
    for local in ("sz", "szCs"):
        replace_child(rpr, rpr.makeelement(w(local), {W_VAL: "24"}), [w("lang")])
    defaults = styles.find(w("docDefaults"))
    assert defaults is not None
    ppr_default = defaults.find(w("pPrDefault"))
    if ppr_default is None:
        ppr_default = sub(defaults, "pPrDefault")
    for old in list(ppr_default):
        ppr_default.remove(old)
    sub(sub(ppr_default, "pPr"), "spacing", after="0", line="240", lineRule="auto")


def _set_language(styles: etree._Element, language: str) -> None:
    """The document language, so spell-checking and hyphenation use the right dictionary."""
    rpr = _doc_defaults_rpr(styles)
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = sub(rpr, "lang")
    lang.set(W_VAL, language)
