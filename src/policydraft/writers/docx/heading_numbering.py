"""Argument numbers as Word numbering: a multilevel list linked to the Heading 1 style.

The list's first level prints "I.", "II." (``model.heading_numbers``), is linked to Heading 1
(``w:pStyle`` in the level) and Heading 1 carries the list (``w:numPr`` in its ``w:pPr``), as
Word's own "Multilevel List > link level to style" does. So an argument heading has no number
in its text: Word and LibreOffice count the Heading 1 paragraphs, and renumber them when an
argument is moved, added or deleted. A Heading 1 without a number ("Conclusion") opts out
with ``w:numId`` 0. Sub-headings (Heading 2) keep no number, as in the PDF; the list's lower
levels (A., 1., ...) are there for a Word user who demotes a heading within it.

A reference.docx that numbers its Heading 1 already: ours replaces that numbering for the
letter (the style's ``w:numPr`` is ours, and the reference's levels no longer link to Heading
1), so the DOCX prints the same labels as the PDF. Its other lists are kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from policydraft.model import Block, Heading
from policydraft.model.heading_numbers import HEADING_FORMATS, NUMBERED_LEVEL
from policydraft.writers.docx.numbering import ListNumbering
from policydraft.writers.docx.oxml import W_VAL, insert_before_any, sub, w
from policydraft.writers.docx.styles import StyleIds

HEADING_STYLE = "heading 1"

_AFTER_NUMPR = (
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
"""What follows ``w:numPr`` in a ``w:pPr`` (CT_PPr's sequence), so it goes in its place."""

_AFTER_PPR = ("rPr", "tblPr", "trPr", "tcPr", "tblStylePr")
"""What follows ``w:pPr`` in a ``w:style``."""


def has_numbered_headings(blocks: Iterable[Block]) -> bool:
    """Whether any top-level argument heading carries a number."""
    return any(
        isinstance(block, Heading) and block.level == NUMBERED_LEVEL and block.number is not None
        for block in blocks
    )


def number_heading_style(
    numbering: ListNumbering, styles: etree._Element, ids: StyleIds, blocks: Iterable[Block]
) -> None:
    """Link a new "I., A., 1." list to Heading 1 when ``blocks`` have numbered arguments.

    Sets ``numbering.headings`` to the list's ``w:numId``, which tells the block writer that
    Heading 1 is numbered (so unnumbered Heading 1 paragraphs must opt out).
    """
    if not has_numbered_headings(blocks):
        return
    style_id = ids[HEADING_STYLE]
    style = _style(styles, style_id)
    if style is None:
        return
    _unlink_other_lists(numbering.element, style_id)
    abstract, num_id = numbering.add_definition("multilevel")
    for level, number_format in enumerate(HEADING_FORMATS):
        lvl = sub(abstract, "lvl", ilvl=str(level))
        sub(lvl, "start", val="1")
        sub(lvl, "numFmt", val=number_format.word_format)
        if level == 0:
            sub(lvl, "pStyle", val=style_id)
        sub(lvl, "suff", val="space")
        sub(lvl, "lvlText", val=number_format.level_text)
        sub(lvl, "lvlJc", val="left")
        sub(sub(lvl, "pPr"), "ind", left="0", firstLine="0")
    _link_style(style, num_id)
    numbering.headings = num_id


def _style(styles: etree._Element, style_id: str) -> etree._Element | None:
    for style in styles.iterchildren(w("style")):
        if style.get(w("styleId")) == style_id:
            return style
    return None


def _link_style(style: etree._Element, num_id: str) -> None:
    """Give the style's ``w:pPr`` our ``w:numPr`` (in schema order), replacing any other."""
    ppr = style.find(w("pPr"))
    if ppr is None:
        ppr = style.makeelement(w("pPr"), {})
        insert_before_any(style, ppr, (w(name) for name in _AFTER_PPR))
    for old in ppr.findall(w("numPr")):
        ppr.remove(old)
    num_pr = ppr.makeelement(w("numPr"), {})
    sub(num_pr, "numId", val=num_id)
    insert_before_any(ppr, num_pr, (w(name) for name in _AFTER_NUMPR))


def _unlink_other_lists(numbering: etree._Element, style_id: str) -> None:
    """Drop a reference document's links from its list levels to Heading 1 (ours replaces)."""
    for link in numbering.iter(w("pStyle")):
        if link.get(W_VAL) == style_id:
            parent = link.getparent()
            if parent is not None:
                parent.remove(link)
