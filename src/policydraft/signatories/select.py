"""Which rows of a list are printed, and why every other row is not.

The rules, in the order they apply to each row:

1. A row whose printed columns (``PRINTED_COLUMNS``: name, title, organization, category,
   location) hold an e-mail address is left out (PD411): e-mail addresses are never printed.
2. ``consent: no`` is a withdrawal; an empty or unclear answer was already reported (PD405).
   Both leave the row out.
3. A withdrawal wins over a yes: if the same signer (``identity``) said no on any row, none of
   their rows are printed (PD409), since printing someone who withdrew is worse than asking.
4. Of several rows for the same signer, the one signed first is printed (signing times
   compared as instants, ``signed``), else the first one in the file; the others are reported
   as duplicates with both lines (PD407). A merged export need not be in signing order.
5. Printed signers whose names are equal, or equal without diacritics, but who are different
   signers (different e-mail addresses, or organizations) are both printed and reported as
   possible duplicates (PD408).

A list with rows of which none is printed is an error (PD423): a letter whose signers all
vanished (a consent question nobody answered with a plain yes) must not go out.

Messages identify rows by line and name, never by e-mail address. What is printed is a
``PrintedSignatories``, which only ``select_printed`` makes: whoever takes one (the appendix,
its groups, the glyph check, the counts, the export) knows consent was already decided.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import attrgetter, contains, gt, not_, or_
from typing import TypeVar

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.columns import PRINTED_COLUMNS
from policydraft.signatories.identity import IdentityKey, identity_keys, similar_key
from policydraft.signatories.signatory import Signatory, SignatoryList
from policydraft.signatories.signed import parse_signed

_EMAIL = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]+")
_NAME, _CONSENT, _WITHDRAWN = attrgetter("name"), attrgetter("consent"), attrgetter("withdrawn")
_PRINTED_CELLS = attrgetter(*PRINTED_COLUMNS)  # two or more: a tuple of the cells
_Key = TypeVar("_Key", bound=Hashable)

# Why a row is not printed, as the summary words it.
REASONS = {
    "withdrawn": "withdrawn",
    "unclear": "consent unclear",
    "withdrawn-elsewhere": "withdrawn on another row",
    "duplicate": "duplicate",
    "email-in-print": "e-mail address in a printed column",
    "nameless": "no name",
    "unreadable": "could not be read",
}


class PrintedSignatories(tuple[Signatory, ...]):
    """The signers selected for print, in the list's order: each consented, none withdrew,
    no duplicate. Only ``select_printed`` makes one (and ``only`` a part of one, ``NOBODY``
    the empty one), so nobody needs to filter them again."""

    __slots__ = ()

    def only(self, kept: Iterable[Signatory]) -> PrintedSignatories:
        """The signers of ``kept`` that are in this selection, in its order: a supplement's
        added signers stay a selection (consent decided), never a list from elsewhere."""
        wanted = {id(signer) for signer in kept}
        return PrintedSignatories(signer for signer in self if id(signer) in wanted)


NOBODY = PrintedSignatories()
"""The selection of a letter without a signatory list."""


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A row that is not printed: where it is, whose it is, why, and the row it defers to."""

    where: Location
    name: str
    reason: str
    other: Location | None = None


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    first: Signatory
    second: Signatory


@dataclass(frozen=True)
class Selection:
    listing: SignatoryList
    printed: PrintedSignatories
    excluded: tuple[Exclusion, ...]
    possible_duplicates: tuple[PossibleDuplicate, ...]

    def counts(self) -> dict[str, int]:
        """Excluded rows by reason, in ``REASONS`` order, only the reasons that occur."""
        found = Counter(e.reason for e in self.excluded)
        return {reason: found[reason] for reason in REASONS if found[reason]}

    def summary(self) -> str:
        listing = self.listing
        text = f"{listing.file}: {_rows(listing.rows)} read, {len(self.printed):,} printed"
        if self.excluded:
            reasons = ", ".join(f"{REASONS[r]} {n:,}" for r, n in self.counts().items())
            text += f", {len(self.excluded):,} left out ({reasons})"
        if self.possible_duplicates:
            text += f"; {len(self.possible_duplicates):,} possible duplicates printed"
        return text


def select_printed(listing: SignatoryList, diags: Diagnostics, *, sort: str = "") -> Selection:
    """Apply the rules above; report each excluded row and, at the end, a summary note."""
    excluded = [Exclusion(where, "", "nameless") for where in listing.nameless]
    excluded += [Exclusion(where, "", "unreadable") for where in listing.unreadable]
    eligible = _without_emails_in_print(listing.signers, excluded, diags)
    printed = _consenting(eligible, excluded, diags)
    del eligible  # a copy when rows were left out: let it go before the next stage
    possible = _possible_duplicates(printed, diags)
    if sort == "signed":
        _check_signed(printed, diags)
    excluded.sort(key=lambda e: e.where.line)
    chosen = PrintedSignatories(printed)
    selection = Selection(listing, chosen, tuple(excluded), tuple(possible))
    if _has_errors(listing, diags):
        return selection  # nothing is printed until they are fixed: no summary yet
    if listing.rows and not printed:
        diags.error("PD423", _nobody_printed(selection), Location(listing.file))
    elif excluded or possible:
        diags.note("PD413", selection.summary(), Location(listing.file))
    return selection


_NOBODY_HINTS = {
    "unclear": "an empty consent answer is not a yes",
    "withdrawn": (
        "if the form's yes is not one policydraft knows, list it under "
        "signatories.consent_values.yes"
    ),
    "email-in-print": "move the e-mail addresses to the email column",
}
"""What to look at when every row was left out, for the reasons that explain it."""


def _nobody_printed(selection: Selection) -> str:
    """PD423: how many rows there are, and why every one of them was left out."""
    counts = selection.counts()
    reasons = ", ".join(f"{REASONS[r]} {n:,}" for r, n in counts.items())
    rows = selection.listing.rows
    every = "the only row is" if rows == 1 else f"all {rows:,} rows are"
    hints = "; ".join(hint for reason, hint in _NOBODY_HINTS.items() if reason in counts)
    text = (
        f"nobody in {selection.listing.file} would be printed: {every} left out ({reasons}), "
        "so the letter would go out without its signers and nothing is written"
    )
    return f"{text} ({hints})" if hints else text


def _consenting(
    eligible: Sequence[Signatory], excluded: list[Exclusion], diags: Diagnostics
) -> list[Signatory]:
    """Rules 2 to 4: the rows printed, in the list's order; the others join ``excluded``.

    Most rows are plainly printed: a yes, no withdrawal of theirs, no other row of theirs.
    Only the rest are looked at one by one (``_exclusion``), found with maps of C functions
    over whole columns, so a list of 100,000 rows costs no Python per plain row.
    """
    keys = identity_keys(eligible)
    consents = list(map(_CONSENT, eligible))
    withdrew = {keys[row]: eligible[row] for row in _flagged(map(_WITHDRAWN, eligible))}
    consenting = list(compress(keys, consents))
    repeated = _repeated(consenting) if len(set(consenting)) < len(consenting) else set()
    del consenting
    kept = _kept_rows(eligible, keys, repeated)
    doubtful = repeated | withdrew.keys()  # a withdrawn row's key is among them
    left_out: set[int] = set()
    for row in _flagged(map(or_, map(not_, consents), map(doubtful.__contains__, keys))):
        signer = eligible[row]
        reason, other = _exclusion(signer, keys[row], withdrew, kept, diags)
        if reason:
            excluded.append(Exclusion(signer.where, signer.name, reason, other))
            left_out.add(row)
    return _without_rows(eligible, left_out)


def _flagged(flags: Iterable[object]) -> Iterator[int]:
    """The numbers (from 0) of the rows whose flag is true."""
    return compress(count(), flags)


def _without_rows(signers: Sequence[Signatory], rows: set[int]) -> list[Signatory]:
    """``signers`` but those numbered in ``rows``, in their order."""
    if not rows:
        return list(signers)
    return list(compress(signers, map(not_, map(rows.__contains__, range(len(signers))))))


def _repeated(keys: Iterable[_Key]) -> set[_Key]:
    """The keys that occur more than once."""
    counts = Counter(keys)
    return set(compress(counts, map(gt, counts.values(), repeat(1))))


def _exclusion(
    signer: Signatory,
    key: IdentityKey,
    withdrew: dict[IdentityKey, Signatory],
    kept: dict[IdentityKey, Signatory],
    diags: Diagnostics,
) -> tuple[str, Location | None]:
    if signer.withdrawn:
        return "withdrawn", None
    if not signer.consent:
        return "unclear", None
    if key in withdrew:
        other = withdrew[key].where
        diags.warning(
            "PD409",
            f"{signer.name!r} withdrew on line {other.line} ({_same(key)}); "
            "no row of theirs is printed",
            signer.where,
        )
        return "withdrawn-elsewhere", other
    keeper = kept.get(key)
    if keeper is not None and keeper is not signer:
        other = keeper.where
        earlier = " signed earlier" if other.line > signer.where.line else ""
        diags.warning(
            "PD407",
            f"{signer.name!r} is a duplicate of line {other.line} ({_same(key)}); "
            f"only line {other.line}{earlier} is printed",
            signer.where,
        )
        return "duplicate", other
    return "", None


def _kept_rows(
    eligible: Sequence[Signatory], keys: list[IdentityKey], repeated: set[IdentityKey]
) -> dict[IdentityKey, Signatory]:
    """For each signer with several consenting rows (``repeated``), the row that is printed:
    the one signed first when signing times can be read (as instants), else the first in the
    file.

    Only signers with more than one row are looked at, so a list without duplicates parses
    no timestamps here.
    """
    kept: dict[IdentityKey, Signatory] = {}
    for row in _flagged(map(repeated.__contains__, keys)) if repeated else ():
        signer, key = eligible[row], keys[row]
        if not signer.consent:
            continue
        best = kept.get(key)
        if best is None or _signed_before(signer, best):
            kept[key] = signer
    return kept


def _signed_before(signer: Signatory, other: Signatory) -> bool:
    """True when ``signer`` has a readable signing time strictly before ``other``'s (a row
    without a readable time never comes first)."""
    mine = parse_signed(signer.signed) if signer.signed else None
    if mine is None:
        return False
    theirs = parse_signed(other.signed) if other.signed else None
    return theirs is None or mine < theirs


def _same(key: IdentityKey) -> str:
    return "same e-mail address" if isinstance(key, str) else "same name and organization"


def _without_emails_in_print(
    signers: Sequence[Signatory], excluded: list[Exclusion], diags: Diagnostics
) -> Sequence[Signatory]:
    """Rule 1: the rows without an e-mail address in a printed column; the others are
    reported and join ``excluded``.

    Each row's printed cells are joined and searched for an ``@`` in C; only the rows that
    hold one are looked at, and most lists hold none.
    """
    cells = map("".join, map(_PRINTED_CELLS, signers))
    at = _flagged(map(contains, cells, repeat("@")))
    left_out = {row for row in at if _email_in_print(signers[row], excluded, diags)}
    return _without_rows(signers, left_out) if left_out else signers


def _email_in_print(signer: Signatory, excluded: list[Exclusion], diags: Diagnostics) -> bool:
    for column in PRINTED_COLUMNS:
        value: str = getattr(signer, column)
        if "@" in value and _EMAIL.search(value):
            name = "the name" if column == "name" else repr(signer.name)
            diags.warning(
                "PD411",
                f"the {column} column of {name} holds an e-mail address, which is never "
                "printed; the row is left out (move the address to the email column)",
                signer.where,
            )
            shown_name = "" if column == "name" else signer.name
            excluded.append(Exclusion(signer.where, shown_name, "email-in-print"))
            return True
    return False


def _possible_duplicates(
    printed: Sequence[Signatory], diags: Diagnostics
) -> list[PossibleDuplicate]:
    """Printed signers whose names are alike, each with the first of its kind.

    Names are compared by their keys' hashes, not the keys, so that a million signers do not
    keep a million keys: most lists have no two alike, and then that is all. Otherwise only
    the signers whose hash another shares are looked at: the first of each hash is filed
    under it, a later one compared by its key, and a different key with the same hash (as
    good as never) filed under itself.
    """
    hashes = list(map(hash, map(similar_key, map(_NAME, printed))))
    if len(set(hashes)) == len(hashes):
        return []
    shared = _repeated(hashes)
    seen: dict[int, Signatory] = {}
    clashes: dict[str, Signatory] = {}
    found: list[PossibleDuplicate] = []
    for row in _flagged(map(shared.__contains__, hashes)):
        signer = printed[row]
        key = similar_key(signer.name)
        earlier = seen.setdefault(hashes[row], signer)
        if earlier is not signer and similar_key(earlier.name) != key:
            earlier = clashes.setdefault(key, signer)
        if earlier is signer:
            continue
        found.append(PossibleDuplicate(earlier, signer))
        diags.note(
            "PD408",
            f"{signer.name!r} may be the same person as {earlier.name!r} on line "
            f"{earlier.where.line}; both are printed (delete a row if they are one person)",
            signer.where,
        )
    return found


def _check_signed(printed: list[Signatory], diags: Diagnostics) -> None:
    for signer in printed:
        if signer.signed and parse_signed(signer.signed) is None:
            diags.warning(
                "PD412",
                f"signed time {_shown(signer.signed)} of {signer.name!r} cannot be read as a date; "
                "it sorts after the readable times (write it like 2025-03-13 09:05)",
                signer.where,
            )


def _shown(value: str) -> str:
    """A cell quoted for a message, unless it may be an e-mail address (never shown)."""
    return "(a value with an @, not shown)" if "@" in value else repr(value)


def _has_errors(listing: SignatoryList, diags: Diagnostics) -> bool:
    """Errors in this list: until they are fixed nothing is printed, so no summary yet."""
    return any(d.severity == "error" and d.file == listing.file for d in diags.items)


def _rows(count: int) -> str:
    return f"{count:,} row" + ("" if count == 1 else "s")
