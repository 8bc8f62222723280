"""``policydraft profiles list|show``: the agency profiles and every rule with its source."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policydraft.cli.display import EXIT_ERRORS, display_diagnostics, display_message
from policydraft.diagnostics import Diagnostics, Location
from policydraft.profiles.load import load_profile
from policydraft.profiles.schema import (
    AttachmentsRule,
    BaseRule,
    CommentBoxRule,
    EmailSubjectRule,
    FileSizeRule,
    FileTypesRule,
    FontSizeRule,
    PagesRule,
    Profile,
    StatementRule,
    SubmitterRule,
    WordsRule,
)
from policydraft.resources import builtin_profiles

app = typer.Typer(help="The agency profiles and their rules.", no_args_is_help=True)


@app.command("list")
def list_profiles() -> None:
    """List the built-in profiles."""
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
    lines = [f"  - {rule.rule}: {summary(rule)}{severity}", f"      source: {rule.source}"]
    if rule.summary:
        lines.append(f"      in short: {rule.summary} (paraphrased; see the source)")
    if rule.reading:
        lines.append(f"      reading: {rule.reading}")
    return lines


def summary(rule: BaseRule) -> str:
    """One line saying what the rule demands, in the agency's terms."""
    match rule:
        case PagesRule(max=limit, scope=scope):
            counted = "every page" if scope == "whole" else "pages before the appendix"
            return f"at most {limit} pages ({counted})"
        case WordsRule(max=limit, scope=scope):
            return f"at most {limit:,} words" + ("" if scope == "whole" else " before the appendix")
        case FontSizeRule(minimum=size, exempt=exempt):
            spared = f" (exempt: {', '.join(exempt)})" if exempt else ""
            return f"type of at least {size:g} pt{spared}"
        case FileSizeRule(max_mb=size):
            return f"each attached file at most {size:g} MB"
        case FileTypesRule(allowed=allowed):
            return f"attached files of type {', '.join(allowed)}"
        case AttachmentsRule(max=limit):
            return f"at most {limit} attached file" + ("" if limit == 1 else "s")
        case CommentBoxRule(max_characters=limit):
            return f"comment box text of at most {limit:,} characters"
        case StatementRule(text=text):
            return f'the statement "{text}"'
        case SubmitterRule(fields=fields, where=where, top_lines=lines):
            place = f"in the first {lines} lines of page 1" if where == "top" else "in the text"
            return f"the commenter's {' and '.join(fields)} {place}"
        case EmailSubjectRule(contains=text):
            return f"an e-mail subject line containing '{text}'"
    return {
        "page-numbers": "a page number on every page",
        "not-copy-protected": "no encryption or copy protection",
        "searchable-text": "extractable text that contains the title",
    }.get(rule.rule, rule.rule)
