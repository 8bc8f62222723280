"""The render plan: how a checked submission becomes files, decided once.

``check`` (the scratch files a profile's rules measure), ``render`` and ``package`` all write
through one plan, so they cannot disagree about the typography, the reference.docx, the
order of the formats, the files' names, or the checks the files must pass to be published.

A rule like "at most 15 pages" can only be answered by the PDF the agency will receive, so
even ``check`` writes one, into a temporary folder it deletes; that costs about a second
and is the difference between a check and a guess. A DOCX written under a profile with a
page rule (or by ``render --docx-pages``) is laid out by LibreOffice, once, and its pages
counted and checked too (``profiles/docx_pages.py``): a few seconds more.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, SubmissionError, display_path
from policydraft.model import Document
from policydraft.outputs.formats import WriterSettings, output_format, writing_order
from policydraft.outputs.location import output_stem
from policydraft.outputs.staging import StagedOutputs
from policydraft.outputs.write import LayOut, Verify, WrittenFile, stage_files, write_outputs
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
    docx_pages: bool = False  # lay the DOCX out even without a page rule (--docx-pages)
    laid_out: dict[Path, Diagnostics] = field(default_factory=dict, compare=False, repr=False)
    # what laying out each staged DOCX found, by its staged path, until its verifier reports it

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
        lay_out = self.docx_layout(targets)
        return write_outputs(self.document, targets, self.settings, verify=verify, lay_out=lay_out)

    def stage(self, outputs: StagedOutputs, targets: Mapping[str, Path]) -> list[WrittenFile]:
        """Write the files into ``outputs``: staged, not published yet. The DOCX is laid out
        when the plan wants its pages; the verifier reports what that found."""
        lay_out = self.docx_layout(targets)
        return stage_files(outputs, self.document, targets, self.settings, lay_out)

    def docx_layout(self, targets: Mapping[str, Path]) -> LayOut | None:
        """What checks the DOCX among ``targets`` against the profile's page rules and lays
        it out, when its pages are wanted; None when nothing is asked of its pages.

        LibreOffice lays it out for the page rules of a profile that files the DOCX, or when
        asked (--docx-pages). A DOCX the profile does not attach is never filed, and a
        LibreOffice run costs seconds: its XML is checked (a PAGE field in every footer),
        its pages are shown as not laid out.
        """
        profile = self.profile
        if "docx" not in targets or (profile is None and not self.docx_pages):
            return None
        from policydraft.profiles.docx_pages import DocxPages, has_page_rules  # pypdf: late

        ruled = profile is not None and has_page_rules(profile.profile)
        filed = profile is not None and "docx" in profile.profile.attach
        if not (self.docx_pages or ruled):
            return None
        libreoffice = self.docx_pages or filed
        where = profile.where if profile is not None else Location(display_path(targets["docx"]))

        def lay_out(docx: Path) -> int | None:
            pages = DocxPages(profile, where, libreoffice)
            count = pages(docx)
            self.laid_out[docx] = pages.found
            return count

        return lay_out

    def verifier(self, formats: Collection[str], diags: Diagnostics) -> Verify | None:
        """What runs on the staged files before they are published: the profile's checks,
        and what laying the DOCX out found (its page rules, or a note that it was not).

        Files without the PDF still need one for the page and type rules: it is written to a
        scratch folder and checked now, raising before anything is staged if it fails (its
        DOCX is not laid out there: the staged one will be).
        """
        if self.profile is not None and MEASURED not in formats:
            found = Diagnostics()
            self.check_scratch(found, lay_out_docx=False)
            diags.extend(found.items)
            if found.has_errors:
                raise SubmissionError(found)
        return lambda files: self._verify(files, diags)  # repeats are printed once

    def _verify(self, files: Mapping[str, Path], diags: Diagnostics) -> None:
        """The staged files' checks: the DOCX's layout's findings, then the profile's rules;
        raises ``SubmissionError`` when either found an error."""
        docx = files.get("docx")
        found = self.laid_out.pop(docx, Diagnostics()) if docx is not None else Diagnostics()
        diags.extend(found.items)
        if self.profile is not None:
            self.profile.verify(files, diags)
        if found.has_errors:
            raise SubmissionError(found)

    def check_scratch(self, diags: Diagnostics, *, lay_out_docx: bool = True) -> None:
        """Write what the profile's rules read to a temporary folder, check it, delete it.

        A profile that attaches the DOCX has it laid out there (``check``'s one layout),
        unless ``lay_out_docx`` is False.
        """
        if self.profile is None:
            return
        with tempfile.TemporaryDirectory(prefix="policydraft-check-") as folder:
            formats = writing_order(self.profile.formats())
            targets = self.targets(formats, Path(folder), SCRATCH_STEM)
            lay_out = self.docx_layout(targets) if lay_out_docx else None
            with contextlib.suppress(SubmissionError):  # its diagnostics are in diags already
                write_outputs(
                    self.document,
                    targets,
                    self.settings,
                    verify=lambda files: self._verify(files, diags),
                    lay_out=lay_out,
                )
