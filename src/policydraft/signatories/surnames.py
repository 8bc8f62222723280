"""The surname a signer is filed under, found quickly without giving up nameparser's answers.

nameparser's ``HumanName`` costs ~0.15 ms a name, 15 s for a 100,000-name list. Most names
are plain "Given [Middle] [particles] Surname [Suffix]", and for those its answer can be read
off its own word lists (``nameparser.config.CONSTANTS``): the surname starts at the first
particle after the given name (nameparser files "Maria de Souza Santos" under "de Souza
Santos") or is the last word. Anything else, a comma, a title, a nickname, a conjunction, a
non-Latin script, a second particle run, goes to ``HumanName`` itself; a test checks that the
fast path agrees with it on every name it accepts.

At 100,000 names even that path's calls per name add up, while the names are made of far
fewer words: so what it asks of a word is asked once per distinct word (``_learn``), and the
commonest names cost a split and a few set lookups. Among them are two shapes that would
otherwise go to ``HumanName`` and whose answer it gives is the plain one: a one-word
nickname in double quotes ('William "Liam" Galloway' is William, Galloway) and a particle
elided onto a last surname ("Matteo D'Amato"); tests check both against it.

The filing surname then sets aside leading lowercase particles (del, de la, van der, von), so
"Penélope del Río" files under Río; suffixes (Jr., III) are ignored; a mononym is itself.
Names written family name first (CJK, Vietnamese) are told apart in ``family_first``; a
``family`` column, when the list has one, is used as it stands (``family_and_given``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from policydraft.signatories.family_first import (
    family_first_parts,
    is_cjk,
    is_vietnamese_family_name,
)

# Latin letters (Basic to Extended-B, Extended Additional for Vietnamese), Greek, Cyrillic,
# the letters and marks of Hebrew, Arabic, Devanagari, Bengali, Tamil and Thai (scripts
# without case, in which nameparser's word lists find nothing, so it files under the last
# word as the fast path does), spaces, hyphens, apostrophes and initials' full stops: what the
# fast path reads for itself. Arabic's own comma and digits are left to nameparser.
_PLAIN = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff"
    r"\u05b0-\u05f4\u0621-\u065f\u0670-\u06d3\u0900-\u0963\u0971-\u097f\u0980-\u09e3"
    r"\u09f0-\u09f1\u0b82-\u0bd7\u0e01-\u0e4e\s.'’\-]+"
)
_INITIAL = re.compile(r"\w\.", re.UNICODE)
_FAST_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """(particles, words that send a name to HumanName) from nameparser's own lists."""
    from nameparser.config import CONSTANTS

    particles = frozenset(CONSTANTS.prefixes)
    special = frozenset().union(
        CONSTANTS.titles,
        CONSTANTS.first_name_titles,
        CONSTANTS.conjunctions,
        CONSTANTS.suffix_acronyms,
        CONSTANTS.suffix_not_acronyms,
        CONSTANTS.bound_first_names,
    )
    return particles, special


# Annotations a signer adds to a name, such as pronouns, are not part of it for filing:
# "Riley Fenn [they/them]" files under Fenn, "Ann Lee (she/her)" under Lee.
_ANNOTATION = re.compile(r"\s*[\[(][^\[\]()]*[\])]")


def surname_and_given(name: str) -> tuple[str, str]:
    """Split a display name into the part it is filed under and the rest."""
    words = name.split()
    if len(words) > 1:
        if (
            words[0] in _LEADING
            and words[-1] in _CLOSING
            and (len(words) == 2 or _INNER.issuperset(words[1:-1]))
        ):
            return words[-1], " ".join(words[:-1])  # most names: see _plain_parts
        parts = _known_parts(name, words)
        if parts is not None:
            return parts
    return _read_name(name)


def _known_parts(name: str, words: list[str]) -> tuple[str, str] | None:
    """``_read_name``'s answer from what is known of the name's words, or None to read it."""
    if not _SEEN.issuperset(words):
        _learn(words)
    parts = _plain_parts(words)
    if parts is not None:
        return parts
    if words[0] in _LEADING and _LETTERED.issuperset(words):  # particles, suffixes
        parts = _fast_parts(words)
        return None if parts is None else (_without_particles(parts[0]), parts[1])
    return _nicknamed_parts(words) if '"' in name else None


@lru_cache(maxsize=8192)  # a list repeats names rarely; a million would stay held
def _read_name(name: str) -> tuple[str, str]:
    """``surname_and_given`` for any name: the general path, word facts asked one by one."""
    if "[" in name or "(" in name:
        name = _ANNOTATION.sub("", name).strip() or name
    words = name.split()
    first = _family_first(name, words)
    if first is not None:
        return first
    if len(words) <= 1:
        return name, ""
    parts = _fast_parts(words) if _PLAIN.fullmatch(name) else None
    last, given = parts if parts is not None else _parsed_parts(name)
    surname = _without_particles(last)
    if not surname:
        return name, ""
    return surname, given


# The commonest names, "Given [Middle or E.] Surname", are read from what is known about each
# of their words: words repeat far more than names, so each is looked at once (``_learn``)
# and a name costs a split and a few set lookups. What ``_read_name`` would do with such a
# name comes to the same: no annotation, no title and no Vietnamese family name leading it,
# no CJK letter, only ``_PLAIN`` letters, every word before the last plain to nameparser (no
# particle, title or suffix), so ``_fast_parts`` gives the last word, and a one-word last
# name keeps its particles. The last word may also be a particle elided onto the surname
# ("Matteo D'Amato"), which nameparser reads: it files such a name under that word (a test
# checks) unless a word opens a single quote, which it lifts out as a nickname.
_LETTERED: set[str] = set()  # of _PLAIN's letters, without a CJK one
_INNER: set[str] = set()  # may stand before the last word
_LEADING: set[str] = set()  # may also lead the name
_CLOSING: set[str] = set()  # may end the name
_ELIDED: set[str] = set()  # may end the name, with an elided particle
_NICKNAMES: set[str] = set()  # may stand in double quotes as a nickname
_SEEN: set[str] = set()  # every word looked at; a bound keeps a million names' words flat
_MOST_WORDS = 1 << 16


def _plain_parts(words: list[str]) -> tuple[str, str] | None:
    """(surname, given names) of a name of known plain words, else None."""
    if words[0] in _LEADING and _INNER.issuperset(words[1:-1]):
        last = words[-1]
        if last in _CLOSING or (last in _ELIDED and not any(w[0] == "'" for w in words)):
            return last, " ".join(words[:-1])
    return None


def _nicknamed_parts(words: list[str]) -> tuple[str, str] | None:
    """A plain name with a one-word nickname in double quotes after its first word, read as
    nameparser reads it (a test checks): 'William "Liam" Galloway' files under Galloway, given
    name William. Not when another word opens a single quote: nameparser would lift that out
    as a nickname too."""
    quoted = [i for i, word in enumerate(words) if word[0] == '"']
    if len(quoted) != 1 or quoted[0] == 0 or len(words) < 3:
        return None
    nickname = words[quoted[0]][1:-1]
    if not words[quoted[0]].endswith('"') or not nickname:
        return None
    _learn([nickname])
    rest = words[: quoted[0]] + words[quoted[0] + 1 :]
    if nickname not in _NICKNAMES or any(word[0] == "'" for word in rest):
        return None
    return _plain_parts(rest)


def _learn(words: list[str]) -> None:
    """File each word not seen before under what it may be in a plain name."""
    for word in words:
        if word in _SEEN or len(_SEEN) >= _MOST_WORDS:
            continue
        _SEEN.add(word)
        if not _PLAIN.fullmatch(word) or is_cjk(word):
            continue
        _LETTERED.add(word)
        kind = _word_kind(word)
        lower = word.lower()
        if kind in (_PLAIN_WORD, _INITIAL_WORD):
            _INNER.add(word)
            if not _is_title(word) and not is_vietnamese_family_name(word):
                _LEADING.add(word)
        if lower.rstrip(".") not in _FAST_SUFFIXES:
            if kind in (_PLAIN_WORD, _INITIAL_WORD):
                _CLOSING.add(word)
            elif _elided_only(word):
                _ELIDED.add(word)
        if kind == _PLAIN_WORD and "." not in word and word[0] != "'":
            _NICKNAMES.add(word)


def _elided_only(word: str) -> bool:
    """A word that is special to nameparser only for its elided particle ("D'Amato")."""
    particles, special = _vocabulary()
    lower = word.lower()
    return "." not in word and lower not in special and _elided_particle(lower, particles)


@lru_cache(maxsize=8192)
def family_and_given(family: str, name: str) -> tuple[str, str]:
    """The filing name and the rest when the list gives the family name in a column of its own.

    The family name is filed under as written, but for its leading lowercase particles, as a
    parsed surname is ("van der Berg" under Berg); the rest is the name without it.
    """
    family = " ".join(family.split())
    name = " ".join(name.split())
    filed = _without_particles(family) or family
    if name.endswith(" " + family):
        return filed, name[: -len(family) - 1]
    if name.startswith(family):
        return filed, name[len(family) :].strip()
    return filed, name


def _without_particles(surname: str) -> str:
    """A surname without its leading lowercase particles (del, de la, van der, von)."""
    words = surname.split()
    while len(words) > 1 and words[0].islower():
        words.pop(0)
    return " ".join(words)


def _family_first(name: str, words: list[str]) -> tuple[str, str] | None:
    """``family_first_parts`` of the name after its titles: "Dr. Nguyễn Thị Mai" is Nguyễn."""
    lead = 0
    while lead < len(words) - 1 and _is_title(words[lead]):
        lead += 1
    if lead:
        words = words[lead:]
        name = " ".join(words)
    return family_first_parts(name, words)


@lru_cache(maxsize=65536)
def _is_title(word: str) -> bool:
    from nameparser.config import CONSTANTS

    return word.lower().rstrip(".") in CONSTANTS.titles


_PLAIN_WORD, _INITIAL_WORD, _PARTICLE, _SPECIAL = range(4)


def _fast_parts(words: list[str]) -> tuple[str, str] | None:
    """(nameparser's last name, first + middle) for a plain name, or None to ask nameparser."""
    if len(words) >= 3 and words[-1].lower().rstrip(".") in _FAST_SUFFIXES:
        words = words[:-1]
    kinds = set(map(_word_kind, words))
    if _PARTICLE not in kinds and _SPECIAL not in kinds:  # most names: the last word
        return words[-1], " ".join(words[:-1])
    start = None
    previous = _PLAIN_WORD
    for i, word in enumerate(words):
        kind = _word_kind(word)
        if kind == _SPECIAL:
            return None
        if kind == _PARTICLE:
            if i == 0 or i == len(words) - 1 or (start is not None and previous != _PARTICLE):
                return None  # a leading, trailing or second particle: nameparser decides
            start = i if start is None else start
        previous = kind
    start = len(words) - 1 if start is None else start
    return " ".join(words[start:]), " ".join(words[:start])


@lru_cache(maxsize=65536)
def _word_kind(word: str) -> int:
    """What one word is to nameparser; words repeat, so this is asked once per word."""
    if _INITIAL.fullmatch(word):
        return _INITIAL_WORD  # "E." is a middle initial, whatever word "e" may be
    particles, special = _vocabulary()
    lower = word.lower()
    if "." in word or lower in special or _elided_particle(lower, particles):
        return _SPECIAL
    return _PARTICLE if lower in particles else _PLAIN_WORD


def _elided_particle(word: str, particles: frozenset[str]) -> bool:
    """ "d'Amato", "dell'Orto": a particle elided onto the surname; nameparser decides."""
    for mark in "'’":
        head, found, _ = word.partition(mark)
        if found and head + mark in particles:
            return True
    return False


def _parsed_parts(name: str) -> tuple[str, str]:
    from nameparser import HumanName

    parsed = HumanName(name)
    return parsed.last, " ".join(part for part in (parsed.first, parsed.middle) if part)
