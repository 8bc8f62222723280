"""``policydraft verify FILE... --profile NAME``: an agency profile's rules on files made
anywhere, such as the PDF Word exported after the lawyers' last edits.

Exit status as ``check``: 0 when every rule holds, 1 when one fails (the message names the
limit and the value measured), 2 for a usage error (no file, an unknown profile).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policydraft.cli.display import EXIT_USAGE, display_diagnostics
from policydraft.cli.options import Ignore, Quiet, Verbose, reporting_by
from policydraft.cli.progress import Bar, wanted
from policydraft.diagnostics import Diagnostics, Location

Files = Annotated[
    list[Path], typer.Argument(help="PDF or DOCX files to check.", show_default=False)
]
ProfileName = Annotated[
    str,
    typer.Option(
        "--profile", help="A built-in profile's name, or a profile YAML file.", show_default=False
    ),
]


def command(
    files: Files,
    profile: ProfileName,
    submitter: Annotated[
        str | None, typer.Option(help="The submitter's name the profile requires.")
    ] = None,
    organization: Annotated[
        str | None, typer.Option(help="The submitter's organization, if required.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="The letter's title, to look for.")] = None,
    appendix_heading: Annotated[
        str | None, typer.Option(help="The heading the appendix starts with.")
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="Print diagnostics as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    ignore: Ignore = None,
) -> None:
    """Check PDF or DOCX files made anywhere against an agency profile.

    Pages, type sizes, page numbers, the required statement and submitter, encryption, the
    text layer and file size, as `check` does on our own files. A DOCX is laid out with
    LibreOffice when it is installed.

    Example: policydraft verify letter.pdf --profile ostp-ai-action-plan --submitter "Jane Doe"
    """
    from policydraft.profiles.foreign import KnownFacts, verify_files
    from policydraft.profiles.load import load_profile

    reporting = reporting_by(quiet, verbose, ignore)
    diags = Diagnostics()
    found = load_profile(profile, Path("."), diags, Location("<command line>"))
    if found is None:
        display_diagnostics(diags, as_json=json, reporting=reporting)
        raise typer.Exit(EXIT_USAGE)
    known = KnownFacts(submitter, organization, title, appendix_heading)
    with Bar("verifying", enabled=wanted(as_json=json, reporting=reporting)):
        verify_files(files, found, known, diags)
    raise typer.Exit(display_diagnostics(diags, as_json=json, strict=strict, reporting=reporting))
