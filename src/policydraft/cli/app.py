"""Typer application: each command parses options, calls the pipeline and displays.

Start-up matters (``--help`` runs in a fresh interpreter, as every call of the tool does): the
command modules imported here hold only options, and each command imports the work it does
(the pipeline, the writers, pypdf...) when it runs. tests/test_startup.py keeps it so.

The help is click's plain text (``rich_markup_mode=None``), as git's and ruff's: flags show no
type, nothing depends on the terminal, and drawing it imports no rich (0.14 s instead of 0.3 s
here). docs/cli.md describes every command; tests/cli/test_help_golden.py keeps the help as
it is printed.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from policydraft.cli import package, profiles, redline, templates, verify
from policydraft.cli.examples import with_examples
from policydraft.cli.filing import SupplementTo
from policydraft.cli.marks import JoinedSince
from policydraft.cli.options import Ignore, Quiet, Verbose, reporting_by
from policydraft.cli.signatories import app as signatories_app
from policydraft.cli.sources import app as sources_app

app = typer.Typer(
    name="policydraft",
    help="Formal comment letters and open letters to agencies, as DOCX and PDF.",
    add_completion=True,  # --install-completion, --show-completion (docs/cli.md)
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},  # sub-commands inherit it
)

Folder = Annotated[Path, typer.Argument(help="The submission folder.")]
NoSmart = Annotated[
    bool, typer.Option("--no-smart", help="Keep straight quotes (typography.smart_quotes).")
]


app.add_typer(sources_app, name="sources")
app.add_typer(profiles.app, name="profiles")
app.add_typer(templates.app, name="templates")
app.add_typer(signatories_app, name="signatories")
app.command("package")(package.command)
app.command("verify")(verify.command)
app.command("redline")(redline.command)


def _print_version(asked: bool) -> None:
    """``--version``: the version alone, before any command is parsed (no pipeline imported)."""
    if asked:
        from policydraft.cli.display import display_message
        from policydraft.cli.version import policydraft_version

        display_message(f"policydraft {policydraft_version()}")
        raise typer.Exit()


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            expose_value=False,
            help="Print policydraft's version and exit (`policydraft version`: with the "
            "libraries' and fonts').",
        ),
    ] = False,
) -> None:
    if debug:
        os.environ["POLICYDRAFT_DEBUG"] = "1"


@app.command("version")
def version_command(
    json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """Print the versions of policydraft, Python, and the libraries and bundled fonts that
    shape the DOCX and PDF (two renders match byte for byte when these do)."""
    from policydraft.cli.display import display_versions
    from policydraft.cli.version import versions_report

    display_versions(versions_report(), as_json=json)


@app.command()
def init(
    folder: Folder,
    template: Annotated[
        str, typer.Option(help="open-letter or comment-letter.")
    ] = "comment-letter",
    profile: Annotated[
        str | None, typer.Option(help="An agency profile (see `policydraft profiles list`).")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite starter files that exist.")
    ] = False,
) -> None:
    """Write a working starter submission into FOLDER (never over existing files)."""
    from policydraft.cli import commands

    raise typer.Exit(commands.init(folder, template, profile, force=force))


@app.command()
def check(
    folder: Folder = Path("."),
    json: Annotated[bool, typer.Option("--json", help="Print diagnostics as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    online: Annotated[
        bool, typer.Option("--online", help="Also check URLs and look up cases (network).")
    ] = False,
    no_smart: NoSmart = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Load and validate everything; render nothing."""
    from policydraft.cli import commands

    smart = not no_smart
    reporting = reporting_by(quiet, verbose, ignore)
    raise typer.Exit(
        commands.check(
            folder, as_json=json, strict=strict, online=online, smart=smart, reporting=reporting
        )
    )


DocxPages = Annotated[
    bool,
    typer.Option(
        "--docx-pages",
        help="Have LibreOffice lay the DOCX out to count its pages, without a profile's "
        "page rule too (a few seconds).",
    ),
]


@app.command()
def render(
    folder: Folder = Path("."),
    to: Annotated[str, typer.Option("--to", help="Formats, comma-separated.")] = "docx,pdf",
    out: Annotated[Path | None, typer.Option("--out", help="Output folder.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print diagnostics as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    no_smart: NoSmart = False,
    supplement_to: SupplementTo = None,
    joined_since: JoinedSince = None,
    docx_pages: DocxPages = False,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="A review copy: watermark, line numbers, a 'Draft of' footer; "
            "files named NAME-draft (docs/reviewing.md).",
        ),
    ] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Check FOLDER, then write the documents (atomically)."""
    from policydraft.cli import commands

    raise typer.Exit(
        commands.render(
            folder,
            to,
            out,
            as_json=json,
            strict=strict,
            smart=not no_smart,
            supplement_to=supplement_to,
            joined_since=joined_since,
            docx_pages=docx_pages,
            draft=draft,
            reporting=reporting_by(quiet, verbose, ignore),
        )
    )


JSON_V2_COMMANDS = frozenset({"check", "render", "package", "verify"})
"""The commands whose ``--json`` is their diagnostics, and so take ``--json=v2``."""


def json_version(args: list[str]) -> list[str]:
    """``args`` with ``--json=v1`` and ``--json=v2`` read as ``--json``, the version kept for
    display (click's flags take no value: this is the one option read before click)."""
    from policydraft.cli.display import JSON_VERSIONS, RUN, abort

    command = next((arg for arg in args if not arg.startswith("-")), None)
    read: list[str] = []
    for arg in args:
        if arg == "--":
            return [*read, *args[len(read) :]]
        if arg.startswith("--json="):
            value = arg.removeprefix("--json=")
            if value not in JSON_VERSIONS:
                abort(f"--json takes v1 or v2 (--json=v2), not {value!r}")
            if JSON_VERSIONS[value] == 2 and command not in JSON_V2_COMMANDS:
                abort(f"--json=v2 is for {', '.join(sorted(JSON_V2_COMMANDS))}; use --json")
            RUN.json_version = JSON_VERSIONS[value]
            arg = "--json"
        read.append(arg)
    return read


def main() -> None:
    """Console entry point: no traceback reaches a user unless --debug is given; what is
    owed at the end (the summary line, the ``--json=v2`` object) is printed at the end.
    Exit status 0, 1 (errors found), 2 (usage), 3 (internal error), 130 (interrupted)."""
    from policydraft.cli.display import RUN

    with_examples(app)
    try:
        app(args=json_version(sys.argv[1:]), prog_name="policydraft")
    except typer.Exit as stop:  # a usage error in json_version, before click runs
        sys.exit(stop.exit_code)
    except SystemExit:
        RUN.finish()
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, show the traceback only on request
        if os.environ.get("POLICYDRAFT_DEBUG") or "--debug" in sys.argv:
            raise
        from policydraft.cli.display import internal_error

        sys.exit(internal_error(exc))
    finally:
        # The run's objects live until the process ends, and its last cycle collection would
        # walk every one of them (a fifth of rendering the example) only to find nothing to
        # free: frozen, they are left to the exit, as the pipeline leaves them (gc_pause.py).
        gc.freeze()
