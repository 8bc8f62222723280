"""A frame whose foot holds the page's footnotes.

reportlab places a flowable by checking it against the frame's bottom (``_y1p``). This frame
raises that bottom by the height of the notes a paragraph references before trying to place
it, and keeps the raise only if the paragraph fits; so a note always lands on the page of
its mark. The frame only lays notes out (which slices, how high); ``page.py`` draws them at
the page's end.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Frame

from .notes import Footnote, PartialNote, flowables_height, split_flowables
from .styles import NOTE_GAP, SEPARATOR_HEIGHT

CARRY_SHARE = 2 / 3  # at most this much of a page goes to a note continued from before


@dataclass(eq=False, slots=True)
class NoteSlice:
    """What of one note is printed on this page, and its height."""

    flowables: list[Flowable]
    height: float


@dataclass(eq=False, slots=True)
class PageNotes:
    """The laid-out note area of one page; ``carry`` continues on the next page."""

    slices: list[NoteSlice] = field(default_factory=list)
    carry: list[Flowable] = field(default_factory=list)

    @property
    def height(self) -> float:
        return _area_height([piece.height for piece in self.slices])


def _area_height(heights: Sequence[float]) -> float:
    if not heights:
        return 0.0
    return SEPARATOR_HEIGHT + sum(heights) + NOTE_GAP * (len(heights) - 1)


class FootnoteFrame(Frame):  # type: ignore[misc]
    """The body frame; see the module docstring."""

    _y1p: float  # reportlab's usable bottom: the frame's bottom plus the note area

    def __init__(
        self, x: float, y: float, width: float, height: float, note_leading: float
    ) -> None:
        self.note_leading = note_leading
        self.max_gap = 3 * note_leading * 1.2
        self.carry: list[Flowable] = []
        self.page = PageNotes()
        self._heights: dict[int, float] = {}
        super().__init__(
            x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0,
            bottomPadding=0, id="body",
        )  # fmt: skip

    # --- what a paragraph asks while splitting (notes.NoteSpace) ---------------------------

    def note_height(self, note: Footnote) -> float:
        if note.number not in self._heights:
            self._heights[note.number] = flowables_height(note.flowables, self._width)
        return self._heights[note.number]

    def min_partial(self, note: Footnote) -> float:
        return min(self.note_height(note), 2 * self.note_leading)

    def growth(self, notes: Sequence[Footnote], partial_height: float | None = None) -> float:
        if not notes:
            return 0.0
        if self.page.carry:
            return math.inf
        heights = [self.note_height(note) for note in notes]
        if partial_height is not None:
            heights[-1] = partial_height
        current = [piece.height for piece in self.page.slices]
        return _area_height(current + heights) - _area_height(current)

    # --- placing --------------------------------------------------------------------------

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        notes: tuple[Footnote, ...] = getattr(flowable, "footnotes", ())
        if not notes:
            return int(Frame.add(self, flowable, canv, trySplit))
        partial: PartialNote | None = getattr(flowable, "partial", None)
        growth = self.growth(notes, partial.height if partial else None)
        if not math.isfinite(growth):
            return 0
        saved = self._y1p
        self._y1p = self._y1 + self.page.height + growth
        if not Frame.add(self, flowable, canv, trySplit):
            self._y1p = saved
            return 0
        self._commit(notes, partial)
        return 1

    def _commit(self, notes: Sequence[Footnote], partial: PartialNote | None) -> None:
        for note in notes:
            if partial is not None and note.number == partial.number:
                first, rest = split_flowables(note.flowables, self._width, partial.height)
                self.page.slices.append(NoteSlice(first, partial.height))
                self.page.carry = rest
                self._y = self._y1p  # the note fills the page: nothing more goes here
            else:
                self.page.slices.append(NoteSlice(note.flowables, self.note_height(note)))

    def _reset(self) -> None:
        """Start a page; a note continued from the last page opens its note area."""
        super()._reset()
        self.page = PageNotes()
        if self.carry:
            room = self._height * CARRY_SHARE - SEPARATOR_HEIGHT
            height = flowables_height(self.carry, self._width)
            if height <= room:
                self.page.slices.append(NoteSlice(self.carry, height))
            else:
                first, rest = split_flowables(self.carry, self._width, room)
                self.page.slices.append(NoteSlice(first, room))
                self.page.carry = rest
        self._y1p = self._y1 + self.page.height

    def take_page(self) -> PageNotes:
        """Hand the finished page's notes to the drawing code; keep what continues."""
        page = self.page
        self.carry = page.carry
        return page
