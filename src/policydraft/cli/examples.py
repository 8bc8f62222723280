"""One example per command, shown at the foot of its ``--help`` ("Example: ...").

Kept in one table, by the command's path, so that every command has one (tests/cli checks
each command of the tree against it, and that docs/cli.md shows the same lines):
``with_examples`` puts each in its command's epilog when the application is assembled. A
command whose own help already ends with an example (``verify``'s docstring) keeps it.
"""

from __future__ import annotations

from collections.abc import Iterator

import typer
from typer.models import CommandInfo

EXAMPLES = {
    "init": "policydraft init my-comment --template comment-letter --profile regulations-gov",
    "check": "policydraft check my-comment --strict",
    "render": "policydraft render my-comment --to pdf --out /tmp/out",
    "package": "policydraft package my-comment --out filing",
    "verify": 'policydraft verify letter.pdf --profile ostp-ai-action-plan --submitter "Jane Doe"',
    "redline": "policydraft redline last-round my-comment --out review",
    "version": "policydraft version --json",
    "sources list": "policydraft sources list my-comment",
    "profiles list": "policydraft profiles list",
    "profiles show": "policydraft profiles show copyright-office",
    "templates list": "policydraft templates list",
    "templates copy": "policydraft templates copy comment-letter my-comment",
    "signatories stats": "policydraft signatories stats my-comment",
    "signatories diff": "policydraft signatories diff old.csv new.csv",
    "signatories export": "policydraft signatories export my-comment -o signers.csv",
}
"""Each command's example, by its path after ``policydraft``."""


def epilog(example: str) -> str:
    """The help's last paragraph, kept on its own lines (click's ``\\b``: no rewrapping)."""
    return f"\b\nExample:\n  {example}"


def with_examples(app: typer.Typer) -> typer.Typer:
    """``app`` with each command's example as its epilog (tests/cli/test_help.py checks that
    every command has one, and that every example names a command)."""
    for path, info in commands(app):
        example = EXAMPLES.get(path)
        doc = info.callback.__doc__ if info.callback is not None else None
        if example is not None and "Example:" not in (doc or ""):
            info.epilog = epilog(example)
    return app


def commands(app: typer.Typer, prefix: str = "") -> Iterator[tuple[str, CommandInfo]]:
    """Every command of ``app`` and its groups, with its path (``signatories export``)."""
    for info in app.registered_commands:
        name = info.name or _name_of(info)
        yield f"{prefix}{name}", info
    for group in app.registered_groups:
        if group.typer_instance is not None and isinstance(group.name, str):
            yield from commands(group.typer_instance, f"{prefix}{group.name} ")


def _name_of(info: CommandInfo) -> str:
    """The name Typer gives a command registered without one: its function's, dashed."""
    assert info.callback is not None
    return info.callback.__name__.lower().replace("_", "-")
