"""Submission + template -> the document tree.

Each Markdown body (introduction, every argument, conclusion) is parsed on its own, so its
footnotes are scoped to it and its diagnostics point into its own file. The template only
decides where bodies go: it prints a *slot* for each, and the signatory appendix is a slot too,
built straight from the signers (it may hold 100,000 of them, so it never passes through
Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policydraft.compose.appendix import build_appendix, signatories_view
from policydraft.compose.authorities import place_authorities
from policydraft.compose.exhibit_refs import refer_to_exhibits
from policydraft.compose.exhibits import exhibits_block, read_exhibits
from policydraft.compose.heading_numbers import (
    argument_heading,
    check_argument_headings,
    number_arguments,
)
from policydraft.compose.signature import build_letterhead, build_signature
from policydraft.compose.toc import place_contents
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import PART_ROLES, Block, Document, Metadata
from policydraft.profiles.schema import Profile, ProfileView
from policydraft.readers.markdown import read_markdown
from policydraft.signatories.select import PrintedSignatories
from policydraft.submission.exhibits import exhibit_labels
from policydraft.submission.load import LoadedSubmission, MarkdownText
from policydraft.templating.templates import (
    Markdown,
    Template,
    check_parts,
    render_template,
    roman,
)

SLOT = "slot"


@dataclass(frozen=True)
class ArgumentView:
    """What a template sees of one argument."""

    number: str  # Roman numeral: "I", "II", ...
    heading: str
    body: Markdown


def _slot(name: str) -> Markdown:
    return Markdown(f"\n\n::: {SLOT} {name}\n:::\n\n")


def compose_letter(
    loaded: LoadedSubmission,
    template: Template,
    signers: PrintedSignatories | None,
    diags: Diagnostics,
    profile: Profile | None = None,
) -> Document | None:
    """The letter as a document tree, or None when the template or a body has errors."""
    submission = loaded.submission
    slots = _parse_bodies(loaded, diags)
    exhibits = read_exhibits(loaded, diags)
    slots = refer_to_exhibits(slots, loaded, exhibit_labels(loaded), diags)
    check_argument_headings(loaded, diags)
    if signers is not None:
        slots["appendix"] = (build_appendix(signers, submission.signatories),)
    slots["signature"] = (build_signature(loaded, diags),)
    letterhead = build_letterhead(loaded, diags)
    rendered = _render(template, loaded, signers, diags, profile)
    if rendered is None:
        return None
    text, origin = rendered
    smart = submission.typography.smart_quotes
    body = MarkdownText(text, origin)
    blocks = read_markdown(body, diags, parts=PART_ROLES, slots=slots, smart=smart)
    from_bodies = frozenset(id(block) for held in slots.values() for block in held)
    blocks = number_arguments(blocks, from_bodies, diags, origin)
    blocks = place_contents(blocks, submission.toc, diags, loaded.locate("toc"))
    toa, where = submission.table_of_authorities, loaded.locate("table_of_authorities")
    blocks = place_authorities(blocks, toa, submission.toa.passim, where)
    if letterhead is not None:
        blocks = (letterhead, *blocks)  # the first page's top, whatever the template
    metadata = Metadata(
        title=submission.title,
        author=submission.commenter.organization or submission.commenter.name,
        subject=f"Docket No. {submission.docket}" if submission.docket else submission.title,
        date=submission.date,
    )
    return Document(metadata, (*blocks, *exhibits_block(exhibits)))


def _parse_bodies(loaded: LoadedSubmission, diags: Diagnostics) -> dict[str, tuple[Block, ...]]:
    slots: dict[str, tuple[Block, ...]] = {}
    smart, folder = loaded.submission.typography.smart_quotes, loaded.folder  # figures' images
    if loaded.introduction is not None:
        introduction = loaded.introduction
        slots["introduction"] = read_markdown(introduction, diags, smart=smart, folder=folder)
    for i, (_, body) in enumerate(loaded.arguments, start=1):
        slots[f"argument-{i}"] = read_markdown(body, diags, smart=smart, folder=folder)
    if loaded.conclusion is not None:
        slots["conclusion"] = read_markdown(loaded.conclusion, diags, smart=smart, folder=folder)
    return slots


def _render(
    template: Template,
    loaded: LoadedSubmission,
    signers: PrintedSignatories | None,
    diags: Diagnostics,
    profile: Profile | None = None,
) -> tuple[str, Location] | None:
    check_parts(template, {*PART_ROLES, SLOT}, diags)
    context = template_context(loaded, signers, profile)
    return render_template(template, context, diags)


def template_context(
    loaded: LoadedSubmission, signers: PrintedSignatories | None, profile: Profile | None = None
) -> dict[str, Any]:
    """Every variable a template can use; docs/templates.md lists them."""
    submission = loaded.submission
    arguments = [
        ArgumentView(roman(i), argument_heading(heading, i), _slot(f"argument-{i}"))
        for i, (heading, _) in enumerate(loaded.arguments, start=1)
    ]
    signatories = None
    if signers is not None:
        signatories = signatories_view(signers, submission.signatories, _slot("appendix"))
    return {
        "title": submission.title,
        "date": submission.date,
        "docket": submission.docket,
        "commenter": submission.commenter,
        "addressee": submission.addressee,
        "salutation": submission.salutation,
        "introduction": _slot("introduction") if loaded.introduction else None,
        "arguments": arguments,
        "conclusion": _slot("conclusion") if loaded.conclusion else None,
        "closing": submission.closing,
        "signature": submission.signature,
        "signature_block": _slot("signature"),
        "letterhead": submission.letterhead,
        "firm": submission.firm,
        "signatories": signatories,
        "profile": ProfileView.of(profile),
    }
