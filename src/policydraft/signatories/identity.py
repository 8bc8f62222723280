"""Who is who: the keys that decide when two rows are the same signer, or may be.

Two rows are the same signer when they have the same e-mail address (trimmed, any case), or,
when either has none, the same normalised name and organization. A cell without an ``@`` is
no address: Microsoft Forms writes "anonymous" in every row of an anonymous form, and those
rows are not one signer. Normalising a name applies
Unicode compatibility composition (NFKC: full-width letters, ligatures), case folding and
collapsed whitespace, so "ADA  Lovelace" and "Ada Lovelace" match. Names that are only
*similar*, equal once their diacritics are removed ("Zoe Avila" and "Zoë Ávila"), are
reported as possible duplicates, never merged: they may well be two people.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from policydraft.signatories.signatory import Signatory

# Letters that carry their mark in the letter itself, so NFD cannot take it off.
_UNMARKED = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)

Identity = tuple[str, ...]


def email_key(email: str) -> str:
    return email.strip().casefold()


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The name as compared: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@lru_cache(maxsize=65536)
def similar_key(name: str) -> str:
    """The name without diacritics, for spotting possible duplicates."""
    key = name_key(name)
    if key.isascii():
        return key
    bare = unicodedata.normalize("NFD", key).translate(_WITHOUT_MARKS)
    return unicodedata.normalize("NFC", bare.translate(_UNMARKED))


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


def identity(signer: Signatory) -> Identity:
    """The key under which rows count as one signer (see the module's docstring)."""
    if "@" in signer.email:  # "anonymous", "N/A" or "-" in an e-mail column is no address
        return ("email", email_key(signer.email))
    return ("name", name_key(signer.name), name_key(signer.organization))
