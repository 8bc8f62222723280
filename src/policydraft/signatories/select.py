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
from collections.abc import Iterable
from dataclasses import dataclass

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.columns import PRINTED_COLUMNS
from policydraft.signatories.identity import Identity, identity, similar_key
from policydraft.signatories.signatory import Signatory, SignatoryList
from policydraft.signatories.signed import parse_signed

_EMAIL = re.compile(r"[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]+")

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
    eligible = [s for s in listing.signers if not _email_in_print(s, excluded, diags)]
    identities = [identity(s) for s in eligible]
    withdrew = {key: s for key, s in zip(identities, eligible, strict=True) if s.withdrawn}
    kept = _kept_rows(eligible, identities)
    printed: list[Signatory] = []
    for signer, key in zip(eligible, identities, strict=True):
        reason, other = _exclusion(signer, key, withdrew, kept, diags)
        if reason:
            excluded.append(Exclusion(signer.where, signer.name, reason, other))
        else:
            printed.append(signer)
    del identities, withdrew, kept  # a key per row: let them go before the next stage's
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


def _exclusion(
    signer: Signatory,
    key: Identity,
    withdrew: dict[Identity, Signatory],
    kept: dict[Identity, Signatory],
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


def _kept_rows(eligible: list[Signatory], identities: list[Identity]) -> dict[Identity, Signatory]:
    """For each signer with several consenting rows, the row that is printed: the one signed
    first when signing times can be read (as instants), else the first in the file.

    Only signers with more than one row are looked at, so a list without duplicates parses
    no timestamps here.
    """
    rows = Counter(k for s, k in zip(eligible, identities, strict=True) if s.consent)
    kept: dict[Identity, Signatory] = {}
    for signer, key in zip(eligible, identities, strict=True):
        if rows[key] < 2 or not signer.consent:
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


def _same(key: Identity) -> str:
    return "same e-mail address" if key[0] == "email" else "same name and organization"


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


def _possible_duplicates(printed: list[Signatory], diags: Diagnostics) -> list[PossibleDuplicate]:
    """Printed signers whose names are alike, each with the first of its kind.

    The first signer of each name is filed under the name's hash, not the name, so that a
    million signers do not keep a million keys: a signer whose hash is taken is compared by
    its key, and a different key with the same hash (as good as never) filed under itself.
    """
    seen: dict[int, Signatory] = {}
    clashes: dict[str, Signatory] = {}
    found: list[PossibleDuplicate] = []
    for signer in printed:
        key = similar_key(signer.name)
        earlier = seen.setdefault(hash(key), signer)
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
