"""Figures in the PDF: the image centred at its size in the DOCX, kept with its caption.

The image is reportlab's ``Image`` flowable at the size the DOCX gives it (natural size at
the image's resolution, within ``typography.figure_area``), so both formats lay it out
alike; reportlab embeds a JPEG as it is and a PNG's pixels losslessly. Image and caption
move to the next page together rather than part. The alt text has no place in this PDF:
reportlab writes no tagged structure (a ``/Figure`` element with ``/Alt`` needs a
structure tree the whole document would have to carry), so it is in the DOCX and HTML only.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from policydraft.model import Figure
from policydraft.typography import figure_area, figure_caption

from .styles import Styles, paragraph_style

SPACE_BEFORE = 6.0  # as the DOCX's image paragraph (w:spacing before="120")
SPACE_AFTER = 3.0  # and after it (w:spacing after="60")


def caption_style(styles: Styles) -> ParagraphStyle:
    """The caption's paragraph style ("Figure 1: ..."), as the DOCX's "caption" style."""
    return paragraph_style("Caption", figure_caption(styles.typography), styles.family)


def figure_flowables(figure: Figure, caption: Flowable, styles: Styles) -> list[Flowable]:
    """The figure's image and its ``caption`` paragraph, kept on one page."""
    width, height = figure.image.size_within(*figure_area(styles.typography))
    image = Image(io.BytesIO(figure.image.data), width=width, height=height)
    image.hAlign = "CENTER"
    return [KeepTogether([Spacer(1, SPACE_BEFORE), image, Spacer(1, SPACE_AFTER), caption])]
