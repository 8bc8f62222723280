"""Who is who: the keys that decide when two rows are the same signer, or may be.

Two rows are the same signer when they have the same e-mail address (trimmed, any case), or,
when either has none, the same normalised name and organization. A cell without an ``@`` is
no address: Microsoft Forms writes "anonymous" in every row of an anonymous form, and those
rows are not one signer. Normalising a name applies
Unicode compatibility composition (NFKC: full-width letters, ligatures), case folding and
collapsed whitespace, so "ADA  Lovelace" and "Ada Lovelace" match. Names that are only
*similar*, equal once their diacritics are removed ("Zoe Avila" and "Zoë Ávila"), are
reported as possible duplicates, never merged: they may well be two people.

A list of 100,000 names is keyed in about a tenth of a second. Most names are ASCII, whose
NFKC form is themselves and whose case folding is ``lower``: they take a short way, in C.
Diacritics are taken off word by word, each distinct word once (a list of 100,000 names holds
a few thousand words): compatibility composition, case folding, decomposition, the marks'
removal and composition never reach across whitespace, so the words' keys joined are the
name's (a property test compares the two on arbitrary text). ``identity_keys`` keys a whole
list at once, in a form cheaper to build and hash than ``identity``'s tuples.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache, partial
from itertools import compress, count, repeat
from operator import attrgetter, contains, is_not, not_
from typing import cast

from policydraft.signatories.signatory import Signatory

# Letters that carry their mark in the letter itself, so NFD cannot take it off.
_UNMARKED = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

Identity = tuple[str, ...]
IdentityKey = str | tuple[str, str]
"""``identity`` as ``identity_keys`` gives it: the folded address, or (name, organization)."""


def email_key(email: str) -> str:
    return email.strip().casefold()


def name_key(name: str) -> str:
    """The name as compared: NFKC, case-folded, single spaces."""
    if name.isascii():  # NFKC leaves ASCII as it is; its case folding is ``lower``
        return " ".join(name.lower().split())
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def similar_key(name: str) -> str:
    """The name without diacritics, for spotting possible duplicates."""
    if name.isascii():  # as ``name_key``: ASCII has no diacritics to take off
        return " ".join(name.lower().split())
    words = filter(_IS_WORD, map(_similar_word, name.split()))
    return " ".join(cast("Iterator[str]", words))  # the Nones are filtered out, in C


@lru_cache(maxsize=16384)
def _similar_word(word: str) -> str | None:
    """One word of a name as ``similar_key`` gives it, None when it keys to nothing at all.

    Word by word (see the module's docstring), since names share their words and the marks'
    table is looked up character by character. NFKC may make a word two ("¨" is a space and a
    mark); a word whose marks are all it has stays an empty word, as in the whole name's key.
    """
    key = name_key(word)
    if not key:
        return None
    if key.isascii():
        return key
    bare = unicodedata.normalize("NFD", key).translate(_WITHOUT_MARKS)
    return unicodedata.normalize("NFC", bare.translate(_UNMARKED))


_IS_WORD = partial(is_not, None)


class _MarkRemover(dict[int, int | None]):
    """A ``str.translate`` table dropping combining marks, filled in as characters appear.

    ``translate`` runs in C and asks Python only about a character it has not seen, so a
    list of 100,000 names costs a few hundred ``combining`` calls, not millions.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_WITHOUT_MARKS = _MarkRemover()

_EMAIL = attrgetter("email")


def identity(signer: Signatory) -> Identity:
    """The key under which rows count as one signer (see the module's docstring)."""
    if "@" in signer.email:  # "anonymous", "N/A" or "-" in an e-mail column is no address
        return ("email", email_key(signer.email))
    return ("name", name_key(signer.name), name_key(signer.organization))


def identity_keys(signers: Sequence[Signatory]) -> list[IdentityKey]:
    """Each signer's ``identity``, equal exactly when the identities are: an address's key
    is the folded address (a string), a name's the pair of name and organization keys (a
    tuple, never equal to a string). Neither needs a tag, and a string caches its hash.

    Every e-mail cell is folded, in C; the few cells without an ``@`` (which folding neither
    adds nor takes away) are then replaced by the signer's name and organization.
    """
    keys: list[IdentityKey] = list(map(str.casefold, map(str.strip, map(_EMAIL, signers))))
    for row in compress(count(), map(not_, map(contains, keys, repeat("@")))):
        signer = signers[row]
        keys[row] = (name_key(signer.name), name_key(signer.organization))
    return keys
