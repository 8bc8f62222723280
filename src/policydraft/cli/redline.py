"""``policydraft redline OLD NEW``: a DOCX of NEW with OLD -> NEW as tracked changes."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Annotated

import typer

Version = Annotated[Path, typer.Argument(help="A submission folder.", show_default=False)]


def command(
    old: Version,
    new: Version,
    out: Annotated[Path | None, typer.Option("--out", help="Output folder.")] = None,
    author: Annotated[
        str | None,
        typer.Option(
            "--author", help="Who the changes are by (default: git's user.name, else commenter)."
        ),
    ] = None,
) -> None:
    """Compare two versions; write NAME-redline.docx with the changes tracked."""
    raise typer.Exit(redline(old, new, out, author))


def redline(old: Path, new: Path, out: Path | None, author: str | None) -> int:
    """Check both versions (their diagnostics if either fails: no redline), then write it."""
    from policydraft.cli.commands import require_folder, require_source_date, write_failure
    from policydraft.cli.display import EXIT_ERRORS, display_diagnostics, display_message
    from policydraft.diagnostics import Diagnostics
    from policydraft.redline import checked_version, write_redline

    require_folder(old)
    require_folder(new)
    require_source_date()
    diags = Diagnostics()
    before = checked_version(old, diags)
    after = checked_version(new, diags)
    status = display_diagnostics(diags, as_json=False)
    if status != 0 or before is None or after is None:
        return EXIT_ERRORS
    try:
        made = write_redline(before, after, out, author or git_user(new))
    except OSError as exc:
        return display_diagnostics(write_failure(exc, out or new), as_json=False)
    noun = "change" if made.changes == 1 else "changes"
    display_message(f"wrote {made.path} ({made.changes} tracked {noun})")
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
