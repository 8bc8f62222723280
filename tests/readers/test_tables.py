"""Markdown pipe tables -> ``Table`` nodes: cells, alignments, ragged rows at their lines.

Inputs marked "GFM" are the examples of GitHub Flavored Markdown's specification, section
"Tables (extension)" (https://github.github.com/gfm/#tables-extension-, examples 198-205),
with the cells and alignments that section says they hold; nobody on this project wrote them.
"""

from __future__ import annotations

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    Cite,
    CiteItem,
    Code,
    ColumnAlignment,
    Note,
    Para,
    Strong,
    Table,
    Text,
)
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_table import MAX_COLUMNS, written_cells
from policydraft.readers.markdown_text import MarkdownText

ORIGIN = Location("policydraft.yaml", 10, 3)  # a body in a YAML block scalar at line 10


def read(text: str) -> tuple[tuple[Block, ...], Diagnostics]:
    diags = Diagnostics()
    return read_markdown(MarkdownText(text, ORIGIN), diags), diags


def cell(*parts: str | Code | Strong | Note | Cite) -> tuple[Block, ...]:
    return (Para(tuple(Text(p) if isinstance(p, str) else p for p in parts)),)


def table(rows: list[list[tuple[Block, ...]]], *aligns: ColumnAlignment) -> Table:
    return Table(tuple(c for row in rows for c in row), aligns or ("default",) * len(rows[0]))


# (Markdown, the one Table it reads as); none raises a diagnostic
TABLES = [
    pytest.param(  # GFM example 198
        "| foo | bar |\n| --- | --- |\n| baz | bim |",
        table([[cell("foo"), cell("bar")], [cell("baz"), cell("bim")]]),
        id="gfm-198-basic",
    ),
    pytest.param(  # GFM example 199: ":-:" centre, "---:" right; pipes at the ends optional
        "| abc | defghi |\n:-: | -----------:\nbar | baz",
        table([[cell("abc"), cell("defghi")], [cell("bar"), cell("baz")]], "center", "right"),
        id="gfm-199-alignment",
    ),
    pytest.param(  # GFM example 200: an escaped pipe is text, in code and strong spans too
        "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |",
        table(
            [
                [cell("f|oo")],
                [cell("b ", Code("|"), " az")],
                [cell("b ", Strong((Text("|"),)), " im")],
            ]
        ),
        id="gfm-200-escaped-pipe",
    ),
    pytest.param(  # GFM example 205: a table with no body rows
        "| abc | def |\n| --- | --- |",
        table([[cell("abc"), cell("def")]]),
        id="gfm-205-header-only",
    ),
    pytest.param(
        "| Left | Centre | Right | Plain |\n|:--|:-:|--:|---|\n| a | b | c | d |",
        table(
            [
                [cell("Left"), cell("Centre"), cell("Right"), cell("Plain")],
                [cell(*x) for x in "abcd"],
            ],
            "left",
            "center",
            "right",
            "default",
        ),
        id="four-alignments",
    ),
    pytest.param(
        "| Year | Note |\n|---|---|\n| 2024 | |",
        table([[cell("Year"), cell("Note")], [cell("2024"), ()]]),
        id="empty-cell-holds-nothing",
    ),
    pytest.param(
        "| Docket | Comments |\n|---|---|\n| OSTP-2025 | 8,755[^n] |\n\n[^n]: As posted.",
        table(
            [
                [cell("Docket"), cell("Comments")],
                [cell("OSTP-2025"), cell("8,755", Note(cell("As posted.")))],
            ]
        ),
        id="footnote-in-a-cell",
    ),
    pytest.param(
        "> | a | b |\n> |---|---|\n> | 1 | 2 |",
        None,  # inside a quote: checked below for its table only
        id="table-in-a-quote",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), TABLES)
def test_tables(markdown: str, expected: Table | None) -> None:
    blocks, diags = read(markdown)
    assert list(diags) == []
    found = [b for b in blocks if isinstance(b, Table)] or [
        b for outer in blocks for b in getattr(outer, "blocks", ()) if isinstance(b, Table)
    ]
    assert len(found) == 1
    if expected is not None:
        assert found[0] == expected
        assert len(found[0].rows) == len(expected.cells) // expected.columns


def test_a_citation_in_a_cell_keeps_its_line_and_column() -> None:
    blocks, diags = read("| Case | Holding |\n|---|---|\n| x | Fair use [@campbell, 579]. |")
    assert list(diags) == []
    (found,) = blocks
    assert isinstance(found, Table)
    (para,) = found.rows[1][1]
    assert isinstance(para, Para)
    cite = para.inlines[1]
    assert cite == Cite(
        (CiteItem("campbell", pin="579"),), "policydraft.yaml", 12, 3 + 15
    )  # "[" at 15


# (Markdown, expected cells of its rows, then the diagnostics: severity, code, line, text)
RAGGED = [
    pytest.param(  # GFM example 204: fewer cells are padded, more are "ignored" (lost)
        "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |",
        [["abc", "def"], ["bar", ""], ["bar", "baz"]],
        [
            ("warning", "PD210", 12, "row has 1 of the header's 2 cells"),
            ("error", "PD210", 13, "row has 3 cells but the header has 2"),
        ],
        id="gfm-204-ragged",
    ),
    pytest.param(
        "Before.\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 |",
        [["a", "b", "c"], ["1", "2", "3"], ["4", "", ""]],
        [("warning", "PD210", 15, "row has 1 of the header's 3 cells")],
        id="short-row-after-a-paragraph",
    ),
    pytest.param(
        "| a | b |\n|---|---|\n| x \\| y | z |",
        [["a", "b"], ["x | y", "z"]],
        [],
        id="escaped-pipe-is-no-extra-cell",
    ),
    pytest.param(
        "| " + " | ".join("abcdefghijkl") + " |\n" + "|---" * 12 + "|",
        [list("abcdefghijkl")],
        [("warning", "PD211", 10, f"table has 12 columns; more than {MAX_COLUMNS}")],
        id="too-wide",
    ),
]


@pytest.mark.parametrize(("markdown", "rows", "expected"), RAGGED)
def test_ragged_and_wide_tables(
    markdown: str, rows: list[list[str]], expected: list[tuple[str, str, int, str]]
) -> None:
    blocks, diags = read(markdown)
    (found,) = [b for b in blocks if isinstance(b, Table)]
    texts = [
        ["".join(getattr(i, "text", "") for p in c for i in getattr(p, "inlines", ())) for c in r]
        for r in found.rows
    ]
    assert texts == rows
    got = [(d.severity, d.code, d.line, d.message) for d in diags]
    assert len(got) == len(expected)
    for (severity, code, line, message), (want_sev, want_code, want_line, fragment) in zip(
        got, expected, strict=True
    ):
        assert (severity, code, line) == (want_sev, want_code, want_line)
        assert fragment in message
    assert all(d.column == 3 for d in diags)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| a | b |", 2),
        ("a | b", 2),
        ("| a |", 1),
        ("| a \\| b |", 1),
        ("> | a | b | c |", 3),
        ("|  |  |", 2),
    ],
)
def test_written_cells(line: str, cells: int) -> None:
    assert written_cells(line) == cells


@pytest.mark.parametrize(
    ("cells", "alignments", "header_rows"),
    [
        (((), (), ()), ("default", "default"), 1),  # not whole rows
        ((), (), 1),  # no column
        (((),), ("default",), 2),  # more header rows than rows
    ],
)
def test_a_malformed_table_is_refused(
    cells: tuple[tuple[Block, ...], ...], alignments: tuple[ColumnAlignment, ...], header_rows: int
) -> None:
    with pytest.raises(ValueError, match="whole rows"):
        Table(cells, alignments, header_rows)
