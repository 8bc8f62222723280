"""Line breaking of very long paragraphs in linear time, with reportlab's own lines.

reportlab breaks a paragraph by popping words off the front of one Python list, which costs
time proportional to the words left: a paragraph of n words takes n² steps (a 400 KB
paragraph, minutes). Greedy line breaking has a property that removes the problem: where a
line starts depends only on where the line before it started. So a long paragraph is broken
a chunk of words at a time, by reportlab itself; the last line of each chunk may be cut short
by the chunk's end, so it is dropped and the next chunk starts with that line's first word.
The lines kept are exactly the lines reportlab would make from the whole paragraph.

A chunk restarts only at a line that begins with a whole word of the source (not the rest of
a word hyphenated across lines, nor a forced break's position), so nothing is lost or doubled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus.paragraph import _FK_BREAK, Paragraph, ParaLines, _getFragWords

CHUNK_WORDS = 1024
"""Words broken at a time: enough for about ninety lines, few enough that popping is cheap."""

LONG_CHARACTERS = 16_000
"""Paragraphs with more characters are broken in chunks; shorter ones exactly as before."""


def is_long(frags: Sequence[Any]) -> bool:
    """Whether the parsed paragraph is long enough to be broken in chunks."""
    total = 0
    for frag in frags:
        total += len(getattr(frag, "text", "") or "")
        if total > LONG_CHARACTERS:
            return True
    return False


@dataclass(slots=True)
class ChunkedLines:
    """The lines gathered so far, the frag words they place, and the widest line."""

    lines: list[Any] = field(default_factory=list)
    placed: list[Any] = field(default_factory=list)
    width_max: float = 0.0


def break_in_chunks(paragraph: Paragraph, widths: list[float]) -> ParaLines:
    """Break ``paragraph`` (its parsed frags) into the lines reportlab would, chunk by chunk.

    Leaves ``paragraph.frags`` as reportlab does: the frag words placed, which the lines'
    ``sFW`` index.
    """
    words = _getFragWords(paragraph.frags, widths[0])
    given = list(widths)  # reportlab narrows the first for a bullet, in place: once only
    result = ChunkedLines()
    start, size = 0, CHUNK_WORDS
    while start < len(words):
        stop = min(start + size, len(words))
        first = start == 0
        chunk = words[start:stop]
        chunk_widths = list(given) if first else given[-1:]
        lines, placed, width_max = _break_chunk(paragraph, chunk, chunk_widths, first)
        if first:
            widths[:] = chunk_widths
        restart = len(lines) if stop == len(words) else _restart_line(lines, placed, chunk)
        if restart is None:
            size *= 2  # no line here starts with a whole word: take more words
            continue
        offset = len(result.placed)
        for line in lines[:restart]:
            line.sFW += offset
        result.lines.extend(lines[:restart])
        kept = lines[restart].sFW if restart < len(lines) else len(placed)
        result.placed.extend(placed[:kept])
        result.width_max = max(result.width_max, width_max)
        start = stop if restart == len(lines) else start + _index_of(chunk, placed[kept])
        size = CHUNK_WORDS
    paragraph.frags = result.placed
    paragraph._width_max = result.width_max
    return ParaLines(kind=1, lines=result.lines)


def _break_chunk(
    paragraph: Paragraph, chunk: list[Any], widths: list[float], first: bool
) -> tuple[list[Any], list[Any], float]:
    """reportlab's lines for ``chunk`` at ``widths`` (a chunk after the first: later lines'
    width only, and no bullet)."""
    bullet = paragraph.bulletText if first else None
    part = Paragraph("", paragraph.style, bulletText=bullet, frags=chunk)
    part.encoding = paragraph.encoding
    broken = part.breakLines(widths)
    return list(broken.lines), list(part.frags), float(part._width_max)


def _restart_line(lines: list[Any], placed: list[Any], chunk: list[Any]) -> int | None:
    """The last line after the first that starts with a whole word of ``chunk``, if any."""
    originals = {id(word) for word in chunk}
    for index in range(len(lines) - 1, 0, -1):
        word = placed[lines[index].sFW]
        if id(word) in originals and word[1][0]._fkind != _FK_BREAK:
            return index
    return None


def _index_of(chunk: list[Any], word: Any) -> int:
    """Where ``word`` (an object of ``chunk``) is in it; found by identity, never equality."""
    return next(index for index, candidate in enumerate(chunk) if candidate is word)
