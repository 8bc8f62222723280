"""Laid-out lines -> PDF text operators, byte for byte what reportlab's text object writes.

A 100,000-signer appendix draws ~240,000 lines. Through ``PDFTextObject.textOut`` each line
costs a width measurement (the cursor's, which the appendix never uses), a font lookup and
``TTFont.splitString``, the subsetting step that gives each character its code in one of the
font's 256-glyph subsets. This module writes the same operators itself: a run's encoding is
computed once by the same ``splitString`` (so subsets are assigned in the same order, and the
file stays byte-identical) and reused while the run repeats, as affiliations such as
"Actor, Independent" do thousands of times.

The operators follow ``PDFTextObject``: ``BT``, a text matrix per line (``Tm``), a font and
leading (``Tf``/``TL``, leading 1.2 x size as ``setFont`` defaults it) whenever the font or
the subset changes, a ``Tj`` per chunk, ``ET``; the parts joined by single spaces.

A shaped line (``shaping.ShapedLine``: right-to-left or complex-script text) is drawn glyph
by glyph with ``TJ``, each glyph moved by HarfBuzz's advance and offsets (``Ts`` for the
vertical ones), inside a marked-content span whose ActualText is the line in logical order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics

from .fonts import Run
from .shaping import Glyph, ShapedLine, actual_text

Shows = tuple[tuple[int, str], ...]
"""A run's chunks as (subset, ``(...) Tj`` operator)."""

_CACHE_LIMIT = 16384  # distinct runs kept; unique names pass through, repeated ones stay


class TextOps:
    """The text operators of one text object, with encodings shared across pages.

    One instance serves every page of a list: ``begin`` binds it to the canvas (a new
    document clears the cache, since subsets belong to a document).
    """

    def __init__(self) -> None:
        self._doc: object | None = None
        self._shows: dict[Run, Shows] = {}
        self._selects: dict[tuple[str, int, float], str] = {}
        self._ops: list[str] = []
        self._font: tuple[str, float] | None = None
        self._subset = -1

    def begin(self, canv: Any) -> None:
        """Start a text object on ``canv`` (a bottom-up canvas, as platypus makes)."""
        if not canv.bottomup:
            raise ValueError("signatory columns are drawn on a bottom-up canvas")
        if canv._doc is not self._doc:  # subsets are per document: so is the cache
            self._doc = canv._doc
            self._shows.clear()
            self._selects.clear()
        self._ops = ["BT", "1 0 0 1 0 0 Tm"]  # beginText() starts with its origin at 0 0
        self._font, self._subset = None, -1

    def line(self, x: float, y: float, size: float, runs: Sequence[Run]) -> None:
        """One line at (x, y): its runs in turn, switching fonts only when they change."""
        self._ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        self._runs(size, runs)

    def _runs(self, size: float, runs: Sequence[Run]) -> None:
        """Runs drawn on from the current point."""
        ops = self._ops
        for run in runs:
            if isinstance(run, ShapedLine):
                self._shaped(run, size)
                continue
            font, text = run
            if (font, size) != self._font:
                self._font, self._subset = (font, size), -1
            shows = self._shows.get((font, text)) or self._encode(font, text)
            if len(shows) == 1 and shows[0][0] == self._subset:
                ops.append(shows[0][1])
                continue
            parts: list[str] = []
            for subset, show in shows:
                if subset != self._subset:
                    parts.append(self._select(font, subset, size))
                    self._subset = subset
                parts.append(show)
            ops.append(" ".join(parts))

    def _shaped(self, line: ShapedLine, size: float) -> None:
        """A shaped line's pieces, in one span that reads as the line's logical text."""
        if not line.rtl:  # see ``shaping``: extractors reverse right-to-left text themselves
            self._ops.append(actual_text(line.text))
        for piece in line.pieces:
            if piece.glyphs is None:
                self._runs(size, ((piece.font, piece.text),))
            else:
                self._glyphs(piece.font, piece.glyphs, size)
        if not line.rtl:
            self._ops.append("EMC")

    def _glyphs(self, font: str, glyphs: tuple[Glyph, ...], size: float) -> None:
        """Shaped glyphs: each placed where HarfBuzz put it, in its font's subsets."""
        if (font, size) != self._font:
            self._font, self._subset = (font, size), -1
        face = pdfmetrics.getFont(font).face
        codes = "".join(code for code, _, _, _ in glyphs)
        index = 0
        for subset, chunk in pdfmetrics.getFont(font).splitString(codes, self._doc):
            if subset != self._subset:
                self._ops.append(self._select(font, subset, size))
                self._subset = subset
            shows: list[tuple[float, bytes, float, float]] = []
            for byte in chunk:
                code, advance, right, up = glyphs[index]
                index += 1
                after = face.getCharWidth(ord(code)) - advance + right
                shows.append((-right, bytes((byte,)), after, up * size / 1000))
            self._ops.extend(_show_glyphs(shows))

    def end(self, canv: Any) -> None:
        """Close the text object and add it to the canvas's page."""
        self._ops.append("ET")
        canv.addLiteral(" ".join(self._ops))
        self._ops = []

    def _encode(self, font: str, text: str) -> Shows:
        """``text``'s chunks, subsetting its new characters as reportlab would."""
        chunks = pdfmetrics.getFont(font).splitString(text, self._doc)
        shows = tuple((subset, f"({escapePDF(chunk)}) Tj") for subset, chunk in chunks)
        if len(self._shows) >= _CACHE_LIMIT:
            self._shows.clear()
        self._shows[(font, text)] = shows
        return shows

    def _select(self, font: str, subset: int, size: float) -> str:
        key = (font, subset, size)
        found = self._selects.get(key)
        if found is None:
            name = pdfmetrics.getFont(font).getSubsetInternalName(subset, self._doc)
            found = f"{name} {fp_str(size)} Tf {fp_str(size * 1.2)} TL"
            self._selects[key] = found
        return found


def _show_glyphs(shows: list[tuple[float, bytes, float, float]]) -> list[str]:
    """``TJ`` operators for glyphs given as (move before, code, move after, rise): one per
    stretch at one rise (set with ``Ts``, reset after), adjacent codes in one string."""
    ops: list[str] = []
    start = 0
    while start < len(shows):
        rise = shows[start][3]
        end = start
        while end < len(shows) and shows[end][3] == rise:
            end += 1
        show = f"[{' '.join(_tj_items(shows[start:end]))}] TJ"
        ops.append(f"{fp_str(rise)} Ts {show} 0 Ts" if rise else show)
        start = end
    return ops


def _tj_items(shows: list[tuple[float, bytes, float, float]]) -> list[str]:
    """A ``TJ`` array's items: strings of codes, and the moves between them summed."""
    items: list[str] = []
    codes, move = b"", 0.0
    for before, code, after, _ in shows:
        move += before
        if fp_str(move) != "0":
            if codes:
                items.append(f"({escapePDF(codes)})")
            items.append(fp_str(move))
            codes = b""
        codes += code
        move = after
    items.append(f"({escapePDF(codes)})")
    if fp_str(move) != "0":
        items.append(fp_str(move))
    return items
