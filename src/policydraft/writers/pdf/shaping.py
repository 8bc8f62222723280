"""Right-to-left and complex-script lines: bidi order and HarfBuzz shaping.

A Hebrew or Arabic name is stored in reading (logical) order and printed right to left; an
Arabic letter takes a different form at the start, middle or end of a word; Devanagari,
Bengali and Tamil stack consonants into conjuncts (क्ष, শ্র) and move vowel signs before
their consonant; Thai places marks above and below. None of that is a matter of one glyph
per character, so a line with such text is laid out here:

1. the Unicode bidirectional algorithm (python-bidi's reference implementation, which gives
   each character its embedding level) on a left-to-right base, as the DOCX's paragraphs;
2. the line cut into segments of one font and one level, each shaped by HarfBuzz in its
   direction (right-to-left segments come out in visual order);
3. the segments reordered as rule L2 of the algorithm says.

The result, a ``ShapedLine``, is drawn by ``TextOps`` with each glyph's own advance and
offset. What a PDF reader extracts from it, tried with pypdf 7 and poppler 22 (pdftotext):

- Each glyph is drawn with a character code whose ToUnicode entry is the text of its
  HarfBuzz cluster, given to the cluster's first glyph (``SpokenFont``): a conjunct reads
  as the letters it joins, a contextual Arabic form as its letter.
- Right-to-left text is drawn in visual order, as every PDF draws it; both extractors turn
  runs of Hebrew and Arabic letters back into logical order themselves.
- Left-to-right lines (Indic, Thai) are wrapped in a ``/Span <</ActualText (...)>> BDC ...
  EMC`` marked-content sequence holding the line in logical order, the standard way (PDF
  1.7, 14.9.4). poppler honours it (a vowel sign drawn before its consonant reads after
  it); pypdf ignores it and reads the cluster texts, in the same order. Lines with
  right-to-left text get no ActualText: poppler would reverse the logical text again.

Everything else never comes here: ``needs_shaping`` is one regular-expression search, and
HarfBuzz and python-bidi are imported on the first line that needs them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_COMPLEX = re.compile(
    "[\u0590-\u08ff"  # Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
    "\u0900-\u0dff"  # Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, ... Sinhala
    "\u0e00-\u0eff"  # Thai, Lao
    "\u0f00-\u109f"  # Tibetan, Myanmar
    "\u1780-\u17ff"  # Khmer
    "\ufb1d-\ufdff\ufe70-\ufefe"  # Hebrew and Arabic presentation forms
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"  # historic right-to-left scripts
)

Glyph = tuple[str, float, float, float]
"""One glyph: its character code, HarfBuzz's advance, and its offsets to the right and up,
in thousandths of an em."""


def needs_shaping(text: str) -> bool:
    """Whether ``text`` holds right-to-left or complex-script characters (one C-speed scan)."""
    return _COMPLEX.search(text) is not None


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a line in one font, in visual order: plain text (``glyphs`` None, drawn
    as any run is) or shaped glyphs."""

    font: str
    text: str
    glyphs: tuple[Glyph, ...] | None


@dataclass(frozen=True, slots=True)
class ShapedLine:
    """A line laid out by ``shape_line``: ``text`` in logical order, ``pieces`` left to right,
    ``width`` in thousandths of an em (times the size over 1000: points)."""

    text: str
    pieces: tuple[Piece, ...]
    width: float
    rtl: bool  # holds right-to-left text

    def width_at(self, size: float) -> float:
        """The line's width in points at ``size``."""
        return self.width * size / 1000


class SpokenFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose shaped glyphs read as the text they draw.

    A conjunct or a contextual form has no character of its own; each (glyph, text) pair
    gets a private-use code (plane 15, which no bundled font maps) and the subset's
    ToUnicode map says what it reads as. A subset holding a character beyond the BMP gets
    its map rewritten too: reportlab writes such a character as one odd-length hex code
    (``<10400>``), which no extractor reads, not as its UTF-16 surrogate pair. Subsets with
    neither are written exactly as reportlab writes them.
    """

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name, path)
        self.spoken: dict[int, str] = {}
        self._codes: dict[tuple[int, str, int], int] = {}

    def code_for(self, glyph: int, text: str, width: float) -> str:
        """The character to draw ``glyph`` with, so that it extracts as ``text`` and the pen
        moves ``width`` (thousandths of an em) after it.

        A glyph's own character when it is one and has that width; otherwise a private code
        whose width in the PDF is ``width``, rounded. Baking the width in keeps the ``TJ``
        adjustments small: an extractor reads a large one as a space between words.
        """
        natural = self.face.hmetrics[glyph][0] * 1000 / self.face.unitsPerEm
        wanted = round(width) if width >= 0 and abs(width - natural) >= 0.5 else natural
        if wanted == natural and len(text) == 1 and self.face.charToGlyph.get(ord(text)) == glyph:
            return text
        code = self._codes.get((glyph, text, wanted))
        if code is None:
            code = 0xF0000 + len(self._codes)
            self._codes[(glyph, text, wanted)] = code
            self.spoken[code] = text
            self.face.charToGlyph[code] = glyph
            self.face.charWidths[code] = wanted
        return chr(code)

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        spoken = self.spoken
        planned = []
        if state is not None:
            for number, subset in enumerate(state.subsets):
                if any(code in spoken or code > 0xFFFF for code in subset):
                    name = self.getSubsetInternalName(number, doc)[1:]
                    planned.append((name, list(subset)))
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name, subset in planned:
            font = fonts[name]
            stream = doc.idToObject[font.ToUnicode.name]
            stream.content = to_unicode_cmap(font.BaseFont, subset, spoken)


def to_unicode_cmap(font_name: str, subset: Sequence[int], spoken: dict[int, str]) -> str:
    """A ToUnicode CMap (PDF 1.7, 9.10.3) for a one-byte subset: each code's character, or
    for a shaped glyph the text of its cluster (empty for a cluster's later glyphs)."""
    entries = [
        f"<{code:02X}> <{_utf16(spoken.get(char, chr(char)))}>" for code, char in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name})",
            "/Supplement 0 >> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            *_bfchar_blocks(entries),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _bfchar_blocks(entries: list[str]) -> list[str]:
    """``beginbfchar`` blocks of at most 100 entries, the limit the CMap format sets."""
    lines: list[str] = []
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        lines.extend([f"{len(block)} beginbfchar", *block, "endbfchar"])
    return lines


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def actual_text(text: str) -> str:
    """The marked-content operator that opens a span reading as ``text``."""
    return f"/Span <</ActualText <FEFF{_utf16(text)}>>> BDC"


FontOf = Callable[[str, str], list[str]]
"""Given a line and its base font, the font that draws each character."""


@functools.lru_cache(maxsize=4096)
def shape_line(text: str, base_font: str, font_of: FontOf) -> ShapedLine:
    """``text`` (one line, logical order) shaped and in visual order."""
    fonts = font_of(text, base_font)
    levels = bidi_levels(text)
    segments: list[tuple[int, Piece]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or (fonts[end], levels[end]) != (fonts[start], levels[start]):
            piece = _piece(text[start:end], fonts[start], levels[start], base_font)
            segments.append((levels[start], piece))
            start = end
    pieces = tuple(_visual_order(segments))
    width = sum(_piece_width(piece) for piece in pieces)
    return ShapedLine(text, pieces, width, any(level % 2 for level in levels))


def _piece(text: str, font: str, level: int, base_font: str) -> Piece:
    """A segment: shaped when its script or direction asks for it, else plain text."""
    if level % 2 == 0 and not needs_shaping(text):
        return Piece(font, text, None)
    return Piece(font, text, _shape(text, font, rtl=level % 2 == 1))


def _piece_width(piece: Piece) -> float:
    if piece.glyphs is None:
        return float(pdfmetrics.stringWidth(piece.text, piece.font, 1000))
    return sum(advance for _, advance, _, _ in piece.glyphs)


def _visual_order(segments: list[tuple[int, Piece]]) -> list[Piece]:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run of
    segments at that level or higher."""
    order = list(segments)
    levels = [level for level, _ in order]
    odd = [level for level in levels if level % 2]
    if not odd:
        return [piece for _, piece in order]
    for level in range(max(levels), min(odd) - 1, -1):
        index = 0
        while index < len(order):
            if order[index][0] < level:
                index += 1
                continue
            end = index
            while end < len(order) and order[end][0] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return [piece for _, piece in order]


def bidi_levels(text: str) -> list[int]:
    """Each character's embedding level on a left-to-right base (even: left to right).

    python-bidi's reference algorithm drops formatting characters (ZWJ, ZWNJ, ...) in rule
    X9; they take the level of the character before them.
    """
    from bidi import algorithm  # type: ignore[import-untyped]

    storage = algorithm.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    algorithm.get_embedding_levels(_with_known_classes(text), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels: list[int | None] = [None] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    resolved: list[int] = []
    for level in levels:
        resolved.append(level if level is not None else (resolved[-1] if resolved else 0))
    return resolved


_RIGHT_TO_LEFT_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF),
                         (0x1E800, 0x1EFFF))  # fmt: skip
"""Where Unicode gives unassigned code points a right-to-left default class."""


def _with_known_classes(text: str) -> str:
    """``text`` with each unassigned code point (no bidirectional class, which python-bidi's
    algorithm refuses) replaced one for one by a letter of its block's default direction, so
    the levels still line up with the text."""
    if all(unicodedata.bidirectional(char) for char in text):
        return text
    return "".join(
        char
        if unicodedata.bidirectional(char)
        else ("\u05d0" if any(a <= ord(char) <= b for a, b in _RIGHT_TO_LEFT_BLOCKS) else "a")
        for char in text
    )


def _shape(text: str, font_name: str, rtl: bool) -> tuple[Glyph, ...]:
    """HarfBuzz's glyphs for ``text`` in ``font_name``, left to right on the page."""
    import uharfbuzz  # type: ignore[import-untyped]

    font: SpokenFont = pdfmetrics.getFont(font_name)
    hb_font, scale = _harfbuzz_font(font_name)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(hb_font, buffer, {"kern": True, "liga": True})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    spoken = _spoken_texts(text, [info.cluster for info in infos], rtl)
    glyphs: list[Glyph] = []
    for info, position, said in zip(infos, positions, spoken, strict=True):
        advance, right, up = (
            value * scale for value in (position.x_advance, position.x_offset, position.y_offset)
        )
        code = font.code_for(info.codepoint, said, advance - right)
        glyphs.append((code, advance, right, up))
    return tuple(glyphs)


def _spoken_texts(text: str, clusters: list[int], rtl: bool) -> list[str]:
    """What each glyph (in HarfBuzz's order) reads as, so that the glyphs read in order
    give the text: a cluster's glyph read first gives its first character, the glyph read
    last the rest, any between nothing. Extractors read right-to-left glyphs from the
    right. (One character first, not the whole cluster: pypdf takes a glyph reading as
    several characters for punctuation, whose direction follows the text before it.)
    """
    starts = sorted(set(clusters))
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    members: dict[int, list[int]] = {}
    for index, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(index)
    spoken = [""] * len(clusters)
    for cluster, indices in members.items():
        said = text[cluster : ends[cluster]]
        first, last = (indices[-1], indices[0]) if rtl else (indices[0], indices[-1])
        if first == last:
            spoken[first] = said
        else:
            spoken[first], spoken[last] = said[:1], said[1:]
    return spoken


@functools.cache
def _harfbuzz_font(font_name: str) -> tuple[Any, float]:
    """The HarfBuzz font for a registered font, and the factor from its units to 1/1000 em."""
    import uharfbuzz

    face = uharfbuzz.Face(pdfmetrics.getFont(font_name).face._ttf_data)
    return uharfbuzz.Font(face), 1000 / face.upem
