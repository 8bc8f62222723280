"""Signers as read from a list, before ordering; private fields never reach the document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from policydraft.diagnostics import Location
from policydraft.signatories.columns import AFFILIATION_COLUMNS


class Signatory(NamedTuple):
    """One row of a list. A NamedTuple rather than a frozen dataclass: as immutable, and
    about six times cheaper to build, which matters at 100,000 rows.

    Each column of ``columns.COLUMNS`` fills the field of its name (``consent`` fills
    ``consent`` and ``withdrawn``); what is printed or private is said there, not here. A
    list without a full-name column has its ``given`` and ``family`` names joined as ``name``.
    """

    name: str
    where: Location
    title: str = ""
    organization: str = ""
    category: str = ""
    location: str = ""
    signed: str = ""
    sort_as: str = ""
    given: str = ""  # from a given-name column; with ``family``, the name when none is given
    family: str = ""  # from a family-name column: what sorting files the signer under
    email: str = ""
    consent: bool = True
    withdrawn: bool = False  # consent was an explicit no (not merely empty or unclear)

    @property
    def affiliation(self) -> str:
        """The line printed under the name: the affiliation columns as given, empty ones left
        out (title, organization and location)."""
        return ", ".join(filter(None, [getattr(self, c) for c in AFFILIATION_COLUMNS]))


@dataclass(frozen=True, slots=True)
class SignatoryList:
    """Everything one list file held: its signers, the rows that had no name, and the rows
    that could not be read at all (a runaway quote, an oversized cell).

    Rows without a name or unreadable are kept as locations so that the summary can account
    for every row; ``rows`` counts the non-blank rows below the header.
    """

    file: str
    signers: tuple[Signatory, ...]
    nameless: tuple[Location, ...] = ()
    encoding: str = "utf-8"
    unreadable: tuple[Location, ...] = ()

    @property
    def rows(self) -> int:
        return len(self.signers) + len(self.nameless) + len(self.unreadable)
