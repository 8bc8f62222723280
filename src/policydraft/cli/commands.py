"""The commands' bodies: parse what the options mean, run the pipeline, display."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from policydraft.cli.copying import FileCopy, copy_files
from policydraft.cli.display import (
    EXIT_ERRORS,
    EXIT_OK,
    abort,
    display_diagnostics,
    display_message,
    display_timings,
    display_written,
)
from policydraft.cli.filing import supplement_to as check_supplement_to
from policydraft.cli.marks import mark_joined
from policydraft.cli.options import NORMAL, Reporting
from policydraft.cli.progress import CHECK_STAGES, Bar, wanted
from policydraft.diagnostics import Diagnostics, Location, SubmissionError, display_path
from policydraft.gc_pause import gc_paused
from policydraft.resources import builtin_profiles, builtin_templates

if TYPE_CHECKING:
    from policydraft.pipeline import CheckedSubmission

_STARTER = Path(__file__).resolve().parent.parent / "starter"


def require_folder(folder: Path) -> None:
    if not folder.is_dir():
        abort(f"no such submission folder: {folder}")


def check(
    folder: Path,
    *,
    as_json: bool,
    strict: bool,
    online: bool = False,
    smart: bool = True,
    reporting: Reporting = NORMAL,
) -> int:
    require_folder(folder)
    require_source_date()  # a profile's checks render scratch files, dated like real ones
    with gc_paused():  # importing the pipeline makes only long-lived objects: nothing to collect
        from policydraft.pipeline import Timings
        from policydraft.pipeline import check as check_submission

    diags = Diagnostics()
    bar = wanted(as_json=as_json, reporting=reporting)
    with Bar("checking", CHECK_STAGES, enabled=bar) as stages:
        timings = Timings(on_lap=stages.stage)
        checked = check_submission(folder, diags, smart=smart, timings=timings)
    if online and checked is not None and checked.bibliography is not None:
        from policydraft.citations.online import check_online

        with Bar("checking online", enabled=bar) as looked_up:
            check_online(checked.bibliography, diags, progress=looked_up.count)
        timings.lap("online")
    reporting = reporting_of(checked, reporting)
    status = display_diagnostics(diags, as_json=as_json, strict=strict, reporting=reporting)
    if reporting.verbose:
        display_timings(timings.stages)
    return status


def reporting_of(checked: CheckedSubmission | None, reporting: Reporting) -> Reporting:
    """The options with the submission's own ``diagnostics: {ignore: [...]}`` added."""
    if checked is None:
        return reporting
    return reporting.and_ignoring(checked.loaded.submission.diagnostics.ignore)


def require_source_date() -> None:
    """A malformed SOURCE_DATE_EPOCH is a usage error before anything is checked or written."""
    from policydraft.outputs.write import source_date

    try:
        source_date()
    except ValueError as exc:
        abort(str(exc))


def render(
    folder: Path,
    to: str,
    out: Path | None,
    *,
    as_json: bool,
    strict: bool,
    smart: bool = True,
    supplement_to: Path | None = None,
    joined_since: Path | None = None,
    docx_pages: bool = False,
    draft: bool = False,
    reporting: Reporting = NORMAL,
) -> int:
    """Check and write the letter, or with ``supplement_to`` its supplement to that filing;
    with ``joined_since`` the HTML page marks who joined after that filing; with
    ``docx_pages`` LibreOffice counts the DOCX's pages even without a profile's page rule;
    with ``draft`` (or a ``draft:`` setting) a review copy, named ``STEM-draft``."""
    require_folder(folder)
    require_source_date()
    with gc_paused():  # importing the pipeline makes only long-lived objects: nothing to collect
        from policydraft.outputs.formats import FORMATS, writing_order
        from policydraft.pipeline import Timings, write_files
        from policydraft.pipeline import check as check_submission
        from policydraft.review import review_of

    formats = [f.strip().lower() for f in to.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        abort(f"--to takes {' and/or '.join(FORMATS)}, not {to!r}")
    if joined_since is not None and "html" not in formats:
        abort("--joined-since marks the HTML page: add html to --to (--to html)")
    diags = Diagnostics()
    bar = wanted(as_json=as_json, reporting=reporting)
    with Bar("checking", CHECK_STAGES, enabled=bar) as stages:
        timings = Timings(on_lap=stages.stage)
        if supplement_to is not None:
            made = check_supplement_to(folder, supplement_to, diags)
            checked = made[0] if made is not None else None
        else:  # the profile's rules are checked on the staged files
            checked = check_submission(
                folder, diags, render_checks=False, smart=smart, timings=timings
            )
        if joined_since is not None and checked is not None and checked.plan is not None:
            checked = mark_joined(folder, checked, joined_since, diags)
    reporting = reporting_of(checked, reporting)
    show = partial(display_diagnostics, as_json=as_json, strict=strict, reporting=reporting)
    status = show(diags)
    if status != 0 or checked is None or checked.document is None:
        return EXIT_ERRORS
    found = Diagnostics()
    timings.restart()
    try:
        review = review_of(checked.loaded.submission.draft, draft)
        order = writing_order(formats)
        with Bar(f"writing {', '.join(order)}", enabled=bar):
            written = write_files(
                checked, order, out, found, docx_pages=docx_pages, review=review, timings=timings
            )
    except SubmissionError:
        return show(found)
    except OSError as exc:
        return show(write_failure(exc, out or folder))
    if found.items:
        status = show(found)
    display_written(written, as_json=as_json)
    if reporting.verbose:
        display_timings(timings.stages)
    return status


def write_failure(exc: OSError, fallback: Path) -> Diagnostics:
    """What a failed write or publish did to the outputs, said truthfully (PD901, PD905)."""
    from policydraft.outputs.staging import PublishError

    diags = Diagnostics()
    where = Location(display_path(Path(exc.filename or fallback)))
    reason = exc.strerror or str(exc)
    if not isinstance(exc, PublishError):
        diags.error(
            "PD901", f"cannot write the output: {reason}; earlier outputs are untouched", where
        )
        return diags
    if not exc.unrestored:
        message = f"cannot publish {exc.final.name}: {reason}; no output was replaced"
        diags.error("PD901", message, where)
        return diags
    kept = "; ".join(
        f"{final.name} is the new version, its earlier one is kept as {backup.name}"
        for final, backup in exc.unrestored
    )
    diags.error("PD905", f"cannot publish {exc.final.name}: {reason}; {kept}", where)
    return diags


def init(folder: Path, template: str, profile: str | None = None, *, force: bool = False) -> int:
    """Write the starter; nothing at all when a file exists (unless ``force``) or cannot be."""
    if template not in builtin_templates():
        abort(f"unknown template {template!r}; choose from {', '.join(builtin_templates())}")
    if profile is not None and profile not in builtin_profiles():
        abort(f"unknown profile {profile!r}; choose from {', '.join(builtin_profiles())}")
    copies = []
    for source in sorted(_STARTER.rglob("*")):
        if source.is_dir():
            continue
        content = source.read_bytes()
        if source.name == "policydraft.yaml":
            text = _starter_submission(content.decode("utf-8"), template, profile)
            content = text.encode("utf-8")
        copies.append(FileCopy(folder / source.relative_to(_STARTER), content))
    diags = Diagnostics()
    if not copy_files(copies, diags, force=force):
        return display_diagnostics(diags, as_json=False)
    display_message(f"wrote a starter submission in {folder}; try: policydraft render {folder}")
    return EXIT_OK


def _starter_submission(text: str, template: str, profile: str | None) -> str:
    """The starter's YAML for a template and, optionally, a profile.

    With a profile, the starter's own addressee and docket are left out: the profile
    supplies the agency's, and its docket pattern would reject a placeholder.
    """
    text = text.replace("{template}", template).replace("{date}", dt.date.today().isoformat())
    if profile is None:
        return text
    text = re.sub(r"^docket: .*\n", "", text, flags=re.M)
    text = re.sub(r"^addressee:\n(?:  .*\n)+", "", text, flags=re.M)
    return text.replace(f"template: {template}\n", f"template: {template}\nprofile: {profile}\n")
