"""``policydraft profiles list|show``: the agency profiles and every rule with its source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policydraft.cli.display import EXIT_ERRORS, display_diagnostics, display_message
from policydraft.diagnostics import Diagnostics, Location

if TYPE_CHECKING:  # the profiles are read by the command that shows them
    from policydraft.profiles.rules import BaseRule
    from policydraft.profiles.schema import Profile

app = typer.Typer(help="The agency profiles and their rules.", no_args_is_help=True)


@app.command("list")
def list_profiles() -> None:
    """List the built-in profiles."""
    from policydraft.profiles.load import load_profile
    from policydraft.resources import builtin_profiles

    diags = Diagnostics()
    for name in builtin_profiles():
        profile = load_profile(name, Path("."), diags, Location(name))
        if profile is not None:
            display_message(f"{name:<22} {profile.title}")
    if diags.has_errors:
        raise typer.Exit(display_diagnostics(diags, as_json=False))


@app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="A built-in profile's name, or a YAML file.")],
) -> None:
    """Print a profile's defaults and every rule, with its source and reading."""
    from policydraft.profiles.load import load_profile

    diags = Diagnostics()
    profile = load_profile(name, Path("."), diags, Location("<command line>"))
    if profile is None:
        display_diagnostics(diags, as_json=False)
        raise typer.Exit(EXIT_ERRORS)
    display_message(describe_profile(profile))


def describe_profile(profile: Profile) -> str:
    lines = [f"{profile.name}: {profile.title}", f"  agency: {profile.agency}"]
    if profile.description:
        lines.append(f"  {profile.description}")
    defaults = profile.defaults
    if defaults.addressee is not None:
        lines.append(f"  default addressee: {defaults.addressee.name}")
    if defaults.docket:
        lines.append(f"  default docket: {defaults.docket}")
    if profile.docket_pattern:
        lines.append(f"  docket pattern: {profile.docket_pattern}")
    lines.append(f"  attaches: {', '.join(profile.attach)} named {profile.file_name}.<ext>")
    lines.append("  rules:")
    for rule in profile.rules:
        lines.extend(_describe_rule(rule))
    return "\n".join(lines)


def _describe_rule(rule: BaseRule) -> list[str]:
    severity = "" if rule.severity == "error" else f" [{rule.severity}]"
    lines = [f"  - {rule.rule}: {rule.demands()}{severity}", f"      source: {rule.source}"]
    if rule.summary:
        lines.append(f"      in short: {rule.summary} (paraphrased; see the source)")
    if rule.reading:
        lines.append(f"      reading: {rule.reading}")
    return lines
