"""The output-format registry: order, page counts and listing all come from the declarations."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pytest

from policydraft.cli.display import display_written
from policydraft.model import Document, Metadata
from policydraft.outputs import formats
from policydraft.outputs.formats import (
    FORMATS,
    REGISTERED,
    OutputFormat,
    Produce,
    WriterSettings,
    output_format,
    writing_order,
)
from policydraft.outputs.staging import staged_outputs
from policydraft.outputs.write import WrittenFile, stage_files

DOCUMENT = Document(Metadata("Comment", "The Undersigned"), ())


def test_every_borrowed_page_count_is_laid_out_by_a_format_written_before() -> None:
    for declared in REGISTERED:
        if declared.borrows_pages:
            assert declared.pages_from is not None
            assert output_format(declared.pages_from).order < declared.order, declared.name


def test_names_and_order_come_from_the_declarations() -> None:
    assert FORMATS == ("docx", "pdf", "html")  # as --to's usage message lists them
    assert writing_order(["html", "docx", "pdf", "docx"]) == ["pdf", "docx", "html"]
    with pytest.raises(ValueError, match="unknown output format 'odt'"):
        output_format("odt")


def _fake(name: str, order: int, pages_from: str | None, log: list[str]) -> OutputFormat:
    def writer(document: Document, settings: WriterSettings) -> Produce:
        def produce(stream: BinaryIO) -> int | None:
            log.append(name)
            stream.write(name.encode() * 100)
            return 3 if pages_from == name else None

        return produce

    return OutputFormat(name, name.upper(), name, order, pages_from, writer)


def test_a_new_format_is_one_declaration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Written after the layout it borrows, listed as asked, shown as its declaration says."""
    log: list[str] = []
    declared = [
        _fake("html", 3, None, log),
        _fake("docx", 2, "pdf", log),
        _fake("pdf", 1, "pdf", log),
    ]
    monkeypatch.setattr(formats, "_BY_NAME", {d.name: d for d in declared})
    targets = {name: tmp_path / f"letter.{name}" for name in ("html", "docx", "pdf")}
    with staged_outputs(tmp_path) as outputs:
        written = stage_files(outputs, DOCUMENT, targets, WriterSettings())
    assert log == ["pdf", "docx", "html"]
    assert [(f.format, f.pages) for f in written] == [("html", None), ("docx", 3), ("pdf", 3)]


def test_page_counts_are_shown_as_the_format_declares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    html = _fake("html", 3, None, [])
    monkeypatch.setattr(formats, "_BY_NAME", {**formats._BY_NAME, "html": html})
    display_written(
        [
            WrittenFile(tmp_path / "a.pdf", "pdf", 1, 2048),
            WrittenFile(tmp_path / "a.docx", "docx", 15, 4096),
            WrittenFile(tmp_path / "b.docx", "docx", None, 4096),
            WrittenFile(tmp_path / "a.html", "html", None, 1024),
        ]
    )
    assert capsys.readouterr().out.splitlines() == [
        f"wrote {tmp_path / 'a.pdf'} (1 page, 2 KB)",
        f"wrote {tmp_path / 'a.docx'} (15 pages, 4 KB)",  # counted in its own layout
        f"wrote {tmp_path / 'b.docx'} (4 KB)",  # not laid out: no page count is claimed
        f"wrote {tmp_path / 'a.html'} (1 KB)",
    ]


def test_a_profile_attaches_only_registered_formats() -> None:
    """What an agency accepts (``attach:``) is a choice among the formats policydraft writes;
    a new format joins it deliberately, by adding its name to ``profiles.schema.Format``."""
    from typing import get_args

    from policydraft.profiles.schema import Format

    assert set(get_args(Format)) <= set(FORMATS)
