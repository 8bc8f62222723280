"""``--supplement-to FILING``: read the filing's record and compose the supplement to it.

Shared by ``render`` and ``package``; the filing key is the submission's own
(``.policydraft/filing-key``), read here and never created: only ``package`` makes one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the work is imported where it is done: --help stays light
    from policydraft.diagnostics import Diagnostics
    from policydraft.model.filing import FilingDraft
    from policydraft.pipeline import CheckedSubmission

SupplementTo = Annotated[
    Path | None,
    typer.Option(
        "--supplement-to",
        help="Write the supplement to this filing (a folder made by package) instead.",
        show_default=False,
    ),
]


def supplement_to(
    folder: Path, filing: Path, diags: Diagnostics
) -> tuple[CheckedSubmission, FilingDraft] | None:
    """The checked supplement of ``folder`` to ``filing``, and its record; None after errors."""
    from policydraft.packaging.record import filing_key, read_filing
    from policydraft.pipeline import check_supplement

    key = filing_key(folder, create=False)
    record = read_filing(filing, key, diags)
    if record is None or key is None:
        return None
    return check_supplement(folder, record, key, diags)


def letter_draft(folder: Path, checked: CheckedSubmission) -> FilingDraft:
    """The record of a letter's first filing: its printed signers under the filing key (made
    now if the submission has none yet)."""
    from policydraft.compose.filed import filed_signers
    from policydraft.model.filing import FilingDraft
    from policydraft.packaging.record import filing_key
    from policydraft.signatories.select import NOBODY

    key = filing_key(folder, create=True)
    assert key is not None
    signers = checked.signers or NOBODY
    config = checked.loaded.submission.signatories
    return FilingDraft(0, (), filed_signers(signers, config, key), key)
