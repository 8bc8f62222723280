"""``policydraft redline OLD NEW`` (or ``DIR --against REV``): a DOCX of NEW with OLD -> NEW
as tracked changes, and its PDF blackline."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from policydraft.cli.options import NORMAL, Ignore, Quiet, Reporting, Verbose, reporting_by

Version = Annotated[
    Path,
    typer.Argument(help="A submission folder (OLD; with --against, NEW).", show_default=False),
]
Later = Annotated[
    Path | None,
    typer.Argument(help="The newer version (not with --against).", show_default=False),
]


def command(
    old: Version,
    new: Later = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="REV",
            help="Compare the folder with itself at git revision REV (read with git).",
        ),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder.")] = None,
    author: Annotated[
        str | None,
        typer.Option(
            "--author", help="Who the changes are by (default: git's user.name, else commenter)."
        ),
    ] = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Compare two versions; write NAME-redline.docx (changes tracked) and NAME-redline.pdf."""
    reporting = reporting_by(quiet, verbose, ignore)
    if against is None:
        if new is None:
            _usage("give two folders, OLD NEW, or one folder and --against REV")
        raise typer.Exit(redline(old, new, out, author, reporting))
    if new is not None:
        _usage("give OLD and NEW folders, or one folder and --against REV, not both")
    raise typer.Exit(redline_against(old, against, out, author, reporting))


def _usage(text: str) -> NoReturn:
    from policydraft.cli.display import abort

    abort(text)


def redline_against(
    folder: Path, revision: str, out: Path | None, author: str | None, reporting: Reporting
) -> int:
    """The folder at ``revision`` (read with git, never checked out) as OLD, itself as NEW."""
    from policydraft.cli.commands import require_folder
    from policydraft.redline.revision import RevisionError, folder_at

    require_folder(folder)
    try:
        with folder_at(folder, revision) as old:
            return redline(old, folder, out, author, reporting, revision)
    except RevisionError as exc:
        _usage(str(exc))


def redline(
    old: Path,
    new: Path,
    out: Path | None,
    author: str | None,
    reporting: Reporting = NORMAL,
    revision: str | None = None,
) -> int:
    """Check both versions (their diagnostics if either fails: no redline), then write it.

    ``revision``: OLD is ``new`` at that git revision, read into the folder ``old``; its
    files are named ``REV:path`` in diagnostics, and it is labelled by ``REV``."""
    from policydraft.cli.commands import (
        reporting_of,
        require_folder,
        require_source_date,
        write_failure,
    )
    from policydraft.cli.display import EXIT_ERRORS, display_diagnostics, display_message
    from policydraft.diagnostics import Diagnostics
    from policydraft.redline import checked_version, write_redline
    from policydraft.redline.revision import named_at

    require_folder(old)
    require_folder(new)
    require_source_date()
    diags = Diagnostics()
    old_diags = Diagnostics()
    before = checked_version(old, old_diags)
    diags.extend(named_at(old_diags, old, new, revision) if revision else old_diags)
    after = checked_version(new, diags)
    reporting = reporting_of(after, reporting)  # NEW's diagnostics: setting, as render's
    status = display_diagnostics(diags, as_json=False, reporting=reporting)
    if status != 0 or before is None or after is None:
        return EXIT_ERRORS
    try:
        made = write_redline(before, after, out, author or git_user(new), revision)
    except OSError as exc:
        return display_diagnostics(write_failure(exc, out or new), as_json=False)
    noun = "change" if made.changes == 1 else "changes"
    display_message(f"wrote {made.path} ({made.changes} tracked {noun})")
    if made.blackline is not None:
        pages = "page" if made.pages == 1 else "pages"
        display_message(f"wrote {made.blackline} ({made.pages} {pages})")
    return status


def git_user(folder: Path) -> str | None:
    """``git config user.name`` as seen from ``folder``, when git is there and has one."""
    try:
        found = subprocess.run(
            ["git", "config", "user.name"],
            cwd=folder, capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
    except OSError:
        return None
    name = found.stdout.strip()
    return name if found.returncode == 0 and name else None
