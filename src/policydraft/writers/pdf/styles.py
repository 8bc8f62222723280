"""Paragraph styles and page geometry, taken from the shared typography.

Every number comes from ``policydraft.writers.typography``, which the DOCX writer reads too,
so the PDF and the DOCX (in Word or LibreOffice) break lines and pages alike. A profile that
asks for another body size scales the whole set, so an 11 pt or 14 pt letter stays
proportionate rather than getting bigger body text under 12 pt headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from policydraft.model import PART_ROLES, PartRole
from policydraft.writers.typography import LETTER, Alignment, ParagraphFormat

from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC

PAGE = LETTER.page
PAGE_WIDTH, PAGE_HEIGHT = PAGE.width, PAGE.height
NOTE_GAP = LETTER.notes.text.after  # between two notes and between a note's paragraphs
SEPARATOR_HEIGHT = LETTER.notes.separator_space  # the band holding the rule over the notes
SEPARATOR_LENGTH = LETTER.notes.separator_length
SEPARATOR_WIDTH = LETTER.notes.separator_width

_ALIGNMENTS: dict[Alignment, int] = {
    "left": TA_LEFT,
    "center": TA_CENTER,
    "right": TA_RIGHT,
    "justify": TA_JUSTIFY,
}
_FONTS = {
    (False, False): SERIF,
    (True, False): SERIF_BOLD,
    (False, True): SERIF_ITALIC,
    (True, True): SERIF_BOLD_ITALIC,
}


@dataclass(frozen=True, slots=True)
class Styles:
    """The letter's styles; ``parts`` maps a LetterPart role to its paragraph style.

    ``scale`` is the body size asked for over the typography's own (1 for the usual letter);
    lengths that are not styles (list indents, appendix sizes) are multiplied by it.
    """

    body: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    appendix_heading: ParagraphStyle
    list_item: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    parts: dict[PartRole, ParagraphStyle]
    size: float
    scale: float


def paragraph_style(name: str, fmt: ParagraphFormat, scale: float = 1.0) -> ParagraphStyle:
    """A reportlab style that sets ``fmt`` as Word and LibreOffice would.

    No widow or orphan control, no hyphenation and no squeezed spaces, as in the DOCX: a
    line ends before the first word that does not fit at full width, and a paragraph splits
    after the last line that fits, which both engines then agree on. Keep-lines
    paragraphs are handled where they are built (reportlab styles cannot say it).
    """
    style = ParagraphStyle(
        name,
        fontName=_FONTS[(fmt.bold, fmt.italic)],
        fontSize=fmt.size * scale,
        leading=fmt.leading * scale,
        spaceBefore=fmt.before * scale,
        spaceAfter=fmt.after * scale,
        alignment=_ALIGNMENTS[fmt.align],
        leftIndent=fmt.left * scale,
        rightIndent=fmt.right * scale,
        firstLineIndent=fmt.first_line * scale,
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


def make_styles(size: float) -> Styles:
    """All styles for a letter whose body text is ``size`` points."""
    scale = size / LETTER.body.size
    parts = {role: paragraph_style(role, getattr(LETTER.parts, role), scale) for role in PART_ROLES}
    return Styles(
        body=paragraph_style("body", LETTER.body, scale),
        heading1=paragraph_style("heading1", LETTER.heading1, scale),
        heading2=paragraph_style("heading2", LETTER.heading2, scale),
        appendix_heading=paragraph_style("appendix", LETTER.appendix.heading, scale),
        list_item=paragraph_style("list", LETTER.lists.item, scale),
        quote=paragraph_style("quote", LETTER.quote, scale),
        note=paragraph_style("note", LETTER.notes.text, scale),
        parts=parts,
        size=size,
        scale=scale,
    )
