"""The parentheticals a user writes after a citation, in the order the Bluebook gives them.

A citation may carry several: ``[@wwh (mem.) (unsigned, on application ...)]``. Those about
the weight of authority ("(mem.)", "(7–2 decision)", "(per curiam)", "(en banc)") come right
after the date, before a judge's opinion ("(Black, J., dissenting)"); explanatory ones come
after it (Bluebook rules 1.5(b) and 10.6.1; Indigo Book R13.1 and R10).
"""

from __future__ import annotations

import re

_WEIGHT = re.compile(
    r"mem\.|per curiam|en banc|plurality opinion|in chambers|(?:unpublished )?table decision"
    r"|\d+\s*[–-]\s*\d+ decision|\w+ (?:decision|opinion) of the court",
    re.IGNORECASE,
)
"""Parentheticals stating a decision's weight of authority (Bluebook rule 10.6.1)."""


def split(parenthetical: str) -> tuple[str, ...]:
    """The parentheticals of a citation's ``parenthetical`` text, each without parentheses.

    The reader keeps several as one text, "mem.) (unsigned, ...": split where the outer
    parentheses close and reopen. Text that does not split cleanly is one parenthetical.
    """
    if not parenthetical:
        return ()
    written = f"({parenthetical})"
    groups: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(written):
        if depth == 0 and not char.isspace():
            if char != "(":
                return (parenthetical,)
            start = index
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return (parenthetical,)
        if depth == 0 and char == ")":
            groups.append(written[start + 1 : index].strip())
    return tuple(groups) if depth == 0 else (parenthetical,)


def weight_first(parenthetical: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The weight-of-authority parentheticals, then the others, each in the order written."""
    groups = split(parenthetical)
    weight = tuple(group for group in groups if _WEIGHT.fullmatch(group))
    return weight, tuple(group for group in groups if not _WEIGHT.fullmatch(group))
