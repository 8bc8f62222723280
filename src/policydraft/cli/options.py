"""The options every command that prints diagnostics shares: ``-q``, ``-v`` and ``--ignore``,
and ``Reporting``, what they ask to see.

Defined once here; each command adds them to its signature (``quiet: Quiet = False``...) and
builds a ``Reporting`` with ``reporting_by``. What is printed follows from the options and the
submission's ``diagnostics: {ignore: [...]}`` setting alone:

- ``-q``: errors only, and the summary line (which still counts the warnings);
- default: errors, warnings and notes, a profile's readings (PD690) as one line;
- ``-v``: every note, each reading in full, and how long each stage took.

Ignored findings (warnings and notes only: errors cannot be ignored) are neither printed nor
counted, in text and in ``--json``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Literal

import typer

if TYPE_CHECKING:
    from collections import Counter

    from policydraft.diagnostics import Diagnostic

Quiet = Annotated[
    bool, typer.Option("-q", "--quiet", help="Print errors only, and the summary line.")
]
Verbose = Annotated[
    bool,
    typer.Option(
        "-v",
        "--verbose",
        help="Print every note (a profile's readings in full) and the time each stage took.",
    ),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="CODE[,CODE]",
        help="Neither print nor count these warnings and notes (repeatable; errors "
        "cannot be ignored). Also: diagnostics: {ignore: [...]} in policydraft.yaml.",
        show_default=False,
    ),
]

Level = Literal["quiet", "normal", "verbose"]


@dataclass(frozen=True)
class Reporting:
    """What a command prints of its findings: how much, and which codes not at all."""

    level: Level = "normal"
    ignore: frozenset[str] = field(default_factory=frozenset)

    @property
    def verbose(self) -> bool:
        return self.level == "verbose"

    @property
    def quiet(self) -> bool:
        return self.level == "quiet"

    def and_ignoring(self, codes: Iterable[str]) -> Reporting:
        """These options with a submission's own ``diagnostics.ignore`` added."""
        return Reporting(self.level, self.ignore | frozenset(codes))

    def counted(self, items: Sequence[Diagnostic]) -> list[Diagnostic]:
        """The findings that count: all but the ignored ones."""
        from policydraft.submission.ignoring import is_ignored

        if not self.ignore:
            return list(items)
        return [item for item in items if not is_ignored(item, self.ignore)]

    def ignored(self, items: Iterable[Diagnostic]) -> Counter[str]:
        """How many findings of each code were ignored."""
        from policydraft.submission.ignoring import count_ignored

        return count_ignored(items, self.ignore)

    def printed(self, items: Sequence[Diagnostic]) -> list[Diagnostic]:
        """Of the counted findings, those printed as text at this level."""
        if self.level == "quiet":
            return [item for item in items if item.severity == "error"]
        if self.level == "verbose" or not any(item.code == "PD690" for item in items):
            return list(items)
        from policydraft.profiles.readings import collapse_readings

        return collapse_readings(items)


NORMAL = Reporting()


def reporting_by(quiet: bool, verbose: bool, ignore: list[str] | None) -> Reporting:
    """The options as a ``Reporting``; a usage error (exit 2) for -q with -v, or a code that does
    not exist or cannot be ignored."""
    from policydraft.submission.ignoring import ignore_problem, split_codes

    if quiet and verbose:
        raise typer.BadParameter("give one or the other, not both", param_hint="-q/-v")
    codes = split_codes(ignore or ())
    for code in codes:
        problem = ignore_problem(code)
        if problem is not None:
            raise typer.BadParameter(problem, param_hint="--ignore")
    level: Level = "quiet" if quiet else "verbose" if verbose else "normal"
    return Reporting(level, frozenset(codes))
