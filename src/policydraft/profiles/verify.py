"""Running a profile's rules on real files: staged ones before a render publishes them, or
scratch ones written only to be measured (``check``, and renders that make no PDF).

A rule like "at most 15 pages" can only be answered by the PDF the agency will receive, so
even ``check`` writes one, into a temporary folder it deletes; that costs about a second
and is the difference between a check and a guess.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, SubmissionError
from policydraft.model import Document
from policydraft.outputs.write import Verify, write_outputs
from policydraft.profiles.rendered import Facts, Rendered, check_rendered
from policydraft.profiles.schema import Profile
from policydraft.typography import LETTER, Typography


@dataclass(frozen=True)
class ProfileCheck:
    """Everything the rendered checks need besides the files."""

    profile: Profile
    facts: Facts
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
        """What the letter is set in under this profile: both formats get the same one."""
        return self.profile.typography(LETTER)

    def verifier(
        self,
        formats: Sequence[str],
        document: Document,
        reference_docx: Path | None,
        diags: Diagnostics,
    ) -> Verify:
        """What a render runs on its staged files before publishing them.

        A render without a PDF still needs one for the page and type rules: it is written to a
        scratch folder and checked first, raising before anything is staged if it fails.
        """
        if "pdf" not in formats:
            found = Diagnostics()
            check_scratch(self, document, reference_docx, found)
            diags.extend(found.items)
            if found.has_errors:
                raise SubmissionError(found)
        return lambda files: self.verify(files, diags)  # repeats are printed once

    def formats(self) -> list[str]:
        """The formats the rules look at: the PDF, and whatever the profile attaches."""
        return sorted({"pdf", *self.profile.attach}, key=lambda fmt: fmt != "pdf")


def check_scratch(
    check: ProfileCheck, document: Document, reference_docx: Path | None, diags: Diagnostics
) -> None:
    """Write the files to a temporary folder, check them there, delete them."""
    with tempfile.TemporaryDirectory(prefix="policydraft-check-") as folder:
        targets = {fmt: Path(folder) / f"letter.{fmt}" for fmt in check.formats()}
        with contextlib.suppress(SubmissionError):  # its diagnostics are in diags already
            write_outputs(
                document,
                targets,
                reference_docx,
                typography=check.typography,
                verify=lambda files: check.verify(files, diags),
            )
