"""Redlines: what changed between two versions of a submission, as a DOCX of tracked changes
and a PDF blackline.

``redline`` checks both folders with the pipeline, writes each version's DOCX with our
writer, and marks NEW's with OLD -> NEW (``redline.docx``); the blackline draws the same
comparison from the document trees (``redline.blackline``). Both files are written like a
render's: staged, then published together (``outputs.staging``).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics
from policydraft.model import iter_notes
from policydraft.outputs.formats import output_format
from policydraft.outputs.staging import staged_outputs
from policydraft.outputs.write import with_source_date
from policydraft.pipeline import CheckedSubmission
from policydraft.pipeline import check as check_submission
from policydraft.redline import blackline
from policydraft.redline.docx import tracked_docx
from policydraft.redline.marks import Change
from policydraft.redline.summary import Summary

SUFFIX = "-redline"
"""What a redline's file name adds to NEW's output stem."""


@dataclass(frozen=True)
class Redline:
    """A redline written: where, and how many tracked changes it holds."""

    path: Path
    changes: int
    blackline: Path | None = None  # the PDF blackline (redline/blackline.py)
    summary: Summary | None = None  # what its summary page counts
    pages: int = 0  # the blackline's pages


def checked_version(folder: Path, diags: Diagnostics) -> CheckedSubmission | None:
    """One version, checked and composed; None (its diagnostics in ``diags``) if it fails."""
    checked = check_submission(folder, diags, render_checks=False)
    return checked if checked is not None and checked.plan is not None else None


def docx_bytes(checked: CheckedSubmission) -> bytes:
    """The version's DOCX as ``render`` writes it (same typography, reference, date)."""
    plan = checked.plan
    assert plan is not None, "a redline needs versions without errors"
    out = io.BytesIO()
    document = with_source_date(plan.document)
    output_format("docx").writer(document, plan.settings)(out)
    return out.getvalue()


def note_cites(checked: CheckedSubmission) -> list[tuple[str, ...]]:
    """What each note cites, in document order: a note's identity when versions are paired."""
    plan = checked.plan
    assert plan is not None, "a redline needs versions without errors"
    return [note.cites for note in iter_notes(plan.document.blocks)]


def change_of(new: CheckedSubmission, author: str | None) -> Change:
    """The tracked changes' author (given, else NEW's commenter) and NEW's date at 00:00Z."""
    submission = new.loaded.submission
    who = author if author else submission.commenter.name
    when = dt.datetime.combine(submission.date, dt.time(0, 0)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Change(who, when, [0])


def write_redline(
    old: CheckedSubmission,
    new: CheckedSubmission,
    out_dir: Path | None,
    author: str | None,
    revision: str | None = None,
) -> Redline:
    """Write ``STEM-redline.docx`` and the blackline ``STEM-redline.pdf`` (NEW's stem) into
    ``out_dir``, else NEW's output folder, published together. ``revision``: OLD is NEW's
    folder at that git revision, and the blackline names it so."""
    plan = new.plan
    assert plan is not None, "a redline needs versions without errors"
    targets = plan.targets(["docx", "pdf"], out_dir, f"{plan.stem}{SUFFIX}")
    target = targets["docx"]
    data, count = tracked_docx(
        docx_bytes(old), docx_bytes(new), change_of(new, author), note_cites(old), note_cites(new)
    )
    labels = None
    if revision is not None:
        date = old.loaded.submission.date.isoformat()
        labels = (f"{revision} ({date})", blackline.label(new))
    marked = blackline.compare(old, new, labels)
    pages: list[int] = []
    with staged_outputs(target.parent) as outputs:
        outputs.write(target, lambda stream: stream.write(data) and None)
        outputs.write(
            targets["pdf"], lambda stream: pages.append(blackline.write_blackline(marked, stream))
        )
        outputs.commit()
    return Redline(target, count, targets["pdf"], marked.summary, sum(pages))
