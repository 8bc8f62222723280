"""What a filing record holds: the letter filed, the filings it follows, its signers as filed.

``package`` writes a record beside the files it filed (``packaging.record``); a supplement
reads the record of the filing it follows (``compose.supplement``) to find who joined,
withdrew or changed since. These plain, frozen values are what the two share: the record's
JSON is the packaging's business, matching people the composer's.

No e-mail address is ever held here: a signer filed with one carries ``email_hmac``, a keyed
hash (HMAC-SHA256) of the address that only the holder of the submission's filing key can
recompute.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FiledSigner:
    """One signer as the filings so far printed them."""

    name: str
    title: str = ""
    organization: str = ""
    group: str | None = None  # the appendix group's heading, None when not grouped
    position: int = 0  # 1-based, in the appendix of the filing that first printed the signer
    filed_in: int = 0  # that filing's number along the chain: 0 the letter, N supplement No. N
    email_hmac: str | None = None  # HMAC-SHA256 of the e-mail address, None without one


@dataclass(frozen=True)
class FiledLetter:
    """One filing of a chain as later supplements name it."""

    number: int  # 0 the letter itself, N supplement No. N
    title: str
    date: str  # ISO 8601, the submission's date
    docket: str | None
    record_sha256: str  # the record's own hash, so a later record pins the one it follows


@dataclass(frozen=True)
class FilingRecord:
    """A filing's record, read and checked: which filing, the chain, who stands as signed."""

    letter: FiledLetter
    chain: tuple[FiledLetter, ...]  # the earlier filings, the letter first, in order
    signers: tuple[FiledSigner, ...]  # everyone signed as of this filing, withdrawals gone

    @property
    def original(self) -> FiledLetter:
        """The letter the chain began with."""
        return self.chain[0] if self.chain else self.letter

    @property
    def through(self) -> tuple[FiledLetter, ...]:
        """The chain a supplement to this filing follows: the earlier ones, then this one."""
        return (*self.chain, self.letter)


@dataclass(frozen=True)
class FilingDraft:
    """What ``package`` records of the filing it is making, beyond the submission's facts."""

    number: int  # 0 for a letter, N for supplement No. N
    chain: tuple[FiledLetter, ...]  # the filings it follows (empty for a letter)
    signers: tuple[FiledSigner, ...]  # everyone signed as of this filing
    key: bytes  # the filing key: seals the record and hashes e-mail addresses; never written
