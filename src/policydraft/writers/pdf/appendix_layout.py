"""Layout of the signatory columns: measuring, wrapping, filling and balancing columns.

Built for 100,000 signers: an entry is measured with the fonts' width tables (no Paragraph
objects, which cost ~0.2 ms each), and only one page's worth of entries is laid out at a
time, so time is linear and memory is one page. Layout also decides which font draws each
run of a line (the CJK fallback where the letter's family lacks glyphs), so drawing only paints.
Affiliations and headings repeat ("Actor, Independent" thousands of times), so their
wrapping is cached; names are nearly all distinct and take a fast path when they fit.
A page's signers are laid out in one call (``lay_out_until``) that looks up what every
signer shares once (fonts' width tables, the fallback test, the table of affiliations under
a one-line name) and makes the named tuples in C; ``fill_columns`` is written out with the
same arithmetic in the same order, so offsets are the same to the last bit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, NamedTuple

from reportlab.pdfbase import pdfmetrics

from policydraft.model import SignatoryEntry
from policydraft.typography import AppendixFormat

from .families import LIBERATION_SERIF, FontFamily
from .fonts import Run, drawn_runs, fallback_finder, needs_fallback, text_width
from .italic import italic_room

# Word and LibreOffice put a fixed-height line's baseline four fifths of the way down it.
BASELINE_SHARE = 0.8


class LaidLine(NamedTuple):
    """One line of text in runs of one font each; ``baseline`` is measured down from the
    item's top. (Named tuples: a list makes ~300,000 of these, and they build 4x faster
    than frozen dataclasses.)"""

    baseline: float
    size: float
    runs: tuple[Run, ...]


class LaidItem(NamedTuple):
    """A signer or a group heading, laid out at the column width; never split."""

    height: float
    space_before: float  # only when not at the top of a column
    lines: tuple[LaidLine, ...]
    is_heading: bool
    space_after: float = 0.0  # part of ``height``, but may fall past a column's foot


@dataclass(frozen=True, slots=True)
class ColumnStyle:
    """Sizes, line pitches and faces for the appendix, from the shared typography."""

    name_size: float
    name_leading: float
    affiliation_size: float
    affiliation_leading: float
    heading_size: float
    heading_leading: float
    heading_before: float
    heading_after: float
    entry_gap: float
    gutter: float
    family: FontFamily = LIBERATION_SERIF  # names regular, headings bold, affiliations italic

    @classmethod
    def of(cls, appendix: AppendixFormat, family: FontFamily = LIBERATION_SERIF) -> ColumnStyle:
        """The numbers the column layout needs from the typography's appendix."""
        return cls(
            name_size=appendix.name.size,
            name_leading=appendix.name.leading,
            affiliation_size=appendix.affiliation.size,
            affiliation_leading=appendix.affiliation.leading,
            heading_size=appendix.group_heading.size,
            heading_leading=appendix.group_heading.leading,
            heading_before=appendix.group_heading.before,
            heading_after=appendix.group_heading.after,
            entry_gap=appendix.entry_gap,
            gutter=appendix.column_gap,
            family=family,
        )


MAX_LINES = 8  # per name, affiliation or heading

SourceItem = SignatoryEntry | str
"""What the appendix lists, in order: a group heading (str) or a signer."""


# A line may break after a hyphen that follows a letter and precedes anything but a digit,
# as Word and LibreOffice break "Lumière-Sauvage" (Unicode line breaking, UAX #14).
_AFTER_HYPHEN = re.compile(r"(?<=\w-)(?=[^\d\s-])")


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """The unbreakable pieces of ``text`` and whether a space comes before each."""
    for word in text.split():
        for number, piece in enumerate(_AFTER_HYPHEN.split(word)):
            yield piece, number == 0


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy wrap at spaces and hyphens; a piece wider than the column is broken anywhere.

    Widths add up exactly (reportlab does not kern), so each piece is measured once.
    """
    if text_width(text, font, size) <= width:
        return [text]
    space = text_width(" ", font, size)
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for piece, spaced in _pieces(text):
        piece_width = text_width(piece, font, size)
        joiner = space if spaced else 0.0
        if current and current_width + joiner + piece_width <= width:
            current += (" " if spaced else "") + piece
            current_width += joiner + piece_width
            continue
        if current:
            lines.append(current)
        if piece_width > width:
            *full, piece = _break_word(piece, font, size, width)
            lines.extend(full)
            piece_width = text_width(piece, font, size)
        current, current_width = piece, piece_width
    if current:
        lines.append(current)
    return lines


def _clip(lines: list[str]) -> list[str]:
    """At most ``MAX_LINES`` lines, so one signer always fits in a column.

    Only absurd input (a "name" of hundreds of characters) is clipped, with an ellipsis;
    without a cap such an entry could never be placed and the whole render would fail.
    """
    if len(lines) <= MAX_LINES:
        return lines
    return [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1] + "…"]


def _break_word(word: str, font: str, size: float, width: float) -> Iterator[str]:
    """Pieces of an over-wide word (a long CJK name has no spaces), each fitting."""
    piece = ""
    for char in word:
        if piece and text_width(piece + char, font, size) > width:
            yield piece
            piece = ""
        piece += char
    yield piece


LineRuns = tuple[tuple[Run, ...], ...]
"""A text wrapped into lines, each line as its font runs."""


def _lines(text: str, font: str, size: float, width: float) -> LineRuns:
    """``text`` wrapped at ``width`` (clipped to ``MAX_LINES``), each line in font runs."""
    if not needs_fallback(text) and string_width(text, font, size) <= width:
        return (((font, text),),)  # what the general path gives a line that fits
    return tuple(drawn_runs(line, font) for line in _clip(wrap_text(text, font, size, width)))


_repeated_lines = lru_cache(maxsize=4096)(_lines)
"""``_lines`` for texts that repeat across a list: affiliations and group headings."""


def lay_out(item: SourceItem, style: ColumnStyle, width: float) -> LaidItem:
    """Lines and height of one heading or signer at column ``width``."""
    if isinstance(item, str):
        size, leading = style.heading_size, style.heading_leading
        lines = _repeated_lines(item, style.family.bold, size, width)
        laid, top = _placed(lines, size, leading, 0.0)
        return LaidItem(
            top + style.heading_after, style.heading_before, laid, True, style.heading_after
        )
    size, leading = style.name_size, style.name_leading
    laid, top = _placed(_lines(item.name, style.family.regular, size, width), size, leading, 0.0)
    if item.affiliation:
        size, leading = style.affiliation_size, style.affiliation_leading
        below, top = _affiliation_lines(
            item.affiliation, style.family.italic, size, leading, width, top
        )
        laid += below
    gap = style.entry_gap
    return LaidItem(top + gap, 0.0, laid, False, gap)


@lru_cache(maxsize=8192)
def _affiliation_lines(
    text: str, italic: str, size: float, leading: float, width: float, top: float
) -> tuple[tuple[LaidLine, ...], float]:
    """An affiliation's lines placed from ``top`` down, and the top after them: affiliations
    repeat ("Actor, Independent"), and so does where they start (under a one-line name)."""
    room = italic_room(italic, size)  # as LibreOffice lays italic lines out
    lines = _repeated_lines(text, italic, size, width - room)
    return _placed(lines, size, leading, top)


def lay_out_until(
    items: Sequence[SourceItem], start: int, style: ColumnStyle, width: float, budget: float
) -> list[LaidItem]:
    """``lay_out`` of ``items[start:]`` in turn while ``budget`` is not negative, each item
    taking its height and the space before it from the budget (so the item that overdraws
    it is laid out too): a page's worth, for ``fill_columns`` to place.

    The same items as ``lay_out`` makes, item by item, with what is the same for every
    signer looked up once: a name that needs no fallback font and fits the column (nearly
    every name) is one line, measured as ``string_width`` measures it, and the lines of an
    affiliation under such a name come from a table kept for the column's settings.
    """
    laid: list[LaidItem] = []
    regular, italic = style.family.regular, style.family.italic
    size, leading, gap = style.name_size, style.name_leading, style.entry_gap
    scale = 0.001 * size  # string_width's factor, in its order of operations
    advance = _advances_of(regular).__getitem__
    special = fallback_finder()
    baseline, below = 0.0 + leading * BASELINE_SHARE, 0.0 + leading  # as ``_placed`` from 0
    affiliations = _affiliations_under(italic, style, width, below)
    index, end = start, len(items)
    while index < end and budget >= 0:
        item = items[index]
        index += 1
        if isinstance(item, str) or special(item.name):
            made = lay_out(item, style, width)
        else:
            name, affiliation = item.name, item.affiliation
            if scale * sum(map(advance, name)) <= width:
                lines: tuple[LaidLine, ...] = (_line((baseline, size, ((regular, name),))),)
                top = below
            else:
                lines, top = _placed(_lines(name, regular, size, width), size, leading, 0.0)
            if affiliation:
                if top == below:
                    placed = affiliations.get(affiliation) or affiliations.add(affiliation)
                else:
                    placed = _affiliation_lines(
                        affiliation,
                        italic,
                        style.affiliation_size,
                        style.affiliation_leading,
                        width,
                        top,
                    )
                lines += placed[0]
                top = placed[1]
            made = _item((top + gap, 0.0, lines, False, gap))
        laid.append(made)
        budget -= made.height + made.space_before
    return laid


_line: Callable[[tuple[float, float, tuple[Run, ...]]], LaidLine] = partial(tuple.__new__, LaidLine)
"""``LaidLine(*fields)``, made in C (a named tuple's own constructor is Python code)."""
_item: Callable[[tuple[float, float, tuple[LaidLine, ...], bool, float]], LaidItem] = partial(
    tuple.__new__, LaidItem
)
"""``LaidItem(*fields)``, made in C."""


class _AffiliationTable(dict[str, tuple[tuple[LaidLine, ...], float]]):
    """``_affiliation_lines`` of affiliations placed at one top, at one column's settings."""

    def __init__(self, italic: str, style: ColumnStyle, width: float, top: float) -> None:
        super().__init__()
        self.settings = (italic, style.affiliation_size, style.affiliation_leading, width, top)

    def add(self, text: str) -> tuple[tuple[LaidLine, ...], float]:
        """Lay ``text`` out and keep it (all are dropped at a limit: the texts repeat)."""
        if len(self) >= _AFFILIATIONS_KEPT:
            self.clear()
        italic, size, leading, width, top = self.settings
        placed = self[text] = _affiliation_lines(text, italic, size, leading, width, top)
        return placed


_AFFILIATIONS_KEPT = 8192
_affiliation_tables: dict[tuple[str, float, float, float, float], _AffiliationTable] = {}


def _affiliations_under(
    italic: str, style: ColumnStyle, width: float, top: float
) -> _AffiliationTable:
    """The table of affiliations placed at ``top`` for these settings (kept across pages)."""
    key = (italic, style.affiliation_size, style.affiliation_leading, width, top)
    table = _affiliation_tables.get(key)
    if table is None:
        if len(_affiliation_tables) >= 64:  # a column's settings rarely change in a process
            _affiliation_tables.clear()
        table = _affiliation_tables[key] = _AffiliationTable(italic, style, width, top)
    return table


def _placed(
    lines: LineRuns, size: float, leading: float, top: float
) -> tuple[tuple[LaidLine, ...], float]:
    """Lines one under the other from ``top`` down, and the top after the last."""
    laid: list[LaidLine] = []
    for runs in lines:
        laid.append(LaidLine(top + leading * BASELINE_SHARE, size, runs))
        top += leading
    return tuple(laid), top


class _Advances(dict[str, float]):
    """A face's advance widths by character, in thousandths of an em; a character the
    width table lacks is looked up each time (its default width), never stored."""

    def __init__(self, face: Any) -> None:
        super().__init__((chr(code), width) for code, width in face.charWidths.items())
        self.face = face

    def __missing__(self, char: str) -> float:
        return float(self.face.charWidths.get(ord(char), self.face.defaultWidth))


_advances: dict[str, _Advances] = {}


def string_width(text: str, font: str, size: float) -> float:
    """``pdfmetrics.stringWidth`` for a TrueType font, to the last bit (the same sum in the
    same order), with the loop over the characters in C rather than a generator."""
    return 0.001 * size * sum(map(_advances_of(font).__getitem__, text))


def _advances_of(font: str) -> _Advances:
    face = pdfmetrics.getFont(font).face
    advances = _advances.get(font)
    if advances is None or advances.face is not face:  # a font re-registered under the name
        advances = _advances[font] = _Advances(face)
    return advances


@dataclass(frozen=True, slots=True)
class ColumnFill:
    """Items placed in each column (with their top offsets) and where the rest begins.

    ``shortfall`` is how much taller the columns would have to be for any item that began
    a new column to fit at the foot of the one before (infinite when none did).
    """

    columns: tuple[tuple[tuple[float, LaidItem], ...], ...]
    next_index: int
    height: float
    shortfall: float = math.inf


def fill_columns(laid: Sequence[LaidItem], count: int, height: float, start: int = 0) -> ColumnFill:
    """Fill ``count`` columns of ``height`` from ``laid[start:]``, column 1 first.

    A heading goes to the next column rather than sit alone at a column's foot; an item
    taller than a whole column is placed anyway so layout always progresses. As in Word
    and LibreOffice, the space after an item need not fit, and it overlaps the space before
    the next (the larger of the two separates them).
    """
    columns: list[list[tuple[float, LaidItem]]] = [[] for _ in range(count)]
    column, y, used, index = 0, 0.0, 0.0, start
    shortfall = math.inf
    end, limit = len(laid), height + 1e-6
    after = 0.0  # the space after the item before ``index``, when it is in this fill
    # written out for a page's 60 items 1,600 times a list: max(a, b) as ``b if b > a``
    # (what max returns), the sums in the same order, so the same floats as before
    while index < end and column < count:
        item = laid[index]
        item_height, space_before, _, is_heading, space_after = item
        before = 0.0
        if y > 0:
            before = space_before - after
            if before < 0.0:
                before = 0.0
        need = before + item_height - space_after
        if is_heading and index + 1 < end:
            following = laid[index + 1]
            need += space_after + following.height - following.space_after
        if y > 0 and y + need > limit:
            overrun = y + need - height
            if overrun < shortfall:
                shortfall = overrun
            column, y = column + 1, 0.0
            continue
        columns[column].append((y + before, item))
        y += before + item_height
        bottom = y - space_after
        if bottom > used:
            used = bottom
        after = space_after
        index += 1
    return ColumnFill(tuple(tuple(c) for c in columns), index, used, shortfall)


def balance_columns(laid: Sequence[LaidItem], count: int, height: float) -> ColumnFill:
    """All of ``laid`` in ``count`` columns that end at nearly the same height.

    This is the last page of the list, set as Word and LibreOffice set a multi-column
    section that a continuous section break ends: the columns are as short as they can be
    with every item still placed, reading down then across. Starting from a height no
    balanced fill can beat (each column ends with an item whose space after it drops), the
    height grows by the fill's ``shortfall``, the least growth that changes where a column
    breaks, so the first height at which everything fits is the shortest there is. When
    ``laid`` does not fit in ``height`` at all, the plain fill is returned.
    """
    full = fill_columns(laid, count, height)
    if full.next_index < len(laid) or not laid:
        return full
    tallest = max(item.height - item.space_after for item in laid)
    total = sum(item.height for item in laid) - count * max(item.space_after for item in laid)
    trial = max(tallest, total / count)
    while trial < height:
        fill = fill_columns(laid, count, trial)
        if fill.next_index == len(laid):
            return fill
        trial += fill.shortfall
    return full
