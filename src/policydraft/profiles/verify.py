"""An agency profile's checks on written files, and what they need besides the files.

The files are written by the render plan (``policydraft.plan``): the staged files of a
render or package before they are published, or scratch files written only to be measured.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, SubmissionError
from policydraft.profiles.rendered import LetterFacts, Rendered, check_rendered
from policydraft.profiles.schema import Profile
from policydraft.typography import LETTER, Typography

MEASURED = "pdf"
"""The format the page, type and text rules read: what the agency's reader will see."""


@dataclass(frozen=True)
class ProfileCheck:
    """Everything the rendered checks need besides the files."""

    profile: Profile
    facts: LetterFacts
    where: Location  # the profile: line of policydraft.yaml

    def verify(self, files: Mapping[str, Path], diags: Diagnostics) -> None:
        """Check ``files``; add what is found to ``diags``; raise if anything is an error."""
        found = Diagnostics()
        check_rendered(Rendered(self.profile, files, self.facts, found, self.where))
        diags.extend(found.items)
        if found.has_errors:
            raise SubmissionError(found)

    @property
    def typography(self) -> Typography:
        """What the letter is set in under this profile: every format gets the same one."""
        return self.profile.typography(LETTER)

    def typography_over(self, base: Typography) -> Typography:
        """``base`` (a reference.docx's page and type, or ``LETTER``) under this profile."""
        return self.profile.typography(base)

    @property
    def minimum_size(self) -> float | None:
        """The largest of the rules' minimum type sizes, in points; None without one."""
        return self.minimum_of(self.profile)

    @staticmethod
    def minimum_of(profile: Profile) -> float | None:
        """``profile``'s largest minimum type size, in points; None when it sets none."""
        sizes = [size for rule in profile.rules if (size := rule.min_font_size()) is not None]
        return max(sizes) if sizes else None

    def formats(self) -> frozenset[str]:
        """The formats the rules look at: the PDF, and whatever the profile attaches."""
        return frozenset({MEASURED, *self.profile.attach})
