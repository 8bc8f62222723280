"""A profile's readings of uncertain rules (PD690): the note each reading is, and the one
line they all are by default.

Every ``check``, ``render`` and ``package`` finds them; printed in full each time they were
1.4 KB of notes a legal team reads once. So the command line prints one line per profile
("ostp-ai-action-plan reads 5 rules in a stated way: ...") unless ``-v`` asks for each
reading; ``--json`` lists each. Which is printed follows from the options alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policydraft.diagnostics import Diagnostic

CODE = "PD690"
_READING = re.compile(r"(?P<profile>.+?) reads its (?P<rule>[\w-]+) rule so: ")


def reading_note(profile: str, rule: str, reading: str) -> str:
    """The PD690 message of one rule's reading (``collapse_readings`` reads it back)."""
    return f"{profile} reads its {rule} rule so: {reading}"


def collapse_readings(items: Sequence[Diagnostic]) -> list[Diagnostic]:
    """``items`` with each profile's readings replaced by one note where the first was."""
    readings: dict[tuple[str, str, int, int], list[Diagnostic]] = {}
    for item in items:
        found = _READING.match(item.message) if item.code == CODE else None
        if found is not None:
            key = (found["profile"], item.file, item.line, item.column)
            readings.setdefault(key, []).append(item)
    if not readings:
        return list(items)
    first = {id(same[0]): key for key, same in readings.items()}
    collapsed = {id(item) for same in readings.values() for item in same}
    kept: list[Diagnostic] = []
    for item in items:
        if id(item) in first:
            profile = first[id(item)][0]
            count = len(readings[first[id(item)]])
            kept.append(_one_line(item, profile, count))
        elif id(item) not in collapsed:
            kept.append(item)
    return kept


def _one_line(first: Diagnostic, profile: str, count: int) -> Diagnostic:
    rules, them = ("1 rule", "it") if count == 1 else (f"{count} rules", "them")
    message = (
        f"{profile} reads {rules} in a stated way: `-v` or "
        f"`policydraft profiles show {profile}` prints {them}"
    )
    return Diagnostic(first.file, first.line, first.column, first.severity, CODE, message)
