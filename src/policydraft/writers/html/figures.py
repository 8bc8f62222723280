"""Figures on the publication page: ``<figure>`` with the image and its ``<figcaption>``.

The page is one self-contained file, so the image is embedded as a ``data:`` URI of the
bytes the submission gave (already bounded by ``limits.IMAGE_BYTES`` when read). Its
``width`` and ``height`` are the size the DOCX and PDF print it at, in CSS pixels (96 to the
inch), so the page does not shift as it loads; ``max-width: 100%`` lets it shrink on a
narrow screen. ``alt`` is the author's alt text; a figure written without one gets
``alt=""`` (its caption still describes it), which tells a screen reader it may skip it.
"""

from __future__ import annotations

import base64

from policydraft.model import Figure, caption_text

from .inlines import text

CSS_PX_PER_POINT = 96 / 72


def figure_html(figure: Figure, number: int, largest: tuple[float, float]) -> str:
    """The figure as HTML; ``largest`` is the width and height in points it may take."""
    image = figure.image
    width, height = image.size_within(*largest)
    data = base64.b64encode(image.data).decode("ascii")
    source = f"data:{image.media_type};base64,{data}"
    size = f'width="{round(width * CSS_PX_PER_POINT)}" height="{round(height * CSS_PX_PER_POINT)}"'
    img = (
        f'<img src="{source}" alt="{text(figure.alt)}" {size} '
        'style="max-width: 100%; height: auto">'
    )
    caption = f"<figcaption>{text(caption_text(number, figure.caption))}</figcaption>"
    return f'<figure id="figure-{number}">\n{img}\n{caption}\n</figure>\n'
