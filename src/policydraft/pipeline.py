"""The stages every command shares: load and check a submission, then write its files.

Commands call these and print what comes back; nothing here prints. A stage that finds a
user's mistake adds a diagnostic and carries on where it can, so one run reports them all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from policydraft.checks.glyphs import check_document_glyphs, check_signatory_glyphs
from policydraft.checks.reference_docx import check_reference_docx
from policydraft.citations.bibliography import Bibliography
from policydraft.citations.listing import collect_cites
from policydraft.citations.prose import check_prose_citations
from policydraft.citations.quotes import check_quotations
from policydraft.citations.resolve import resolve_citations
from policydraft.citations.sources_file import load_bibliography
from policydraft.citations.typed_reporters import check_typed_reporters
from policydraft.citations.validate_sources import validate_sources
from policydraft.compose import compose_letter
from policydraft.compose.supplement import compose_supplement_to
from policydraft.diagnostics import Diagnostics
from policydraft.gc_pause import gc_paused
from policydraft.model import Cite, Document
from policydraft.model.filing import FilingDraft, FilingRecord
from policydraft.outputs.location import check_output_location
from policydraft.outputs.write import WrittenFile
from policydraft.plan import RenderPlan
from policydraft.profiles.rendered import LetterFacts
from policydraft.profiles.schema import Profile
from policydraft.profiles.setup import apply_profile
from policydraft.profiles.verify import ProfileCheck
from policydraft.review import DRAFT_SUFFIX, ReviewCopy
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import PrintedSignatories, select_printed
from policydraft.submission.load import LoadedSubmission, load_submission
from policydraft.templating.templates import Template, find_template
from policydraft.typography import LETTER, Typography
from policydraft.wordml.reference_format import read_reference_format


@dataclass(frozen=True)
class CheckedSubmission:
    """A submission that loaded, with its signers, and its render plan when it has no errors."""

    loaded: LoadedSubmission
    template: Template | None
    signers: PrintedSignatories | None
    bibliography: Bibliography | None
    cites: tuple[Cite, ...]  # the citations as written, before they became notes
    plan: RenderPlan | None = None  # None when any check found an error

    @property
    def document(self) -> Document | None:
        """The composed document tree, citations resolved; None when there are errors."""
        return self.plan.document if self.plan is not None else None

    @property
    def profile(self) -> ProfileCheck | None:
        """The agency profile's checks on the written files, if it has a profile."""
        return self.plan.profile if self.plan is not None else None


class Timings:
    """How long each stage took, for ``-v``: a stage calls ``lap(name)`` as it ends, and the
    time since the previous lap is its own. ``on_lap`` lets the command line move a progress
    bar; nothing here prints."""

    def __init__(self, on_lap: Callable[[str], None] | None = None) -> None:
        self.stages: list[tuple[str, float]] = []
        self.on_lap = on_lap
        self._last = time.perf_counter()

    def restart(self) -> None:
        """Start the next stage's clock now (after the command printed what it had)."""
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages.append((stage, now - self._last))
        self._last = now
        if self.on_lap is not None:
            self.on_lap(stage)


def check(
    folder: Path,
    diags: Diagnostics,
    *,
    render_checks: bool = True,
    smart: bool = True,
    timings: Timings | None = None,
) -> CheckedSubmission | None:
    """Load and validate everything, composing the document tree as the last check.

    With an agency profile, ``render_checks`` also writes the files to a scratch folder to
    check its page, type and text rules (``write_files`` checks its staged files instead).
    ``smart=False`` (``--no-smart``) keeps straight quotes whatever ``typography:`` says.
    ``timings`` records how long each stage took.
    """
    with gc_paused():
        return _check(folder, diags, render_checks, smart, timings or Timings())


def _check(
    folder: Path, diags: Diagnostics, render_checks: bool, smart: bool, timings: Timings
) -> CheckedSubmission | None:
    loaded = load_submission(folder, diags)
    if loaded is None:
        return None
    if not smart:
        typography = loaded.submission.typography.model_copy(update={"smart_quotes": False})
        submission = loaded.submission.model_copy(update={"typography": typography})
        loaded = replace(loaded, submission=submission)
    check_output_location(loaded, diags)
    timings.lap("load")
    loaded, profile = apply_profile(loaded, diags)
    timings.lap("profile")
    signers = _signers(loaded, diags)
    timings.lap("signatories")
    bibliography = _bibliography(loaded, diags)
    timings.lap("bibliography")
    template = _template(loaded, diags)
    base = _reference_base(template, profile, diags)
    document = None
    if template is not None:
        document = compose_letter(loaded, template, signers, diags, profile)
    timings.lap("compose")
    cites: tuple[Cite, ...] = ()
    if document is not None:
        cites = tuple(collect_cites(document.blocks))
        _check_authorities(loaded, document, bibliography, diags)
        if "sources" not in loaded.broken:  # else every citation would be "no such source"
            document = _cite(loaded, document, bibliography, diags)
    timings.lap("cite")
    if signers:
        check_signatory_glyphs(signers, diags, base.pdf_font)
    if document is not None:
        check_document_glyphs(document, diags, loaded, base.pdf_font)
    plan = None
    if document is not None and template is not None and not diags.has_errors:
        plan = _plan(loaded, template, document, profile, diags, render_checks, base)
    timings.lap("checks")
    return CheckedSubmission(loaded, template, signers, bibliography, cites, plan)


def check_supplement(
    folder: Path, record: FilingRecord, key: bytes, diags: Diagnostics
) -> tuple[CheckedSubmission, FilingDraft] | None:
    """Load the submission and compose its supplement to the filing ``record`` describes.

    The supplement goes through the letter's checks and plan (the profile's rules included);
    its files are named after the letter's with ``-supplement-N``. None after errors.
    """
    with gc_paused():
        loaded = load_submission(folder, diags)
        if loaded is None:
            return None
        check_output_location(loaded, diags)
        loaded, profile = apply_profile(loaded, diags)
        made = compose_supplement_to(loaded, record, key, diags, profile)
        if made is None:
            return None
        check_signatory_glyphs(made.added, diags)
        check_document_glyphs(made.document, diags, loaded)
        plan = None
        if not diags.has_errors:
            plan = _plan(loaded, made.template, made.document, profile, diags, False)
        if plan is None:
            return None
        plan = replace(plan, stem=f"{plan.stem}-supplement-{made.draft.number}")
        checked = CheckedSubmission(loaded, made.template, made.added, None, (), plan)
        return checked, made.draft


def _plan(
    loaded: LoadedSubmission,
    template: Template,
    document: Document,
    profile: Profile | None,
    diags: Diagnostics,
    render_checks: bool,
    base: Typography = LETTER,
) -> RenderPlan | None:
    """The render plan of a submission without errors; None if the scratch files fail."""
    rules = None
    if profile is not None:
        rules = ProfileCheck(
            profile, LetterFacts.of(loaded.submission, document), loaded.locate("profile")
        )
    plan = RenderPlan.of(loaded, document, template.reference_docx, rules, base)
    if render_checks:
        plan.check_scratch(diags)  # nothing to check without a profile
    return None if diags.has_errors else plan


def _template(loaded: LoadedSubmission, diags: Diagnostics) -> Template | None:
    """The submission's template; None (nothing is composed) when it cannot be found or its
    ``template:`` is broken: another template's findings would only mislead."""
    if "template" in loaded.broken:
        return None
    name = loaded.submission.template
    return find_template(name, loaded.folder, diags, loaded.locate("template"))


def _reference_base(
    template: Template | None, profile: Profile | None, diags: Diagnostics
) -> Typography:
    """The page and type both formats follow: the template's reference.docx's (checked here,
    since render opens it), else ours."""
    reference = template.reference_docx if template is not None else None
    if reference is None or not check_reference_docx(reference, diags):
        return LETTER
    minimum = ProfileCheck.minimum_of(profile) if profile is not None else None
    found = read_reference_format(reference, LETTER, diags, minimum)
    return found.typography if found is not None else LETTER


def _check_authorities(
    loaded: LoadedSubmission,
    document: Document,
    bibliography: Bibliography | None,
    diags: Diagnostics,
) -> None:
    """Checks that read citations as written (before they become notes)."""
    check_typed_reporters(document.blocks, diags, loaded.locate(), loaded.folder)
    if bibliography is None:
        return
    validate_sources(bibliography, loaded.submission.date, diags)
    warn_uncopied = loaded.submission.citations.quotes_without_copy == "warn"
    check_quotations(document, bibliography, loaded.folder, diags, warn_uncopied=warn_uncopied)
    check_prose_citations(document, bibliography, diags, loaded.locate())


def _bibliography(loaded: LoadedSubmission, diags: Diagnostics) -> Bibliography | None:
    """The submission's ``sources:``, or None when it has none (then citing is PD501)."""
    name = loaded.submission.sources
    if name is None:
        return None
    return load_bibliography(loaded.folder / name, diags, loaded.locate("sources"))


def _cite(
    loaded: LoadedSubmission,
    document: Document,
    bibliography: Bibliography | None,
    diags: Diagnostics,
) -> Document:
    """Citations become Bluebook notes before the checks read the text and writers run."""
    responding_to = loaded.submission.responding_to
    used = (responding_to,) if responding_to else ()
    settings = loaded.submission.citations
    return resolve_citations(
        document, bibliography, diags, folder=loaded.folder, used=used, settings=settings
    )


def _signers(loaded: LoadedSubmission, diags: Diagnostics) -> PrintedSignatories | None:
    config = loaded.submission.signatories
    if config is None:
        return None
    path = loaded.folder / config.file
    where = loaded.locate("signatories", "file")
    listing = read_signatory_list(path, config, diags, where)
    return select_printed(listing, diags, sort=config.sort).printed


def write_files(
    checked: CheckedSubmission,
    formats: Sequence[str],
    out_dir: Path | None,
    diags: Diagnostics | None = None,
    *,
    docx_pages: bool = False,
    review: ReviewCopy | None = None,
    timings: Timings | None = None,
) -> list[WrittenFile]:
    """Write the files in ``formats`` to ``out_dir`` (else output.dir), all or none.

    A profile's rules run on the staged files; a broken one raises ``SubmissionError`` (its
    diagnostics also go to ``diags``) and nothing is published: earlier files stay.
    ``docx_pages`` has LibreOffice count the DOCX's pages even without a profile's page rule.
    A ``review`` copy is marked as one and named ``STEM-draft`` (docs/reviewing.md).
    ``timings`` records the writing as one stage, ``write FORMAT,FORMAT``.
    """
    plan = checked.plan
    assert plan is not None, "write_files() needs a document without errors"
    if docx_pages:
        plan = replace(plan, docx_pages=True)
    if review is not None:
        settings = replace(plan.settings, review=review)
        plan = replace(plan, settings=settings, stem=f"{plan.stem}{DRAFT_SUFFIX}")
    found = diags if diags is not None else Diagnostics()  # an empty one is falsy
    with gc_paused():
        written = plan.write(plan.targets(formats, out_dir), found)
    if timings is not None:
        timings.lap("write " + ",".join(formats))
    return written
