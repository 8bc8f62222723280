"""The room LibreOffice keeps free at the end of a line set in italic type.

An italic letter leans past its advance width, so LibreOffice breaks a paragraph ending in
italic text at a width narrowed by a twelfth of the type's height (ascent plus descent). It
leaves that room when the document is in Word 2013+ compatibility (mode 15), the mode our
DOCX declares; Word itself measures italic text at its advance widths. A line that fills
its column to within that twelfth would therefore break in LibreOffice's layout of our DOCX
but not in our PDF; the PDF keeps the same room, so both break the line at the same word.
The difference to Word is a line within about a point of the column's edge, where Word's
own rounding decides too.
"""

from __future__ import annotations

import struct
from functools import cache

from reportlab.pdfbase.pdfmetrics import getFont

ITALIC_SHARE = 1 / 12
"""The part of the type's height LibreOffice keeps free after italic text."""


def italic_room(font: str, size: float) -> float:
    """The width, in points, left free at the end of a line of ``font`` at ``size``."""
    return type_height(font) * size * ITALIC_SHARE


@cache
def type_height(font: str) -> float:
    """Ascent plus descent from the font's ``hhea`` table (as LibreOffice measures a line's
    type), in ems; reportlab's own ascent and descent come from other tables."""
    face = getFont(font).face
    ascender, descender = struct.unpack(">hh", face.get_table("hhea")[4:8])
    return float(ascender - descender) / float(face.unitsPerEm)
