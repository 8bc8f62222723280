"""Typer application: each command parses options, calls the pipeline and displays.

Start-up matters (``--help`` runs in a fresh interpreter, as every call of the tool does): the
command modules imported here hold only options, and each command imports the work it does
(the pipeline, the writers, pypdf...) when it runs. tests/test_startup.py keeps it so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from policydraft.cli import package, profiles, redline, templates, verify
from policydraft.cli.filing import SupplementTo
from policydraft.cli.marks import JoinedSince
from policydraft.cli.signatories import app as signatories_app
from policydraft.cli.sources import app as sources_app

app = typer.Typer(
    name="policydraft",
    help="Formal comment letters and open letters to agencies, as DOCX and PDF.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

Folder = Annotated[Path, typer.Argument(help="The submission folder.", show_default=False)]
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


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    if debug:
        os.environ["POLICYDRAFT_DEBUG"] = "1"


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
) -> None:
    """Load and validate everything; render nothing."""
    from policydraft.cli import commands

    smart = not no_smart
    raise typer.Exit(
        commands.check(folder, as_json=json, strict=strict, online=online, smart=smart)
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
        )
    )


def main() -> None:
    """Console entry point: no traceback reaches a user unless --debug is given."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, show the traceback only on request
        if os.environ.get("POLICYDRAFT_DEBUG") or "--debug" in sys.argv:
            raise
        from policydraft.cli.display import internal_error

        sys.exit(internal_error(exc))
