"""Text of CSL-JSON items as a Bluebook citation prints it: markup, title case, editions.

CSL titles may hold a small HTML-like markup (CSL 1.0.2, "Rich text"): ``<i>``, ``<b>``,
``<sup>``, ``<sub>``, ``<span class="nocase">``, ``<span class="nodecor">`` and
``<span style="font-variant:small-caps;">``. Italics become policydraft's ``*...*`` (a
case name inside an article title); every other tag is dropped and its text kept, since a
Bluebook citation has no bold, superscript or small capitals in a footnote. A tag that is
not closed (or closed without being opened) is dropped too, with a note: a filed letter never
shows ``<i>``.

Zotero stores titles as typed, and styles put English titles in title case when they print
them; the Bluebook wants headline case (rule 8(a)). ``title_case`` raises the first letter
of each all-lowercase word except articles, conjunctions and prepositions of four letters or
fewer (unless first or after a colon); a word with a capital, a digit, a period or a slash
is left as written (``iPhone``, ``U.S.``, ``example.com``), and so is text in a ``nocase``
span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<(/?)(i|b|sup|sub|span)(\s[^<>]*)?>", re.IGNORECASE)
_WORD = re.compile(r"[^\s\-–—/]+")

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "so",
        "yet",
        "as",
        "at",
        "by",
        "in",
        "of",
        "off",
        "on",
        "per",
        "to",
        "up",
        "via",
        "from",
        "into",
        "like",
        "near",
        "onto",
        "over",
        "past",
        "than",
        "till",
        "upon",
        "with",
    ]
)
"""Bluebook rule 8(a): articles, conjunctions and prepositions of four or fewer letters."""

_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_EDITION = re.compile(r"(\d+)\s*(?:st|nd|rd|th|d)?\.?(?:\s*(?:ed\.?|edition))?", re.IGNORECASE)


@dataclass
class CslText:
    """A CSL string in policydraft's markup, with which parts keep their case."""

    text: str = ""
    protected: list[tuple[int, int]] = field(default_factory=list)  # nocase spans
    problems: list[str] = field(default_factory=list)


def from_csl_markup(value: str) -> CslText:
    """``Lessard <span class="nodecor">v.</span> Schmidt`` -> "Lessard v. Schmidt"."""
    out = CslText()
    pieces: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, nocase) of each open tag
    nocase_from: list[int] = []
    index = 0
    for match in _TAG.finditer(value):
        pieces.append(value[index : match.start()])
        index = match.end()
        closing, tag = bool(match.group(1)), match.group(2).lower()
        if not closing:
            nocase = tag == "span" and "nocase" in (match.group(3) or "")
            stack.append((tag, nocase))
            if nocase:
                nocase_from.append(len("".join(pieces)))
            pieces.append("*" if tag == "i" else "")
            continue
        if not stack or stack[-1][0] != tag:
            out.problems.append(f"'</{tag}>' closes no open <{tag}>; the tag is left out")
            continue
        _, nocase = stack.pop()
        if nocase:
            out.protected.append((nocase_from.pop(), len("".join(pieces))))
        pieces.append("*" if tag == "i" else "")
    pieces.append(value[index:])
    for tag, _nocase in stack:
        out.problems.append(f"'<{tag}>' is never closed; the tag is left out")
    text = "".join(pieces)
    if any(tag == "i" for tag, _ in stack):  # an unclosed <i> must not italicize the rest
        text = _drop_unclosed_italics(text, sum(1 for tag, _ in stack if tag == "i"))
    out.text = text
    return out


def _drop_unclosed_italics(text: str, count: int) -> str:
    """Remove the last ``count`` opening ``*`` that an unclosed ``<i>`` left."""
    for _ in range(count):
        at = text.rfind("*")
        text = text[:at] + text[at + 1 :]
    return text


def title_case(value: CslText) -> str:
    """Headline case per Bluebook rule 8(a), leaving protected (nocase) text alone."""
    text = value.text
    chars = list(text)
    first = True
    for match in _WORD.finditer(text):
        word = match.group(0)
        start = match.start()
        after_colon = text[:start].rstrip().endswith(":")
        bare = word.strip("*\"'“‘(")
        lead = len(word) - len(word.lstrip("*\"'“‘("))
        protected = any(low <= start < high for low, high in value.protected)
        if not protected and _raisable(bare) and (first or after_colon or bare not in SMALL_WORDS):
            chars[start + lead] = chars[start + lead].upper()
        first = False
    return "".join(chars)


def _raisable(word: str) -> bool:
    return re.fullmatch(r"[a-z][a-z'’]*", word) is not None


def bluebook_edition(value: str) -> str:
    """ "6", "6th", "sixth", "6th ed." -> "6th"; "2" -> "2d", "3rd" -> "3d" (Bluebook 15.4).
    Anything else ("Rev. ed.") is kept as written."""
    text = value.strip()
    number: int | None = None
    word = text.lower().removesuffix(" edition").removesuffix(" ed.").strip()
    if word in _ORDINAL_WORDS:
        number = _ORDINAL_WORDS.index(word) + 1
    elif match := _EDITION.fullmatch(text):
        number = int(match.group(1))
    return _ordinal(number) if number else text


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}" + {1: "st", 2: "d", 3: "d"}.get(number % 10, "th")


NEWSPAPERS = {
    "the new york times": "N.Y. Times",
    "new york times": "N.Y. Times",
    "the wall street journal": "Wall St. J.",
    "wall street journal": "Wall St. J.",
    "the washington post": "Wash. Post",
    "washington post": "Wash. Post",
    "los angeles times": "L.A. Times",
    "the los angeles times": "L.A. Times",
    "chicago tribune": "Chi. Trib.",
    "the boston globe": "Bos. Globe",
    "boston globe": "Bos. Globe",
    "financial times": "Fin. Times",
    "the financial times": "Fin. Times",
}
"""Newspapers as Bluebook table T13 abbreviates them, by the names Zotero's translators
write into container-title ("The New York Times")."""


def bluebook_newspaper(name: str) -> str:
    """ "The New York Times" -> "N.Y. Times"; a name the table lacks is kept as written."""
    return NEWSPAPERS.get(" ".join(name.split()).lower(), name)
