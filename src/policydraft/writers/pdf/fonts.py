"""The bundled fonts: registration, coverage and per-glyph fallback.

A fresh machine has none of Debian's fonts, so the PDF carries its own: the letter's family
(``families``: Liberation Serif, metric-compatible with the Times New Roman the DOCX asks
for, so both formats break lines alike, or the twin of a reference.docx's font) and Droid
Sans Fallback for the CJK characters the family lacks. What the family covers is the active
family's (``families.active_family``), set while a PDF is written. reportlab picks one
font per text run, not per glyph, so text is cut into runs by cmap coverage before it is
handed to reportlab; a name like "Yamada 山田太郎" then prints as letters, never as boxes.

The fallback font is 3.4 MB and costs ~60 ms to parse, so it is loaded only when some text
actually needs it; a purely Latin letter never pays for it.

Scripts that need shaping have a font each (Noto: Naskh Arabic, Serif Devanagari, Bengali,
Tamil, Thai, and Serif Hebrew for the Hebrew Liberation Serif lacks, such as cantillation
marks), regular weight only: a bold heading or an italic affiliation in those scripts is set
upright and regular. A line holding such text is laid out by ``shaping``; the others take
the path they always took, byte for byte.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from .families import (
    LIBERATION_SERIF,
    FontFamily,
    active_family,
    family_coverage,
    font_path,
)
from .shaping import ShapedLine, SpokenFont, needs_shaping, shape_line

SERIF = LIBERATION_SERIF.regular
SERIF_BOLD = LIBERATION_SERIF.bold
SERIF_ITALIC = LIBERATION_SERIF.italic
SERIF_BOLD_ITALIC = LIBERATION_SERIF.bold_italic
FALLBACK = "PolicydraftFallback"

_FALLBACK_FILE = "DroidSansFallback.ttf"

_SCRIPT_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "NotoSerifHebrew-Regular.ttf"),
    (0x0600, 0x06FF, "NotoNaskhArabic-Regular.ttf"),
    (0x0750, 0x077F, "NotoNaskhArabic-Regular.ttf"),
    (0x08A0, 0x08FF, "NotoNaskhArabic-Regular.ttf"),
    (0x0900, 0x097F, "NotoSerifDevanagari-Regular.ttf"),
    (0x0980, 0x09FF, "NotoSerifBengali-Regular.ttf"),
    (0x0B80, 0x0BFF, "NotoSerifTamil-Regular.ttf"),
    (0x0E00, 0x0E7F, "NotoSerifThai-Regular.ttf"),
    (0xA8E0, 0xA8FF, "NotoSerifDevanagari-Regular.ttf"),
    (0xFB1D, 0xFB4F, "NotoSerifHebrew-Regular.ttf"),
    (0xFB50, 0xFDFF, "NotoNaskhArabic-Regular.ttf"),
    (0xFE70, 0xFEFF, "NotoNaskhArabic-Regular.ttf"),
)
"""Unicode blocks (first, last code point) and the bundled font that draws each script."""
_BLOCK_STARTS = [first for first, _, _ in _SCRIPT_BLOCKS]
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ and ZWJ choose a conjunct's form: keep them in

Run = tuple[str, str] | ShapedLine
"""A stretch of a line drawn in one font, (font name, text), or a whole shaped line."""


def serif_coverage() -> frozenset[int]:
    """Code points every Liberation Serif style can draw (registering the four styles)."""
    return family_coverage(LIBERATION_SERIF)


@functools.cache
def fallback_coverage() -> frozenset[int]:
    """Code points of the CJK fallback (registering it; it has one style for all four)."""
    return _register_one_style(FALLBACK, _FALLBACK_FILE)


def _register_one_style(name: str, file_name: str) -> frozenset[int]:
    """Register a font that has one style for all four; its code points."""
    font = SpokenFont(name, str(font_path(file_name)))
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return frozenset(font.face.charToGlyph)


def script_font(char: str) -> str | None:
    """The bundled font for ``char``'s script (registering it), or None for the others."""
    index = bisect.bisect_right(_BLOCK_STARTS, ord(char)) - 1
    if index < 0 or ord(char) > _SCRIPT_BLOCKS[index][1]:
        return None
    file_name = _SCRIPT_BLOCKS[index][2]
    name = "Policydraft" + file_name.removesuffix("-Regular.ttf")
    script_coverage(name, file_name)
    return name


@functools.cache
def script_coverage(name: str, file_name: str) -> frozenset[int]:
    """Code points of one script's font, registered as ``name`` on first use."""
    return _register_one_style(name, file_name)


def _covers(font: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(font).face.charToGlyph


def fonts_of(text: str, base_font: str) -> list[str]:
    """The font drawing each character of a line that needs shaping.

    A script's stretch (with its marks and joiners) stays in one font, so a cluster is
    never cut: ``base_font`` when it has every character (Liberation Serif's Hebrew, which
    matches the Times New Roman of the DOCX), else the script's font. Other characters take
    ``base_font``, or the CJK fallback where only it has them; spaces and punctuation
    between two stretches of one script font take that font, so a name stays one run.
    """
    stretches: list[tuple[str, list[str]]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text) and _continues(text[end], text[start]):
            continue
        stretches.append((text[start:end], _stretch_fonts(text[start:end], base_font)))
        start = end
    fonts: list[str] = []
    for index, (stretch, chosen) in enumerate(stretches):
        between = _script_font_around(stretches, index) if 0 < index < len(stretches) - 1 else None
        if between is not None and all(_covers(between, char) for char in stretch):
            chosen = [between] * len(stretch)
        fonts.extend(chosen)
    return fonts


def _script_font_around(stretches: list[tuple[str, list[str]]], index: int) -> str | None:
    """The script font of the stretches on both sides of a common one, if they share it."""
    if script_font(stretches[index][0][0]) is not None:
        return None
    before, after = stretches[index - 1][1][-1], stretches[index + 1][1][0]
    if before != after or script_font(stretches[index - 1][0][0]) is None:
        return None
    return before if before not in active_family().faces else None


def _continues(char: str, first: str) -> bool:
    """Whether ``char`` belongs to the stretch that began with ``first``."""
    if char in _JOINERS or unicodedata.category(char).startswith("M"):
        return True
    return script_font(char) == script_font(first)


def _stretch_fonts(stretch: str, base_font: str) -> list[str]:
    script = script_font(stretch[0])
    if script is None:
        fallback = fallback_coverage() if needs_fallback(stretch) else frozenset()
        serif = family_coverage(active_family())
        return [
            FALLBACK if ord(c) not in serif and ord(c) in fallback else base_font for c in stretch
        ]
    if all(_covers(base_font, char) for char in stretch):
        return [base_font] * len(stretch)
    if all(_covers(script, char) for char in stretch):
        return [script] * len(stretch)
    return [script if _covers(script, char) else base_font for char in stretch]


def _char_class(code_points: frozenset[int]) -> str:
    """A regex character class body listing ``code_points`` as compact ranges."""
    ranges: list[str] = []
    ordered = sorted(code_points)
    start = previous = ordered[0]
    for code in [*ordered[1:], -1]:
        if code == previous + 1:
            previous = code
            continue
        low, high = re.escape(chr(start)), re.escape(chr(previous))
        ranges.append(low if start == previous else f"{low}-{high}")
        start = previous = code
    return "".join(ranges)


@functools.cache
def _uncovered_pattern(family: FontFamily) -> re.Pattern[str]:
    """Matches stretches of characters ``family`` cannot draw."""
    return re.compile(f"[^{_char_class(family_coverage(family))}]+")


def font_runs(text: str) -> Iterator[tuple[str, bool]]:
    """Cut ``text`` into (run, needs_fallback) pieces, in order.

    Characters neither font has stay in the serif run: they print as the serif's missing
    glyph, and ``missing_glyphs`` is how a check reports them beforehand.
    """
    position = 0
    for match in _uncovered_pattern(active_family()).finditer(text):
        run = match.group()
        fallback = fallback_coverage()
        if any(ord(char) in fallback for char in run):
            if match.start() > position:
                yield text[position : match.start()], False
            yield run, True
            position = match.end()
    if position < len(text):
        yield text[position:], False


def drawn_runs(text: str, font_name: str) -> tuple[Run, ...]:
    """``text`` as (font, run) pieces: ``font_name`` with fallback runs where it lacks glyphs;
    a line with right-to-left or complex-script text as one shaped line."""
    if not needs_fallback(text):
        return ((font_name, text),)
    if needs_shaping(text):
        return (shape_line(text, font_name, fonts_of),)
    return tuple((FALLBACK if fallback else font_name, run) for run, fallback in font_runs(text))


def needs_fallback(text: str) -> bool:
    """Cheap test used on the hot path: does ``text`` need more than the active family
    drawn one glyph per character (another font, or shaping)?"""
    return _special_pattern(active_family()).search(text) is not None


def fallback_finder() -> Callable[[str], object]:
    """``needs_fallback`` for a loop over many texts: a function giving a true value (the
    first such character's match) exactly when ``needs_fallback`` would be true, with the
    active family looked up once rather than for each text."""
    return _special_pattern(active_family()).search


@functools.cache
def _special_pattern(family: FontFamily) -> re.Pattern[str]:
    """Matches characters ``family`` cannot draw, or not without shaping (its Hebrew)."""
    plain = frozenset(code for code in family_coverage(family) if not needs_shaping(chr(code)))
    return re.compile(f"[^{_char_class(plain)}]")


def missing_glyphs(text: str, family: FontFamily | None = None) -> set[str]:
    """Characters neither ``family`` (the active one when None) nor a bundled fallback can
    draw (whitespace aside), for a check's diagnostic."""
    # The pattern scans in C: a whole 100,000-signer list is one call of a few milliseconds.
    pattern = _uncovered_pattern(family or active_family())
    uncovered = {char for char in "".join(pattern.findall(text)) if not char.isspace()}
    return {char for char in uncovered if not _drawable(char)}


def _drawable(char: str) -> bool:
    """Whether a character the letter's family lacks has a glyph in another bundled font."""
    script = script_font(char)
    if script is not None and _covers(script, char):
        return True
    return ord(char) in fallback_coverage()


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph markup so it prints literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str) -> str:
    """Escaped paragraph markup for ``text`` with fallback runs wrapped in a font tag.

    Text that needs shaping is given as its shaped glyphs in visual order (``shaped_markup``).
    """
    if not needs_fallback(text):
        return escape(text)
    if needs_shaping(text):
        return shaped_markup(shape_line(text, active_family().regular, fonts_of))
    return "".join(
        f'<font name="{FALLBACK}">{escape(run)}</font>' if fallback else escape(run)
        for run, fallback in font_runs(text)
    )


def shaped_markup(line: ShapedLine) -> str:
    """A shaped line as paragraph markup, for text in the letter's own paragraphs.

    reportlab breaks a paragraph into lines itself, so the line is shaped and reordered as a
    whole: right for a name or a phrase that fits on a line, not for right-to-left text
    longer than a line. Glyphs keep their fonts' own advances (HarfBuzz's offsets and
    kerning are for the appendix, which draws glyphs itself).
    """
    parts: list[str] = []
    regular = active_family().regular
    for piece in line.pieces:
        if piece.glyphs is None:
            parts.append(
                escape(piece.text) if piece.font == regular else _font_tag(piece.font, piece.text)
            )
            continue
        codes = "".join(code for code, _, _, _ in piece.glyphs)
        plain = piece.font == regular and all(ord(code) < 0xF0000 for code in codes)
        parts.append(escape(codes) if plain else _font_tag(piece.font, codes))
    return "".join(parts)


def _font_tag(font: str, text: str) -> str:
    return f'<font name="{font}">{escape(text)}</font>'


def text_width(text: str, font_name: str, size: float) -> float:
    """Width of ``text`` as drawn with fallback runs, or shaped, in points."""
    if not needs_fallback(text):
        return float(pdfmetrics.stringWidth(text, font_name, size))
    if needs_shaping(text):
        return shape_line(text, font_name, fonts_of).width_at(size)
    return sum(
        float(pdfmetrics.stringWidth(run, FALLBACK if fallback else font_name, size))
        for run, fallback in font_runs(text)
    )
