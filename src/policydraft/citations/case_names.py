"""Case names as a citation prints them: words abbreviated per the Bluebook's T6 and T10.

In citation sentences and clauses a case name abbreviates common words ("Association" ->
"Ass’n", "Mutual Automobile Insurance Company" -> "Mut. Auto. Ins. Co.") and places
("California" -> "Cal."), every word of every party, the first included: the Indigo Book's
rule R11.3 prints *Ala. Ass’n of Realtors v. Dep’t of Health & Hum. Servs.* Two exceptions,
both the Indigo Book's: a place that is itself a whole party stays whole (*South Dakota v.
Fifteen Impounded Cats*, R11.3.2; so does *United States*, R11.5.8), and "Law" is kept as a
party's first word (its note to Table T11). The word table is ``case_words.tsv``, copied from
the Indigo Book's Tables T11 and T12.1 (public domain). A source with ``abbreviate: false``
is printed as written.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("case_words.tsv")

KEPT_WHOLE = frozenset(
    {"Forum", "Journal", "Journals", "Review", "Revista", "Quarterly", "Week", "Weekly"}
    | {"Fortnightly", "Yearbook", "Year Book", "Commentary", "Newsletter", "Digest"}
    | {"Teacher", "Local"}
)
"""Words Table T11 lists that case names keep whole. Most serve periodical titles only (in a
party's name "Forum" -> "F." would read as something else); "Teacher" and "Local" are kept
as the table's own sample case name keeps them: *Smith v. Detroit Fed’n of Teachers, Local
231*."""

_KEEP_AS_FIRST_WORD = frozenset({"Law"})
_SPLIT_PARTIES = re.compile(r"( v\. )")
_APOSTROPHES = ("’s", "'s")


def word_table(text: str) -> dict[str, str]:
    """The rows of a word table ("WORD<tab>ABBREVIATION"; ``#`` starts a comment line)."""
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, tab, abbreviation = line.partition("\t")
        if not tab or not word.strip() or not abbreviation.strip():
            raise ValueError(f"line {number}: expected WORD<tab>ABBREVIATION, got {line!r}")
        table[word.strip()] = abbreviation.strip()
    return table


@functools.cache
def _places_and_words() -> tuple[frozenset[str], dict[str, str]]:
    """The T12 places (kept whole as a party) and every form a case name abbreviates."""
    places: set[str] = set()
    words: dict[str, str] = {}
    section = ""
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# section:"):
            section = line.split(":", 1)[1].strip()
        table = word_table(line)
        if section.startswith("T12"):
            places.update(table)
        words.update({w: a for w, a in table.items() if w not in KEPT_WHOLE})
    return frozenset(places | {"United States"}), _with_inflections(words)


def _with_inflections(words: dict[str, str]) -> dict[str, str]:
    """Plurals and possessives too: "Departments" -> "Dep’ts", "Manufacturer’s" -> "Mfr.’s".

    The Indigo Book's note to Table T11: a plural adds "s" to the abbreviation, a possessive
    "’s" after it ("’" after a plural: "Manufacturers’" -> "Mfrs.’").
    """
    forms: dict[str, str] = {}
    for word, abbreviation in words.items():
        plural = word[:-1] + "ies" if re.search(r"[^aeiou]y$", word) else word + "s"
        forms.setdefault(plural, _plural(abbreviation))
        for mark in _APOSTROPHES:
            forms.setdefault(word + mark, abbreviation + "’s")
            forms.setdefault(plural + mark[0], _plural(abbreviation) + "’")
    forms.update(words)  # a word the table lists itself ("Industries") wins over a plural
    return forms


def _plural(abbreviation: str) -> str:
    """ "Ass’n" -> "Ass’ns", "Exch." -> "Exchs."; "&" and initials ("U.S.") stay as they are."""
    if not abbreviation[:1].isalpha() or re.fullmatch(r"(?:[A-Z]\.)+", abbreviation):
        return abbreviation
    return abbreviation[:-1] + "s." if abbreviation.endswith(".") else abbreviation + "s"


@functools.cache
def _lengths() -> tuple[int, ...]:
    """The lengths of the forms, longest first."""
    _, words = _places_and_words()
    return tuple(sorted({len(word) for word in words}, reverse=True))


def _is_word_char(char: str) -> bool:
    """What a regular expression's ``\\w`` matches in text: a letter, digit or underscore."""
    return char.isalnum() or char == "_"


def _form_at(text: str, start: int, words: dict[str, str]) -> str | None:
    """The longest form starting at ``start`` that stands alone: not inside a longer word or
    a dotted name ("Public.Resource.org" is a name, not "Pub."), so that "New York City" is
    one form and not "N.Y. City"; None when there is none."""
    if start > 0 and (_is_word_char(text[start - 1]) or text[start - 1] in "’'."):
        return None
    for length in _lengths():
        word = text[start : start + length]
        if len(word) < length or word not in words:
            continue
        after = text[start + length : start + length + 2]
        if after[:1] and (_is_word_char(after[0]) or after[0] in "’'"):
            continue
        if after[:1] == "." and len(after) == 2 and _is_word_char(after[1]):
            continue
        return word
    return None


def abbreviate_case_name(name: str) -> str:
    """``name`` as a citation prints it, each party abbreviated (see the module's docstring)."""
    pieces = _SPLIT_PARTIES.split(name)
    return "".join(piece if piece == " v. " else abbreviate_party(piece) for piece in pieces)


def abbreviate_party(party: str) -> str:
    """One side of the "v.": its T6/T10 words abbreviated, unless it is a place itself."""
    places, words = _places_and_words()
    if party.strip() in places:
        return party
    lead = party.split(" ", 1)[0]

    # A scan, left to right, for the longest form at each place: a regular expression of
    # the 2,700 forms would take longer to compile than every case name of a letter to read.
    printed: list[str] = []
    start = done = 0
    while start < len(party):
        word = _form_at(party, start, words)
        if word is None:
            start += 1
            continue
        kept = start == 0 and lead in _KEEP_AS_FIRST_WORD
        printed += [party[done:start], word if kept else words[word]]
        start = done = start + len(word)
    printed.append(party[done:])
    return "".join(printed)


def case_name(name: str, abbreviate: bool = True) -> str:
    """The template filter: the citation form of a case name, or the name as written."""
    return abbreviate_case_name(name) if abbreviate else name
