"""Paragraph styles and page geometry, all derived from one body font size.

Sizes scale with ``font_size`` so a profile that demands 11 pt or 14 pt text gets a
proportionate letter, not just bigger body text under 12 pt headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle

from policydraft.model import PartRole

from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = 72.0  # one inch all round, what agencies and courts expect
FOOTER_BASELINE = 40.0
LIST_INDENT = 22.0
QUOTE_INDENT = 36.0
NOTE_GAP = 2.0  # between two notes and between a note's paragraphs
SEPARATOR_HEIGHT = 12.0  # space above and below the short rule over the notes
SEPARATOR_LENGTH = 144.0


@dataclass(frozen=True, slots=True)
class Styles:
    """The letter's styles; ``parts`` maps a LetterPart role to its paragraph style."""

    body: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    appendix_heading: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    parts: dict[PartRole, ParagraphStyle]
    size: float


def _style(name: str, size: float, **overrides: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": SERIF,
        "fontSize": size,
        "leading": round(size * 1.15, 2),
        "alignment": TA_JUSTIFY,
        "spaceAfter": round(size * 0.6, 2),
        "allowOrphans": 0,
        "allowWidows": 1,
        "linkUnderline": 0,
    }
    base.update(overrides)
    return ParagraphStyle(name, **base)


def _part_styles(size: float) -> dict[PartRole, ParagraphStyle]:
    """Letter parts: set close together like a typed letter, the title centred."""
    tight = round(size * 0.2, 2)
    return {
        "title": _style(
            "title", size * 1.25, fontName=SERIF_BOLD, alignment=TA_CENTER, spaceAfter=size
        ),
        "letterhead": _style("letterhead", size, alignment=TA_CENTER, spaceAfter=size),
        "date": _style("date", size, alignment=TA_LEFT, spaceAfter=size),
        "addressee": _style("addressee", size, alignment=TA_LEFT, spaceAfter=tight),
        "subject": _style(
            "subject", size, fontName=SERIF_BOLD, alignment=TA_LEFT, spaceBefore=size * 0.6
        ),
        "salutation": _style("salutation", size, alignment=TA_LEFT, spaceBefore=size * 0.4),
        "closing": _style(
            "closing", size, alignment=TA_LEFT, spaceBefore=size * 0.6, keepWithNext=1
        ),
        "signature": _style("signature", size, alignment=TA_LEFT, spaceAfter=size * 0.8),
        "statement": _style("statement", size, fontName=SERIF_ITALIC, spaceBefore=size * 0.6),
    }


def make_styles(size: float) -> Styles:
    """All styles for a letter whose body text is ``size`` points."""
    heading = {"alignment": TA_LEFT, "keepWithNext": 1, "allowOrphans": 1}
    return Styles(
        body=_style("body", size),
        heading1=_style("heading1", size, fontName=SERIF_BOLD, spaceBefore=size * 0.8, **heading),
        heading2=_style(
            "heading2", size, fontName=SERIF_BOLD_ITALIC, spaceBefore=size * 0.5, **heading
        ),
        appendix_heading=_style(
            "appendix", size * 1.25, fontName=SERIF_BOLD, spaceAfter=size, **heading
        ),
        quote=_style(
            "quote", size, leftIndent=QUOTE_INDENT, rightIndent=QUOTE_INDENT, leading=size * 1.05
        ),
        note=_style(
            "note",
            size * 10 / 12,
            leading=round(size * 10 / 12 * 1.15, 2),
            spaceAfter=0,
            allowOrphans=1,
        ),
        parts=_part_styles(size),
        size=size,
    )
