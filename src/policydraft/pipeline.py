"""The stages every command shares: load and check a submission, then render it.

Commands call these and print what comes back; nothing here prints. A stage that finds a
user's mistake adds a diagnostic and carries on where it can, so one run reports them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policydraft.checks.glyphs import check_document_glyphs, check_signatory_glyphs
from policydraft.checks.reference_docx import check_reference_docx
from policydraft.citations.bibliography import Bibliography
from policydraft.citations.listing import collect_cites
from policydraft.citations.prose import check_prose_citations
from policydraft.citations.quotes import check_quotations
from policydraft.citations.resolve import resolve_citations
from policydraft.citations.sources_file import load_bibliography
from policydraft.citations.validate_sources import validate_sources
from policydraft.compose import compose_letter
from policydraft.diagnostics import Diagnostics
from policydraft.gc_pause import gc_paused
from policydraft.model import Cite, Document
from policydraft.outputs.location import check_output_location, output_stem
from policydraft.outputs.write import RenderedFile, write_outputs
from policydraft.profiles.rendered import Facts
from policydraft.profiles.setup import apply_profile
from policydraft.profiles.verify import ProfileCheck, check_scratch
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import select_printed
from policydraft.signatories.signatory import Signatory
from policydraft.submission.load import LoadedSubmission, load_submission
from policydraft.templating.templates import Template, find_template

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Checked:
    """A submission that loaded, with its signers and the composed document (if no errors)."""

    loaded: LoadedSubmission
    template: Template | None
    signers: tuple[Signatory, ...] | None
    bibliography: Bibliography | None
    cites: tuple[Cite, ...]  # the citations as written, before they became notes
    document: Document | None
    profile: ProfileCheck | None = None  # the agency profile's rules, for the rendered files


def check(folder: Path, diags: Diagnostics, *, render_checks: bool = True) -> Checked | None:
    """Load and validate everything, composing the document tree as the last check.

    With an agency profile, ``render_checks`` also writes the files to a scratch folder to
    check its page, type and text rules (``render`` checks its staged files instead).
    """
    with gc_paused():
        return _check(folder, diags, render_checks)


def _check(folder: Path, diags: Diagnostics, render_checks: bool) -> Checked | None:
    loaded = load_submission(folder, diags)
    if loaded is None:
        return None
    check_output_location(loaded, diags)
    loaded, profile = apply_profile(loaded, diags)
    signers = _signers(loaded, diags)
    bibliography = _bibliography(loaded, diags)
    name = loaded.submission.template
    template = find_template(name, loaded.folder, diags, loaded.locate("template"))
    if template is not None and template.reference_docx is not None:
        check_reference_docx(template.reference_docx, diags)  # render opens it: check it here
    document = None
    if template is not None:
        document = compose_letter(loaded, template, signers, diags, profile)
    cites: tuple[Cite, ...] = ()
    if document is not None:
        cites = tuple(collect_cites(document.blocks))
        _check_authorities(loaded, document, bibliography, diags)
        document = _cite(loaded, document, bibliography, diags)
    if signers:
        check_signatory_glyphs(signers, diags)
    if document is not None:
        check_document_glyphs(document, diags, loaded)
    final = None if diags.has_errors else document
    rules = None
    if profile is not None and final is not None:
        rules = ProfileCheck(profile, Facts.of(loaded.submission, final), loaded.locate("profile"))
        if render_checks:
            check_scratch(rules, final, template.reference_docx if template else None, diags)
            final = None if diags.has_errors else final
    return Checked(loaded, template, signers, bibliography, cites, final, rules)


def _check_authorities(
    loaded: LoadedSubmission,
    document: Document,
    bibliography: Bibliography | None,
    diags: Diagnostics,
) -> None:
    """Checks that read citations as written (before they become notes)."""
    if bibliography is None:
        return
    validate_sources(bibliography, loaded.submission.date, diags)
    check_quotations(document, bibliography, loaded.folder, diags)
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
    return resolve_citations(document, bibliography, diags, folder=loaded.folder, used=used)


def _signers(loaded: LoadedSubmission, diags: Diagnostics) -> tuple[Signatory, ...] | None:
    config = loaded.submission.signatories
    if config is None:
        return None
    path = loaded.folder / config.file
    where = loaded.locate("signatories", "file")
    listing = read_signatory_list(path, config, diags, where)
    return select_printed(listing, diags, sort=config.sort).printed


def output_paths(checked: Checked, out_dir: Path | None, formats: Sequence[str]) -> list[Path]:
    loaded = checked.loaded
    output = loaded.submission.output
    folder = out_dir if out_dir is not None else loaded.folder / output.dir
    stem = output_stem(loaded)
    return [folder / f"{stem}.{fmt}" for fmt in formats]


def render(
    checked: Checked,
    formats: Sequence[str],
    out_dir: Path | None,
    diags: Diagnostics | None = None,
) -> list[RenderedFile]:
    """Write the documents atomically; earlier outputs stay if anything fails.

    A profile's rules run on the staged files; a broken one raises ``SubmissionError`` (its
    diagnostics also go to ``diags``) and nothing is published.
    """
    with gc_paused():
        return _render(checked, formats, out_dir, diags)


def _render(
    checked: Checked,
    formats: Sequence[str],
    out_dir: Path | None,
    diags: Diagnostics | None,
) -> list[RenderedFile]:
    assert checked.document is not None, "render() needs a document without errors"
    paths = output_paths(checked, out_dir, formats)
    reference = checked.template.reference_docx if checked.template else None
    targets = dict(zip(formats, paths, strict=True))
    rules = checked.profile
    if rules is None:
        return write_outputs(checked.document, targets, reference)
    found = diags if diags is not None else Diagnostics()  # an empty one is falsy
    verify = rules.verifier(formats, checked.document, reference, found)
    return write_outputs(
        checked.document, targets, reference, typography=rules.typography, verify=verify
    )
