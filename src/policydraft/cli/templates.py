"""``policydraft templates list|copy``: the built-in templates, and a copy a team can own.

A copy goes to ``DIR/templates/NAME``, where it overrides the built-in template of that
name for that submission alone, so a legal team edits its letter without forking the tool.
A copy of a template the submission does not use would never be used: it is refused (PD122,
saying how to switch) unless ``--force``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from policydraft.cli.copying import FileCopy, copy_files
from policydraft.cli.display import EXIT_OK, abort, display_diagnostics, display_message
from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.resources import builtin_templates

app = typer.Typer(help="The built-in letter templates.", no_args_is_help=True)

_PURPOSE = re.compile(r"\{#-?\s*[\w-]+:\s*(.+)")


@app.command("list")
def list_templates() -> None:
    """List the built-in templates with what each is for."""
    for name, folder in builtin_templates().items():
        display_message(f"{name:<16} {purpose(folder)}")


@app.command("copy")
def copy(
    name: Annotated[str, typer.Argument(help="A built-in template's name.")],
    folder: Annotated[Path, typer.Argument(help="The submission folder.")] = Path("."),
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overwrite files of an earlier copy; copy a template the submission does not use.",
        ),
    ] = False,
) -> None:
    """Copy a built-in template into FOLDER/templates/NAME, where it overrides the built-in.

    The submission must use NAME (its template: key), else nothing is copied unless --force.
    """
    raise typer.Exit(copy_template(name, folder, force=force))


def copy_template(name: str, folder: Path, *, force: bool) -> int:
    """Copy every file of the built-in, or none when one exists (unless ``force``)."""
    from policydraft.templating.templates import ENTRY

    source = builtin_templates().get(name)
    if source is None:
        abort(f"unknown template {name!r}; choose from {', '.join(builtin_templates())}")
    if not folder.exists():
        abort(f"no such submission folder: {folder}")
    diags = Diagnostics()
    if not folder.is_dir():
        diags.error("PD121", "is a file, not a submission folder", Location(display_path(folder)))
        return display_diagnostics(diags, as_json=False)
    if not force and not _uses(folder, name, diags):
        return display_diagnostics(diags, as_json=False)
    target = folder / "templates" / name
    copies = [
        FileCopy(target / path.relative_to(source), path.read_bytes())
        for path in sorted(source.rglob("*"))
        if path.is_file()
    ]
    if not copy_files(copies, diags, force=force):
        return display_diagnostics(diags, as_json=False)
    display_message(
        f"copied template '{name}' to {target}; edit {target / ENTRY}; it is used while "
        f"policydraft.yaml says 'template: {name}' (see docs/templates.md)"
    )
    return EXIT_OK


def _uses(folder: Path, name: str, diags: Diagnostics) -> bool:
    """Whether the submission in ``folder`` uses template ``name``; PD122 if it does not.

    Every submission uses the supplement's template (``render --supplement-to``). A folder
    whose template cannot be told (no policydraft.yaml yet, or a broken ``template:``) is
    taken to use it: ``check`` reports those problems.
    """
    from policydraft.compose.supplement import TEMPLATE as SUPPLEMENT
    from policydraft.submission.load import SUBMISSION_FILE, load_submission

    if name == SUPPLEMENT:
        return True
    loaded = load_submission(folder, Diagnostics())  # its own problems are check's to report
    if loaded is None or "template" in loaded.broken:
        return True
    used = loaded.submission.template
    if used == name:
        return True
    written = isinstance(loaded.document.data, dict) and "template" in loaded.document.data
    if written:
        uses = f"this submission uses template '{used}'"
        switch = f"set 'template: {name}' here"
        where = loaded.locate("template", key=True)
    else:
        uses = f"this submission uses the default template '{used}' (it has no template: key)"
        switch = f"add 'template: {name}' to {SUBMISSION_FILE}"
        where = loaded.locate()
    message = (
        f"{uses}, so a copy of '{name}' would never be used; to switch, {switch} and copy "
        "again, or add --force to copy it anyway"
    )
    diags.error("PD122", message, where)
    return False


def purpose(folder: Path) -> str:
    """The first line of the template's opening comment: "{#- name: what it is for"."""
    from policydraft.templating.templates import ENTRY

    text = (folder / ENTRY).read_text(encoding="utf-8")
    match = _PURPOSE.match(text)
    return match.group(1).strip() if match else ""
