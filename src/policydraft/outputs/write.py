"""Document tree -> files on disk, all or nothing (see ``staging.staged_outputs``)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from policydraft.model import Document
from policydraft.outputs.formats import WriterSettings, output_format, writing_order
from policydraft.outputs.parallel import worth_forking, write_at_once
from policydraft.outputs.staging import StagedOutputs, staged_outputs

Verify = Callable[[Mapping[str, Path]], None]
"""Checks staged files (by format) before they are published; raises to publish none."""

LayOut = Callable[[Path], int | None]
"""Lays a staged DOCX out into pages (LibreOffice): its page count, or None when it could not."""

LAID_OUT_BY = "LibreOffice"
"""Whose layout a DOCX's page count is, when ``LayOut`` counted it."""


@dataclass(frozen=True)
class WrittenFile:
    """A file a render wrote, as the command reports it."""

    path: Path
    format: str
    pages: int | None  # its format's page count (the DOCX: as a real layout counted it), or
    # None: a format without pages, or a DOCX that was not laid out
    size: int
    laid_out_by: str | None = None  # the program whose layout counted its pages, if not ours


def write_outputs(
    document: Document,
    targets: Mapping[str, Path],
    settings: WriterSettings,
    *,
    verify: Verify | None = None,
    lay_out: LayOut | None = None,
) -> list[WrittenFile]:
    """Write each format to its target path; nothing is published unless all succeed.

    ``verify`` sees the staged files (by format) before they are published; if it raises,
    nothing is published (an agency profile's checks run there). ``lay_out`` counts the
    DOCX's pages (see ``stage_files``).
    """
    folders = {path.parent for path in targets.values()}
    if len(folders) != 1:
        raise ValueError("all outputs of one render go to one folder")
    with staged_outputs(folders.pop()) as outputs:
        written = stage_files(outputs, document, targets, settings, lay_out)
        if verify is not None:
            verify({file.format: outputs.staged(file.path) for file in written})
        outputs.commit()
    return written


def stage_files(
    outputs: StagedOutputs,
    document: Document,
    targets: Mapping[str, Path],
    settings: WriterSettings,
    lay_out: LayOut | None = None,
) -> list[WrittenFile]:
    """Write each format into ``outputs`` (staged, not yet published) and describe it.

    Files are written in the formats' writing order, so a format whose page count is another
    format's layout comes after it; they are described in the order of ``targets``. A large
    document's formats are written at once, a process each, when there are the cores for it
    (``parallel.write_at_once``: the same bytes, the same failures). Every
    format is set in the same typography, so they break pages alike. With ``lay_out``, the
    staged DOCX is laid out once and, when that counts its pages, written again with the
    count in its docProps/app.xml (the same count gives the same bytes).
    """
    document = with_source_date(document)
    pages: dict[str, int | None] = {}
    sizes: dict[str, int] = {}
    order = writing_order(targets)
    jobs = [(targets[name], output_format(name).writer(document, settings)) for name in order]
    if worth_forking(document, len(jobs)):  # each writer in a process of its own
        counts = dict(zip(order, write_at_once(outputs.write, jobs), strict=True))
    else:
        counts = {name: outputs.write(*job) for name, job in zip(order, jobs, strict=True)}
    for name in order:
        declared = output_format(name)
        path = targets[name]
        counted = counts[name]
        lender = declared.pages_from
        if lender is not None and lender != name:  # its layout's format, written before it
            pages[name] = pages.get(lender)
        else:
            pages[name] = counted
        sizes[name] = outputs.staged(path).stat().st_size
    by = _count_docx_pages(outputs, document, targets, settings, lay_out)
    if by is not None:
        pages["docx"], sizes["docx"] = by
    laid_out = {"docx": LAID_OUT_BY} if by is not None else {}
    return [
        WrittenFile(path, name, pages[name], sizes[name], laid_out.get(name))
        for name, path in targets.items()
    ]


def _count_docx_pages(
    outputs: StagedOutputs,
    document: Document,
    targets: Mapping[str, Path],
    settings: WriterSettings,
    lay_out: LayOut | None,
) -> tuple[int, int] | None:
    """The staged DOCX laid out and rewritten with its page count: (pages, size), or None
    when there is no DOCX, no ``lay_out``, or it could not count the pages."""
    if lay_out is None or "docx" not in targets:
        return None
    staged = outputs.staged(targets["docx"])
    count = lay_out(staged)
    if count is None:
        return None
    produce = output_format("docx").writer(document, replace(settings, docx_pages=count))
    with staged.open("wb") as stream:
        produce(stream)
        stream.flush()
        os.fsync(stream.fileno())
    return count, staged.stat().st_size


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
