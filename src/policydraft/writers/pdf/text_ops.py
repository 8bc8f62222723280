"""Laid-out lines -> PDF text operators, byte for byte what reportlab's text object writes.

A 100,000-signer appendix draws ~240,000 lines. Through ``PDFTextObject.textOut`` each line
costs a width measurement (the cursor's, which the appendix never uses), a font lookup and
``TTFont.splitString``, the subsetting step that gives each character its code in one of the
font's 256-glyph subsets. This module writes the same operators itself: a run's encoding is
computed once by the same ``splitString`` (so subsets are assigned in the same order, and the
file stays byte-identical) and reused while the run repeats, as affiliations such as
"Actor, Independent" do thousands of times.

The common case takes no Python loop per character: once a font's subset 0 holds every
character of a run (after the first pages, nearly every Latin name), the run's ``(...) Tj``
is one ``str.translate`` through a table of those characters' escaped codes, kept in step
with reportlab's assignments. The escaped codes are ASCII and the table turns an ASCII
character not yet assigned into a non-ASCII one, so the translated run is ASCII exactly when
every character was known (one O(1) ``isascii``); a run with a character not yet assigned,
or in a later subset, goes through ``splitString`` and adds its characters to the table.
A line of one run (nearly every line) is written as one string: its matrix, then the run's
text cached with and without the switch to its font, size and subset, whichever the line
needs. Coordinates repeat from page to page, so their text is cached too.

The operators follow ``PDFTextObject``: ``BT``, a text matrix per line (``Tm``), a font and
leading (``Tf``/``TL``, leading 1.2 x size as ``setFont`` defaults it) whenever the font or
the subset changes, a ``Tj`` per chunk, ``ET``; the parts joined by single spaces.

A shaped line (``shaping.ShapedLine``: right-to-left or complex-script text) is drawn glyph
by glyph with ``TJ``, each glyph moved by HarfBuzz's advance and offsets (``Ts`` for the
vertical ones), inside a marked-content span whose ActualText is the line in logical order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics

from .fonts import Run
from .shaping import Glyph, ShapedLine, actual_text

Shows = tuple[tuple[int, str], ...]
"""A run's chunks as (subset, ``(...) Tj`` operator)."""

_CACHE_LIMIT = 16384  # distinct runs kept; unique names pass through, repeated ones stay
_NUMBERS_LIMIT = 65536  # distinct coordinates kept

_ESCAPED = tuple(escapePDF(bytes((code,))) for code in range(256))
"""Each code of a subset as it is written inside a PDF string: ASCII, every one."""

_UNASSIGNED = "\x80"
"""What ``_Subset0.table`` gives an ASCII character not yet in subset 0: not ASCII, so a
translated run is ASCII exactly when subset 0 holds all of its characters (any other
character the table lacks is left as it is, and is not ASCII either)."""


class _Subset0:
    """The characters a font has placed in its subset 0 in this document, as a table from
    each character to its escaped code, for ``str.translate``."""

    __slots__ = ("chars", "table")

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.table: dict[int, str] = dict.fromkeys(range(128), _UNASSIGNED)

    def show(self, text: str) -> str | None:
        """``text``'s ``(...) Tj`` when subset 0 holds all of its characters, else None."""
        codes = text.translate(self.table)
        return f"({codes}) Tj" if codes.isascii() and text else None

    def learn(self, font: Any, doc: object, text: str) -> None:
        """Add the characters of ``text`` that reportlab has assigned a code below 256."""
        assignments = font.state[doc].assignments
        for char in set(text) - self.chars:
            code = ord(char)
            number = assignments.get(32 if code == 0xA0 else code)  # reportlab: nbsp is a space
            if number is not None and number < 256:
                self.chars.add(char)
                self.table[code] = _ESCAPED[number]


_Drawn = tuple[float, str, int, str, str]
"""A run drawn alone at a size: (size, font, subset, ``(...) Tj``, the same after the font
switch to that font, size and subset)."""

_UNSEEN: _Drawn = (math.nan, "", -1, "", "")
"""What the cache of drawn runs gives a run it lacks: drawn at no size (NaN equals none)."""


class TextOps:
    """The text operators of one text object, with encodings shared across pages.

    One instance serves every page of a list: ``begin`` binds it to the canvas (a new
    document clears the cache, since subsets belong to a document).
    """

    def __init__(self) -> None:
        self._doc: object | None = None
        self._shows: dict[Run, Shows] = {}
        self._drawn: dict[Run, _Drawn | None] = {}  # None: not one chunk (see ``_drawn_alone``)
        self._selects: dict[tuple[str, int, float], str] = {}
        self._subset0: dict[str, _Subset0] = {}
        self._numbers: dict[float, str] = {}
        self._ops: list[str] = []
        self._font: str | None = None  # the current font, at ``_size``, in subset ``_subset``
        self._size = 0.0
        self._subset = -1

    def begin(self, canv: Any) -> None:
        """Start a text object on ``canv`` (a bottom-up canvas, as platypus makes)."""
        if not canv.bottomup:
            raise ValueError("signatory columns are drawn on a bottom-up canvas")
        if canv._doc is not self._doc:  # subsets are per document: so is the cache
            self._doc = canv._doc
            self._shows.clear()
            self._drawn.clear()
            self._selects.clear()
            self._subset0.clear()
        self._ops = ["BT", "1 0 0 1 0 0 Tm"]  # beginText() starts with its origin at 0 0
        self._font, self._subset = None, -1

    def line(self, x: float, y: float, size: float, runs: Sequence[Run]) -> None:
        """One line at (x, y): its runs in turn, switching fonts only when they change."""
        self._ops.append(f"1 0 0 1 {self._number(x)} {self._number(y)} Tm")
        self._runs(size, runs)

    def lines(
        self, x: float, y: float, lines: Sequence[tuple[float, float, Sequence[Run]]]
    ) -> None:
        """Lines given as (baseline, size, runs), each drawn at (x, y - baseline).

        A line of one run in one subset (nearly every line of a list) is written here, as
        one string: its matrix, the font switch when the font, size or subset changes, and
        its text, all but the matrix cached by run (``_drawn_alone``). The others go
        through ``_runs``. The text is the same either way.
        """
        append, drawn, numbers = self._ops.append, self._drawn, self._numbers
        left = self._number(x)
        font, size_now, subset_now = self._font, self._size, self._subset
        for baseline, size, runs in lines:
            at = y - baseline
            matrix = f"1 0 0 1 {left} {numbers.get(at) or self._number(at)} Tm"
            if len(runs) == 1 and type(runs[0]) is tuple:
                run = runs[0]
                alone = drawn.get(run, _UNSEEN)
                if alone is not None and alone[0] != size:  # unseen, or seen at another size
                    alone = self._drawn_alone(run, size)
                if alone is not None:
                    _, run_font, subset, show, switched = alone
                    if subset == subset_now and run_font == font and size == size_now:
                        append(f"{matrix} {show}")
                    else:
                        font, size_now, subset_now = run_font, size, subset
                        append(f"{matrix} {switched}")
                    continue
            append(matrix)
            self._font, self._size, self._subset = font, size_now, subset_now
            self._runs(size, runs)
            font, size_now, subset_now = self._font, self._size, self._subset
        self._font, self._size, self._subset = font, size_now, subset_now

    def _drawn_alone(self, run: tuple[str, str], size: float) -> _Drawn | None:
        """How ``run`` is drawn alone on a line at ``size``, or None when it spans subsets
        (or is empty); a name is seen once, an affiliation thousands of times."""
        font, text = run
        shows = self._shows.get(run) or self._encode(font, text, keep=False)
        alone: _Drawn | None = None
        if len(shows) == 1:
            subset, show = shows[0]
            alone = (size, font, subset, show, f"{self._select(font, subset, size)} {show}")
        if len(self._drawn) >= _CACHE_LIMIT:
            self._drawn.clear()
        self._drawn[run] = alone
        return alone

    def _number(self, value: float) -> str:
        found = self._numbers.get(value)
        if found is None:
            if len(self._numbers) >= _NUMBERS_LIMIT:
                self._numbers.clear()
            found = self._numbers[value] = fp_str(value)
        return found

    def _runs(self, size: float, runs: Sequence[Run]) -> None:
        """Runs drawn on from the current point."""
        ops = self._ops
        for run in runs:
            if isinstance(run, ShapedLine):
                self._shaped(run, size)
                continue
            font, text = run
            if font != self._font or size != self._size:
                self._font, self._size, self._subset = font, size, -1
            shows = self._shows.get(run) or self._encode(font, text)
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
        if font != self._font or size != self._size:
            self._font, self._size, self._subset = font, size, -1
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

    def _encode(self, font: str, text: str, *, keep: bool = True) -> Shows:
        """``text``'s chunks, subsetting its new characters as reportlab would; ``keep``
        them for the next time ``text`` is drawn in ``font``."""
        known = self._subset0.get(font)
        if known is None:
            known = self._subset0[font] = _Subset0()
        show = known.show(text)
        if show is not None:
            shows: Shows = ((0, show),)
        else:
            face = pdfmetrics.getFont(font)
            chunks = face.splitString(text, self._doc)
            shows = tuple((subset, f"({escapePDF(chunk)}) Tj") for subset, chunk in chunks)
            known.learn(face, self._doc, text)
        if keep:
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
