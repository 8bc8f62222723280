"""Document tree -> PDF, with reportlab platypus.

The PDF embeds its own fonts (Liberation Serif or the twin of a reference.docx's font,
Droid Sans Fallback for CJK), puts each
footnote at the foot of the page that prints its mark, numbers pages "Page X of Y",
bookmarks the headings and prints the signatory appendix in columns. The same Document
always gives the same bytes.

Modules: ``fonts`` (registration, per-glyph fallback), ``styles``, ``markup`` (inlines),
``blocks`` (blocks -> flowables), ``notes``/``noted_paragraph``/``frame`` (footnote layout),
``appendix_layout``/``appendix`` (signatory columns), ``page`` (template, footer, drawing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from policydraft.model import Document
from policydraft.typography import LETTER, Typography

from .blocks import Context, StoryBuilder
from .families import setting_in
from .fonts import missing_glyphs
from .page import FlushNotes, FooterLine, LetterDocTemplate, canvas_maker
from .styles import make_styles

__all__ = ["PdfOptions", "missing_glyphs", "write_pdf"]


@dataclass(frozen=True)
class PdfOptions:
    """How the PDF looks: every size and spacing comes from ``typography``.

    Give the DOCX writer the same typography and the two formats break pages alike; a
    profile's minimum type size is ``typography.at_least(LETTER, minimum)``, for both.
    """

    typography: Typography = LETTER


def write_pdf(document: Document, out: BinaryIO, options: PdfOptions = PdfOptions()) -> int:
    """Write ``document`` as PDF to ``out``; return the number of pages."""
    typography = options.typography
    styles = make_styles(typography)
    with setting_in(styles.family):  # registers it before any style refers to it
        builder = StoryBuilder(styles)
        story = builder.blocks(document.blocks, Context(styles.body))
        story.append(FlushNotes())
        template = LetterDocTemplate(out, document.metadata, typography)
        footer = FooterLine.of(typography, styles.family.regular)
        template.build(story, canvasmaker=canvas_maker(document.metadata, footer))
    return int(template.page)
