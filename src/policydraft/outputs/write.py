"""Document tree -> files on disk, all or nothing (see ``output.staged_outputs``)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from policydraft.model import Document
from policydraft.outputs.staging import StagedOutputs, staged_outputs
from policydraft.typography import LETTER, Typography

Writer = Callable[[BinaryIO], int | None]
Verify = Callable[[Mapping[str, Path]], None]


@dataclass(frozen=True)
class RenderedFile:
    path: Path
    format: str
    pages: int | None  # for DOCX: the page count of the same layout in the PDF, if rendered
    size: int


def write_outputs(
    document: Document,
    targets: Mapping[str, Path],
    reference_docx: Path | None = None,
    *,
    typography: Typography = LETTER,
    verify: Verify | None = None,
) -> list[RenderedFile]:
    """Write each format to its target path; nothing is published unless all succeed.

    ``verify`` sees the staged files (by format) before they are published; if it raises,
    nothing is published (an agency profile's checks run there).
    """
    folders = {path.parent for path in targets.values()}
    if len(folders) != 1:
        raise ValueError("all outputs of one render go to one folder")
    with staged_outputs(folders.pop()) as outputs:
        rendered = stage_files(outputs, document, targets, reference_docx, typography)
        if verify is not None:
            verify({file.format: outputs.staged(file.path) for file in rendered})
        outputs.commit()
    return rendered


def stage_files(
    outputs: StagedOutputs,
    document: Document,
    targets: Mapping[str, Path],
    reference_docx: Path | None = None,
    typography: Typography = LETTER,
) -> list[RenderedFile]:
    """Write each format into ``outputs`` (staged, not yet published) and describe it.

    Every format is set in the same ``typography``, so they break pages alike.
    """
    document = with_source_date(document)
    pages: dict[str, int | None] = {}
    sizes: dict[str, int] = {}
    for fmt, path in targets.items():
        produce = _writer(fmt, document, reference_docx, typography)
        pages[fmt] = outputs.write(path, produce)
        sizes[fmt] = outputs.staged(path).stat().st_size
    laid_out = pages.get("pdf")
    return [
        RenderedFile(path, fmt, pages[fmt] if fmt == "pdf" else laid_out, sizes[fmt])
        for fmt, path in targets.items()
    ]


def source_date() -> dt.date | None:
    """The day SOURCE_DATE_EPOCH names (UTC), or None when it is not set.

    A malformed value is an error rather than silently ignored: a build that asked to be
    reproducible must not quietly use another date (reproducible-builds.org's rule).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}")
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()


def with_source_date(document: Document) -> Document:
    """The document dated by SOURCE_DATE_EPOCH when it is set, for reproducible builds.

    Without it the files carry the submission's own date, never the clock's: the same inputs
    give the same bytes. The writers embed the date at day precision.
    """
    day = source_date()
    if day is None:
        return document
    return replace(document, metadata=replace(document.metadata, date=day))


def _writer(
    fmt: str, document: Document, reference_docx: Path | None, typography: Typography
) -> Writer:
    if fmt == "docx":
        from policydraft.writers.docx import DocxOptions, write_docx

        options = DocxOptions(reference_docx=reference_docx, typography=typography)

        def produce_docx(stream: BinaryIO) -> None:
            write_docx(document, stream, options)

        return produce_docx
    if fmt == "pdf":
        from policydraft.writers.pdf import PdfOptions, write_pdf

        def produce_pdf(stream: BinaryIO) -> int:
            return write_pdf(document, stream, PdfOptions(typography=typography))

        return produce_pdf
    raise ValueError(f"unknown output format {fmt!r}")
