"""Paragraph styles, made per document from its typography.

Every number comes from the ``Typography`` in the writer's options, which the DOCX writer is
given too, so the PDF and the DOCX (in Word or LibreOffice) break lines and pages alike. A
profile's minimum type size reaches both as a typography (``typography.at_least``), never as
a change made to one format's styles only.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from policydraft.model import PART_ROLES, PartRole
from policydraft.typography import Alignment, ParagraphFormat, Typography

from .families import LIBERATION_SERIF, FontFamily, family_named

_ALIGNMENTS: dict[Alignment, int] = {
    "left": TA_LEFT,
    "center": TA_CENTER,
    "right": TA_RIGHT,
    "justify": TA_JUSTIFY,
}


@dataclass(frozen=True, slots=True)
class Styles:
    """The letter's styles; ``parts`` maps a LetterPart role to its paragraph style.

    ``typography`` is what they were made from: lengths that are not styles (list and quote
    indents, the appendix's columns, the note area) are read from it. ``family`` is the
    bundled typeface every style is set in (``typography.pdf_font``).
    """

    body: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    appendix_heading: ParagraphStyle
    list_item: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    parts: dict[PartRole, ParagraphStyle]
    typography: Typography
    family: FontFamily = LIBERATION_SERIF


def paragraph_style(
    name: str, fmt: ParagraphFormat, family: FontFamily = LIBERATION_SERIF
) -> ParagraphStyle:
    """A reportlab style that sets ``fmt`` in ``family`` as Word and LibreOffice would.

    No hyphenation and no squeezed spaces, as in the DOCX: a line ends before the first
    word that does not fit at full width. Widow and orphan control is Word's, applied where
    paragraphs are split (``paragraph.widow_safe``), so reportlab's own flags stay off here;
    keep-lines paragraphs are handled where they are built (reportlab styles cannot say it).
    """
    style = ParagraphStyle(
        name,
        fontName=family.face(fmt.bold, fmt.italic),
        fontSize=fmt.size,
        leading=fmt.leading,
        spaceBefore=fmt.before,
        spaceAfter=fmt.after,
        alignment=_ALIGNMENTS[fmt.align],
        leftIndent=fmt.left,
        rightIndent=fmt.right,
        firstLineIndent=fmt.first_line,
        keepWithNext=int(fmt.keep_with_next),
        allowOrphans=1,
        allowWidows=1,
        hyphenationLang="",
        embeddedHyphenation=1,  # break after a hyphen the text has, as Word does (paragraph.py)
        uriWasteReduce=0,
        spaceShrinkage=0,  # reportlab's default squeezes spaces to fit words Word would wrap
        linkUnderline=0,
    )
    style.keepLines = int(fmt.keep_lines)  # read by NotedParagraph.split
    return style


def make_styles(typography: Typography) -> Styles:
    """All styles for one letter set in ``typography``."""
    t, family = typography, family_named(typography.pdf_font)
    parts = {role: paragraph_style(role, getattr(t.parts, role), family) for role in PART_ROLES}
    return Styles(
        body=paragraph_style("body", t.body, family),
        heading1=paragraph_style("heading1", t.heading1, family),
        heading2=paragraph_style("heading2", t.heading2, family),
        appendix_heading=paragraph_style("appendix", t.appendix.heading, family),
        list_item=paragraph_style("list", t.lists.item, family),
        quote=paragraph_style("quote", t.quote, family),
        note=paragraph_style("note", t.notes.text, family),
        parts=parts,
        typography=t,
        family=family,
    )
