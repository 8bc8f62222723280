"""The one place that prints: diagnostics, results and aborts."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, TypeVar

import typer

from policydraft.cli.options import NORMAL, Reporting
from policydraft.diagnostics import Diagnostic, Diagnostics, to_json

if TYPE_CHECKING:  # what is displayed is imported by the command that made it
    from pathlib import Path

    from policydraft.citations.listing import SourceListing
    from policydraft.outputs.write import WrittenFile
    from policydraft.packaging.manifest import PackagedFile

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

T = TypeVar("T")


def display_diagnostics(
    diags: Diagnostics,
    *,
    as_json: bool,
    strict: bool = False,
    full_listing: str | None = "--json",
    reporting: Reporting = NORMAL,
) -> int:
    """Print the diagnostics (stderr, or every one as JSON on stdout); return the exit status
    they imply. Text groups the repeated findings of a code (``diagnostic_lines``);
    ``full_listing`` is the option that lists every one, None for a command without one.
    ``reporting`` (-q, -v, --ignore) leaves out ignored findings, and in text what its level
    does not print (``cli/options.py``).
    """
    items = [_strict(d) if strict else d for d in reporting.counted(diags.sorted())]
    if as_json:
        RUN.json_diagnostics(items)
    else:
        colour = use_colour()
        for line in diagnostic_lines(reporting.printed(items), full_listing):
            typer.echo(coloured(line) if colour else line, err=True)
        RUN.counted(items)
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


@dataclass
class Run:
    """What this run of a command has displayed, for what is printed once at its end
    (``finish``): the summary line after diagnostics in text, or the ``--json=v2`` object.

    A command may display diagnostics more than once (``render``: the check's, then the
    rendered files'); the summary counts them all, on one line, and is printed even when
    there were none (``0 errors, 0 warnings``), so that a clean check says so.
    """

    json_version: int = 1
    summary_owed: bool = False
    totals: Counter[str] = field(default_factory=Counter)
    json_owed: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[dict[str, object]] = field(default_factory=list)

    def counted(self, items: Iterable[Diagnostic]) -> None:
        self.summary_owed = True
        self.totals.update(d.severity for d in items)

    def json_diagnostics(self, items: list[Diagnostic]) -> None:
        """``--json``: the list now (v1), or kept for the object printed at the end (v2)."""
        if self.json_version == 1:
            typer.echo(to_json(items))
            return
        self.json_owed = True
        self.diagnostics.extend(items)
        self.totals.update(d.severity for d in items)

    def wrote(self, path: Path, format: str, pages: int | None) -> None:
        """A file written, for ``--json=v2``'s ``files``."""
        if self.json_version == 2:
            data = path.read_bytes()
            sha256 = hashlib.sha256(data).hexdigest()
            self.files.append(
                {"path": str(path), "format": format, "sha256": sha256, "pages": pages,
                 "bytes": len(data)}
            )  # fmt: skip

    def finish(self) -> None:
        """Print what is owed at the end: the ``--json=v2`` object, or the summary line."""
        if self.json_owed:
            totals = {f"{s}s": self.totals[s] for s in ("error", "warning", "note")}
            report = {
                "version": 2,
                "diagnostics": [asdict(d) for d in self.diagnostics],
                "totals": totals,
                "files": self.files,
            }
            typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        elif self.summary_owed:
            errors, warnings = self.totals["error"], self.totals["warning"]
            line = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
            typer.echo(coloured_summary(line, errors, warnings) if use_colour() else line, err=True)
        self.json_owed = self.summary_owed = False


RUN = Run()
"""This process's run (one command per process, as the console script runs it)."""


JSON_VERSIONS = {"v1": 1, "v2": 2}
"""What ``--json=VERSION`` accepts: v1 the list of diagnostics (plain ``--json``), v2 one
object with the diagnostics, their totals and the files written."""


def use_colour() -> bool:
    """Severities in colour only for a person at a terminal: stderr is a TTY, ``NO_COLOR``
    is unset or empty (https://no-color.org) and ``TERM`` is not ``dumb``."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stderr.isatty()


_SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "note": {"fg": "cyan"},
}


def coloured(line: str) -> str:
    """A diagnostic line with its severity word coloured; any other line as it is."""
    for severity, style in _SEVERITY_STYLE.items():
        marker = f": {severity} PD"
        if marker in line:
            head, tail = line.split(marker, 1)
            return f"{head}: {typer.style(severity, **style)} PD{tail}"
    return line


def coloured_summary(line: str, errors: int, warnings: int) -> str:
    if errors:
        return typer.style(line, **_SEVERITY_STYLE["error"])
    if warnings:
        return typer.style(line, **_SEVERITY_STYLE["warning"])
    return line


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def display_written(files: Iterable[WrittenFile], *, as_json: bool = False) -> None:
    """One line per file; on stderr under --json, whose stdout is the diagnostics list."""
    for file in files:
        pages = _pages(file)
        size = f"{file.size / 1024:,.0f} KB"
        shown = f"{pages}, {size}" if pages else size
        typer.echo(f"wrote {file.path} ({shown})", err=as_json)
        RUN.wrote(file.path, file.format, file.pages)


def _pages(file: WrittenFile) -> str | None:
    """The file's page count, only where it is known: counted in the file itself (the PDF's),
    or laid out by the program named (LibreOffice for a DOCX); None for a format without
    pages, and for one whose pages only its reader lays out (a DOCX opened in Word may break
    its pages elsewhere than the PDF does)."""
    from policydraft.outputs.formats import output_format

    declared = output_format(file.format)
    if declared.pages_from is None or file.pages is None:
        return None
    if file.laid_out_by is not None:
        return f"{_plural(file.pages, 'page')} as laid out by {file.laid_out_by}"
    if declared.borrows_pages:
        return None
    return _plural(file.pages, "page")


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


def display_ignored(counts: dict[str, int]) -> None:
    """``package``: the one line (stderr) saying which findings were ignored; manifest.json
    lists them too."""
    total = sum(counts.values())
    each = ", ".join(f"{code} ({count:,})" for code, count in counts.items())
    typer.echo(f"ignored {_plural(total, 'finding')}: {each}; manifest.json records them", err=True)


def display_timings(stages: Iterable[tuple[str, float]]) -> None:
    """``-v``: how long each stage took, one line each on stderr, then the total."""
    stages = list(stages)
    for name, seconds in stages:
        typer.echo(f"time: {name}: {seconds:.3f} s", err=True)
    if stages:
        typer.echo(f"time: total: {sum(s for _, s in stages):.3f} s", err=True)


def display_message(text: str) -> None:
    typer.echo(text)


def display_aside(text: str) -> None:
    """A line about the run on stderr, where stdout holds the result itself (``-o -``)."""
    typer.echo(text, err=True)


def abort(text: str, code: int = EXIT_USAGE) -> NoReturn:
    typer.echo(f"policydraft: {text}", err=True)
    raise typer.Exit(code)


def internal_error(exc: BaseException) -> int:
    sys.stderr.write(
        f"policydraft: internal error: {type(exc).__name__}: {exc}\n"
        "This is a bug in policydraft, not in your files; rerun with --debug for a traceback.\n"
    )
    return EXIT_INTERNAL


def display_json(data: object) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def display_packaged(files: Iterable[PackagedFile], *, as_json: bool) -> None:
    """``package``: one line per file published (on stderr under --json, whose stdout is the
    diagnostics), each kept for ``--json=v2``'s ``files``."""
    for file in files:
        pages = "" if file.pages is None else f", {file.pages} pages"
        typer.echo(f"wrote {file.path} ({file.path.stat().st_size:,} bytes{pages})", err=as_json)
        RUN.wrote(file.path, file.path.suffix.lstrip(".") or file.name, file.pages)


STDOUT = "-"
"""``-o -``: a command that writes one file writes it to standard output instead."""


def display_bytes(produce: Callable[[BinaryIO], T]) -> T:
    """``-o -``: the one output file's bytes on stdout, as ``produce`` writes them to a file;
    what ``produce`` returns (a count, for the line said on stderr)."""
    stream = sys.stdout.buffer
    result = produce(stream)
    stream.flush()
    return result


def display_versions(report: dict[str, Any], *, as_json: bool) -> None:
    """``policydraft version``: policydraft, Python, the libraries and the bundled fonts."""
    if as_json:
        display_json(report)
        return
    typer.echo(f"policydraft {report['policydraft']}")
    typer.echo(f"Python {report['python']}")
    typer.echo("libraries:")
    for name, version in report["libraries"].items():
        typer.echo(f"  {name:<16} {version or 'not installed'}")
    typer.echo("fonts (bundled, embedded in the PDF):")
    for font in report["fonts"]:
        typer.echo(f"  {font['file']:<34} {font['name']} {font['version']}")


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
