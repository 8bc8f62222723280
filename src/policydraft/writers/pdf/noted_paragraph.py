"""The paragraph that knows its notes, and where to split it so that every note starts on
the page of its mark.

The rule, as a typesetter would apply it:

1. Keep notes whole: take as many lines as fit together with the notes they reference.
2. If that would move a note's mark to the next page and leave a gap of more than
   ``space.max_gap`` (or nothing fits at all, e.g. a note longer than the page), keep the line
   with the mark here instead and split that note: its first part fills the rest of this
   page and the remainder opens the next page's note area.

Line ``i`` references the notes whose superscript marks it prints; the marks are the only
raised text a letter contains, so they are found by the frags' rise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from .notes import Footnote, NoteSpace, OutlineEntry, PartialNote
from .paragraph import MIN_LINES, SafeParagraph, at_top, widow_safe

_FUZZ = 1e-6


class NotedParagraph(SafeParagraph):
    """A paragraph that knows its notes, where to split around them, and its bookmark."""

    footnotes: tuple[Footnote, ...] = ()
    partial: PartialNote | None = None
    outline: OutlineEntry | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame: Any = getattr(self, "_frame", None)
        if getattr(self.style, "keepLines", 0) and not getattr(frame, "_atTop", True):
            return []  # a keep-lines paragraph moves whole, unless even a fresh page is short
        if self.footnotes and hasattr(frame, "growth"):
            return plan_split(self, frame, availWidth, availHeight)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            parts[0].outline, parts[1].outline = self.outline, None
        return parts

    def draw(self) -> None:
        if self.outline is not None:
            entry = self.outline
            self.canv.bookmarkHorizontal(entry.key, 0, self.height + self.style.leading)
            self.canv.addOutlineEntry(entry.title, entry.key, entry.level, closed=False)
            self.canv.showOutline()  # open the bookmarks pane: long letters are navigated
        super().draw()


def noted_paragraph(
    text: str, style: Any, footnotes: Sequence[Footnote] = (), bullet: str | None = None
) -> NotedParagraph:
    """Build a ``NotedParagraph``; reportlab's constructor has no room for our fields."""
    paragraph = NotedParagraph(text, style, bulletText=bullet)
    paragraph.footnotes = tuple(footnotes)
    return paragraph


def _line_marks(paragraph: Paragraph, limit: int) -> list[list[int]]:
    """The note numbers printed on each of the wrapped paragraph's first ``limit`` lines."""
    blpara = paragraph.blPara
    lines = blpara.lines[:limit]
    if blpara.kind == 0:
        return [[] for _ in lines]
    return [
        [
            int(word.text)
            for word in line.words
            if getattr(word, "rise", 0) > 0 and word.text.strip().isdigit()
        ]
        for line in lines
    ]


@dataclass(frozen=True, slots=True)
class LineNotes:
    """The notes referenced by a paragraph's first lines, for as many lines as a page holds.

    Only the lines that can fit on the page are read, and the notes are kept once, in order,
    with where each line's marks end: a paragraph of thousands of lines and notes is split
    page after page, and reading all of it for every page would be quadratic.
    """

    notes: list[Footnote]
    ends: list[int]  # ends[s]: how many notes the first s lines reference
    line_count: int  # lines of the whole paragraph (part), read or not

    def upto(self, lines: int) -> list[Footnote]:
        """The notes referenced by the first ``lines`` lines, in order."""
        return self.notes[: self.ends[lines]]

    def changes_after(self, start: int) -> int | None:
        """The first line count above ``start`` that adds a note, among the lines read."""
        ends = self.ends
        return next((s for s in range(start + 1, len(ends)) if ends[s] != ends[s - 1]), None)


def _line_notes(paragraph: NotedParagraph, limit: int) -> LineNotes:
    """``LineNotes`` of the wrapped paragraph's first ``limit`` lines."""
    by_number = {note.number: note for note in paragraph.footnotes}
    notes: list[Footnote] = []
    ends = [0]
    for numbers in _line_marks(paragraph, limit):
        notes.extend(by_number[n] for n in numbers if n in by_number)
        ends.append(len(notes))
    return LineNotes(notes, ends, len(paragraph.blPara.lines))


def opening_lines(paragraph: NotedParagraph, aW: float, aH: float) -> tuple[int, list[Footnote]]:
    """The fewest lines a page may end with under widow/orphan control, and their notes.

    A heading kept with the paragraph stays on the page only if these fit under it: two
    lines, or the whole paragraph when it has three or fewer (it cannot be split).
    """
    paragraph.wrap(aW, aH)
    total = len(paragraph.blPara.lines)
    lines = total if total <= MIN_LINES + 1 else MIN_LINES
    notes = _line_notes(paragraph, lines)
    return lines, notes.upto(min(lines, len(notes.ends) - 1))


def _whole_fit(
    space: NoteSpace, notes: LineNotes, leading: float, aH: float, orphans: bool
) -> tuple[int, float]:
    """The most lines that fit with their notes whole, and the gap they leave.

    What lines need grows with their number, so the most that fit are found by bisection.
    """

    def need(lines: int) -> float:
        return lines * leading + space.growth(notes.upto(lines))

    low, high = 0, min(notes.line_count, int(aH / leading + _FUZZ), len(notes.ends) - 1)
    while low < high:  # invariant: low lines fit (0 always does), more than high do not
        middle = (low + high + 1) // 2
        if need(middle) <= aH + _FUZZ:
            low = middle
        else:
            high = middle - 1
    if low == 0 or (low == 1 and notes.line_count > 1 and not orphans):
        return 0, aH
    return low, aH - need(low)


def _partial_fit(
    space: NoteSpace, notes: LineNotes, leading: float, aH: float, start: int
) -> tuple[int, PartialNote] | None:
    """Lines up to the next mark after line ``start``, with that note split, if it fits."""
    lines = notes.changes_after(start)
    if lines is None or lines * leading > aH + _FUZZ:
        return None
    taken = notes.upto(lines)
    last = taken[-1]
    least = space.min_partial(last)
    need = lines * leading + space.growth(taken, least)
    if not math.isfinite(need) or need > aH + _FUZZ:
        earlier = _earlier_partial(space, taken, lines * leading, aH)
        return None if earlier is None else (lines, earlier)
    height = least + (aH - need)
    if height >= space.note_height(last):
        return None
    return lines, PartialNote(last.number, height)


def _earlier_partial(
    space: NoteSpace, taken: list[Footnote], text_height: float, aH: float
) -> PartialNote | None:
    """When even a line's notes up to its last cannot start on a page, split an earlier one.

    The last note that can start here is split, and the line's notes after it open the next
    page's note area with its rest: without this, a line marking many long notes fitted on
    no page at all. What is needed grows with the note split, so it is found by bisection.
    """

    def need(index: int) -> float:
        note = taken[index]
        return text_height + space.growth(taken[: index + 1], space.min_partial(note))

    if not math.isfinite(need(0)) or need(0) > aH + _FUZZ:
        return None
    low, high = 0, len(taken) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if need(middle) <= aH + _FUZZ:
            low = middle
        else:
            high = middle - 1
    split = taken[low]
    height = min(space.min_partial(split) + aH - need(low), space.note_height(split))
    return PartialNote(split.number, height)


def plan_split(paragraph: NotedParagraph, space: NoteSpace, aW: float, aH: float) -> list[Flowable]:
    """Split ``paragraph`` for a frame ``aH`` high whose note area is ``space``."""
    paragraph.wrap(aW, aH)
    style = paragraph.style
    leading = float(style.leading)
    notes = _line_notes(paragraph, int(aH / leading + _FUZZ) + 1)
    orphans = bool(getattr(paragraph, "allowOrphans", style.allowOrphans))
    lines, gap = _whole_fit(space, notes, leading, aH, orphans)
    partial: PartialNote | None = None
    if lines < notes.line_count and (lines == 0 or gap > space.max_gap):
        planned = _partial_fit(space, notes, leading, aH, lines)
        if planned is not None:
            lines, partial = planned
    kept = widow_safe(lines, notes.line_count, at_top(paragraph))
    if kept != lines:  # fewer lines: their notes fit whole (see ``widow_safe``)
        lines, partial = kept, None
    if lines == 0:
        return []
    return _cut(paragraph, aW, lines, notes, partial)


def _cut(
    paragraph: NotedParagraph,
    aW: float,
    lines: int,
    notes: LineNotes,
    partial: PartialNote | None,
) -> list[Flowable]:
    """Split after ``lines`` lines and hand each part the notes whose marks it prints."""
    if lines >= notes.line_count:
        paragraph.partial = partial
        return [paragraph]
    first, rest = paragraph.split_after(lines)
    taken = notes.upto(lines)
    first.footnotes = tuple(taken)
    first.partial = partial
    first.outline = paragraph.outline
    numbers = {note.number for note in taken}
    rest.footnotes = tuple(n for n in paragraph.footnotes if n.number not in numbers)
    rest.partial = None
    rest.outline = None
    return [first, rest]
