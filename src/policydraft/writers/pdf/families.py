"""The typefaces the PDF can set a letter in: bundled, metric-compatible twins of Word's fonts.

A firm's reference.docx may set its letters in Arial or Calibri; the DOCX keeps that name
(Word has the font), but the PDF can only embed fonts we ship, so it sets the letter in a
free font with the same advance widths, which breaks lines where Word does:

- Liberation Serif for Times New Roman (the default, with no reference.docx),
- Liberation Sans for Arial and Helvetica, Liberation Mono for Courier New,
- Carlito for Calibri and Caladea for Cambria.

Each family is registered with reportlab on first use, under names of its own, so letters
in different families can be written by one process. The family a PDF is being written in
is the *active* one (a context variable ``write_pdf`` sets): the per-glyph fallback of
``fonts`` asks it which characters need another font, without every caller passing it on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from .shaping import SpokenFont

STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
"""The four styles of every family, as its files name them (``LiberationSans-Bold.ttf``)."""


@dataclass(frozen=True, slots=True)
class FontFamily:
    """One bundled typeface in four styles.

    ``name`` is what the typography and the notes call it ("Liberation Sans"), ``stem``
    starts its files' names, and ``key`` is the name reportlab knows its regular style by
    (the others add ``-Bold``, ``-Italic``, ``-BoldItalic``).
    """

    name: str
    stem: str
    key: str

    @property
    def regular(self) -> str:
        return self.key

    @property
    def bold(self) -> str:
        return f"{self.key}-Bold"

    @property
    def italic(self) -> str:
        return f"{self.key}-Italic"

    @property
    def bold_italic(self) -> str:
        return f"{self.key}-BoldItalic"

    @property
    def faces(self) -> tuple[str, str, str, str]:
        """reportlab's names of the four styles: regular, bold, italic, bold italic."""
        return (self.regular, self.bold, self.italic, self.bold_italic)

    def face(self, bold: bool, italic: bool) -> str:
        """reportlab's name of the style that is ``bold`` and ``italic`` as asked."""
        return self.faces[int(bold) + 2 * int(italic)]

    def file_names(self) -> dict[str, str]:
        """Each style's reportlab name and bundled file name."""
        return {
            face: f"{self.stem}-{style}.ttf" for face, style in zip(self.faces, STYLES, strict=True)
        }


LIBERATION_SERIF = FontFamily("Liberation Serif", "LiberationSerif", "PolicydraftSerif")
LIBERATION_SANS = FontFamily("Liberation Sans", "LiberationSans", "PolicydraftSans")
LIBERATION_MONO = FontFamily("Liberation Mono", "LiberationMono", "PolicydraftMono")
CARLITO = FontFamily("Carlito", "Carlito", "PolicydraftCarlito")
CALADEA = FontFamily("Caladea", "Caladea", "PolicydraftCaladea")

FAMILIES: dict[str, FontFamily] = {
    family.name: family
    for family in (LIBERATION_SERIF, LIBERATION_SANS, LIBERATION_MONO, CARLITO, CALADEA)
}
"""Every family the PDF can set a letter in, by name."""


def family_named(name: str) -> FontFamily:
    """The bundled family called ``name``; a ValueError names the ones there are."""
    try:
        return FAMILIES[name]
    except KeyError:
        known = ", ".join(FAMILIES)
        raise ValueError(f"no bundled font family {name!r}; the PDF has {known}") from None


def font_path(file_name: str) -> Path:
    """Where a bundled font lives; found through the package so a wheel install works."""
    return Path(str(files("policydraft").joinpath("fonts", file_name)))


@functools.cache
def family_coverage(family: FontFamily) -> frozenset[int]:
    """Code points every style of ``family`` can draw (registering the four styles).

    The intersection matters: a character the regular style has but the bold lacks would
    otherwise print as a box inside a heading.
    """
    covered: frozenset[int] | None = None
    for name, file_name in family.file_names().items():
        font = SpokenFont(name, str(font_path(file_name)))
        pdfmetrics.registerFont(font)
        chars = frozenset(font.face.charToGlyph)
        covered = chars if covered is None else covered & chars
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(family.regular, bold, italic, family.face(bool(bold), bool(italic)))
    assert covered is not None
    return covered


_ACTIVE: ContextVar[FontFamily] = ContextVar("policydraft_pdf_family", default=LIBERATION_SERIF)


def active_family() -> FontFamily:
    """The family the PDF being written is set in (Liberation Serif outside ``setting_in``)."""
    return _ACTIVE.get()


@contextmanager
def setting_in(family: FontFamily) -> Iterator[FontFamily]:
    """Make ``family`` the active one (registered) while a PDF is written in it."""
    family_coverage(family)
    token = _ACTIVE.set(family)
    try:
        yield family
    finally:
        _ACTIVE.reset(token)
