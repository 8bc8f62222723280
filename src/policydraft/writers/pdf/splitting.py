"""Where to split a paragraph so that every note starts on the page of its mark.

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

from reportlab.platypus import Flowable, Paragraph

from .notes import Footnote, NotedParagraph, NoteSpace, PartialNote

_FUZZ = 1e-6


def _line_marks(paragraph: Paragraph) -> list[list[int]]:
    """The note numbers printed on each line of the wrapped paragraph."""
    blpara = paragraph.blPara
    if blpara.kind == 0:
        return [[] for _ in blpara.lines]
    return [
        [
            int(word.text)
            for word in line.words
            if getattr(word, "rise", 0) > 0 and word.text.strip().isdigit()
        ]
        for line in blpara.lines
    ]


def _notes_up_to(paragraph: NotedParagraph) -> list[list[Footnote]]:
    """``result[s]``: the notes referenced by the first ``s`` lines, in order."""
    by_number = {note.number: note for note in paragraph.footnotes}
    result: list[list[Footnote]] = [[]]
    for numbers in _line_marks(paragraph):
        result.append(result[-1] + [by_number[n] for n in numbers if n in by_number])
    return result


def first_line_notes(paragraph: NotedParagraph, aW: float, aH: float) -> list[Footnote]:
    """The notes whose marks the paragraph's first line prints, wrapped at width ``aW``."""
    paragraph.wrap(aW, aH)
    notes = _notes_up_to(paragraph)
    return notes[1] if len(notes) > 1 else []


def _whole_fit(
    space: NoteSpace, notes: list[list[Footnote]], leading: float, aH: float, orphans: bool
) -> tuple[int, float]:
    """The most lines that fit with their notes whole, and the gap they leave."""
    line_count = len(notes) - 1
    for lines in range(min(line_count, int(aH / leading + _FUZZ)), 0, -1):
        if lines == 1 and line_count > 1 and not orphans:
            break
        need = lines * leading + space.growth(notes[lines])
        if need <= aH + _FUZZ:
            return lines, aH - need
    return 0, aH


def _partial_fit(
    space: NoteSpace, notes: list[list[Footnote]], leading: float, aH: float, start: int
) -> tuple[int, PartialNote] | None:
    """Lines up to the next mark after line ``start``, with that note split, if it fits."""
    lines = next((s for s in range(start + 1, len(notes)) if notes[s] != notes[s - 1]), None)
    if lines is None or lines * leading > aH + _FUZZ:
        return None
    last = notes[lines][-1]
    least = space.min_partial(last)
    need = lines * leading + space.growth(notes[lines], least)
    if not math.isfinite(need) or need > aH + _FUZZ:
        return None
    height = least + (aH - need)
    if height >= space.note_height(last):
        return None
    return lines, PartialNote(last.number, height)


def plan_split(paragraph: NotedParagraph, space: NoteSpace, aW: float, aH: float) -> list[Flowable]:
    """Split ``paragraph`` for a frame ``aH`` high whose note area is ``space``."""
    paragraph.wrap(aW, aH)
    style = paragraph.style
    leading = float(style.leading)
    notes = _notes_up_to(paragraph)
    orphans = bool(getattr(paragraph, "allowOrphans", style.allowOrphans))
    lines, gap = _whole_fit(space, notes, leading, aH, orphans)
    partial: PartialNote | None = None
    if lines < len(notes) - 1 and (lines == 0 or gap > space.max_gap):
        planned = _partial_fit(space, notes, leading, aH, lines)
        if planned is not None:
            lines, partial = planned
    if lines == 0:
        return []
    return _cut(paragraph, aW, lines, notes, partial)


def _cut(
    paragraph: NotedParagraph,
    aW: float,
    lines: int,
    notes: Sequence[Sequence[Footnote]],
    partial: PartialNote | None,
) -> list[Flowable]:
    """Split after ``lines`` lines and hand each part the notes whose marks it prints."""
    if lines >= len(notes) - 1:
        paragraph.partial = partial
        return [paragraph]
    first, rest = paragraph.split_after(lines)
    first.footnotes = tuple(notes[lines])
    first.partial = partial
    first.outline = paragraph.outline
    rest.footnotes = tuple(n for n in paragraph.footnotes if n not in notes[lines])
    rest.partial = None
    rest.outline = None
    return [first, rest]
