"""Diagnostics: users' mistakes, reported together with file, line and column.

Exceptions are for bugs and unreadable files; everything a user can fix is a ``Diagnostic``
collected in a ``Diagnostics`` list and printed all at once, sorted by file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple

from policydraft.codes import CODES
from policydraft.codes import Severity as Severity

_SEVERITIES = {code: declared.severities for code, declared in CODES.items()}
"""Each declared code's severities, looked up on every diagnostic added (one dict lookup)."""


class Location(NamedTuple):
    """Where something was written: a file and a 1-based line and column.

    A NamedTuple rather than a frozen dataclass: as immutable, and several times cheaper to
    build, which matters when every row of a 100,000-name list carries one.
    """

    file: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.code}: {self.message}"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)


@dataclass
class Diagnostics:
    """A collector handed down the pipeline; stages add to it instead of raising."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, severity: Severity, code: str, message: str, where: Location) -> None:
        """Add a diagnostic; a code that ``codes.py`` does not declare is a bug, refused."""
        if severity not in _SEVERITIES.get(code, ()):
            raise UndeclaredCode(code, severity)
        self.items.append(Diagnostic(where.file, where.line, where.column, severity, code, message))

    def error(self, code: str, message: str, where: Location) -> None:
        self.add("error", code, message, where)

    def warning(self, code: str, message: str, where: Location) -> None:
        self.add("warning", code, message, where)

    def note(self, code: str, message: str, where: Location) -> None:
        self.add("note", code, message, where)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        unique = {d: None for d in self.items}
        return sorted(unique, key=Diagnostic.sort_key)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)


class UndeclaredCode(Exception):
    """A diagnostic raised with a code, or a severity for it, that ``codes.py`` does not declare.

    A mistake in policydraft, never in a user's files: the CLI reports it as an internal error.
    """

    def __init__(self, code: str, severity: str) -> None:
        declared = CODES.get(code)
        if declared is None:
            problem = f"{code!r} is not a declared diagnostic code"
        else:
            allowed = " or ".join(sorted(declared.severities))
            problem = f"{code} is declared as {allowed}, not {severity}"
        super().__init__(f"{problem} (see policydraft/codes.py)")
        self.code = code
        self.severity = severity


class SubmissionError(Exception):
    """Raised when a stage cannot go on; carries the diagnostics that explain why."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__(f"{sum(1 for d in diagnostics.items if d.severity == 'error')} error(s)")
        self.diagnostics = diagnostics


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as users should see it in diagnostics: relative to ``base`` or the cwd if possible."""
    for root in (base, Path.cwd()):
        if root is None:
            continue
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            continue
    return str(path)


def to_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([asdict(d) for d in diagnostics], indent=2, ensure_ascii=False)
