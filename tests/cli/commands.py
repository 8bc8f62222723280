"""The command tree as a user sees it, for the help and completion tests."""

from __future__ import annotations

from collections.abc import Iterator

import typer

from policydraft.cli.app import app

HELP_ENV = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb"}
"""A fixed width and no colour, so help prints the same on every machine."""


def paths(*, groups: bool = False) -> list[str]:
    """Every command's path after ``policydraft`` (``signatories export``); with ``groups``,
    the groups' too (``signatories``)."""
    found = list(_walk(typer.main.get_command(app), "", groups=groups))
    return sorted(found)


def _walk(command: object, prefix: str, *, groups: bool) -> Iterator[str]:
    for name, sub in getattr(command, "commands", {}).items():
        path = f"{prefix}{name}"
        if hasattr(sub, "commands"):
            if groups:
                yield path
            yield from _walk(sub, f"{path} ", groups=groups)
        else:
            yield path
