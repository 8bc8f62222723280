"""A signer as read from a list, before ordering; private fields never reach the document."""

from __future__ import annotations

from dataclasses import dataclass

from policydraft.diagnostics import Location


@dataclass(frozen=True, slots=True)
class Signatory:
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

    @property
    def affiliation(self) -> str:
        """The line printed under the name: title, organization and location as given."""
        return ", ".join(part for part in (self.title, self.organization, self.location) if part)
