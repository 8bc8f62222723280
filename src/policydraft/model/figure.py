"""A figure: an image of the submission with its alt text and caption (docs/submission-format.md).

The reader has already read and checked the image (a PNG or JPEG inside the submission
folder, within the size limits), so a writer gets its bytes, format, pixel size and
resolution and never opens a file. Figures are numbered by the writers in document order,
as notes are, so a number is never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ImageFormat = Literal["png", "jpeg"]
DEFAULT_DPI = 96.0
"""The resolution assumed for an image that states none: Word's, and CSS's pixel."""
POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class FigureImage:
    """An image's bytes as read from the submission, with what the writers need to place it.

    ``dpi`` is the (horizontal, vertical) resolution the file states, else ``DEFAULT_DPI``;
    it gives the image's natural size on paper.
    """

    data: bytes = field(repr=False)
    format: ImageFormat
    width_px: int
    height_px: int
    dpi: tuple[float, float] = (DEFAULT_DPI, DEFAULT_DPI)

    @property
    def media_type(self) -> str:
        """The MIME type of the image (for a DOCX content type or an HTML data URI)."""
        return f"image/{self.format}"

    @property
    def extension(self) -> str:
        return "jpeg" if self.format == "jpeg" else "png"

    def natural_size(self) -> tuple[float, float]:
        """Width and height in points at the image's own resolution."""
        return (
            self.width_px / self.dpi[0] * POINTS_PER_INCH,
            self.height_px / self.dpi[1] * POINTS_PER_INCH,
        )

    def size_within(self, width: float, height: float) -> tuple[float, float]:
        """Width and height in points: the natural size, shrunk (aspect kept) to fit
        ``width`` by ``height`` (the text width, and the page's text height less a caption)."""
        natural_width, natural_height = self.natural_size()
        scale = min(1.0, width / natural_width, height / natural_height)
        return natural_width * scale, natural_height * scale


@dataclass(frozen=True, slots=True)
class Figure:
    """A numbered image block: "Figure N: caption" under the image, ``alt`` for readers who
    cannot see it (empty when the author wrote none: the reader has warned)."""

    image: FigureImage
    alt: str
    caption: str = ""


def caption_text(number: int, caption: str) -> str:
    """The caption as every format prints it: "Figure 2: Caption", or "Figure 2" alone."""
    return f"Figure {number}: {caption}" if caption else f"Figure {number}"
