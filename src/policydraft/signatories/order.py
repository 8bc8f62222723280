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
import struct
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
    """pyuca's collator, its table read lazily (see ``_lazy_collator``)."""
    return _lazy_collator()


def _lazy_collator() -> Any:
    """A pyuca ``Collator`` that parses a character's table entries when it first meets it.

    pyuca parses all of its ~30,000 entries (0.35 s, more than collating a 420-name list) on
    creation. This one files each entry's line under its first code point (a split, 0.03 s)
    and parses a code point's lines, contractions included, when a lookup starts with it:
    every lookup of a string's table starts at a code point, and each contraction or
    non-starter lookup starts with that same one, so the answers are pyuca's own.
    """
    import pyuca
    import pyuca.trie
    from pyuca.collator import COLL_ELEMENT_PATTERN

    class LazyTable(pyuca.trie.Trie):  # type: ignore[misc]
        def __init__(self, lines: dict[int, list[str]]) -> None:
            super().__init__()
            self.lines = lines

        def find_prefix(self, key: list[int]) -> Any:
            if key and (waiting := self.lines.pop(key[0], None)) is not None:
                for line in waiting:
                    chars, weights = line.split(";", 1)
                    elements = [
                        [int(w, 16) for w in found.groups()]
                        for found in COLL_ELEMENT_PATTERN.finditer(weights)
                    ]
                    self.add([int(c, 16) for c in chars.split()], elements)
            return super().find_prefix(key)

    class LazyCollator(pyuca.Collator):  # type: ignore[misc]
        def load(self, filename: str) -> None:
            lines: dict[int, list[str]] = {}
            with open(filename, encoding="utf-8") as keys_file:
                for line in keys_file:
                    line = line.split("#", 1)[0].rstrip()
                    if not line or line.startswith("@version"):
                        continue
                    if line.startswith("@implicitweights"):
                        span, base = line[len("@implicitweights") :].split(";")
                        start, end = span.split("..")
                        self.implicit_weights.append([int(start, 16), int(end, 16), int(base, 16)])
                        continue
                    lines.setdefault(int(line.split(None, 1)[0].split(";")[0], 16), []).append(line)
            self.table = LazyTable(lines)

    return LazyCollator()


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

    Each distinct text is collated once and replaced by its rank, and a row's ranks by one
    number, so the sort itself compares small integers rather than long collation keys.
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


def _ranks(rows: list[tuple[str, ...]]) -> list[int]:
    """Each row of texts as one number ordered as the collation ranks of its texts, column
    by column (equal keys, equal ranks): the row's rank in its first column, times the
    number of ranks in the second, plus its rank there, and so on.

    A text's collation key is computed once, as bytes (``_compact``), and let go with the
    ranks: a million names keep neither their keys nor a tuple of ranks each.
    """
    width = len(rows[0]) if rows else 0
    keyed = [0] * len(rows)
    for column in range(width):
        keys = {text: _compact(text) for text in {row[column] for row in rows}}
        ranked = sorted(keys, key=keys.__getitem__)
        rank: dict[str, int] = {}
        number = -1
        for number, (_, same) in enumerate(groupby(ranked, key=keys.__getitem__)):
            rank.update((text, number) for text in same)
        del keys, ranked
        ranks = number + 1
        keyed = [k * ranks + rank[row[column]] for k, row in zip(keyed, rows, strict=True)]
    return keyed


def _compact(text: str) -> bytes:
    """``collation_key(text)`` as bytes that order alike: each weight in two bytes, most
    significant first (pyuca's weights are four hex digits, its implicit ones too), so a key
    takes a third of the tuple's memory and compares in C without looking at ints."""
    key = collation_key.__wrapped__(text)
    return struct.pack(f">{len(key)}H", *key)


_NEVER = dt.datetime.max


def _signed_key(signer: Signatory) -> tuple[bool, bool, dt.datetime]:
    """Readable times first, in order; then unreadable ones, then rows without a time."""
    moment = parse_signed(signer.signed)
    return (moment is None, signer.signed == "", moment or _NEVER)
