"""What ``signatories stats`` and ``signatories diff`` report, as plain JSON-ready data.

Both describe signers by line, name and printed columns only: no e-mail address or other
private column is ever part of a report, in text or in JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from policydraft.signatories.columns import PRINTED_COLUMNS
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.identity import email_key, name_key
from policydraft.signatories.printed import grouped
from policydraft.signatories.select import REASONS, PrintedSignatories, Selection
from policydraft.signatories.signatory import Signatory

Report = dict[str, Any]


def list_stats(selection: Selection, config: SignatoriesConfig) -> Report:
    """Counts, every excluded row and why, possible duplicates and the groups' sizes."""
    listing = selection.listing
    return {
        "file": listing.file,
        "encoding": listing.encoding,
        "rows": listing.rows,
        "printed": len(selection.printed),
        "excluded": {REASONS[r]: n for r, n in selection.counts().items()},
        "excluded_rows": [
            {
                "line": e.where.line,
                "name": e.name,
                "reason": REASONS[e.reason],
                "other_line": e.other.line if e.other else None,
            }
            for e in selection.excluded
        ],
        "possible_duplicates": [
            {
                "line": p.second.where.line,
                "name": p.second.name,
                "other_line": p.first.where.line,
                "other_name": p.first.name,
            }
            for p in selection.possible_duplicates
        ],
        "groups": [
            {"heading": heading, "count": len(members)}
            for heading, members in grouped(selection.printed, config)
            if heading is not None
        ],
    }


def printed_fields(signer: Signatory) -> dict[str, Any]:
    """A signer as reports show them: the line and the printed columns, nothing private."""
    return {"line": signer.where.line, **{c: getattr(signer, c) for c in PRINTED_COLUMNS}}


def diff_lists(old: PrintedSignatories, new: PrintedSignatories) -> Report:
    """Printed signers added, removed and changed between two versions of a list.

    Signers are matched by e-mail address when both rows have one, otherwise by normalised
    name; a match whose printed columns differ is a change.
    """
    pairs, unmatched_new = _match(old, new)
    matched_old = {id(o) for o, _ in pairs}
    changed = []
    for before, after in pairs:
        changes = {
            c: [getattr(before, c), getattr(after, c)]
            for c in PRINTED_COLUMNS
            if getattr(before, c) != getattr(after, c)
        }
        if changes:
            changed.append({"name": after.name, "old_line": before.where.line,
                            "new_line": after.where.line, "changes": changes})  # fmt: skip
    return {
        "added": [printed_fields(s) for s in unmatched_new],
        "removed": [printed_fields(s) for s in old if id(s) not in matched_old],
        "changed": changed,
    }


def _match(
    old: Sequence[Signatory], new: Sequence[Signatory]
) -> tuple[list[tuple[Signatory, Signatory]], list[Signatory]]:
    by_email = {email_key(s.email): s for s in reversed(old) if s.email}
    by_name: dict[str, list[Signatory]] = {}
    for signer in old:
        by_name.setdefault(name_key(signer.name), []).append(signer)
    taken: set[int] = set()
    pairs: list[tuple[Signatory, Signatory]] = []
    unmatched: list[Signatory] = []
    for signer in new:
        match = by_email.get(email_key(signer.email)) if signer.email else None
        if match is None or id(match) in taken:
            match = _by_name(signer, by_name.get(name_key(signer.name), []), taken)
        if match is None:
            unmatched.append(signer)
        else:
            taken.add(id(match))
            pairs.append((match, signer))
    return pairs, unmatched


def _by_name(signer: Signatory, candidates: list[Signatory], taken: set[int]) -> Signatory | None:
    """An old row of the same name, unless both have e-mail addresses (then they differ)."""
    for candidate in candidates:
        if id(candidate) not in taken and not (candidate.email and signer.email):
            return candidate
    return None
