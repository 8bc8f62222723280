"""Ordering signers: by surname (or given name, list order, signing time), with Unicode collation.

The surname rules live in ``surnames`` (and ``family_first`` for names written family name
first); a list's own family name column, when it has one, is used instead. Collation is the
Unicode Collation Algorithm (pyuca), so Ávila sorts with A and Ødegaard with O.

A 100,000-name list must sort in well under a second, and pyuca costs ~20 µs a string. So
each distinct text is collated once and replaced by its rank (``_ranks``), and a collation
key is mostly made in C: for text whose characters pyuca weighs one by one (no contraction,
no lone combining mark: nearly every name), its key is each character's weights in turn,
which ``str.translate`` writes from tables learned from pyuca's own table (``_SingleWeights``);
only the primary weights are made unless two texts share them. Other texts are keyed from
their words' cached weights, joined into exactly pyuca's key. The full name, which only
breaks ties, is collated only for the signers whose texts tie, all of them at once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from itertools import accumulate, repeat
from operator import add, attrgetter, itemgetter, mul, ne
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
        followers: frozenset[int] | set[int]  # code points after the first of a contraction

        def load(self, filename: str) -> None:
            lines: dict[int, list[str]] = {}
            self.followers = set()
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
                    chars = line.split(";", 1)[0].split()
                    lines.setdefault(int(chars[0], 16), []).append(line)
                    if len(chars) > 1:  # a contraction
                        self.followers.update(int(c, 16) for c in chars[1:])
            self.table = LazyTable(lines)
            self.followers = frozenset(self.followers)

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


def _surname_rows(signers: Sequence[Signatory]) -> list[tuple[str, ...]]:
    """``_surname_texts`` of each signer; of a list without ``sort_as`` or family names, read
    from the names alone, without a call of ours per signer."""
    if any(map(_SORT_AS, signers)) or any(map(_FAMILY, signers)):
        return list(map(_surname_texts, signers))
    return list(map(surname_and_given, map(_NAME, signers)))


def _given_rows(signers: Sequence[Signatory]) -> list[tuple[str, ...]]:
    return [(signer.sort_as or signer.name,) for signer in signers]


def _name_rows(signers: Sequence[Signatory]) -> list[tuple[str, ...]]:
    return list(zip(map(_NAME, signers)))


_NAME, _SORT_AS, _FAMILY = attrgetter("name"), attrgetter("sort_as"), attrgetter("family")

Rows = Callable[[Sequence[Signatory]], list[tuple[str, ...]]]

_ROWS: dict[str, Rows] = {"surname": _surname_rows, "given": _given_rows}


def order_signatories(signers: Sequence[Signatory], sort: str) -> list[Signatory]:
    """Signers in the order the appendix prints them; ``as-listed`` keeps the file's order.

    Equal keys fall back to the full name's collation, then to the list's order (stable).
    """
    if sort == "signed":
        return sorted(signers, key=_signed_key)
    rows = _ROWS.get(sort)
    if rows is None:
        return list(signers)
    return _collated(signers, [rows, _name_rows])


def _collated(signers: Sequence[Signatory], levels: list[Rows]) -> list[Signatory]:
    """Sort by each level's texts in collation order; a later level only breaks ties.

    Each distinct text is collated once and replaced by its rank, and a row's ranks by one
    number, so the sort itself compares small integers rather than long collation keys. A
    later level is asked only of the signers still tied, all of them at once: their ranks
    among themselves order each tied run as ranking that run alone would.
    """
    keyed = _ranks(levels[0](signers))
    for level in levels[1:]:
        counts = Counter(keyed)
        tied = [i for i, k in enumerate(keyed) if counts[k] > 1]
        if not tied:
            break
        ranks = _ranks(level([signers[i] for i in tied]))
        width = max(ranks) + 1
        keyed = [k * width for k in keyed]
        for i, rank in zip(tied, ranks, strict=True):
            keyed[i] += rank
    order = sorted(range(len(signers)), key=keyed.__getitem__)
    return list(map(signers.__getitem__, order))


def _ranks(rows: list[tuple[str, ...]]) -> list[int]:
    """Each row of texts as one number ordered as the collation ranks of its texts, column
    by column (equal keys, equal ranks): the row's rank in its first column, times the
    number of ranks in the second, plus its rank there, and so on.

    A text's collation key is computed once and let go with the ranks: a million names keep
    neither their keys nor a tuple of ranks each.
    """
    width = len(rows[0]) if rows else 0
    keyed: list[int] = []
    for column in range(width):
        texts = list(map(itemgetter(column), rows))
        rank = _text_ranks(set(texts))
        ranked = map(rank.__getitem__, texts)
        if column:
            ranked = map(add, map(mul, keyed, repeat(max(rank.values()) + 1)), ranked)
        keyed = list(ranked)
    return keyed


def _text_ranks(texts: set[str]) -> dict[str, int]:
    """Each text's rank in collation order, equal keys sharing one.

    Texts are sorted by their primary weights (``_primary``), a third of the work of a full
    key; only texts whose primary weights another text shares, as "Smith" and "SMITH" or
    "Smíth" do, are sorted by their full keys (``_compact``). A full key is the primary
    weights, a 0 (which no weight is), then the rest, so against any other text's primary
    weights it orders as its own primary weights do: the order is the full keys' order.
    """
    if not texts:
        return {}
    key = {text: text.casefold().translate(_PRIMARY) for text in texts}  # _primary, inlined
    for text in [text for text, primary in key.items() if _UNKEYED in primary]:
        key[text] = _primary(text)
    shared = Counter(key.values())
    if len(shared) < len(key):
        for text, primary in key.items():
            if shared[primary] > 1:
                key[text] = _compact(text)
    ranked = sorted(key, key=key.__getitem__)
    keys = list(map(key.__getitem__, ranked))
    return dict(zip(ranked, accumulate(map(ne, keys[1:], keys), initial=0), strict=True))


def _primary(text: str) -> str:
    """The first level of ``_compact(text)``: its primary weights, one code point each."""
    primary = text.casefold().translate(_PRIMARY)
    if _UNKEYED not in primary:
        return primary
    return _compact(text).partition("\0")[0]


def _compact(text: str) -> str:
    """``collation_key(text)`` as a string that orders alike: one code point per weight
    (pyuca's weights are four hex digits, its implicit ones too, so none is past the last
    code point), so a key takes a third of the tuple's memory and compares in C without
    looking at ints.

    Most texts are keyed by ``str.translate`` alone (``_SingleWeights``); the others from
    their words' weights."""
    folded = text.casefold()
    primary = folded.translate(_PRIMARY)
    if _UNKEYED not in primary:
        return "\0".join((primary, folded.translate(_SECONDARY), folded.translate(_TERTIARY), ""))
    return "".join(map(chr, collation_key.__wrapped__(text)))


_UNKEYED = "\0"  # never a weight (weights are non-zero); what an unkeyable character maps to


class _SingleWeights(dict[int, str]):
    """One level of the collation keys of characters that can be keyed one by one, for
    ``str.translate``: a character's weights at that level, one code point per weight.

    pyuca keys a string's decomposition (NFD) by looking up its longest prefix in the table,
    then a non-starter that may join it, and so on. Take a character whose decomposition
    starts with a starter that is never the second or later character of a contraction (the
    table's ``followers``): no lookup reaches into it from the character before (a prefix
    could only go on with a follower, a non-starter search stops at a starter), and its
    decomposition is unchanged beside other characters (canonical reordering stops at a
    starter). So the key of a text made of such characters is, level by level, the weights
    of each character's own decomposition in turn, which is what ``translate`` makes. Any
    other character maps to ``_UNKEYED`` at the first level, and the text takes the general
    path. Characters are learned from pyuca's table when first met.
    """

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def __missing__(self, code: int) -> str:
        if len(self) >= _MOST_CHARACTERS:
            return _UNKEYED  # past the bound, the general path: memory stays flat
        _learn_character(code)
        return self[code]


_MOST_CHARACTERS = 1 << 16


_PRIMARY, _SECONDARY, _TERTIARY = (_SingleWeights(level) for level in range(3))


def _learn_character(code: int) -> None:
    """File a character's weights in the three tables (pyuca's elements carry three)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", chr(code))
    collator = _collator()
    keyable = (
        not unicodedata.combining(decomposed[0]) and ord(decomposed[0]) not in collator.followers
    )
    elements = collator.collation_elements(decomposed) if keyable else []
    if any(len(element) > 3 and element[3] for element in elements):
        keyable = False  # a fourth level would make the key longer than three translations
    for table in (_PRIMARY, _SECONDARY, _TERTIARY):
        weights = [e[table.level] for e in elements if len(e) > table.level and e[table.level]]
        table[code] = "".join(map(chr, weights)) if keyable else _UNKEYED


_NEVER = dt.datetime.max


def _signed_key(signer: Signatory) -> tuple[bool, bool, dt.datetime]:
    """Readable times first, in order; then unreadable ones, then rows without a time."""
    moment = parse_signed(signer.signed)
    return (moment is None, signer.signed == "", moment or _NEVER)
