"""The render plan: how a checked submission becomes files, decided once.

``check`` (the scratch files a profile's rules measure), ``render`` and ``package`` all write
through one plan, so they cannot disagree about the typography, the reference.docx, the
order of the formats, the files' names, or the checks the files must pass to be published.

A rule like "at most 15 pages" can only be answered by the PDF the agency will receive, so
even ``check`` writes one, into a temporary folder it deletes; that costs about a second
and is the difference between a check and a guess.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics, SubmissionError
from policydraft.model import Document
from policydraft.outputs.formats import WriterSettings, output_format, writing_order
from policydraft.outputs.location import output_stem
from policydraft.outputs.staging import StagedOutputs
from policydraft.outputs.write import Verify, WrittenFile, stage_files, write_outputs
from policydraft.profiles.verify import MEASURED, ProfileCheck
from policydraft.submission.load import LoadedSubmission
from policydraft.typography import LETTER, Typography

SCRATCH_STEM = "letter"  # the scratch files' name: never seen, never published


@dataclass(frozen=True)
class RenderPlan:
    """What a command writes from a checked submission: set how, named how, checked how."""

    document: Document  # composed, its citations resolved, without errors
    settings: WriterSettings  # the typography (under the profile's rules), the reference.docx
    profile: ProfileCheck | None  # the agency profile's checks on the written files
    folder: Path  # where the files go unless the command says otherwise: output.dir
    stem: str  # the files' name before the extension: output.name, else the folder's name

    @classmethod
    def of(
        cls,
        loaded: LoadedSubmission,
        document: Document,
        reference_docx: Path | None,
        profile: ProfileCheck | None,
        base: Typography = LETTER,
    ) -> RenderPlan:
        """The plan of ``document``, set in ``base`` (a reference.docx's page and type, or
        ``LETTER``) under the profile's rules, which apply to every format."""
        typography = profile.typography_over(base) if profile is not None else base
        minimum = profile.minimum_size if profile is not None else None
        folder = loaded.folder / loaded.submission.output.dir
        settings = WriterSettings(typography, reference_docx, minimum)
        return cls(document, settings, profile, folder, output_stem(loaded))

    @property
    def attach(self) -> list[str]:
        """The formats ``package`` attaches: the profile's ``attach:``, else the PDF."""
        return list(self.profile.profile.attach) if self.profile is not None else ["pdf"]

    def targets(
        self, formats: Iterable[str], folder: Path | None = None, stem: str | None = None
    ) -> dict[str, Path]:
        """Each format's file, in the order given: in ``folder`` and named ``stem``, or the
        plan's own."""
        folder = self.folder if folder is None else folder
        stem = self.stem if stem is None else stem
        return {name: folder / f"{stem}.{output_format(name).extension}" for name in formats}

    def write(self, targets: Mapping[str, Path], diags: Diagnostics) -> list[WrittenFile]:
        """Write the files and publish them together, once the profile's checks pass.

        A broken rule raises ``SubmissionError`` (its diagnostics also go to ``diags``) and
        nothing is published; earlier files stay as they were.
        """
        verify = self.verifier(targets, diags)
        return write_outputs(self.document, targets, self.settings, verify=verify)

    def stage(self, outputs: StagedOutputs, targets: Mapping[str, Path]) -> list[WrittenFile]:
        """Write the files into ``outputs``: staged, neither checked nor published yet."""
        return stage_files(outputs, self.document, targets, self.settings)

    def verifier(self, formats: Collection[str], diags: Diagnostics) -> Verify | None:
        """What runs on the staged files before they are published: the profile's checks.

        Files without the PDF still need one for the page and type rules: it is written to a
        scratch folder and checked now, raising before anything is staged if it fails.
        """
        profile = self.profile
        if profile is None:
            return None
        if MEASURED not in formats:
            found = Diagnostics()
            self.check_scratch(found)
            diags.extend(found.items)
            if found.has_errors:
                raise SubmissionError(found)
        return lambda files: profile.verify(files, diags)  # repeats are printed once

    def check_scratch(self, diags: Diagnostics) -> None:
        """Write what the profile's rules read to a temporary folder, check it, delete it."""
        profile = self.profile
        if profile is None:
            return
        with tempfile.TemporaryDirectory(prefix="policydraft-check-") as folder:
            formats = writing_order(profile.formats())
            targets = self.targets(formats, Path(folder), SCRATCH_STEM)
            with contextlib.suppress(SubmissionError):  # its diagnostics are in diags already
                write_outputs(
                    self.document,
                    targets,
                    self.settings,
                    verify=lambda files: profile.verify(files, diags),
                )
