"""Who joined after a filing: the hook a filing record fills to mark late signers.

The page marks each listed signer whose printed name and affiliation are in ``signers`` with
"joined after the filing of March 15, 2025". The filing record decides who that is (it
matches people across versions); the page only prints what it is told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from policydraft.model import SignatoryEntry

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """``day`` as a letter prints it, whatever the machine's locale: "March 15, 2025"."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


@dataclass(frozen=True)
class JoinedAfter:
    """The signers who joined after the filing of ``filed``, by printed name and affiliation."""

    filed: dt.date
    signers: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, filed: dt.date, entries: list[SignatoryEntry]) -> JoinedAfter:
        """Mark ``entries`` as having joined after the filing of ``filed``."""
        return cls(filed, frozenset((entry.name, entry.affiliation) for entry in entries))

    def marks(self, entry: SignatoryEntry) -> bool:
        """Whether ``entry`` joined after the filing."""
        return (entry.name, entry.affiliation) in self.signers

    @property
    def label(self) -> str:
        """The words printed beside a late signer."""
        return f"joined after the filing of {long_date(self.filed)}"
