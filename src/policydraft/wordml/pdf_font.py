"""Which bundled family the PDF sets a letter in, for the font a reference.docx names.

The DOCX keeps the reference's font (Word has it); the PDF can embed only the fonts
policydraft ships, so it takes the free font with the same advance widths, and lines break
where Word breaks them. Each substitution is said in a note (PD351), since the PDF then
does not show the very font the firm chose; Liberation Serif for Times New Roman is our own
default and needs no note.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_FAMILY = "Liberation Serif"
"""The PDF's family with no reference.docx, or for a font without a bundled twin."""

SUBSTITUTES: dict[str, str] = {
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "tinos": "Liberation Serif",
    "liberation serif": "Liberation Serif",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "arimo": "Liberation Sans",
    "liberation sans": "Liberation Sans",
    "courier new": "Liberation Mono",
    "courier": "Liberation Mono",
    "cousine": "Liberation Mono",
    "liberation mono": "Liberation Mono",
    "calibri": "Carlito",
    "carlito": "Carlito",
    "cambria": "Caladea",
    "caladea": "Caladea",
}
"""Fonts (case-folded) and the bundled metric-compatible family the PDF uses for each."""

_NO_NOTE = frozenset({"times new roman", "times", "tinos", "liberation serif"})
"""Fonts the default family stands for without comment: the DOCX's own default."""


@dataclass(frozen=True, slots=True)
class PdfFont:
    """The bundled family the PDF uses, and the note that says so (None when nothing to say)."""

    family: str
    note: str | None


def pdf_font_for(font: str | None) -> PdfFont:
    """The PDF's family for a reference whose body text is set in ``font`` (None: unnamed)."""
    if font is None:
        return PdfFont(DEFAULT_FAMILY, None)
    key = font.strip().casefold()
    family = SUBSTITUTES.get(key)
    if family is None:
        return PdfFont(
            DEFAULT_FAMILY,
            f"reference.docx sets the letter in {font}, which the PDF cannot embed and has no "
            f"metric-compatible substitute for; the PDF is set in {DEFAULT_FAMILY}, so its "
            "lines may break differently from the DOCX",
        )
    if key in _NO_NOTE or family.casefold() == key:
        return PdfFont(family, None)
    return PdfFont(
        family,
        f"reference.docx sets the letter in {font}, which the PDF cannot embed; "
        f"the PDF is set in {family}, metric-compatible with {font}",
    )
