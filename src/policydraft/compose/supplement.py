"""A supplemental letter: the signers who joined, withdrew or were corrected since a filing.

It goes to the same addressee as the letter, through its own template (``supplement``, a
built-in that a submission overrides as it does the letter's), and its appendix lists only
the added signers, in the letter's order and groups. Templates see what the letter's
template sees, with the signers being the added ones, and a ``supplement`` value
(docs/filing-and-after.md lists its fields).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from policydraft.compose.appendix import build_appendix
from policydraft.compose.filed import Changes, changes_since, filed_signers, standing_after
from policydraft.compose.letter import SLOT, template_context
from policydraft.diagnostics import Diagnostics
from policydraft.model import PART_ROLES, Document, Metadata
from policydraft.model.filing import FiledLetter, FilingDraft, FilingRecord
from policydraft.profiles.schema import Profile
from policydraft.readers.markdown import read_markdown
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import PrintedSignatories, select_printed
from policydraft.submission.load import LoadedSubmission, MarkdownText
from policydraft.templating.templates import (
    Template,
    check_parts,
    find_template,
    long_date,
    render_template,
)

TEMPLATE = "supplement"


@dataclass(frozen=True)
class FilingView:
    """A filing as the supplement's template names it."""

    number: int  # 0 the letter, N supplement No. N
    title: str
    date: dt.date
    docket: str | None


@dataclass(frozen=True)
class CorrectionView:
    """ "Ada Lovelace: Chief Analyst, Engines Ltd (filed as Analyst, Engines Ltd)"."""

    name: str
    now: str
    was: str


@dataclass(frozen=True)
class SupplementView:
    """What a supplement's template sees as ``supplement``."""

    number: int  # this supplement's: 1 for the first
    original: FilingView  # the letter the chain began with
    previous: FilingView  # the filing this one follows (the letter, or the last supplement)
    earlier: tuple[FilingView, ...]  # the supplements filed before this one, in order
    added: int
    withdrawn: tuple[str, ...]  # "Name, Organization" of each who asked to be withdrawn
    corrections: tuple[CorrectionView, ...]
    total: int  # the signers counted once this supplement is filed


def supplement_view(record: FilingRecord, changes: Changes) -> SupplementView:
    chain = record.through
    total = len(record.signers) - len(changes.withdrawn) + len(changes.added)
    return SupplementView(
        number=record.letter.number + 1,
        original=_filing(chain[0]),
        previous=_filing(record.letter),
        earlier=tuple(_filing(f) for f in chain[1:]),
        added=len(changes.added),
        withdrawn=tuple(_who(s.name, s.organization) for s in changes.withdrawn),
        corrections=tuple(
            CorrectionView(
                c.after.name,
                _who(c.after.title, c.after.organization),
                _who(c.before.title, c.before.organization),
            )
            for c in changes.corrected
        ),
        total=total,
    )


def _filing(letter: FiledLetter) -> FilingView:
    return FilingView(
        letter.number, letter.title, dt.date.fromisoformat(letter.date), letter.docket
    )


def _who(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def compose_supplement(
    loaded: LoadedSubmission,
    template: Template,
    changes: Changes,
    view: SupplementView,
    diags: Diagnostics,
    profile: Profile | None = None,
) -> Document | None:
    """The supplemental letter as a document tree, or None when its template has errors."""
    submission = loaded.submission
    config = _appendix_config(submission.signatories, view.previous.date)
    slots = {"appendix": (build_appendix(changes.added, config),)} if changes.added else {}
    check_parts(template, {*PART_ROLES, SLOT}, diags)
    context = template_context(loaded, changes.added, profile)
    context["supplement"] = view
    rendered = render_template(template, context, diags)
    if rendered is None:
        return None
    text, origin = rendered
    smart = submission.typography.smart_quotes
    blocks = read_markdown(
        MarkdownText(text, origin), diags, parts=PART_ROLES, slots=slots, smart=smart
    )
    title = f"Supplement No. {view.number} to {submission.title}"
    docket = submission.docket
    metadata = Metadata(
        title=title,
        author=submission.commenter.organization or submission.commenter.name,
        subject=f"Docket No. {docket}" if docket else title,
        date=submission.date,
    )
    return Document(metadata, blocks)


def _appendix_config(config: SignatoriesConfig | None, since: dt.date) -> SignatoriesConfig:
    """The letter's appendix settings, headed as the signers added since ``since``."""
    config = config or SignatoriesConfig()
    heading = f"{config.heading or 'Signatories'} Added Since {long_date(since)}"
    return config.model_copy(update={"heading": heading})


@dataclass(frozen=True)
class Supplement:
    """A supplement composed: its template, letter, the signers it adds, and its record."""

    template: Template
    document: Document
    added: PrintedSignatories
    draft: FilingDraft


def compose_supplement_to(
    loaded: LoadedSubmission,
    record: FilingRecord,
    key: bytes,
    diags: Diagnostics,
    profile: Profile | None = None,
) -> Supplement | None:
    """Read the list, compare it with the filing's record and compose the supplement.

    Nothing added, withdrawn or corrected since the filing is an error (PD805), not an
    empty letter; filed signers the list no longer has stay counted and are reported (PD806).
    """
    config = loaded.submission.signatories
    where = loaded.locate("signatories", "file")
    if config is None:
        message = "a supplement reports changes to the signatory list, and there is none"
        diags.error("PD805", message + " (add signatories: to policydraft.yaml)", where)
        return None
    listing = read_signatory_list(loaded.folder / config.file, config, diags, where)
    printed = select_printed(listing, diags, sort=config.sort).printed
    template = find_template(TEMPLATE, loaded.folder, diags, loaded.locate("template"))
    if diags.has_errors or template is None:
        return None
    changes = changes_since(record, printed, listing.signers, key)
    since = long_date(dt.date.fromisoformat(record.letter.date))
    if changes.nothing_new:
        message = f"nothing to supplement: no signer added, withdrawn or corrected since {since}"
        diags.error("PD805", message, where)
        return None
    if changes.missing:
        names = ", ".join(s.name for s in changes.missing[:5])
        more = f" and {len(changes.missing) - 5:,} more" if len(changes.missing) > 5 else ""
        message = (
            f"{len(changes.missing):,} signers filed by {since} are no longer in the list "
            f"({names}{more}); they stay counted as signed: give them a row with consent: no "
            "to withdraw them"
        )
        diags.warning("PD806", message, where)
    view = supplement_view(record, changes)
    document = compose_supplement(loaded, template, changes, view, diags, profile)
    if document is None:
        return None
    added = filed_signers(changes.added, config, key, view.number)
    standing = standing_after(record, changes, added)
    draft = FilingDraft(view.number, record.through, standing, key)
    return Supplement(template, document, changes.added, draft)
