"""Document tree -> files on disk, all or nothing (see ``output.staged_outputs``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from policydraft.model import Document
from policydraft.output import staged_outputs

Writer = Callable[[BinaryIO], int | None]


@dataclass(frozen=True)
class RenderedFile:
    path: Path
    format: str
    pages: int | None  # for DOCX: the page count of the same layout in the PDF, if rendered
    size: int


def write_outputs(
    document: Document, targets: Mapping[str, Path], reference_docx: Path | None = None
) -> list[RenderedFile]:
    """Write each format to its target path; nothing is published unless all succeed."""
    folders = {path.parent for path in targets.values()}
    if len(folders) != 1:
        raise ValueError("all outputs of one render go to one folder")
    pages: dict[str, int | None] = {}
    sizes: dict[str, int] = {}
    with staged_outputs(folders.pop()) as outputs:
        for fmt, path in targets.items():
            pages[fmt] = outputs.write(path, _writer(fmt, document, reference_docx))
            sizes[fmt] = outputs.staged(path).stat().st_size
        outputs.commit()
    laid_out = pages.get("pdf")
    return [
        RenderedFile(path, fmt, pages[fmt] if fmt == "pdf" else laid_out, sizes[fmt])
        for fmt, path in targets.items()
    ]


def _writer(fmt: str, document: Document, reference_docx: Path | None) -> Writer:
    if fmt == "docx":
        from policydraft.writers.docx import DocxOptions, write_docx

        def produce_docx(stream: BinaryIO) -> None:
            write_docx(document, stream, DocxOptions(reference_docx=reference_docx))

        return produce_docx
    if fmt == "pdf":
        from policydraft.writers.pdf import PdfOptions, write_pdf

        def produce_pdf(stream: BinaryIO) -> int:
            return write_pdf(document, stream, PdfOptions())

        return produce_pdf
    raise ValueError(f"unknown output format {fmt!r}")
