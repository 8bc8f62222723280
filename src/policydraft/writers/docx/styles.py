"""The Word styles the letter uses, declared as data and added to ``word/styles.xml``.

Every paragraph the writer emits names a style instead of carrying direct formatting, so a
legal team can restyle the whole letter in Word (or through a reference.docx) in one place.
With a reference document, its definition of a style wins untouched and only missing styles
are added; without one, ours replace python-docx's template defaults (Calibri, blue headings),
which do not suit a formal letter.

The styles cascade as Word's own do: the font, the body size and the line pitch are set once,
in the document defaults under Normal; Body Text is based on Normal, the letter's parts on
Body Text, headings, notes, footer and appendix on Normal, and each style sets only what
differs from the style it is based on (space, alignment, bold, keeps, indents, and a size
where the text really is larger or smaller). So changing Normal in Word, or in a
reference.docx, restyles the whole letter, and changing Heading 1 changes only headings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from lxml import etree

from policydraft.typography import AppendixFormat, ParagraphFormat, Typography, figure_caption
from policydraft.writers.docx.oxml import W_VAL, replace_child, sub, w
from policydraft.writers.docx.scripts import HAN_LANGUAGE

BODY_FONT = "Times New Roman"  # metric twin of the PDF's Liberation Serif
SINGLE_LINE_EM = 2355 / 2048  # Liberation Serif's hhea ascent + descent + line gap, per em
TWIPS = 20  # Word measures spacing and indents in twentieths of a point

_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """One style as we define it: a shared paragraph format plus what only Word has.

    ``fmt`` carries every number that moves a line (from ``typography``, which the
    PDF writer reads too); character styles have none.
    """

    name: str  # the name Word shows (its own lower-case spelling for built-in styles)
    style_id: str
    kind: Literal["paragraph", "character"] = "paragraph"
    based_on: str | None = "Body Text"
    fmt: ParagraphFormat | None = None
    superscript: bool = False
    underline: bool = False
    color: str | None = None
    page_break_before: bool = False
    outline_level: int | None = None


NORMAL = "Normal"
BODY_TEXT = "Body Text"


def style_specs(t: Typography) -> tuple[StyleSpec, ...]:
    """Our styles, made per document from its typography (a profile may enlarge type)."""
    parts, appendix = t.parts, t.appendix
    return (
        StyleSpec(BODY_TEXT, "BodyText", fmt=t.body, based_on=NORMAL),
        StyleSpec("Title", "Title", fmt=parts.title),
        StyleSpec("heading 1", "Heading1", fmt=t.heading1, based_on=NORMAL, outline_level=0),
        StyleSpec("heading 2", "Heading2", fmt=t.heading2, based_on=NORMAL, outline_level=1),
        StyleSpec("List Bullet", "ListBullet", fmt=t.lists.item),
        StyleSpec("List Number", "ListNumber", fmt=t.lists.item),
        StyleSpec("Quote", "Quote", fmt=t.quote),
        StyleSpec("footnote text", "FootnoteText", fmt=t.notes.text, based_on=NORMAL),
        StyleSpec("footnote reference", "FootnoteReference", "character", None, superscript=True),
        StyleSpec("Hyperlink", "Hyperlink", "character", None, color="0563C1", underline=True),
        StyleSpec("footer", "Footer", fmt=t.footer, based_on=NORMAL),
        StyleSpec("Letterhead", "Letterhead", fmt=parts.letterhead),
        StyleSpec("Date", "Date", fmt=parts.date),
        StyleSpec("Inside Address", "InsideAddress", fmt=parts.addressee),
        StyleSpec("Subject Line", "SubjectLine", fmt=parts.subject),
        StyleSpec("Salutation", "Salutation", fmt=parts.salutation),
        StyleSpec("Closing", "Closing", fmt=parts.closing),
        StyleSpec("Signature", "Signature", fmt=parts.signature),
        StyleSpec("Statement", "Statement", fmt=parts.statement),
        StyleSpec("caption", "Caption", fmt=figure_caption(t)),  # a figure's, figures.py
        *_appendix_specs(appendix),
    )


def normal_format(t: Typography) -> ParagraphFormat:
    """What the document defaults (under Normal) say: the body's type and lines, no space."""
    return replace(t.body, before=0.0, after=0.0)


def _appendix_specs(appendix: AppendixFormat) -> tuple[StyleSpec, ...]:
    """The appendix's styles; keep-with-next ties a name to its affiliation (a lone name
    turns it off), and the gap after an entry follows its affiliation."""
    name = replace(appendix.name, keep_with_next=True)
    affiliation = replace(appendix.affiliation, after=appendix.entry_gap)
    return (
        StyleSpec(
            "Appendix Heading",
            "AppendixHeading",
            fmt=appendix.heading,
            based_on=NORMAL,
            page_break_before=True,
            outline_level=0,
        ),
        StyleSpec("Signatory Group", "SignatoryGroup", fmt=appendix.group_heading, based_on=NORMAL),
        StyleSpec("Signatory Name", "SignatoryName", fmt=name, based_on=NORMAL),
        StyleSpec(
            "Signatory Affiliation", "SignatoryAffiliation", fmt=affiliation, based_on=NORMAL
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


def ensure_styles(
    styles: etree._Element, typography: Typography, *, from_reference: bool, language: str
) -> StyleIds:
    """Give ``styles`` (a ``w:styles`` element) every style of ``typography``; return ids."""
    existing = _styles_by_name(styles)
    specs = style_specs(typography)
    ours = [spec for spec in specs if not (from_reference and spec.name.casefold() in existing)]
    ids = {name: element.get(w("styleId"), "") for name, element in existing.items()}
    ids.update({spec.name.casefold(): spec.style_id for spec in ours})
    if not from_reference:
        _set_letter_defaults(styles, typography)
    bases = _base_formats(typography, specs)
    for spec in ours:
        key = spec.name.casefold()
        base = bases.get(spec.based_on.casefold()) if spec.based_on else None
        new = _style_element(styles, spec, base, StyleIds(ids))
        if key in existing:
            existing[key].addprevious(new)
            styles.remove(existing[key])
        else:
            styles.append(new)
    _set_language(styles, language)
    return StyleIds(ids)


def _base_formats(t: Typography, specs: tuple[StyleSpec, ...]) -> dict[str, ParagraphFormat]:
    """The format each style a spec may be based on stands for, by folded name."""
    bases = {spec.name.casefold(): spec.fmt for spec in specs if spec.fmt is not None}
    bases[NORMAL.casefold()] = normal_format(t)
    return bases


def _styles_by_name(styles: etree._Element) -> dict[str, etree._Element]:
    found: dict[str, etree._Element] = {}
    for style in styles.iterchildren(w("style")):
        name = style.find(w("name"))
        if name is not None:
            found.setdefault(name.get(W_VAL, "").casefold(), style)
    return found


def _style_element(
    styles: etree._Element, spec: StyleSpec, base: ParagraphFormat | None, ids: StyleIds
) -> etree._Element:
    """``spec`` as a ``w:style`` that sets only what differs from ``base``."""
    style = styles.makeelement(w("style"), {w("type"): spec.kind, w("styleId"): spec.style_id})
    sub(style, "name", val=spec.name)
    if spec.based_on is not None:
        sub(style, "basedOn", val=_id_or_name(ids, spec.based_on))
    if spec.kind == "paragraph":
        sub(style, "next", val=_id_or_name(ids, BODY_TEXT))
    sub(style, "qFormat")
    if spec.kind == "paragraph":
        _paragraph_properties(sub(style, "pPr"), spec, base)
    _run_properties(sub(style, "rPr"), spec, base)
    for properties in style.iterchildren(w("pPr"), w("rPr")):
        if len(properties) == 0:
            style.remove(properties)
    return style


def _id_or_name(ids: StyleIds, name: str) -> str:
    try:
        return ids[name]
    except KeyError:
        return name.replace(" ", "")


def _paragraph_properties(
    ppr: etree._Element, spec: StyleSpec, base: ParagraphFormat | None
) -> None:
    """What differs from ``base``, in CT_PPrBase's schema order, which Word enforces."""
    fmt = spec.fmt
    if fmt is None:
        return
    for flag, base_flag, local in (
        (fmt.keep_with_next, base is not None and base.keep_with_next, "keepNext"),
        (fmt.keep_lines, base is not None and base.keep_lines, "keepLines"),
    ):
        if flag != base_flag:
            sub(ppr, local, **({} if flag else {"val": "0"}))
    if spec.page_break_before:
        sub(ppr, "pageBreakBefore")
    spacing = _spacing(fmt, base)
    if spacing:
        sub(ppr, "spacing", **spacing)
    indents = _indents(fmt)
    if base is None or indents != _indents(base):
        sub(ppr, "ind", **indents)
    if base is None or fmt.align != base.align:
        sub(ppr, "jc", val=_JC[fmt.align])
    if spec.outline_level is not None:
        sub(ppr, "outlineLvl", val=str(spec.outline_level))


def _set_flow(ppr: etree._Element, hyphenate: bool) -> None:
    """Widow/orphan control on (Word's default) and (unless the typography asks) no hyphenation.

    No page starts or ends with a lone line of a paragraph; the PDF splits paragraphs by the
    same rule (``writers/pdf/paragraph.py``). Set once, under Normal, so one change in Word
    turns it off for the whole letter.
    """
    sub(ppr, "widowControl")
    if not hyphenate:
        sub(ppr, "suppressAutoHyphens")


def _spacing(fmt: ParagraphFormat, base: ParagraphFormat | None) -> dict[str, str]:
    """``w:spacing``'s attributes that differ from ``base`` (all of them without a base)."""
    spacing: dict[str, str] = {}
    if base is None or fmt.before != base.before:
        spacing["before"] = _twips(fmt.before)
    if base is None or fmt.after != base.after:
        spacing["after"] = _twips(fmt.after)
    rule = line_rule(fmt)
    if base is None or (fmt.leading, rule) != (base.leading, line_rule(base)):
        spacing["line"] = _twips(fmt.leading)
        spacing["lineRule"] = rule
    return spacing


def line_rule(fmt: ParagraphFormat) -> str:
    """How Word is told ``fmt``'s line pitch: as a minimum where it can be one.

    A minimum ("atLeast") lets text made larger in Word get taller lines instead of
    overlapping ones, and is the PDF's fixed leading all the same wherever the leading is
    at least the font's single line (Word and LibreOffice give Times New Roman and
    Liberation Serif 1.15 em: ascent, descent and line gap). Tighter styles (the title,
    the appendix's names) must be set "exact", or both would open their lines up.
    """
    return "atLeast" if fmt.leading >= fmt.size * SINGLE_LINE_EM else "exact"


def _indents(fmt: ParagraphFormat) -> dict[str, str]:
    indents = {"left": _twips(fmt.left), "right": _twips(fmt.right)}
    if fmt.first_line < 0:
        indents["hanging"] = _twips(-fmt.first_line)
    elif fmt.first_line > 0:
        indents["firstLine"] = _twips(fmt.first_line)
    return indents


def _twips(points: float) -> str:
    return str(round(points * TWIPS))


def _run_properties(rpr: etree._Element, spec: StyleSpec, base: ParagraphFormat | None) -> None:
    """What differs from ``base``, in CT_RPr's schema order."""
    fmt = spec.fmt
    if fmt is not None:
        for flag, base_flag, local in (
            (fmt.bold, base is not None and base.bold, "b"),
            (fmt.italic, base is not None and base.italic, "i"),
        ):
            if flag != base_flag:
                off = {} if flag else {"val": "0"}
                sub(rpr, local, **off)
                sub(rpr, f"{local}Cs", **off)
    if spec.color is not None:
        sub(rpr, "color", val=spec.color)
    if fmt is not None and (base is None or fmt.size != base.size):
        half_points = str(round(fmt.size * 2))
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


def _set_letter_defaults(styles: etree._Element, typography: Typography) -> None:
    """Times New Roman at the body size on body lines, no space: what every style builds on.

    No East Asian theme font: the template's theme maps it to a Japanese font for East
    Asian text in any language; without it Word picks a font by each run's language.
    """
    rpr = _doc_defaults_rpr(styles)
    fonts = rpr.makeelement(w("rFonts"))
    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(w(attribute), BODY_FONT)
    replace_child(rpr, fonts, [w(n) for n in _RPR_DEFAULT_ORDER[1:]])
    for local in ("sz", "szCs"):
        half_points = str(round(typography.body.size * 2))
        replace_child(rpr, rpr.makeelement(w(local), {W_VAL: half_points}), [w("lang")])
    defaults = styles.find(w("docDefaults"))
    assert defaults is not None
    ppr_default = defaults.find(w("pPrDefault"))
    if ppr_default is None:
        ppr_default = sub(defaults, "pPrDefault")
    for old in list(ppr_default):
        ppr_default.remove(old)
    ppr = sub(ppr_default, "pPr")
    _set_flow(ppr, typography.hyphenate)
    sub(ppr, "spacing", **_spacing(normal_format(typography), None))


def _set_language(styles: etree._Element, language: str) -> None:
    """The document language, so spell-checking and hyphenation use the right dictionary.

    Runs in East Asian and complex scripts name their own language (``scripts``); the
    defaults' East Asian language is the one Han text without kana or hangul takes there.
    """
    rpr = _doc_defaults_rpr(styles)
    lang = rpr.find(w("lang"))
    if lang is None:
        lang = sub(rpr, "lang")
    lang.set(W_VAL, language)
    lang.set(w("eastAsia"), HAN_LANGUAGE)
