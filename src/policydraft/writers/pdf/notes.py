"""Footnotes as layout objects: a note, a note continued on the next page, a bookmark, and
the note area's side of splitting (``NoteSpace``).

A ``NotedParagraph`` (``noted_paragraph.py``) carries the ``Footnote``s whose marks it
prints; the frame reads them to reserve room at the foot of the page before it places the
paragraph (see ``frame.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from reportlab.platypus import Flowable

_BIG = 1e9


@dataclass(eq=False, slots=True)
class Footnote:
    """One numbered note: its number and its paragraphs, mark included, in the note style."""

    number: int
    flowables: list[Flowable]


@dataclass(frozen=True, slots=True)
class PartialNote:
    """A paragraph part whose note ``number`` starts on this page but must continue on the next
    (usually its last note; any notes after it then open the next page's note area).

    ``height`` is the room the note's first part gets at the foot of this page.
    """

    number: int
    height: float


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """A PDF bookmark to drop where a heading is drawn."""

    title: str
    level: int
    key: str


class NoteSpace(Protocol):
    """What a paragraph needs to know about the page's note area to split itself."""

    max_gap: float

    def growth(self, notes: Sequence[Footnote], partial_height: float | None = None) -> float:
        """How much the note area grows if ``notes`` join it (inf: no note may join)."""
        ...

    def min_partial(self, note: Footnote) -> float:
        """The least of a note worth printing before it continues on the next page."""
        ...

    def note_height(self, note: Footnote) -> float:
        """The note's full height at the note area's width."""
        ...


def flowables_height(flowables: Sequence[Flowable], width: float, gap: float) -> float:
    """Height of a note's flowables stacked with ``gap`` (the note style's after) between."""
    heights = [float(flowable.wrap(width, _BIG)[1]) for flowable in flowables]
    return sum(heights) + gap * max(len(heights) - 1, 0)


def split_flowables(
    flowables: Sequence[Flowable], width: float, height: float, gap: float
) -> tuple[list[Flowable], list[Flowable]]:
    """Cut a note's flowables, ``gap`` apart, into what fits in ``height`` and the rest."""
    used = 0.0
    for index, flowable in enumerate(flowables):
        room = height - used
        flowable_height = flowable.wrap(width, _BIG)[1]
        if flowable_height <= room + 1e-6:
            used += flowable_height + gap
            continue
        parts = flowable.split(width, room) if room > 0 else []
        if len(parts) == 2:
            return [*flowables[:index], parts[0]], [parts[1], *flowables[index + 1 :]]
        return list(flowables[:index]), list(flowables[index:])
    return list(flowables), []
