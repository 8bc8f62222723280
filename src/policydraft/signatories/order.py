"""Ordering signers: by surname (or given name, list order, signing time), with Unicode collation.

The surname rules live in ``surnames`` (and ``family_first`` for names written family name
first); a list's own family name column, when it has one, is used instead. Collation is the
Unicode Collation Algorithm (pyuca), so Ávila sorts with A and Ødegaard with O.

A 100,000-name list must sort in a second or two, and pyuca costs ~20 µs a string. So each
signer's key is computed once (``sorted`` calls the key once per item), the collation
elements of each distinct word are cached (a list repeats given names and surnames far more
than it has people) and joined into the string's sort key, which is exactly pyuca's own, and
the full name, which only breaks ties, is collated only for signers whose key ties.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from itertools import groupby
from typing import Any

from policydraft.signatories.signatory import Signatory
from policydraft.signatories.signed import parse_signed
from policydraft.signatories.surnames import family_and_given, surname_and_given

__all__ = ["collation_key", "order_signatories", "surname_and_given"]


@cache
def _collator() -> Any:
    import pyuca

    return pyuca.Collator()


_LEVELS = 4  # pyuca's sort key: the non-zero weights of each level, levels separated by 0

Levels = tuple[tuple[int, ...], ...]


@lru_cache(maxsize=262144)
def _word_levels(word: str) -> Levels:
    """A word's collation weights, level by level, as pyuca would put them in a sort key."""
    import unicodedata

    elements = _collator().collation_elements(unicodedata.normalize("NFD", word))
    return tuple(
        tuple(e[level] for e in elements if len(e) > level and e[level]) for level in range(_LEVELS)
    )


@lru_cache(maxsize=262144)
def collation_key(text: str) -> tuple[int, ...]:
    """pyuca's sort key of ``text`` case-folded, built from cached per-word weights.

    Splitting at spaces is exact: a space is a starter that neither composes nor contracts,
    so each level of the string's key is its words' weights joined by the space's.
    """
    words = [_word_levels(word) for word in text.casefold().split(" ")]
    space = _word_levels(" ")
    key: list[int] = []
    for level in range(_LEVELS):
        if level:
            key.append(0)
        for i, word in enumerate(words):
            if i:
                key.extend(space[level])
            key.extend(word[level])
    return tuple(key)


def _surname_texts(signer: Signatory) -> tuple[str, ...]:
    """What a signer is filed under, then the rest: ``sort_as``, else the list's family name
    column, else the family name read from the name."""
    if signer.sort_as:
        return (signer.sort_as, "")
    if signer.family:
        filed, rest = family_and_given(signer.family, signer.name)
        return (filed, signer.given or rest)
    return surname_and_given(signer.name)


def _given_texts(signer: Signatory) -> tuple[str, ...]:
    return (signer.sort_as or signer.name,)


def _name_text(signer: Signatory) -> tuple[str, ...]:
    return (signer.name,)


_TEXTS: dict[str, Callable[[Signatory], tuple[str, ...]]] = {
    "surname": _surname_texts,
    "given": _given_texts,
}


def order_signatories(signers: Sequence[Signatory], sort: str) -> list[Signatory]:
    """Signers in the order the appendix prints them; ``as-listed`` keeps the file's order.

    Equal keys fall back to the full name's collation, then to the list's order (stable).
    """
    if sort == "signed":
        return sorted(signers, key=_signed_key)
    texts = _TEXTS.get(sort)
    if texts is None:
        return list(signers)
    return _collated(signers, [texts, _name_text])


def _collated(
    signers: Sequence[Signatory], levels: list[Callable[[Signatory], tuple[str, ...]]]
) -> list[Signatory]:
    """Sort by each level's texts in collation order; a later level only breaks ties.

    Each distinct text is collated once and replaced by its rank, so the sort itself compares
    small integers rather than long collation keys.
    """
    first, rest = levels[0], levels[1:]
    keyed = _ranks([first(s) for s in signers])
    order = sorted(range(len(signers)), key=keyed.__getitem__)
    result: list[Signatory] = []
    for _, run in groupby(order, key=keyed.__getitem__):
        tied = [signers[i] for i in run]
        if len(tied) > 1 and rest:
            tied = _collated(tied, rest)
        result.extend(tied)
    return result


def _ranks(rows: list[tuple[str, ...]]) -> list[tuple[int, ...]]:
    """Each row of texts as the collation ranks of its texts (equal keys, equal ranks)."""
    width = len(rows[0]) if rows else 0
    columns: list[list[int]] = []
    for column in range(width):
        distinct = {row[column] for row in rows}
        ranked = sorted(distinct, key=collation_key)
        rank: dict[str, int] = {}
        for number, (_, same) in enumerate(groupby(ranked, key=collation_key)):
            rank.update((text, number) for text in same)
        columns.append([rank[row[column]] for row in rows])
    return list(zip(*columns, strict=True))


_NEVER = dt.datetime.max


def _signed_key(signer: Signatory) -> tuple[bool, bool, dt.datetime]:
    """Readable times first, in order; then unreadable ones, then rows without a time."""
    moment = parse_signed(signer.signed)
    return (moment is None, signer.signed == "", moment or _NEVER)
