"""``TextOps`` must write exactly what reportlab's text object writes for the same lines.

The appendix draws through ``TextOps`` for speed; reproducible files depend on it matching
``PDFTextObject`` byte for byte, including font switches, CJK fallback runs, a subset change
in the middle of a line (a font's 257th distinct glyph) and repeated runs served from cache.
"""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from policydraft.writers.pdf.fonts import (
    FALLBACK,
    SERIF,
    SERIF_ITALIC,
    Run,
    drawn_runs,
    fallback_coverage,
    serif_coverage,
)
from policydraft.writers.pdf.text_ops import TextOps

Line = tuple[float, float, float, tuple[Run, ...]]

_MANY_GLYPHS = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 300))  # past one subset

CASES: list[tuple[str, list[Line]]] = [
    ("one line", [(0, 700, 10, ((SERIF, "Ada Lovelace"),))]),
    (
        "name then affiliation, repeated",
        [
            (0, 700, 10, ((SERIF, "Ada Lovelace"),)),
            (0, 688, 9, ((SERIF_ITALIC, "Actor, Independent"),)),
            (180, 700, 10, ((SERIF, "Zoë Ávila (x) \\ y"),)),
            (180, 688, 9, ((SERIF_ITALIC, "Actor, Independent"),)),
        ],
    ),
    ("CJK fallback runs", [(0, 700, 10, drawn_runs("Yamada 山田太郎 Taro", SERIF))]),
    ("a subset boundary inside a run", [(0, 700, 10, ((FALLBACK, _MANY_GLYPHS),))] * 2),
    ("an empty run", [(0, 700, 10, ((SERIF, ""),)), (0, 690, 10, ((SERIF, "x"),))]),
]


def _ours(lines: list[Line]) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1)
    ops = TextOps()
    for _ in range(2):  # a second text object on the same page reuses the cache
        ops.begin(canvas)
        for x, y, size, runs in lines:
            ops.line(x, y, size, runs)
        ops.end(canvas)
    return _page(canvas)


def _page(canvas: Canvas) -> bytes:
    canvas.showPage()
    return canvas.getpdfdata()  # type: ignore[no-any-return]


def _reportlab(lines: list[Line]) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1)
    for _ in range(2):
        text = canvas.beginText()
        current: tuple[str, float] | None = None
        for x, y, size, runs in lines:
            text.setTextOrigin(x, y)
            for font, run in runs:
                if (font, size) != current:
                    text.setFont(font, size)
                    current = (font, size)
                text.textOut(run)
        canvas.drawText(text)
    return _page(canvas)


@pytest.mark.parametrize(("what", "lines"), CASES, ids=[case[0] for case in CASES])
def test_text_ops_match_reportlab(what: str, lines: list[Line]) -> None:
    serif_coverage()
    fallback_coverage()
    assert _ours(lines) == _reportlab(lines), what
