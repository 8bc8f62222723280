"""Layout of the signatory columns: measuring, wrapping and filling columns.

Built for 100,000 signers: an entry is measured with the fonts' width tables (no Paragraph
objects, which cost ~0.2 ms each), and only one page's worth of entries is laid out at a
time, so time is linear and memory is one page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from policydraft.model import SignatoryEntry

from .fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, text_width


@dataclass(frozen=True, slots=True)
class LaidLine:
    """One line of text; ``baseline`` is measured down from the item's top."""

    baseline: float
    font: str
    size: float
    text: str


@dataclass(frozen=True, slots=True)
class LaidItem:
    """A signer or a group heading, laid out at the column width; never split."""

    height: float
    space_before: float  # only when not at the top of a column
    lines: tuple[LaidLine, ...]
    is_heading: bool


@dataclass(frozen=True, slots=True)
class ColumnStyle:
    """Sizes for the appendix, derived from the body font size."""

    name_size: float
    affiliation_size: float
    heading_size: float
    entry_gap: float
    gutter: float

    @classmethod
    def for_body(cls, size: float) -> ColumnStyle:
        return cls(size * 0.9, size * 0.75, size, size * 0.35, size * 1.5)


MAX_LINES = 8  # per name, affiliation or heading

SourceItem = SignatoryEntry | str
"""What the appendix lists, in order: a group heading (str) or a signer."""


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the column is broken between characters.

    Widths add up exactly (reportlab does not kern), so each word is measured once.
    """
    if text_width(text, font, size) <= width:
        return [text]
    space = text_width(" ", font, size)
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for word in text.split():
        word_width = text_width(word, font, size)
        if current and current_width + space + word_width <= width:
            current.append(word)
            current_width += space + word_width
            continue
        if current:
            lines.append(" ".join(current))
        if word_width > width:
            *full, word = _break_word(word, font, size, width)
            lines.extend(full)
            word_width = text_width(word, font, size)
        current, current_width = [word], word_width
    if current:
        lines.append(" ".join(current))
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


def lay_out(item: SourceItem, style: ColumnStyle, width: float) -> LaidItem:
    """Lines and height of one heading or signer at column ``width``."""
    if isinstance(item, str):
        size = style.heading_size
        texts = [
            (SERIF_BOLD, size, line) for line in _clip(wrap_text(item, SERIF_BOLD, size, width))
        ]
        return _stack(texts, gap=style.entry_gap, before=style.heading_size * 0.6, heading=True)
    texts = [
        (SERIF, style.name_size, line)
        for line in _clip(wrap_text(item.name, SERIF, style.name_size, width))
    ]
    if item.affiliation:
        size = style.affiliation_size
        texts += [
            (SERIF_ITALIC, size, line)
            for line in _clip(wrap_text(item.affiliation, SERIF_ITALIC, size, width))
        ]
    return _stack(texts, gap=style.entry_gap, before=0.0, heading=False)


def _stack(
    texts: Sequence[tuple[str, float, str]], gap: float, before: float, heading: bool
) -> LaidItem:
    lines: list[LaidLine] = []
    top = 0.0
    for font, size, text in texts:
        leading = size * 1.15
        lines.append(LaidLine(top + size * 0.9, font, size, text))
        top += leading
    return LaidItem(top + gap, before, tuple(lines), heading)


@dataclass(frozen=True, slots=True)
class ColumnFill:
    """Items placed in each column (with their top offsets) and where the rest begins."""

    columns: tuple[tuple[tuple[float, LaidItem], ...], ...]
    next_index: int
    height: float


def fill_columns(laid: Sequence[LaidItem], count: int, height: float, start: int = 0) -> ColumnFill:
    """Fill ``count`` columns of ``height`` from ``laid[start:]``, column 1 first.

    A heading goes to the next column rather than sit alone at a column's foot; an item
    taller than a whole column is placed anyway so layout always progresses.
    """
    columns: list[list[tuple[float, LaidItem]]] = [[] for _ in range(count)]
    column, y, used, index = 0, 0.0, 0.0, start
    while index < len(laid) and column < count:
        item = laid[index]
        before = item.space_before if y > 0 else 0.0
        need = before + item.height
        if item.is_heading and index + 1 < len(laid):
            need += laid[index + 1].height
        if y > 0 and y + need > height + 1e-6:
            column, y = column + 1, 0.0
            continue
        columns[column].append((y + before, item))
        y += before + item.height
        used = max(used, y)
        index += 1
    return ColumnFill(tuple(tuple(c) for c in columns), index, used)


def balanced_fill(laid: Sequence[LaidItem], count: int, height: float) -> ColumnFill:
    """The shortest fill of all of ``laid`` into ``count`` columns (for the last page)."""
    full = fill_columns(laid, count, height)
    low, high = max(item.height for item in laid), full.height
    best = full
    while high - low > 0.5:
        middle = (low + high) / 2
        attempt = fill_columns(laid, count, middle)
        if attempt.next_index == len(laid):
            best, high = attempt, middle
        else:
            low = middle
    return best
