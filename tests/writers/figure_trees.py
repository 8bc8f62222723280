"""Small letters with figures, for the writer tests (images made by Pillow in the test)."""

from __future__ import annotations

import io

from PIL import Image

from policydraft.model import Document, Figure, FigureImage, Metadata, Para, Text


def png(size: tuple[int, int], dpi: float) -> FigureImage:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, "PNG", dpi=(dpi, dpi))
    return FigureImage(out.getvalue(), "png", *size, (dpi, dpi))


WIDE = png((3000, 1500), 150.0)  # 20 x 10 inches at its resolution: shrunk to 6.5 inches
SMALL = png((150, 100), 150.0)  # 1 x 0.667 inch: printed at that size


def letter() -> Document:
    """Text, a wide figure with a caption, a small one without, text."""
    return Document(
        Metadata("Figures", "Example Coalition"),
        (
            Para((Text("Before the figures."),)),
            Figure(WIDE, "Bar chart of comments received by year", "Comments by year"),
            Figure(SMALL, "A small blue square", ""),
            Para((Text("After the figures."),)),
        ),
    )
