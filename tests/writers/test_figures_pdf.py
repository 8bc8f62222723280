"""Figures in the PDF and the HTML page: the image's pixels, its size, its caption."""

from __future__ import annotations

import base64
import io
import re

import pytest
from pypdf import PdfReader

from policydraft.model import FigureImage
from policydraft.writers.html.blocks import PageBody
from policydraft.writers.pdf import write_pdf
from tests.writers.figure_trees import SMALL, WIDE, letter


@pytest.fixture(scope="module")
def pdf() -> bytes:
    out = io.BytesIO()
    write_pdf(letter(), out)
    return out.getvalue()


def test_each_image_is_an_xobject_of_its_pixel_size(pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    objects = page["/Resources"]["/XObject"]
    sizes = sorted(
        (int(o.get_object()["/Width"]), int(o.get_object()["/Height"]))
        for o in objects.values()
        if o.get_object()["/Subtype"] == "/Image"
    )
    assert sizes == [(150, 100), (3000, 1500)]


# The printed caption lines, in order (as the DOCX's SEQ fields show them).
CAPTIONS = ["Figure 1: Comments by year", "Figure 2"]


@pytest.mark.parametrize(("index", "caption"), list(enumerate(CAPTIONS)))
def test_captions_under_the_images(pdf: bytes, index: int, caption: str) -> None:
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith("Figure")]
    assert lines[index] == caption


def test_the_image_is_drawn_within_the_text_width(pdf: bytes) -> None:
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    widths = [float(m) for m in re.findall(r"q\s+([\d.]+) 0 0 [\d.]+ [\d.]+ [\d.]+ cm", content)]
    assert 468.0 in widths and 72.0 in widths  # 6.5 inches of text; 150 px at 150 dpi


def test_reproducible(pdf: bytes) -> None:
    again = io.BytesIO()
    write_pdf(letter(), again)
    assert again.getvalue() == pdf


# (figure, alt, width and height in CSS pixels, caption)
HTML = [
    (WIDE, "Bar chart of comments received by year", (624, 312), "Figure 1: Comments by year"),
    (SMALL, "A small blue square", (96, 64), "Figure 2"),
]


@pytest.mark.parametrize(("image", "alt", "size", "caption"), HTML)
def test_html_figure_embeds_the_image(
    image: FigureImage, alt: str, size: tuple[int, int], caption: str
) -> None:
    page = PageBody().blocks(letter().blocks)
    data = base64.b64encode(image.data).decode("ascii")
    expected = (
        f'<img src="data:image/png;base64,{data}" alt="{alt}" width="{size[0]}" height="{size[1]}"'
    )
    assert expected in page
    assert f"<figcaption>{caption}</figcaption>" in page
