"""Which findings a submission or a command line asked not to see (``--ignore``,
``diagnostics: {ignore: [...]}``), and which codes may be asked for at all.

Warnings and notes may be ignored; errors never are: a code declared only as an error is
refused, and a code raised as an error or a warning (a profile rule with ``severity:
warning``) is ignored in its warnings only. An ignored finding is not printed and does not
count, but ``package`` records how many of each code it ignored (manifest.json).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from policydraft.codes import CODES
from policydraft.diagnostics import Diagnostic


def ignore_problem(code: str) -> str | None:
    """Why ``code`` cannot be ignored (a typo, or an error), or None when it can."""
    declared = CODES.get(code)
    if declared is None:
        return (
            f"'{code}' is not a policydraft code (a typo?); codes look like PD404 and are "
            "listed in docs/diagnostics.md"
        )
    if declared.severities == {"error"}:
        return f"{code} is always an error, and errors cannot be ignored: fix what it reports"
    return None


def split_codes(values: Iterable[str]) -> list[str]:
    """``PD404,PD691`` and repeated options as one list of codes, upper-cased, in order."""
    codes: list[str] = []
    for value in values:
        codes.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return codes


def is_ignored(item: Diagnostic, codes: frozenset[str]) -> bool:
    return item.code in codes and item.severity != "error"


def count_ignored(items: Iterable[Diagnostic], codes: frozenset[str]) -> Counter[str]:
    """How many findings of each code ``codes`` leaves out."""
    return Counter(item.code for item in items if is_ignored(item, codes))


@dataclass(frozen=True)
class Ignoring:
    """What a command ignores, and how many findings it ignored before this point: what
    ``package`` records in manifest.json, so that nothing is ignored silently in a filing."""

    codes: frozenset[str]
    before: Mapping[str, int]

    def counts(self, more: Iterable[Diagnostic]) -> dict[str, int]:
        """Each ignored code's count, those of ``more`` added, by code."""
        total = Counter(self.before) + count_ignored(more, self.codes)
        return dict(sorted(total.items()))
