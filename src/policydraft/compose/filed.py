"""Who is who across filings: the signers as filed, and what changed in the list since.

A person matches across versions of the list by the keyed hash of their e-mail address (the
same filing key), else, when either side has no address, by name and organization (compared
as ``signatories.identity`` compares them). A matched person whose printed title,
organization or group changed is a *correction*, not a new signer; a row of the list with
``consent: no`` that matches a filed signer is a *withdrawal*; a printed signer nobody filed
is *added*. A filed signer the list no longer has at all stays counted as signed (a row that
vanished is not a withdrawal) and is reported as *missing*.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policydraft.model.filing import FiledSigner, FilingRecord
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.identity import email_key, name_key
from policydraft.signatories.printed import printed_groups
from policydraft.signatories.select import PrintedSignatories
from policydraft.signatories.signatory import Signatory

CORRECTABLE = ("title", "organization")
"""The printed columns whose change, for the same person, is a correction."""


def email_hmac(key: bytes, email: str) -> str | None:
    """The keyed hash a record holds instead of an address; None when ``email`` is none.

    HMAC-SHA256 under the submission's filing key: a plain hash of an address could be
    reversed by hashing guesses ("jane@agency.gov"), a keyed one only by whoever has the key.
    """
    if "@" not in email:  # "anonymous" or "N/A" in an e-mail column is no address
        return None
    return hmac.new(key, email_key(email).encode("utf-8"), hashlib.sha256).hexdigest()


def filed_signers(
    signers: PrintedSignatories, config: SignatoriesConfig | None, key: bytes, number: int = 0
) -> tuple[FiledSigner, ...]:
    """The printed signers as a filing prints them: in the appendix's groups and order."""
    filed: list[FiledSigner] = []
    for group in printed_groups(signers, config):
        for signer in group.signers:
            filed.append(_filed(signer, group.heading, len(filed) + 1, number, key))
    return tuple(filed)


def _filed(
    signer: Signatory, group: str | None, position: int, number: int, key: bytes
) -> FiledSigner:
    return FiledSigner(
        name=signer.name,
        title=signer.title,
        organization=signer.organization,
        group=group,
        position=position,
        filed_in=number,
        email_hmac=email_hmac(key, signer.email),
    )


@dataclass(frozen=True)
class Correction:
    """A filed signer whose printed title or organization changed since."""

    before: FiledSigner
    after: Signatory


@dataclass(frozen=True)
class Changes:
    """What the list says now against a filing's record."""

    added: PrintedSignatories  # printed now, filed by no earlier filing: the new appendix
    withdrawn: tuple[FiledSigner, ...]  # filed, and now a row with consent: no
    corrected: tuple[Correction, ...]
    missing: tuple[FiledSigner, ...]  # filed, and in no row of the list now

    @property
    def nothing_new(self) -> bool:
        return not (self.added or self.withdrawn or self.corrected)


class _Filed:
    """The record's signers, looked up by e-mail hash and by name and organization."""

    def __init__(self, signers: Sequence[FiledSigner]) -> None:
        self.by_hmac = {s.email_hmac: s for s in signers if s.email_hmac}
        self.by_name: dict[tuple[str, str], list[FiledSigner]] = {}
        for signer in signers:
            self.by_name.setdefault(_name_org(signer.name, signer.organization), []).append(signer)

    def find(self, signer: Signatory, key: bytes) -> FiledSigner | None:
        hashed = email_hmac(key, signer.email)
        if hashed is not None and hashed in self.by_hmac:
            return self.by_hmac[hashed]
        candidates = self.by_name.get(_name_org(signer.name, signer.organization), [])
        for candidate in candidates:  # two different addresses are two people
            if hashed is None or candidate.email_hmac is None:
                return candidate
        return None


def _name_org(name: str, organization: str) -> tuple[str, str]:
    return name_key(name), name_key(organization)


def changes_since(
    record: FilingRecord,
    printed: PrintedSignatories,
    rows: Sequence[Signatory],
    key: bytes,
) -> Changes:
    """Added, withdrawn, corrected and missing signers; ``rows`` are all the list's rows."""
    filed = _Filed(record.signers)
    seen: set[int] = set()
    added: list[Signatory] = []
    corrected: list[Correction] = []
    for signer in printed:
        match = filed.find(signer, key)
        if match is None:
            added.append(signer)
            continue
        seen.add(id(match))
        if any(getattr(match, c) != getattr(signer, c) for c in CORRECTABLE):
            corrected.append(Correction(match, signer))
    withdrawn: dict[int, FiledSigner] = {}
    for row in rows:
        match = filed.find(row, key) if row.withdrawn else None
        if match is not None and id(match) not in seen:
            withdrawn[id(match)] = match
    gone = seen | set(withdrawn)
    missing = _absent([s for s in record.signers if id(s) not in gone], rows, key)
    return Changes(printed.only(added), tuple(withdrawn.values()), tuple(corrected), missing)


def _absent(
    signers: Sequence[FiledSigner], rows: Sequence[Signatory], key: bytes
) -> tuple[FiledSigner, ...]:
    """The filed signers no row of the list is (a row left out of print still counts)."""
    remaining = _Filed(signers)
    present = {id(match) for row in rows if (match := remaining.find(row, key)) is not None}
    return tuple(s for s in signers if id(s) not in present)


def standing_after(
    record: FilingRecord, changes: Changes, added: Sequence[FiledSigner]
) -> tuple[FiledSigner, ...]:
    """Everyone signed once a supplement is filed: corrections applied, withdrawals gone."""
    withdrawn = {id(s) for s in changes.withdrawn}
    fixes = {id(c.before): c.after for c in changes.corrected}
    kept = []
    for signer in record.signers:
        if id(signer) in withdrawn:
            continue
        after = fixes.get(id(signer))
        if after is not None:
            signer = replace(signer, title=after.title, organization=after.organization)
        kept.append(signer)
    return (*kept, *added)


def joined_since(record: FilingRecord, signers: Sequence[Signatory], key: bytes) -> set[int]:
    """The indexes in ``signers`` of those no filing of ``record``'s chain printed.

    For marks like "joined after the filing of March 15" on a publication page.
    """
    filed = _Filed(record.signers)
    return {i for i, signer in enumerate(signers) if filed.find(signer, key) is None}
