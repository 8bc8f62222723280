"""Figures in Markdown bodies: what becomes a Figure, and each bad input at its line."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Figure, Para
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText


def image_bytes(kind: str, size: tuple[int, int] = (300, 200), dpi: int = 150) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(out, kind, dpi=(dpi, dpi))
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A submission folder with a PNG, a JPEG, and files that are not usable images."""
    root = tmp_path / "letter"
    (root / "figures").mkdir(parents=True)
    (root / "figures" / "chart.png").write_bytes(image_bytes("PNG"))
    (root / "figures" / "photo.jpg").write_bytes(image_bytes("JPEG", (120, 80), 72))
    (root / "figures" / "notes.png").write_text("not an image", encoding="utf-8")
    (root / "figures" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "figures" / "anim.gif").write_bytes(image_bytes("GIF"))
    (root / "figures" / "cut.png").write_bytes(image_bytes("PNG")[:120])
    (tmp_path / "secret.png").write_bytes(image_bytes("PNG"))
    os.symlink(tmp_path / "secret.png", root / "figures" / "link.png")
    return root


def read(text: str, folder: Path | None) -> tuple[tuple[object, ...], Diagnostics]:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, Location("body.md", 1, 1)), diags, folder=folder)
    return blocks, diags


# (Markdown, format, pixel size, dpi, alt, caption)
GOOD = [
    ('![Bar chart](figures/chart.png "Comments by year")', "png", (300, 200), 150.0,
     "Bar chart", "Comments by year"),
    ("![A *photo*](figures/photo.jpg)", "jpeg", (120, 80), 72.0, "A photo", ""),
    ("  ![Bar chart](<figures/chart.png>)", "png", (300, 200), 150.0, "Bar chart", ""),
]  # fmt: skip


@pytest.mark.parametrize(("markdown", "kind", "pixels", "dpi", "alt", "caption"), GOOD)
def test_an_image_alone_on_its_line_is_a_figure(
    folder: Path, markdown: str, kind: str, pixels: tuple[int, int], dpi: float, alt: str,
    caption: str,
) -> None:  # fmt: skip
    blocks, diags = read(f"Before.\n\n{markdown}\n\nAfter.\n", folder)
    assert not list(diags)
    figure = blocks[1]
    assert isinstance(figure, Figure)
    assert (figure.image.format, (figure.image.width_px, figure.image.height_px)) == (
        kind,
        pixels,
    )
    assert figure.image.dpi == (dpi, dpi)
    assert (figure.alt, figure.caption) == (alt, caption)


# (Markdown on line 3, code, severity, column, words of the message)
BAD = [
    ("![a](figures/missing.png)", "PD220", "error", 1, "does not exist"),
    ("![a](figures/notes.png)", "PD220", "error", 1, "is not an image"),
    ("![a](figures/logo.svg)", "PD220", "error", 1, "convert it to PNG"),
    ("![a](figures/anim.gif)", "PD220", "error", 1, "only PNG and JPEG"),
    ("![a](figures/cut.png)", "PD220", "error", 1, "damaged"),
    ("![a](../secret.png)", "PD220", "error", 1, "outside the submission folder"),
    ("![a](figures/link.png)", "PD220", "error", 1, "through a symbolic link"),
    ("![a](figures)", "PD220", "error", 1, "is a folder"),
    ("![](figures/chart.png)", "PD221", "warning", 1, "no alt text"),
    ("See ![a](figures/chart.png) here.", "PD223", "error", 5, "a paragraph with other text"),
    ("Note.[^n]\n\n[^n]: ![a](figures/chart.png)", "PD223", "error", 7, "inside a footnote"),
]


@pytest.mark.parametrize(("markdown", "code", "severity", "column", "words"), BAD)
def test_bad_figures_are_diagnostics_at_their_line(
    folder: Path, markdown: str, code: str, severity: str, column: int, words: str
) -> None:
    _, diags = read(f"Intro.\n\n{markdown}\n", folder)
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, list(diags)
    line = 3 if code != "PD223" or "footnote" not in words else 5
    assert (found[0].severity, found[0].line, found[0].column) == (severity, line, column)
    assert words in found[0].message


LIMITS = [
    ("POLICYDRAFT_MAX_IMAGE_BYTES", "100", "more than the limit of 100 bytes"),
    ("POLICYDRAFT_MAX_IMAGE_PIXELS", "50000", "300 x 200 pixels, more than the limit of 50,000"),
]


@pytest.mark.parametrize(("variable", "value", "words"), LIMITS)
def test_an_image_over_a_limit_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, words: str
) -> None:
    monkeypatch.setenv(variable, value)
    blocks, diags = read("![Bar chart](figures/chart.png)\n", folder)
    assert blocks == ()
    assert [(d.code, d.line) for d in diags] == [("PD222", 1)]
    assert words in next(iter(diags)).message


def test_without_a_folder_an_image_stays_text_with_a_warning() -> None:
    blocks, diags = read("![Bar chart](figures/chart.png)\n", None)
    assert isinstance(blocks[0], Para)
    assert [d.code for d in diags] == ["PD203"]
