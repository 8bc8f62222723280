"""The gold table: our footnotes against the footnotes public references print.

Each row of ``gold/indigo.yaml`` is a short letter: its sources.yaml, then one sentence per
footnote citing as a user writes it. The row goes through the real path (sources.yaml loaded
and validated, the body read, citations resolved) and every footnote must equal the
reference's, italics included. Rows our code gets wrong today carry ``xfail:`` with the kind
of error; they run strict, so a fix shows as a pass to be unmarked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from policydraft.citations.resolve import resolve_citations
from policydraft.citations.sources_file import load_bibliography
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Document, Emph, Inline, Link, Metadata, Note, Para, Text, iter_notes
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText

GOLD = Path(__file__).parent / "gold" / "indigo.yaml"
_CONFIG = Location("policydraft.yaml", 1)
_ADJACENT_ITALICS = re.compile(r"\* \*")  # "*See* *id.*" prints as "*See id.*"


def gold_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = YAML(typ="safe").load(GOLD.read_text(encoding="utf-8"))
    return rows


def _params() -> list[Any]:
    params = []
    for row in gold_rows():
        marks = []
        if row.get("xfail"):
            marks.append(pytest.mark.xfail(reason=row["xfail"], strict=True))
        params.append(pytest.param(row, id=row["id"], marks=marks))
    return params


def footnotes(row: dict[str, Any], folder: Path) -> list[str]:
    """The row's letter, resolved: each footnote in the table's markup."""
    diags = Diagnostics()
    bibliography = load_bibliography(_sources_yaml(row["sources"], folder), diags, _CONFIG)
    body = "\n".join(f"Sentence {n}.{note['cite']}" for n, note in enumerate(row["notes"]))
    blocks = read_markdown(MarkdownText(body, Location("body.md")), diags)
    document = resolve_citations(Document(Metadata("T", "A"), blocks), bibliography, diags)
    assert not diags.has_errors, diags.sorted()
    return [_note_text(note) for note in iter_notes(document.blocks)]


def _sources_yaml(entries: list[dict[str, Any]], folder: Path) -> Path:
    """The entries written as a user's sources.yaml."""
    path = folder / "sources.yaml"
    with path.open("w", encoding="utf-8") as stream:
        YAML().dump(entries, stream)
    return path


def _note_text(note: Note) -> str:
    (para,) = note.blocks
    assert isinstance(para, Para)
    return printed(para.inlines)


def printed(inlines: tuple[Inline, ...]) -> str:
    """Inlines as the references print them: *italics*, a URL as its plain text."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case Text(text):
                parts.append(text)
            case Emph(children):
                parts.append(f"*{printed(children)}*")
            case Link(children, _):
                parts.append(printed(children))
            case _:
                raise AssertionError(inline)
    return same_print("".join(parts))


def same_print(text: str) -> str:
    """Markup differences that print the same: adjacent italic runs and runs of spaces."""
    return re.sub(r" {2,}", " ", _ADJACENT_ITALICS.sub(" ", text))


@pytest.mark.parametrize("row", _params())
def test_footnotes_match_the_reference(row: dict[str, Any], tmp_path: Path) -> None:
    expected = [same_print(note["expected"]) for note in row["notes"]]
    assert footnotes(row, tmp_path) == expected


def test_the_table_is_large_and_sourced() -> None:
    rows = gold_rows()
    assert sum(len(row["notes"]) for row in rows) >= 150
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["from"].startswith("Indigo Book R") or row["from"].startswith("Indigo Book T")
        assert row["notes"] and row["sources"], row["id"]


BAD_ROWS = [
    pytest.param({"type": "case", "name": "A v. B"}, "volume", id="case-missing-fields"),
    pytest.param(
        {
            "type": "case",
            "name": "A v. B",
            "volume": 1,
            "reporter": "U.S.",
            "page": 1,
            "year": 1990,
            "abbreviate": "sometimes",
        },
        "abbreviate",
        id="abbreviate-not-a-boolean",
    ),
]


@pytest.mark.parametrize(("entry", "field"), BAD_ROWS)
def test_a_bad_entry_is_an_error_at_its_field(
    entry: dict[str, Any], field: str, tmp_path: Path
) -> None:
    diags = Diagnostics()
    bibliography = load_bibliography(
        _sources_yaml([{"id": "x", **entry}], tmp_path), diags, _CONFIG
    )
    assert "x" not in bibliography
    assert any(d.severity == "error" and field in d.message for d in diags.items), diags.sorted()
