"""A Table in the PDF, read back with pypdf: a table of three pages repeats its header on
each, columns align as the Markdown said, and a note marked in a cell prints at the foot of
the page whose row marks it."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from pypdf import PdfReader

from policydraft.model import Block, ColumnAlignment, Document, Metadata, Note, Para, Table, Text
from policydraft.writers.pdf import write_pdf

ROWS = 120  # about 40 rows a page: three pages
NOTED = {3, 47, 95}  # rows whose middle cell marks a footnote


def cell(*parts: str | Note) -> tuple[Block, ...]:
    return (Para(tuple(Text(p) if isinstance(p, str) else p for p in parts)),)


def long_table(alignments: tuple[ColumnAlignment, ...]) -> Table:
    cells = [cell("Fiscal year"), cell("Comments received"), cell("Share")]
    for row in range(ROWS):
        note = (Note(cell(f"Count for row {row} as posted.")),) if row in NOTED else ()
        cells += [cell(f"FY{2000 + row}"), cell(f"Row {row} comments", *note), cell(f"{row}%")]
    return Table(tuple(cells), alignments)


@cache
def render(alignments: tuple[ColumnAlignment, ...]) -> PdfReader:
    out = io.BytesIO()
    document = Document(Metadata("Tables", "Tester"), (long_table(alignments),))
    write_pdf(document, out)
    return PdfReader(io.BytesIO(out.getvalue()))


CENTRED: tuple[ColumnAlignment, ...] = ("left", "center", "right")


def pages_text() -> list[str]:
    return [page.extract_text() for page in render(CENTRED).pages]


def test_the_table_runs_over_three_pages_repeating_its_header() -> None:
    texts = pages_text()
    assert len(texts) >= 3
    for text in texts:
        assert "Fiscal year" in text and "Comments received" in text
    assert sum(text.count("Fiscal year") for text in texts) == len(texts)  # once per page


def test_every_row_prints_once_in_order() -> None:
    text = "\n".join(pages_text())
    years = [int(year) for year in re.findall(r"FY(\d{4})", text)]
    assert years == [2000 + row for row in range(ROWS)]


@pytest.mark.parametrize("row", sorted(NOTED))
def test_a_note_in_a_cell_prints_on_the_page_of_its_row(row: int) -> None:
    texts = pages_text()
    (row_page,) = [i for i, t in enumerate(texts) if f"Row {row} comments" in t]
    (note_page,) = [i for i, t in enumerate(texts) if f"Count for row {row} as posted." in t]
    assert row_page == note_page


def _x_positions(alignments: tuple[ColumnAlignment, ...], pattern: str) -> list[float]:
    """Where each text run matching ``pattern`` starts on the first page (its left x)."""
    page = render(alignments).pages[0]
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if re.fullmatch(pattern, text.strip()):
            found.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    return found


# (alignments, the column's cell pattern, whether its left edges vary: left-aligned do not)
ALIGNMENT_CASES = [
    pytest.param(CENTRED, r"FY\d{4}", False, id="left-column-shares-one-x"),
    pytest.param(CENTRED, r"\d{1,3}%", True, id="right-column-x-varies-with-width"),
    pytest.param(CENTRED, r"Row \d+ comments", True, id="centred-column-x-varies"),
    pytest.param(("default",) * 3, r"\d{1,3}%", False, id="default-is-left"),
]


@pytest.mark.parametrize(("alignments", "pattern", "varies"), ALIGNMENT_CASES)
def test_column_alignment_by_x_positions(
    alignments: tuple[ColumnAlignment, ...], pattern: str, varies: bool
) -> None:
    xs = {round(left, 1) for left in _x_positions(alignments, pattern)}
    assert len(xs) > 1 if varies else len(xs) == 1


def test_right_aligned_cells_end_further_right_than_left_aligned_ones() -> None:
    left = min(_x_positions(("default",) * 3, r"\d{1,3}%"))
    right = min(_x_positions(CENTRED, r"\d{1,3}%"))
    assert right > left + 20


def test_the_same_table_gives_the_same_bytes() -> None:
    document = Document(Metadata("Tables", "Tester"), (long_table(CENTRED),))
    first, second = io.BytesIO(), io.BytesIO()
    write_pdf(document, first)
    write_pdf(document, second)
    assert first.getvalue() == second.getvalue()
