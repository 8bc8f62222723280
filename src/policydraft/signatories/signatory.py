"""Signers as read from a list, before ordering; private fields never reach the document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from policydraft.diagnostics import Location

# The columns that are printed (or decide printing order and groups). Everything else a list
# holds, the e-mail and any column policydraft does not know, is private: it is read only to
# find duplicates, or not read at all, and never reaches a document, an export or a message.
PRINTED_COLUMNS = ("name", "title", "organization", "category", "location")


class Signatory(NamedTuple):
    """One row of a list. A NamedTuple rather than a frozen dataclass: as immutable, and
    about six times cheaper to build, which matters at 100,000 rows."""

    name: str
    where: Location
    title: str = ""
    organization: str = ""
    category: str = ""
    location: str = ""
    signed: str = ""
    sort_as: str = ""
    email: str = ""  # private: for finding duplicates only, never printed
    consent: bool = True
    withdrawn: bool = False  # consent was an explicit no (not merely empty or unclear)

    @property
    def affiliation(self) -> str:
        """The line printed under the name: title, organization and location as given."""
        return ", ".join(filter(None, (self.title, self.organization, self.location)))


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
