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
def _pattern() -> re.Pattern[str]:
    """Every form, longest first, so "New York City" is one match and not "N.Y. City"."""
    _, words = _places_and_words()
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    # Not inside a longer word or a dotted name ("Public.Resource.org" is a name, not "Pub.").
    return re.compile(rf"(?<![\w’'.])(?:{alternatives})(?![\w’']|\.\w)")


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

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == 0 and lead in _KEEP_AS_FIRST_WORD:
            return word
        return words[word]

    return _pattern().sub(replace, party)


def case_name(name: str, abbreviate: bool = True) -> str:
    """The template filter: the citation form of a case name, or the name as written."""
    return abbreviate_case_name(name) if abbreviate else name
