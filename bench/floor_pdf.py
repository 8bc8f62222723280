"""The PDF floor: a signatory list set as the appendix sets it, the simplest fast way.

Run:  .venv/bin/python bench/floor_pdf.py LIST.csv OUT.pdf

Prints one JSON line: ``seconds`` (reading the list and writing the PDF) and ``peak_mb``
(ru_maxrss). ``bench/signatories.py`` runs it in a fresh process for each size and divides
the pipeline's time by it.

The layout is the appendix's with the default typography: Letter pages, one-inch margins,
three columns 18 pt apart; each signer a name line (Liberation Serif 11 pt on 12.5 pt) and an
affiliation line ("title, organization", Liberation Serif Italic 9 pt on 10.5 pt) wrapped at
the column's width, 4 pt after; baselines four fifths down a line; a page breaks when the
next signer does not fit; "Page X of Y" centred at the foot of every page (a form per page,
filled in when the count is known). Fonts are embedded as subsets, streams compressed, as
the product writes them. What it leaves out: sorting (the list is drawn in file order), the
letter before the list, column balancing on the last page, fallback fonts and shaping (a
character Liberation Serif lacks prints as its missing glyph), bookmarks.

How it is fast: reportlab's canvas only holds the document (font subsetting, compression,
the file), with its streams' ASCII85 made by the standard library (``base64.a85encode``: the
same text as reportlab's own pure-Python encoder, several times sooner). Each page's text is
one ``BT``...``ET`` string written directly. A string's width is summed once from the font's
width table, its encoding ("(...) Tj") made once (a ``str.translate`` once its characters
have codes in subset 0), both cached per distinct string, as are the coordinates' text
(each cache emptied when it holds 65,536, so a million names do not fill memory).
"""

from __future__ import annotations

import base64
import csv
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "src" / "policydraft" / "fonts"

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 612.0, 792.0, 72.0
COLUMNS, GUTTER = 3, 18.0
NAME = ("FloorSerif", 11.0, 12.5)
AFFILIATION = ("FloorSerifItalic", 9.0, 10.5)
ENTRY_GAP, BASELINE_SHARE = 4.0, 0.8
CACHE_LIMIT = 65536  # distinct strings kept per cache: memory stays flat for a million names
FOOTER_SIZE, FOOTER_BASELINE = 10.0, 36.0 + 12.0 / 5


class _CharWidths(dict[str, float]):
    """A font's advance widths by character (the width table's default for the others)."""

    def __init__(self, face: Any) -> None:
        super().__init__((chr(code), w) for code, w in face.charWidths.items())
        self.default = face.defaultWidth

    def __missing__(self, char: str) -> float:
        return float(self.default)


def write_floor(list_path: Path, out: Path) -> int:
    """Draw every row of ``list_path`` into ``out``; return the page count."""
    from reportlab.lib.rl_accel import escapePDF, fp_str
    from reportlab.pdfbase import pdfdoc, pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfdoc.asciiBase85Encode = lambda data: base64.a85encode(data).decode("ascii") + "~>"
    fonts = {}
    for name, file in (
        ("FloorSerif", "LiberationSerif-Regular.ttf"),
        ("FloorSerifItalic", "LiberationSerif-Italic.ttf"),
    ):
        fonts[name] = TTFont(name, str(FONTS / file))
        pdfmetrics.registerFont(fonts[name])
    canvas = Canvas(str(out), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, pageCompression=1)
    doc = canvas._doc
    column_width = (PAGE_WIDTH - 2 * MARGIN - GUTTER * (COLUMNS - 1)) / COLUMNS
    lefts = [fp_str(MARGIN + c * (column_width + GUTTER)) for c in range(COLUMNS)]

    widths: dict[tuple[str, str], float] = {}
    shows: dict[tuple[str, str], list[tuple[int, str]]] = {}
    numbers: dict[float, str] = {}
    char_widths = {name: _CharWidths(font.face) for name, font in fonts.items()}
    escaped = [escapePDF(bytes((code,))) for code in range(256)]
    tables: dict[str, dict[int, str]] = {name: {} for name in fonts}

    def width(font: str, text: str) -> float:
        """In thousandths of the size, as the font's width table adds it up."""
        key = (font, text)
        found = widths.get(key)
        if found is None:
            if len(widths) >= CACHE_LIMIT:
                widths.clear()
            found = widths[key] = sum(map(char_widths[font].__getitem__, text))
        return found

    def wrap(font: str, size: float, text: str) -> list[str]:
        room = column_width * 1000.0 / size
        if width(font, text) <= room:
            return [text]
        lines, current = [], ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if current and width(font, trial) > room:
                lines.append(current)
                trial = word
            current = trial
        return [*lines, current] if current else lines

    def encoded(font: str, text: str) -> list[tuple[int, str]]:
        """``(...) Tj`` in the subsets: by ``str.translate`` once every character of
        ``text`` has a code in subset 0, else through reportlab's ``splitString``."""
        key = (font, text)
        found = shows.get(key)
        if found is None:
            table = tables[font]
            if all(map(table.__contains__, map(ord, text))):
                found = [(0, f"({text.translate(table)}) Tj")]
            else:
                chunks = fonts[font].splitString(text, doc)
                found = [(s, f"({escapePDF(c)}) Tj") for s, c in chunks]
                assigned = fonts[font].state[doc].assignments
                for char in text:
                    code = assigned.get(ord(char))
                    if code is not None and code < 256:
                        table[ord(char)] = escaped[code]
            if len(shows) >= CACHE_LIMIT:
                shows.clear()
            shows[key] = found
        return found

    def number(value: float) -> str:
        found = numbers.get(value)
        if found is None:
            if len(numbers) >= CACHE_LIMIT:
                numbers.clear()
            found = numbers[value] = fp_str(value)
        return found

    selects: dict[tuple[str, int], str] = {}

    def select(font: str, subset: int, size: float) -> str:
        key = (font, subset)
        found = selects.get(key)
        if found is None:
            name = fonts[font].getSubsetInternalName(subset, doc)
            found = selects[key] = f"{name} {fp_str(size)} Tf"
        return found

    pages = 0
    ops: list[str] = ["BT"]
    current: tuple[str, int] | None = None
    column, top = 0, 0.0
    height = PAGE_HEIGHT - 2 * MARGIN

    def end_page() -> None:
        nonlocal ops, current, pages
        ops.append("ET")
        canvas.addLiteral(" ".join(ops))
        pages += 1
        canvas.doForm(f"Footer{pages}")
        canvas.showPage()
        ops, current = ["BT"], None

    with list_path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        at_name, at_title, at_org = (header.index(k) for k in ("name", "title", "organization"))
        for row in rows:
            affiliation = ", ".join(p for p in (row[at_title], row[at_org]) if p)
            blocks = [(NAME, wrap(NAME[0], NAME[1], row[at_name]))]
            if affiliation:
                blocks.append((AFFILIATION, wrap(AFFILIATION[0], AFFILIATION[1], affiliation)))
            need = sum(style[2] * len(lines) for style, lines in blocks)
            if top and top + need > height:
                column, top = column + 1, 0.0
                if column == COLUMNS:
                    end_page()
                    column = 0
            x = lefts[column]
            for (font, size, leading), lines in blocks:
                for line in lines:
                    y = PAGE_HEIGHT - MARGIN - top - leading * BASELINE_SHARE
                    ops.append(f"1 0 0 1 {x} {number(y)} Tm")
                    for subset, show in encoded(font, line):
                        if (font, subset) != current:
                            ops.append(select(font, subset, size))
                            current = (font, subset)
                        ops.append(show)
                    top += leading
            top += ENTRY_GAP
    end_page()
    for page in range(1, pages + 1):
        canvas.beginForm(f"Footer{page}")
        canvas.setFont("FloorSerif", FOOTER_SIZE)
        canvas.drawCentredString(PAGE_WIDTH / 2, FOOTER_BASELINE, f"Page {page} of {pages}")
        canvas.endForm()
    canvas.save()
    return pages


def main() -> None:
    list_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    start = time.perf_counter()
    pages = write_floor(list_path, out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "pages": pages}))


if __name__ == "__main__":
    main()
