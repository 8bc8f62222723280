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

from policydraft.typography import NoteFormat

from .notes import Footnote, PartialNote, flowables_height, split_flowables

CARRY_SHARE = 2 / 3  # at most this much of a page goes to a note continued from before


@dataclass(eq=False, slots=True)
class NoteSlice:
    """What of one note is printed on this page, and its height."""

    flowables: list[Flowable]
    height: float


@dataclass(eq=False, slots=True)
class PageNotes:
    """The laid-out note area of one page, set as ``fmt`` says; ``carry`` continues on the
    next page."""

    fmt: NoteFormat
    slices: list[NoteSlice] = field(default_factory=list)
    carry: list[Flowable] = field(default_factory=list)

    @property
    def height(self) -> float:
        return area_height(self.fmt, [piece.height for piece in self.slices])


def area_height(fmt: NoteFormat, heights: Sequence[float]) -> float:
    """A note area's height: the separator's band, the notes, the gaps between them."""
    if not heights:
        return 0.0
    return fmt.separator_space + sum(heights) + fmt.text.after * (len(heights) - 1)


class FootnoteFrame(Frame):  # type: ignore[misc]
    """The body frame; see the module docstring."""

    _y1p: float  # reportlab's usable bottom: the frame's bottom plus the note area

    def __init__(self, x: float, y: float, width: float, height: float, notes: NoteFormat) -> None:
        self.note_format = notes
        self.note_leading = notes.text.leading
        self.max_gap = 3 * self.note_leading * 1.2
        self.carry: list[Flowable] = []
        self.page = PageNotes(notes)
        self._heights: dict[int, float] = {}
        super().__init__(
            x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0,
            bottomPadding=0, id="body",
        )  # fmt: skip

    # --- what a paragraph asks while splitting (notes.NoteSpace) ---------------------------

    def note_height(self, note: Footnote) -> float:
        if note.number not in self._heights:
            gap = self.note_format.text.after
            self._heights[note.number] = flowables_height(note.flowables, self._width, gap)
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
        fmt = self.note_format
        return area_height(fmt, current + heights) - area_height(fmt, current)

    # --- placing --------------------------------------------------------------------------

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        notes: tuple[Footnote, ...] = getattr(flowable, "footnotes", ())
        if not notes:
            return int(Frame.add(self, flowable, canv, trySplit))
        partial: PartialNote | None = getattr(flowable, "partial", None)
        starting = _up_to(notes, partial)
        growth = self.growth(starting, partial.height if partial else None)
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
        starting = _up_to(notes, partial)
        for note in starting:
            if partial is not None and note.number == partial.number:
                first, rest = self._split(note.flowables, partial.height)
                self.page.slices.append(NoteSlice(first, partial.height))
                later = [f for after in notes[len(starting) :] for f in after.flowables]
                self.page.carry = [*rest, *later]  # notes after the split one follow it
                self._y = self._y1p  # the note fills the page: nothing more goes here
            else:
                self.page.slices.append(NoteSlice(note.flowables, self.note_height(note)))

    def _reset(self) -> None:
        """Start a page; a note continued from the last page opens its note area."""
        super()._reset()
        self.page = PageNotes(self.note_format)
        if self.carry:
            room = self._height * CARRY_SHARE - self.note_format.separator_space
            height = flowables_height(self.carry, self._width, self.note_format.text.after)
            if height <= room:
                self.page.slices.append(NoteSlice(self.carry, height))
            else:
                first, rest = self._split(self.carry, room)
                self.page.slices.append(NoteSlice(first, room))
                self.page.carry = rest
        self._y1p = self._y1 + self.page.height

    def _split(
        self, flowables: Sequence[Flowable], height: float
    ) -> tuple[list[Flowable], list[Flowable]]:
        return split_flowables(flowables, self._width, height, self.note_format.text.after)

    def take_page(self) -> PageNotes:
        """Hand the finished page's notes to the drawing code; keep what continues."""
        page = self.page
        self.carry = page.carry
        return page


def _up_to(notes: Sequence[Footnote], partial: PartialNote | None) -> Sequence[Footnote]:
    """The notes that start on this page: all, or those up to the one split (``partial``)."""
    if partial is None:
        return notes
    numbers = [note.number for note in notes]
    return notes[: numbers.index(partial.number) + 1] if partial.number in numbers else notes
