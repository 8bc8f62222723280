"""The one place that prints: diagnostics, results and aborts."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from policydraft.diagnostics import Diagnostic, Diagnostics, to_json

if TYPE_CHECKING:  # what is displayed is imported by the command that made it
    from policydraft.citations.listing import SourceListing
    from policydraft.outputs.write import WrittenFile

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def display_diagnostics(
    diags: Diagnostics, *, as_json: bool, strict: bool = False, full_listing: str | None = "--json"
) -> int:
    """Print the diagnostics (stderr, or every one as JSON on stdout); return the exit status
    they imply. Text groups the repeated findings of a code (``diagnostic_lines``);
    ``full_listing`` is the option that lists every one, None for a command without one.
    """
    items = [_strict(d) if strict else d for d in diags.sorted()]
    if as_json:
        typer.echo(to_json(items))
    else:
        for line in diagnostic_lines(items, full_listing):
            typer.echo(line, err=True)
        _summary(items)
    return EXIT_ERRORS if any(d.severity == "error" for d in items) else EXIT_OK


SHOWN = 5
"""The findings of one code printed in text before the rest are counted on one line."""

LISTED_BY_STATS = frozenset(
    {"PD401", "PD403", "PD405", "PD407", "PD408", "PD409", "PD411", "PD415", "PD419"}
)
"""Codes of signatory rows that ``policydraft signatories stats`` lists one by one: rows left
out (no name, unreadable, consent, duplicate, withdrawn, an e-mail in print) and possible
duplicates."""


def diagnostic_lines(items: Sequence[Diagnostic], full_listing: str | None) -> Iterator[str]:
    """The text lines of sorted diagnostics, readable at any size.

    A code found more than ``SHOWN + 1`` times shows its first ``SHOWN`` findings, then one
    line counting the rest and saying where they are all listed; every other line is as it
    was. 20,000 duplicates are then six lines, not 20,000.
    """
    by_code: dict[str, list[Diagnostic]] = {}
    for item in items:
        by_code.setdefault(item.code, []).append(item)
    printed: Counter[str] = Counter()
    for item in items:
        same = by_code[item.code]
        if len(same) <= SHOWN + 1:
            yield item.format()
            continue
        printed[item.code] += 1
        if printed[item.code] <= SHOWN:
            yield item.format()
        if printed[item.code] == SHOWN:
            yield _more_like_these(item.code, same[SHOWN:], full_listing)


def _more_like_these(code: str, rest: Sequence[Diagnostic], full_listing: str | None) -> str:
    severities = {d.severity for d in rest}
    kind = f"{severities.pop()}s" if len(severities) == 1 else "findings"
    line = f"... and {len(rest):,} more {code} {kind} like these"
    if code in LISTED_BY_STATS:
        return f"{line}; `policydraft signatories stats` lists them all"
    if full_listing:
        return f"{line}; rerun with {full_listing} to list them all"
    return line


def _strict(d: Diagnostic) -> Diagnostic:
    if d.severity != "warning":
        return d
    return Diagnostic(d.file, d.line, d.column, "error", d.code, d.message + " [--strict]")


def _summary(items: Iterable[Diagnostic]) -> None:
    items = list(items)
    errors = sum(1 for d in items if d.severity == "error")
    warnings = sum(1 for d in items if d.severity == "warning")
    if errors or warnings:
        typer.echo(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}", err=True)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def display_written(files: Iterable[WrittenFile], *, as_json: bool = False) -> None:
    """One line per file; on stderr under --json, whose stdout is the diagnostics list."""
    for file in files:
        pages = _pages(file)
        size = f"{file.size / 1024:,.0f} KB"
        shown = f"{pages}, {size}" if pages else size
        typer.echo(f"wrote {file.path} ({shown})", err=as_json)


def _pages(file: WrittenFile) -> str | None:
    """What the file's page count is, as its format declares; None for a format without pages."""
    from policydraft.outputs.formats import output_format

    declared = output_format(file.format)
    if declared.pages_from is None:
        return None
    if file.pages is None:
        return "pages not laid out"
    if file.laid_out_by is not None:
        return f"{_plural(file.pages, 'page')} as laid out by {file.laid_out_by}"
    if not declared.borrows_pages:
        return _plural(file.pages, "page")
    laid_out = output_format(declared.pages_from).label
    return f"{_plural(file.pages, 'page')} as laid out in the {laid_out}"


def display_sources(listing: Iterable[SourceListing], *, as_json: bool) -> None:
    """The bibliography as cited: id, type, full and short forms, and the places cited."""
    items = list(listing)
    if as_json:
        typer.echo(json.dumps([_source_json(item) for item in items], indent=2, ensure_ascii=False))
        return
    for item in items:
        cited = ", ".join(f"{w.file}:{w.line}" for w in item.cited_at) or "never cited"
        typer.echo(f"{item.id} ({item.type}, {item.where.file}:{item.where.line})")
        typer.echo(f"  full:  {item.full}")
        typer.echo(f"  short: {item.short}")
        typer.echo(f"  cited: {cited}")


def _source_json(item: SourceListing) -> dict[str, object]:
    return {
        "id": item.id,
        "type": item.type,
        "full": item.full,
        "short": item.short,
        "file": item.where.file,
        "line": item.where.line,
        "cited_at": [{"file": w.file, "line": w.line, "column": w.column} for w in item.cited_at],
    }


def display_progress(done: int, total: int) -> None:
    """A one-line progress counter for slow checks, only when a person is watching."""
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rchecking online: {done}/{total}{end}")
        sys.stderr.flush()


def display_message(text: str) -> None:
    typer.echo(text)


def abort(text: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"policydraft: {text}", err=True)
    raise typer.Exit(code)


def internal_error(exc: BaseException) -> int:
    sys.stderr.write(
        f"policydraft: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in policydraft, not in your files; rerun with --debug for a traceback.\n"
    )
    return EXIT_ERRORS


def display_json(data: object) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def display_signatory_stats(stats: dict[str, Any], *, as_json: bool) -> None:
    """``signatories stats``: the counts first, then every row left out, then the groups."""
    if as_json:
        display_json(stats)
        return
    left_out = sum(stats["excluded"].values())
    typer.echo(
        f"{stats['file']} ({stats['encoding']}): {_plural(stats['rows'], 'row')} read, "
        f"{stats['printed']:,} printed, {left_out:,} left out"
    )
    for reason, count in stats["excluded"].items():
        typer.echo(f"  {reason}: {count:,}")
    for row in stats["excluded_rows"]:
        other = f" (see line {row['other_line']})" if row["other_line"] else ""
        typer.echo(f"    line {row['line']}: {row['name'] or '(no name)'}: {row['reason']}{other}")
    if stats["possible_duplicates"]:
        typer.echo(f"possible duplicates, all printed: {len(stats['possible_duplicates']):,}")
        for pair in stats["possible_duplicates"]:
            typer.echo(
                f"  line {pair['line']} {pair['name']} ~ "
                f"line {pair['other_line']} {pair['other_name']}"
            )
    if stats["groups"]:
        typer.echo("groups:")
        for group in stats["groups"]:
            typer.echo(f"  {group['heading']}: {group['count']:,}")


def display_signatory_diff(diff: dict[str, Any], *, as_json: bool) -> None:
    """``signatories diff``: added, removed and changed signers, by name and printed columns."""
    if as_json:
        display_json(diff)
        return
    for sign, key in (("+", "added"), ("-", "removed")):
        for signer in diff[key]:
            affiliation = ", ".join(
                signer[c] for c in ("title", "organization", "location") if signer[c]
            )
            typer.echo(f"{sign} {signer['name']}" + (f" ({affiliation})" if affiliation else ""))
    for change in diff["changed"]:
        what = "; ".join(f"{c}: {old!r} -> {new!r}" for c, (old, new) in change["changes"].items())
        typer.echo(f"~ {change['name']}: {what}")
    typer.echo(
        f"{len(diff['added']):,} added, {len(diff['removed']):,} removed, "
        f"{len(diff['changed']):,} changed"
    )
