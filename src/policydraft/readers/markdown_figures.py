"""Figures in Markdown bodies: ``![alt](figures/chart.png "Caption")`` on a line of its own.

The image is a file of the submission folder, which often comes from someone else, so it is
read as every other file the submission names (readers/bounded.py): resolved inside the
folder with symbolic links followed, never past ``limits.IMAGE_BYTES``, and its pixel count
checked against ``limits.IMAGE_PIXELS`` from its header, before Pillow decodes it (a small
PNG can unpack to gigabytes). Only PNG and JPEG are taken: Word, reportlab and browsers all
draw them as they are. SVG is refused with a request to convert it (docs/submission-format.md
says why). Every problem is a diagnostic at the figure's line (PD220-PD223), never an
exception.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from markdown_it.tree import SyntaxTreeNode
from PIL import Image, UnidentifiedImageError

from policydraft.diagnostics import Diagnostics, Location
from policydraft.limits import IMAGE_BYTES, IMAGE_PIXELS
from policydraft.model import Block, Inline, Text, merge_text, plain_text
from policydraft.model.figure import DEFAULT_DPI, Figure, FigureImage, ImageFormat
from policydraft.readers.bounded import NamedFile, read_named

FORMATS: dict[str, ImageFormat] = {"PNG": "png", "JPEG": "jpeg"}
_DPI_RANGE = (10.0, 10_000.0)  # a stated resolution outside this is a mistake: ignored


FIGURE_IMAGE = NamedFile("figure image", "PD220", "PD222", IMAGE_BYTES)
"""A figure's image file: PD220 when it cannot be read, PD222 when too large."""


@dataclass(frozen=True, slots=True)
class WrittenFigure:
    """What the Markdown says of a figure: its path as written, alt text and caption."""

    path: str
    alt: str
    caption: str


class BodyReader(Protocol):
    """What the Markdown reader (markdown.py) offers the figure handlers."""

    diags: Diagnostics
    folder: Path | None  # None: no submission folder, so images stay text (PD203)
    expanding: list[str]  # the footnotes being read, innermost last

    def paragraph(self, node: SyntaxTreeNode) -> Iterable[Block]: ...

    def inlines(self, nodes: Sequence[SyntaxTreeNode], block: SyntaxTreeNode) -> list[Inline]: ...

    def at(self, node: SyntaxTreeNode, line_offset: int = 0) -> Location: ...

    def written_at(self, block: SyntaxTreeNode, written: str) -> Location: ...


def figure_or_paragraph(reader: BodyReader, node: SyntaxTreeNode) -> Iterable[Block]:
    """A paragraph holding only an image, outside footnotes, as a figure; else a paragraph."""
    image = lone_image(node)
    if reader.folder is None or reader.expanding or image is None:
        return reader.paragraph(node)
    alt = plain_text(merge_text(reader.inlines(image.children, node)))
    caption = str(image.attrs.get("title") or "")
    written = WrittenFigure(str(image.attrs.get("src", "")), alt, caption)
    return read_figure(written, reader.folder, reader.written_at(node, "!["), reader.diags)


def image_in_text(
    reader: BodyReader, node: SyntaxTreeNode, block: SyntaxTreeNode
) -> Iterable[Inline]:
    """An image among other text or in a footnote: printed as written, and reported.

    An error where figures can be read (PD223): a figure is numbered and captioned, a block
    of its own, and a letter is filed as it prints, so an image silently left as text would
    go out as "![...](...)". Without a submission folder, a warning (PD203), as before.
    """
    alt = plain_text(merge_text(reader.inlines(node.children, block)))
    source = f"![{alt}]({node.attrs.get('src', '')})"
    if reader.folder is None:
        message = f"image {source} cannot be placed in a letter; printed as text"
        reader.diags.warning("PD203", message, reader.at(block))
        return (Text(source),)
    inside = "a footnote" if reader.expanding else "a paragraph with other text"
    message = (
        f"image {source} is inside {inside}; a figure must be a paragraph of its own: put it "
        "on its own line with a blank line before and after"
    )
    reader.diags.error("PD223", message, reader.written_at(block, "!["))
    return (Text(source),)


def lone_image(paragraph: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The image of a paragraph that holds one image and nothing else, else None."""
    inline = paragraph.children[0] if len(paragraph.children) == 1 else None
    if inline is None or len(inline.children) != 1:
        return None
    image = inline.children[0]
    return image if image.type == "image" else None


def read_figure(
    written: WrittenFigure, folder: Path, where: Location, diags: Diagnostics
) -> tuple[Figure, ...]:
    """The figure, or nothing when its image cannot be used (each problem reported)."""
    if not written.alt.strip():
        message = (
            f"figure '{written.path}' has no alt text; describe what it shows between the "
            "brackets, ![...], for readers who cannot see it"
        )
        diags.warning("PD221", message, where)
    image = read_image(written.path, folder, where, diags)
    if image is None:
        return ()
    return (Figure(image, " ".join(written.alt.split()), " ".join(written.caption.split())),)


def read_image(name: str, folder: Path, where: Location, diags: Diagnostics) -> FigureImage | None:
    """The image file ``name`` of the submission in ``folder``, checked, or None."""
    data = _image_bytes(name, folder, where, diags)
    if data is None:
        return None
    problem = _image_problem(name, data)
    if problem is not None:
        code, message = problem
        diags.error(code, message, where)
        return None
    with Image.open(io.BytesIO(data)) as image:
        return FigureImage(data, FORMATS[str(image.format)], *image.size, _dpi(image))


def _image_bytes(name: str, folder: Path, where: Location, diags: Diagnostics) -> bytes | None:
    return read_named(folder, name, FIGURE_IMAGE, where, diags)


def _image_problem(name: str, data: bytes) -> tuple[str, str] | None:
    """Why ``data`` is not a usable PNG or JPEG: (code, message), or None when it is one."""
    if _looks_like_svg(data):
        return "PD220", f"figure image '{name}' is SVG, which is not supported; convert it to PNG"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                if kind not in FORMATS:
                    return "PD220", (
                        f"figure image '{name}' is {kind}; only PNG and JPEG are supported "
                        "(convert it to PNG)"
                    )
                if width * height > IMAGE_PIXELS.value:
                    return "PD222", _too_many_pixels(name, width, height)
                image.load()  # a truncated or damaged file fails here, not in a writer
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "PD222", f"figure image '{name}' has more pixels than Pillow will decode"
    except UnidentifiedImageError:
        return "PD220", f"figure image '{name}' is not an image (a PNG or JPEG file)"
    except (OSError, SyntaxError, ValueError) as error:
        return "PD220", f"figure image '{name}' is damaged and cannot be read ({error})"
    return None


def _too_many_pixels(name: str, width: int, height: int) -> str:
    return (
        f"figure image '{name}' is {width:,} x {height:,} pixels, more than the limit of "
        f"{IMAGE_PIXELS.value:,} pixels; make it smaller, or set the environment variable "
        f"{IMAGE_PIXELS.env} (a number of pixels) to allow it"
    )


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or head.startswith(b"<svg") or b"<svg" in head


def _dpi(image: Image.Image) -> tuple[float, float]:
    """The resolution the file states, when it is a sensible one; else ``DEFAULT_DPI``."""
    stated = image.info.get("dpi")
    try:
        x, y = (float(stated[0]), float(stated[1])) if stated else (0.0, 0.0)
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI, DEFAULT_DPI
    low, high = _DPI_RANGE
    if low <= x <= high and low <= y <= high:
        return round(x, 1), round(y, 1)  # PNG states pixels a metre: 72 dpi is 72.009
    return DEFAULT_DPI, DEFAULT_DPI
