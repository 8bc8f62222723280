"""``render --to html --joined-since FILING``: mark on the publication page who joined after
that filing ("joined after the filing of March 15, 2025").

Who that is, the filing record decides (``compose.filed.joined_since``: by the keyed hash of
the e-mail address, else by name and organization), under the submission's filing key; the
page only prints the marks it is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # the work is imported where it is done: --help stays light
    from policydraft.diagnostics import Diagnostics
    from policydraft.pipeline import CheckedSubmission

JoinedSince = Annotated[
    Path | None,
    typer.Option(
        "--joined-since",
        help="On the HTML page, mark who joined after this filing (a folder made by package).",
        show_default=False,
    ),
]


def mark_joined(
    folder: Path, checked: CheckedSubmission, filing: Path, diags: Diagnostics
) -> CheckedSubmission | None:
    """``checked`` with its HTML page marking the signers no filing of ``filing``'s chain
    printed; None after diagnostics (not a filing, changed since, another key)."""
    from policydraft.compose.filed import joined_since
    from policydraft.model import SignatoryEntry
    from policydraft.packaging.record import filing_key, read_filing
    from policydraft.writers.html.marks import JoinedAfter

    key = filing_key(folder, create=False)
    record = read_filing(filing, key, diags)
    if record is None or key is None or checked.plan is None:
        return None
    signers = list(checked.signers or ())
    late = [signers[index] for index in sorted(joined_since(record, signers, key))]
    entries = [SignatoryEntry(signer.name, signer.affiliation) for signer in late]
    marks = JoinedAfter.of(dt.date.fromisoformat(record.letter.date), entries)
    plan = checked.plan
    return replace(checked, plan=replace(plan, settings=replace(plan.settings, joined_after=marks)))
