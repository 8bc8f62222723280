"""Footnotes as layout objects, and the paragraph that knows which notes it references.

A ``NotedParagraph`` carries the ``Footnote``s whose marks it prints. The frame reads them
to reserve room at the foot of the page before it places the paragraph (see ``frame.py``);
when the paragraph must be split, ``splitting.plan_split`` decides where, so that each part
takes exactly the notes whose marks it prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reportlab.platypus import Flowable

from .paragraph import SafeParagraph

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
            from .splitting import plan_split

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
