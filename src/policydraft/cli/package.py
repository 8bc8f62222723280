"""``policydraft package DIR --out OUT``: the files to file, comment.txt, manifest.json and
the filing record (filing.json); ``--supplement-to FILING`` packages a supplement instead."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policydraft.cli import filing
from policydraft.cli.commands import (
    reporting_of,
    require_folder,
    require_source_date,
    write_failure,
)
from policydraft.cli.display import (
    EXIT_ERRORS,
    display_diagnostics,
    display_ignored,
    display_message,
    display_packaged,
    display_timings,
)
from policydraft.cli.filing import SupplementTo
from policydraft.cli.options import NORMAL, Ignore, Quiet, Reporting, Verbose, reporting_by
from policydraft.cli.progress import CHECK_STAGES, Bar, wanted
from policydraft.diagnostics import Diagnostics, SubmissionError

if TYPE_CHECKING:
    from policydraft.submission.load import LoadedSubmission


def command(
    folder: Annotated[Path, typer.Argument(help="The submission folder.")] = Path("."),
    out: Annotated[Path, typer.Option("--out", help="The package folder.")] = Path("package"),
    json: Annotated[bool, typer.Option("--json", help="Print diagnostics as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    supplement_to: SupplementTo = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Write the files to file, comment.txt, manifest.json and filing.json into --out
    (atomically)."""
    reporting = reporting_by(quiet, verbose, ignore)
    raise typer.Exit(
        package(
            folder,
            out,
            as_json=json,
            strict=strict,
            supplement_to=supplement_to,
            reporting=reporting,
        )
    )


def package(
    folder: Path,
    out: Path,
    *,
    as_json: bool,
    strict: bool,
    supplement_to: Path | None = None,
    reporting: Reporting = NORMAL,
) -> int:
    """Check, render, verify and publish the package (the letter, or with ``supplement_to``
    its supplement to that filing) with its filing record; the exit status as for ``render``.
    Findings ``reporting`` ignores are counted in manifest.json and in one printed line."""
    require_folder(folder)
    require_source_date()
    from policydraft.packaging import build_package
    from policydraft.pipeline import Timings
    from policydraft.pipeline import check as check_submission
    from policydraft.submission.ignoring import Ignoring

    diags = Diagnostics()
    bar = wanted(as_json=as_json, reporting=reporting)
    with Bar("checking", CHECK_STAGES, enabled=bar) as stages:
        timings = Timings(on_lap=stages.stage)
        if supplement_to is not None:
            made = filing.supplement_to(folder, supplement_to, diags)
            checked, draft = made if made is not None else (None, None)
        else:
            checked = check_submission(folder, diags, render_checks=False, timings=timings)
            draft = None
    if checked is not None:  # a review copy is never filed (PD910)
        refuse_review_copy(checked.loaded, diags)
    reporting = reporting_of(checked, reporting)
    show = partial(display_diagnostics, as_json=as_json, strict=strict, reporting=reporting)
    status = show(diags)
    if status != 0 or checked is None or checked.document is None:
        return EXIT_ERRORS
    found = Diagnostics()
    ignoring = Ignoring(reporting.ignore, reporting.ignored(diags.sorted()))
    timings.restart()
    try:
        draft = draft or filing.letter_draft(folder, checked)
        with Bar("packaging", enabled=bar):
            built = build_package(checked, out, found, draft, ignoring)
        timings.lap("package")
    except SubmissionError:
        return show(found)
    except OSError as exc:
        return show(write_failure(exc, out))
    if found.items:
        status = show(found)
    if reporting.verbose:
        display_timings(timings.stages)
    if built.ignored:
        display_ignored(built.ignored)
    display_packaged(built.files, as_json=as_json)  # stderr under --json; --json=v2's files
    if as_json:
        return status  # stdout is the diagnostics
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
