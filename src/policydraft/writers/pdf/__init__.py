"""Document tree -> PDF, with reportlab platypus.

The PDF embeds its own fonts (Liberation Serif, Droid Sans Fallback for CJK), puts each
footnote at the foot of the page that prints its mark, numbers pages "Page X of Y",
bookmarks the headings and prints the signatory appendix in columns. The same Document
always gives the same bytes.

Modules: ``fonts`` (registration, per-glyph fallback), ``styles``, ``markup`` (inlines),
``blocks`` (blocks -> flowables), ``notes``/``splitting``/``frame`` (footnote layout),
``appendix_layout``/``appendix`` (signatory columns), ``page`` (template, footer, drawing).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import BinaryIO

from policydraft.model import Document

from .blocks import Context, StoryBuilder
from .fonts import SERIF, missing_glyphs, serif_coverage
from .page import FlushNotes, LetterDocTemplate, canvas_maker
from .styles import Styles, make_styles

__all__ = ["PdfOptions", "missing_glyphs", "write_pdf"]


@dataclass(frozen=True)
class PdfOptions:
    """How the PDF looks; ``font_size`` is the body size, everything else scales with it."""

    font_size: float = 12.0
    # No footnote text below this size (agency profiles: "12 point or larger"); None keeps
    # the typography's proportions. The footer and appendix sizes are not affected yet.
    min_font_size: float | None = None


def write_pdf(document: Document, out: BinaryIO, options: PdfOptions = PdfOptions()) -> int:
    """Write ``document`` as PDF to ``out``; return the number of pages."""
    serif_coverage()  # registers the serif family before any style refers to it
    styles = _notes_at_least(make_styles(options.font_size), options.min_font_size)
    builder = StoryBuilder(styles)
    story = builder.blocks(document.blocks, Context(styles.body))
    story.append(FlushNotes())
    template = LetterDocTemplate(out, document.metadata, styles.note.leading)
    template.build(story, canvasmaker=canvas_maker(document.metadata, SERIF))
    return int(template.page)


def _notes_at_least(styles: Styles, minimum: float | None) -> Styles:
    """Footnotes enlarged to ``minimum`` points (their leading in proportion), if smaller."""
    note = styles.note
    if minimum is None or note.fontSize >= minimum:
        return styles
    grown = copy.copy(note)  # keeps every attribute, including the writer's own (keepLines)
    grown.fontSize, grown.leading = minimum, note.leading * minimum / note.fontSize
    return replace(styles, note=grown)
