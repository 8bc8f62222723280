"""The bundled fonts: registration, coverage and per-glyph fallback.

A fresh machine has none of Debian's fonts, so the PDF carries its own: Liberation Serif
(metric-compatible with the Times New Roman the DOCX asks for, so both formats break lines
alike) and Droid Sans Fallback for the CJK characters Liberation lacks. reportlab picks one
font per text run, not per glyph, so text is cut into runs by cmap coverage before it is
handed to reportlab; a name like "Yamada 山田太郎" then prints as letters, never as boxes.

The fallback font is 3.4 MB and costs ~60 ms to parse, so it is loaded only when some text
actually needs it; a purely Latin letter never pays for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SERIF = "PolicydraftSerif"
SERIF_BOLD = "PolicydraftSerif-Bold"
SERIF_ITALIC = "PolicydraftSerif-Italic"
SERIF_BOLD_ITALIC = "PolicydraftSerif-BoldItalic"
FALLBACK = "PolicydraftFallback"

_SERIF_FILES: dict[str, str] = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_FALLBACK_FILE = "DroidSansFallback.ttf"

Run = tuple[str, str]
"""A stretch of a line drawn in one font: (font name, text)."""


def font_path(file_name: str) -> Path:
    """Where a bundled font lives; found through the package so a wheel install works."""
    return Path(str(files("policydraft").joinpath("fonts", file_name)))


@functools.cache
def serif_coverage() -> frozenset[int]:
    """Code points every Liberation Serif style can draw (registering the four styles).

    The intersection matters: a character the regular style has but the bold lacks would
    otherwise print as a box inside a heading.
    """
    covered: frozenset[int] | None = None
    for name, file_name in _SERIF_FILES.items():
        font = TTFont(name, str(font_path(file_name)))
        pdfmetrics.registerFont(font)
        chars = frozenset(font.face.charToGlyph)
        covered = chars if covered is None else covered & chars
    for bold, italic, name in ((0, 0, SERIF), (1, 0, SERIF_BOLD), (0, 1, SERIF_ITALIC)):
        addMapping(SERIF, bold, italic, name)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    assert covered is not None
    return covered


@functools.cache
def fallback_coverage() -> frozenset[int]:
    """Code points of the CJK fallback (registering it; it has one style for all four)."""
    font = TTFont(FALLBACK, str(font_path(_FALLBACK_FILE)))
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FALLBACK, bold, italic, FALLBACK)
    return frozenset(font.face.charToGlyph)


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
def _uncovered_pattern() -> re.Pattern[str]:
    """Matches stretches of characters Liberation Serif cannot draw."""
    return re.compile(f"[^{_char_class(serif_coverage())}]+")


def font_runs(text: str) -> Iterator[tuple[str, bool]]:
    """Cut ``text`` into (run, needs_fallback) pieces, in order.

    Characters neither font has stay in the serif run: they print as the serif's missing
    glyph, and ``missing_glyphs`` is how a check reports them beforehand.
    """
    position = 0
    for match in _uncovered_pattern().finditer(text):
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
    """``text`` as (font, run) pieces: ``font_name`` with fallback runs where it lacks glyphs."""
    if not needs_fallback(text):
        return ((font_name, text),)
    return tuple((FALLBACK if fallback else font_name, run) for run, fallback in font_runs(text))


def needs_fallback(text: str) -> bool:
    """Cheap test used on the hot path: is any character outside Liberation Serif?"""
    return _uncovered_pattern().search(text) is not None


def missing_glyphs(text: str) -> set[str]:
    """Characters no bundled font can draw (whitespace aside), for a check's diagnostic."""
    # The pattern scans in C: a whole 100,000-signer list is one call of a few milliseconds.
    uncovered = {char for char in "".join(_uncovered_pattern().findall(text)) if not char.isspace()}
    if not uncovered:
        return set()
    fallback = fallback_coverage()
    return {char for char in uncovered if ord(char) not in fallback}


def escape(text: str) -> str:
    """Escape text for reportlab's paragraph markup so it prints literally."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str) -> str:
    """Escaped paragraph markup for ``text`` with fallback runs wrapped in a font tag."""
    if not needs_fallback(text):
        return escape(text)
    return "".join(
        f'<font name="{FALLBACK}">{escape(run)}</font>' if fallback else escape(run)
        for run, fallback in font_runs(text)
    )


def text_width(text: str, font_name: str, size: float) -> float:
    """Width of ``text`` as drawn with fallback runs, in points."""
    if not needs_fallback(text):
        return float(pdfmetrics.stringWidth(text, font_name, size))
    return sum(
        float(pdfmetrics.stringWidth(run, FALLBACK if fallback else font_name, size))
        for run, fallback in font_runs(text)
    )
