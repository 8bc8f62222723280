"""``manifest.json``: what a filing package holds, so a filer can prove what was sent.

Every file with its SHA-256, size and page count, and the facts of the submission a docket
clerk asks about. It holds no timestamps (the same inputs give the same manifest) and no
private data: no e-mail addresses, no signatory rows, only their number.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policydraft import __version__
from policydraft.submission.exhibits import exhibit_labels
from policydraft.submission.load import LoadedSubmission


@dataclass(frozen=True)
class PackagedFile:
    name: str  # the file's name in the package folder
    path: Path  # where its bytes are now (a staged temporary until the package is published)
    pages: int | None


@dataclass(frozen=True)
class FiledAs:
    """What a filing is called: "Supplement No. 1 to TITLE" and 1, or the letter's title."""

    title: str
    supplement: int | None  # N for Supplement No. N, None for the letter


def manifest_json(
    loaded: LoadedSubmission,
    profile: str | None,
    signatories: int | None,
    files: Sequence[PackagedFile],
    email_subject: str | None = None,
    filed_as: FiledAs | None = None,
    ignored: Mapping[str, int] | None = None,
) -> str:
    """The manifest's JSON; ``signatories`` is everyone signed as of this filing; ``ignored``
    the findings left unreported, by code, when any were (``--ignore``)."""
    submission = loaded.submission
    data: dict[str, Any] = {
        "title": filed_as.title if filed_as else submission.title,
        "date": submission.date.isoformat(),
        "docket": submission.docket,
        "commenter": submission.commenter.name,
        "organization": submission.commenter.organization,
        "profile": profile,
        "signatories": signatories,
        "supplement": filed_as.supplement if filed_as else None,
        "files": [file_entry(file) for file in files],
        "generator": f"policydraft {__version__}",
    }
    if email_subject:
        data["email_subject_must_contain"] = email_subject
    if ignored:  # what the filer chose not to see is on the record
        data["ignored"] = dict(ignored)
    if submission.exhibits:  # appended to the PDF, not separate files (docs/submission-format.md)
        data["exhibits"] = exhibit_entries(loaded)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def file_entry(file: PackagedFile) -> dict[str, Any]:
    """A file as the manifest and the filing record list it: name, SHA-256, size, pages."""
    content = file.path.read_bytes()
    return {
        "name": file.name,
        "sha256": hashlib.sha256(content).hexdigest(),
        "size": len(content),
        "pages": file.pages,
    }


def exhibit_entries(loaded: LoadedSubmission) -> list[dict[str, Any]]:
    """Each exhibit as filed inside the PDF: label, title, source file, its SHA-256 and size."""
    entries: list[dict[str, Any]] = []
    for label, config in zip(exhibit_labels(loaded), loaded.submission.exhibits, strict=True):
        content = (loaded.folder / config.file).read_bytes()
        entries.append(
            {
                "label": label,
                "title": config.title,
                "file": config.file,
                "sha256": hashlib.sha256(content).hexdigest(),
                "size": len(content),
            }
        )
    return entries
