"""``policydraft signatories stats|diff|export``: look at, compare and export signatory lists.

Thin commands: they read a list (a submission folder's, or a bare CSV/XLSX file), ask
``policydraft.signatories`` for the answer and hand it to ``display``. None of them ever
prints an e-mail address, in text or in JSON.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policydraft.cli.display import (
    EXIT_ERRORS,
    STDOUT,
    abort,
    display_aside,
    display_bytes,
    display_diagnostics,
    display_message,
    display_signatory_diff,
    display_signatory_stats,
)
from policydraft.cli.options import Ignore, Quiet, Verbose, reporting_by
from policydraft.diagnostics import Diagnostics, Location, display_path

if TYPE_CHECKING:  # the lists are read by the command that looks at them
    from policydraft.signatories.config import SignatoriesConfig
    from policydraft.signatories.signatory import SignatoryList

_display = partial(display_diagnostics, as_json=False, full_listing=None)
"""Diagnostics as text: these commands' ``--json`` is their report's, which lists every row
left out, so grouped findings point to ``stats`` rather than to ``--json``."""

app = typer.Typer(
    help="Look at, compare and export signatory lists.",
    no_args_is_help=True,
    add_completion=False,
)

ListPath = Annotated[Path, typer.Argument(help="A submission folder or a signatory file.")]
Json = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
Settings = Annotated[
    Path | None,
    typer.Option(
        "--settings",
        help="A submission folder whose signatories: settings (columns, consent_values, "
        "sheet, sort) read the bare list files given.",
        show_default=False,
    ),
]


@app.command()
def stats(
    folder: ListPath = Path("."),
    json: Json = False,
    settings: Settings = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Counts, rows left out and why, possible duplicates, groups."""
    from policydraft.signatories.report import list_stats
    from policydraft.signatories.select import select_printed

    show = partial(_display, reporting=reporting_by(quiet, verbose, ignore))
    diags = Diagnostics()
    config = _settings_for([_existing(folder)], settings)
    loaded = _load_signatory_list(folder, diags, config)
    if loaded is None:
        raise typer.Exit(show(diags))
    listing, config = loaded
    selection = select_printed(listing, diags, sort=config.sort)
    status = show(_without_summary(diags))
    display_signatory_stats(list_stats(selection, config), as_json=json)
    raise typer.Exit(status)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier list (file or submission folder).")],
    new: Annotated[Path, typer.Argument(help="The later list (file or submission folder).")],
    json: Json = False,
    settings: Settings = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Signers added, removed and changed between two versions of a list.

    A bare file is read with the settings of --settings, else of the submission folder given
    as the other list (so `diff last-filing.csv my-letter` reads both alike), else the
    defaults. A list with errors (a row without a name, a broken quote) is still compared, so
    that the reader sees what it can, but the command then exits 1: the comparison may be
    incomplete.
    """
    from policydraft.signatories.report import diff_lists
    from policydraft.signatories.select import select_printed

    show = partial(_display, reporting=reporting_by(quiet, verbose, ignore))
    paths = [_existing(old), _existing(new)]
    config = _settings_for(paths, settings or _the_folder(old, new))
    lists = []
    status = 0
    for path in paths:
        diags = Diagnostics()
        loaded = _load_signatory_list(path, diags, config)
        errors = show(_errors(diags))
        status = max(status, errors)
        if loaded is None or (errors and not loaded[0].signers):
            raise typer.Exit(EXIT_ERRORS)  # nothing to compare: the errors above say why
        lists.append(select_printed(loaded[0], Diagnostics()).printed)
    display_signatory_diff(diff_lists(lists[0], lists[1]), as_json=json)
    raise typer.Exit(status)


@app.command()
def export(
    folder: ListPath = Path("."),
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The CSV file to write; - for standard output.")
    ] = Path("signatories-printed.csv"),
    settings: Settings = None,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """The printed list, in printed order, as CSV (no private columns)."""
    from policydraft.outputs.staging import staged_outputs
    from policydraft.signatories.export import export_csv
    from policydraft.signatories.select import select_printed

    show = partial(_display, reporting=reporting_by(quiet, verbose, ignore))
    diags = Diagnostics()
    config = _settings_for([_existing(folder)], settings)
    loaded = _load_signatory_list(folder, diags, config)
    if loaded is None or diags.has_errors:
        raise typer.Exit(show(diags) or EXIT_ERRORS)
    listing, config = loaded
    selection = select_printed(listing, diags, sort=config.sort)
    if show(diags):
        raise typer.Exit(EXIT_ERRORS)  # nobody printed (PD423): nothing to export
    if str(output) == STDOUT:  # -o -: the CSV is the result, on stdout; the count on stderr
        count = display_bytes(partial(export_csv, selection.printed, config))
        display_aside(f"wrote {count:,} signatories to standard output")
        return
    try:
        with staged_outputs(output.parent) as outputs:
            count = outputs.write(output, partial(export_csv, selection.printed, config))
            outputs.commit()
    except OSError as exc:
        abort(f"cannot write {output}: {exc.strerror or exc}", EXIT_ERRORS)
    display_message(f"wrote {output} ({count:,} signatories)")


def _load_signatory_list(
    path: Path, diags: Diagnostics, settings: SignatoriesConfig | None = None
) -> tuple[SignatoryList, SignatoriesConfig] | None:
    """The list of a submission folder (with its settings) or of a bare list file (with
    ``settings``, a folder's, when given; else the defaults).

    The commands take either; None when there is no list to read.
    """
    from policydraft.signatories.config import SignatoriesConfig
    from policydraft.signatories.read import read_signatory_list

    if not path.is_dir():
        base = settings or SignatoriesConfig()
        config = base.model_copy(update={"file": path.name})
        return read_signatory_list(path, config, diags, Location(display_path(path))), config
    loaded = _load_settings(path, diags)
    if loaded is None:
        return None
    folder, config, where = loaded
    return read_signatory_list(folder / config.file, config, diags, where), config


def _load_settings(
    folder: Path, diags: Diagnostics
) -> tuple[Path, SignatoriesConfig, Location] | None:
    """A submission folder's ``signatories:`` settings and where its ``file:`` is written."""
    from policydraft.submission.load import load_submission

    loaded = load_submission(folder, diags)
    if loaded is None or "signatories" in loaded.broken:  # its errors say what is broken
        return None
    settings = loaded.submission.signatories
    if settings is None:
        diags.error("PD103", "the submission has no signatories: section", loaded.locate())
        return None
    return loaded.folder, settings, loaded.locate("signatories", "file")


def _the_folder(old: Path, new: Path) -> Path | None:
    """The one submission folder of a comparison between a folder and a bare file."""
    if old.is_dir() != new.is_dir():
        return old if old.is_dir() else new
    return None


def _settings_for(paths: list[Path], folder: Path | None) -> SignatoriesConfig | None:
    """The settings that read the bare files among ``paths``: ``folder``'s, or None (the
    defaults). A folder whose settings cannot be read stops the command with its errors."""
    if folder is None:
        return None
    if all(path.is_dir() for path in paths):
        abort("--settings is for a bare list file; a submission folder uses its own settings")
    if not folder.is_dir():
        abort(f"--settings takes a submission folder, not {folder}")
    diags = Diagnostics()
    loaded = _load_settings(folder, diags)
    if loaded is None:
        raise typer.Exit(_display(_errors(diags)) or EXIT_ERRORS)
    return loaded[1]


def _existing(path: Path) -> Path:
    if not path.exists():
        abort(f"no such submission folder or signatory file: {path}")
    return path


def _errors(diags: Diagnostics) -> Diagnostics:
    return Diagnostics([d for d in diags.items if d.severity == "error"])


def _without_summary(diags: Diagnostics) -> Diagnostics:
    """The stats report is the summary; the PD413 note would only repeat it."""
    return Diagnostics([d for d in diags.items if d.code != "PD413"])
