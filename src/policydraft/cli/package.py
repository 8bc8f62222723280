"""``policydraft package DIR --out OUT``: the files to file, comment.txt, manifest.json and
the filing record (filing.json); ``--supplement-to FILING`` packages a supplement instead."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policydraft.cli import filing
from policydraft.cli.commands import require_folder, require_source_date, write_failure
from policydraft.cli.display import (
    EXIT_ERRORS,
    display_diagnostics,
    display_message,
)
from policydraft.cli.filing import SupplementTo
from policydraft.diagnostics import Diagnostics, SubmissionError

if TYPE_CHECKING:
    from policydraft.submission.load import LoadedSubmission


def command(
    folder: Annotated[Path, typer.Argument(help="The submission folder.")] = Path("."),
    out: Annotated[Path, typer.Option("--out", help="The package folder.")] = Path("package"),
    json: Annotated[bool, typer.Option("--json", help="Print diagnostics as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    supplement_to: SupplementTo = None,
) -> None:
    """Write the files to file, comment.txt, manifest.json and filing.json into --out
    (atomically)."""
    raise typer.Exit(package(folder, out, as_json=json, strict=strict, supplement_to=supplement_to))


def package(
    folder: Path, out: Path, *, as_json: bool, strict: bool, supplement_to: Path | None = None
) -> int:
    """Check, render, verify and publish the package (the letter, or with ``supplement_to``
    its supplement to that filing) with its filing record; the exit status as for ``render``."""
    require_folder(folder)
    require_source_date()
    from policydraft.packaging import build_package
    from policydraft.pipeline import check as check_submission

    diags = Diagnostics()
    if supplement_to is not None:
        made = filing.supplement_to(folder, supplement_to, diags)
        checked, draft = made if made is not None else (None, None)
    else:
        checked = check_submission(folder, diags, render_checks=False)
        draft = None
    if checked is not None:  # a review copy is never filed (PD910)
        refuse_review_copy(checked.loaded, diags)
    status = display_diagnostics(diags, as_json=as_json, strict=strict)
    if status != 0 or checked is None or checked.document is None:
        return EXIT_ERRORS
    found = Diagnostics()
    try:
        draft = draft or filing.letter_draft(folder, checked)
        built = build_package(checked, out, found, draft)
    except SubmissionError:
        return display_diagnostics(found, as_json=as_json, strict=strict)
    except OSError as exc:
        return display_diagnostics(write_failure(exc, out), as_json=as_json)
    if found.items:
        status = display_diagnostics(found, as_json=as_json, strict=strict)
    if as_json:
        return status  # stdout is the diagnostics list
    for file in built.files:
        pages = "" if file.pages is None else f", {file.pages} pages"
        display_message(f"wrote {file.path} ({file.path.stat().st_size:,} bytes{pages})")
    if built.email_subject:
        display_message(f"e-mail it with '{built.email_subject}' in the subject line")
    return status


def refuse_review_copy(loaded: LoadedSubmission, diags: Diagnostics) -> None:
    """PD910 at the ``draft:`` setting when it asks for a review copy: ``package`` makes
    the filing, and a review copy is never filed."""
    from policydraft.review import asked_for

    if asked_for(loaded.submission.draft) is None:
        return
    message = (
        "package makes the filing, but draft: asks for a review copy (watermark, line "
        "numbers); remove draft: or set it to false, and use `render --draft` for drafts"
    )
    diags.error("PD910", message, loaded.locate("draft"))
