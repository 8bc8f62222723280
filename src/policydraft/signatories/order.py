"""Ordering signers: by surname (or given name, list order, signing time), with Unicode collation.

The surname comes from nameparser with lowercase particles (del, de la, van der, von) set aside
so "Penélope del Río" files under R, suffixes (Jr., III) ignored, and a mononym sorting as
itself. Names in CJK scripts are written family name first, so their first word is the surname.
Collation is the Unicode Collation Algorithm (pyuca), so Ávila sorts with A and Ødegaard with O.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from policydraft.signatories.model import Signatory

SortKey = tuple[Any, ...]


@cache
def _collator() -> Any:
    import pyuca

    return pyuca.Collator()


def _collate(text: str) -> tuple[int, ...]:
    key: tuple[int, ...] = _collator().sort_key(text.casefold())
    return key


def _is_cjk(name: str) -> bool:
    for char in name:
        if char.isalpha():
            return unicodedata.name(char, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))
    return False


def surname_and_given(name: str) -> tuple[str, str]:
    """Split a display name into the part it is filed under and the rest."""
    words = name.split()
    if len(words) <= 1:
        return name, ""
    if _is_cjk(name):
        return words[0], " ".join(words[1:])
    from nameparser import HumanName

    parsed = HumanName(name)
    last_words = parsed.last.split()
    while len(last_words) > 1 and last_words[0].islower():
        last_words.pop(0)
    surname = " ".join(last_words)
    if not surname:
        return name, ""
    given = " ".join(part for part in (parsed.first, parsed.middle) if part)
    return surname, given


def _surname_key(signer: Signatory) -> SortKey:
    if signer.sort_as:
        return (_collate(signer.sort_as), (), _collate(signer.name))
    surname, given = surname_and_given(signer.name)
    return (_collate(surname), _collate(given), _collate(signer.name))


def _given_key(signer: Signatory) -> SortKey:
    return (_collate(signer.sort_as or signer.name),)


def _signed_key(signer: Signatory) -> SortKey:
    return (signer.signed == "", signer.signed)


_KEYS: dict[str, Callable[[Signatory], SortKey]] = {
    "surname": _surname_key,
    "given": _given_key,
    "signed": _signed_key,
}


def order_signatories(signers: Sequence[Signatory], sort: str) -> list[Signatory]:
    """Signers in the order the appendix prints them; ``as-listed`` keeps the file's order."""
    key = _KEYS.get(sort)
    if key is None:
        return list(signers)
    return sorted(signers, key=key)  # stable: ties keep the list's order
