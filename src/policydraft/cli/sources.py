"""``policydraft sources list``: the bibliography as it will be cited, and where."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policydraft.cli.display import (
    EXIT_ERRORS,
    abort,
    display_diagnostics,
    display_sources,
)
from policydraft.cli.options import Ignore, Quiet, Verbose, reporting_by
from policydraft.diagnostics import Diagnostics

app = typer.Typer(help="Look at the bibliography.", no_args_is_help=True)


@app.command("list")
def list_command(
    folder: Annotated[Path, typer.Argument(help="The submission folder.")] = Path("."),
    json: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Every source with its full and short form, and where it is cited."""
    from policydraft.citations.listing import list_sources
    from policydraft.cli.commands import reporting_of
    from policydraft.pipeline import check

    if not folder.is_dir():
        abort(f"no such submission folder: {folder}")
    reporting = reporting_by(quiet, verbose, ignore)
    diags = Diagnostics()
    checked = check(folder, diags)
    reporting = reporting_of(checked, reporting)
    if checked is None or checked.bibliography is None:
        display_diagnostics(diags, as_json=False, full_listing=None, reporting=reporting)
        if checked is not None:
            abort("this submission has no sources: in policydraft.yaml", EXIT_ERRORS)
        raise typer.Exit(EXIT_ERRORS)
    listing = list_sources(checked.bibliography, checked.cites, checked.loaded.folder, diags)
    display_sources(listing, as_json=json)
    status = display_diagnostics(
        Diagnostics([d for d in diags.items if d.severity == "error"]),
        as_json=False,
        full_listing=None,
        reporting=reporting,
    )
    raise typer.Exit(status)
