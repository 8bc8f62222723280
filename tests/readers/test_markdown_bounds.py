"""Markdown bodies: deep nesting, notes inside notes and control characters are diagnostics;
the citation and footnote rules answer like the scans they replace, in linear time."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, BlockQuote, Cite, Note, Para, Text, walk_inlines
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_bounds import MAX_LABEL, citation_end, label_end
from policydraft.readers.markdown_citations import scan_citation
from policydraft.readers.markdown_text import MarkdownText
from tests.hostile.harness import Case, base, run_case

ORIGIN = Location("a.md", 10, 3)


def read(text: str) -> tuple[tuple[Block, ...], Diagnostics]:
    diags = Diagnostics()
    return read_markdown(MarkdownText(text, ORIGIN), diags), diags


def found(diags: Diagnostics) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in diags]


# (id, Markdown, [(code, line, column)]) with the body starting at a.md:10:3
REFUSED = [
    ("blockquote-65", "> " * 65 + "deep\n", [("PD206", 10, 3)]),
    ("blockquote-10000", "> " * 10_000 + "deep\n", [("PD206", 10, 3)]),
    ("emphasis-3000", "Intro.\n\n" + "*a " * 3000 + "x" + " a*" * 3000, [("PD206", 12, 3)]),
    ("strong-100", "**a " * 100 + "x" + " a**" * 100, [("PD206", 10, 3)]),
    ("list-2000", "".join("  " * i + "- x\n" for i in range(2000)), [("PD206", 42, 3)]),
    ("inline-note-deep", "A.^[" + "*a " * 100 + "x" + " a*" * 100 + "]", [("PD206", 10, 3)]),
    ("nul", "One.\n\nTwo \x00 three.", [("PD207", 12, 7)]),
    ("escape-sequence", "Red \x1b[31m text.", [("PD207", 10, 7)]),
    ("c1-control", "a\x85b", [("PD207", 10, 4)]),
    ("bidi-override", "Signed by \u202eevil\u202c here.", [("PD207", 10, 13)]),
    ("bidi-embedding", "One.\n\nTwo \u202bx.", [("PD207", 12, 7)]),
    ("bidi-isolate-in-note", "A.[^a]\n\n[^a]: \u2066x\u2069", [("PD207", 12, 9)]),
    ("note-in-note", "A.[^a]\n\n[^a]: See[^b].\n\n[^b]: Inner.", [("PD205", 12, 12)]),
    ("inline-note-in-note", "A.[^a]\n\n[^a]: See^[inner].", [("PD205", 12, 3)]),
    ("note-in-inline-note", "A.^[see[^b]]\n\n[^b]: Inner.", [("PD205", 10, 10)]),
    ("self-reference-stays-PD201", "A.[^s]\n\n[^s]: Loop[^s].", [("PD201", 12, 3)]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(*case[1:], id=case[0]) for case in REFUSED]
)
def test_refused_where_written(text: str, expected: list[tuple[str, int, int]]) -> None:
    _, diags = read(text)
    assert found(diags) == expected, [d.message for d in diags]


def test_a_body_may_nest_up_to_the_limit_and_keeps_all_its_text() -> None:
    """markdown-it's own limit (20) silently dropped text nested deeper; now nothing is lost."""
    blocks, diags = read("> " * 25 + "kept\n")
    assert diags.items == []
    depth = 0
    while isinstance(blocks[0], BlockQuote):
        blocks, depth = blocks[0].blocks, depth + 1
    assert (depth, blocks) == (25, (Para((Text("kept"),)),))


def test_notes_that_reference_the_next_twice_are_refused_without_expanding() -> None:
    """40 levels would be 2**40 notes if expanded; only the outer note is, with its error."""
    notes = "".join(f"[^n{i}]: x[^n{i + 1}] y[^n{i + 1}]\n\n" for i in range(40))
    blocks, diags = read(f"Text.[^n0]\n\n{notes}[^n40]: end.\n")
    errors = [d for d in diags if d.severity == "error"]
    assert [(d.code, d.line, d.column) for d in errors] == [("PD205", 12, 11)]  # [^n1], once
    assert sum(isinstance(i, Note) for i in walk_inlines(blocks)) == 1


def test_a_citation_inside_a_footnote_stays_a_citation() -> None:
    blocks, diags = read("A.[^a]\n\n[^a]: See [@campbell, 579].")
    assert diags.items == []
    [note] = [i for i in walk_inlines(blocks) if isinstance(i, Note)]
    assert [type(i) for i in walk_inlines(note.blocks)] == [Text, Cite, Text]


def test_one_note_referenced_twice_from_the_text_is_two_notes() -> None:
    blocks, diags = read("A.[^a] B.[^a]\n\n[^a]: Once.")
    assert diags.items == []
    assert sum(isinstance(i, Note) for i in walk_inlines(blocks)) == 2


def _state(src: str) -> Any:
    return SimpleNamespace(src=src, env={}, posMax=len(src))


BRACKETY = st.text(alphabet="[]@\\ (;a^\n", max_size=40)


@settings(max_examples=300, deadline=None)
@given(BRACKETY, st.data())
def test_citation_end_answers_as_scan_citation(src: str, data: st.DataObject) -> None:
    """The index gives scan_citation's answer at every ``[``, for every end of the range."""
    state = _state(src)
    for start in (i for i, c in enumerate(src) if c == "["):
        if start and src[start - 1] == "\\":
            continue  # markdown-it's escape rule takes an escaped bracket first
        end = data.draw(st.integers(min_value=start, max_value=len(src)))
        assert citation_end(state, start, end) == scan_citation(src, start, end), (start, end)


NOTE_STOP = re.compile(r"[\] \n]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]^ \na\t", max_size=30))
def test_label_end_finds_what_a_regular_expression_finds(src: str) -> None:
    state = _state(src)
    reference = re.compile(r"\[\^([^\] \n]+)\]")
    for start in (i for i in range(len(src)) if src.startswith("[^", i)):
        match = reference.match(src, start)
        expected = match.end() - 1 if match else None
        assert label_end(state, start, NOTE_STOP) == expected


def test_a_label_longer_than_the_limit_is_text() -> None:
    label = "x" * (MAX_LABEL + 1)
    blocks, diags = read(f"A.[^{label}]\n\n[^short]: note")
    assert blocks[0] == Para((Text(f"A.[^{label}]"),))
    assert [d.code for d in diags] == ["PD202"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Signed by \u202eevil\u202c here.", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("a\u2069", "U+2069 (POP DIRECTIONAL ISOLATE)"),
    ],
)
def test_a_bidirectional_control_is_named_as_one(text: str, name: str) -> None:
    _, diags = read(text)
    [d] = diags
    assert "bidirectional control character " + name in d.message, d.message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\u05e9\u05dc\u05d5\u05dd, \u05e2\u05d5\u05dc\u05dd.", id="hebrew"),
        pytest.param("\u0645\u0624\u0633\u0633\u0629 \u0627\u0644\u0646\u0648\u0631.", id="arabic"),
        pytest.param("Tel Aviv (\u05ea\u05dc \u05d0\u05d1\u05d9\u05d1\u200f) is.", id="marks"),
    ],
)
def test_right_to_left_text_is_read_as_written(text: str) -> None:
    blocks, diags = read(text)
    assert blocks == (Para((Text(text),)),)
    assert list(diags) == []


@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        pytest.param("Signed by \u202eevil\u202c here.\n", "PD207", 1, id="override"),
        pytest.param("A \u2068quoted\u2069 name.\n", "PD207", 1, id="isolate"),
    ],
)
def test_a_markdown_file_with_a_bidirectional_control_is_refused_by_the_cli(
    tmp_path: Path, text: str, code: str, status: int
) -> None:
    files = {
        **base(arguments=[{"heading": "From a file", "file": "arguments/a.md"}]),
        "arguments/a.md": text,
    }
    for run in run_case(Case("bidi", files, code, exit=status), tmp_path):
        assert "arguments/a.md:1:" in run.stdout + run.stderr
