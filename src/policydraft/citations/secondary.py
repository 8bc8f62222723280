"""What the forms of books, articles, reports, news and web pages need beyond their fields.

- Publication dates known only to the year or month (``date: 2014``, ``date: 2014-03``): a
  report dated 2014 prints "2014", never "Jan. 1, 2014".
- Titles holding ``*...*``: those words print roman inside the italic title (Bluebook rule
  2.2(a)(iii), a case name in an article's title).
- The author's name in a short form ("Litman, *supra*, at 46") and the names given by
  "[hereinafter ...]" when a short form alone could not tell two sources apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import PlainValidator
from pydantic_core import PydanticCustomError

from policydraft.templating.bounds import as_text
from policydraft.templating.templates import Markdown


class YearDate(dt.date):
    """A publication date known only to its year (stored as its first day)."""

    def isoformat(self) -> str:
        return f"{self.year:04d}"


class MonthDate(dt.date):
    """A publication date known only to its month (stored as the month's first day)."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


def _publication_date(value: Any) -> dt.date:
    """A full date, or a year or month alone, as YAML or CSL give them; anything else is an
    ``iso_date`` error (a Unix timestamp or a datetime is no publication date)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip() if isinstance(value, int | str) and value is not True else ""
    try:
        if _YEAR.fullmatch(text) and int(text) > 0:
            return YearDate(int(text), 1, 1)
        month = _MONTH.fullmatch(text)
        if month:
            return MonthDate(int(month.group(1)), int(month.group(2)), 1)
        if _DAY.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise PydanticCustomError("iso_date", f"a date must be written {DATE_FORMS}")


PublicationDate = Annotated[dt.date, PlainValidator(_publication_date)]
"""A source's publication date: YYYY-MM-DD, or YYYY-MM / YYYY when that is all it gives."""


# --- titles ----------------------------------------------------------------------------------

_MARKUP = re.compile(r"[\\*<]")


def escaped(text: str) -> str:
    """``text`` printed literally by the citation markup (as the templates' finalize does)."""
    return _MARKUP.sub(lambda match: "\\" + match.group(0), text)


def title_markup(value: Any) -> Markdown:
    """A title for ``*{{ source.title | title_markup }}*``: its ``*...*`` pairs print roman.

    Each pair of stars closes and reopens the template's italics; an unpaired star is a
    literal star, and every other character is printed as written.
    """
    parts = as_text(value).split("*")
    if len(parts) % 2 == 0:  # an odd number of stars: the last one has no partner
        parts[-2:] = [parts[-2] + "*" + parts[-1]]
    return Markdown("*".join(escaped(part) for part in parts))


# --- authors ---------------------------------------------------------------------------------

_INSTITUTIONAL_WORDS = """office dep't department ass'n association comm'n commission inst.
institute center ctr. council bureau agency foundation found. univ. university inc. inc llc
corp. co. committee comm. bd. board service serv. admin. administration society soc'y org.
organization group project library lab laboratory network alliance coalition union court
senate house congress nations government gov't u.s. united states federal national nat'l
american am. international int'l journal press news times"""
_INSTITUTIONAL = frozenset(_INSTITUTIONAL_WORDS.split())
"""Words that make an author an institution, named whole in short forms (lower case)."""
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le"})
_SUFFIXES = re.compile(r",?\s+(?:Jr\.|Sr\.|II|III|IV)$")
_ET_AL = re.compile(r"\s+et al\.?$")
_INITIALS = re.compile(r"(?:[A-Z]\.-?)+")
"""Initials written together: "B.F.", "J.R.R.", "J.-P." (a given name, never a surname)."""


def surname(value: Any, et_al: bool = True) -> str:
    """The author as a short form names them: a person by surname, an institution whole.

    "Jessica Litman" -> "Litman"; "B.F. Skinner" -> "Skinner"; "Ludwig van Beethoven" ->
    "van Beethoven"; "Samuelson & Litman" keeps both; "et al." is kept unless ``et_al`` is
    false (a book's *supra*: "Lilly, *supra*", Indigo Book R29.2); "U.S. Copyright Office"
    and "OpenAI" are printed as written. Give ``short:`` when this guess is wrong.
    """
    text = as_text(value).strip()
    others = _ET_AL.search(text)
    if others:
        first = surname(text[: others.start()])
        return f"{first} et al." if et_al else first
    if " & " in text:
        return " & ".join(surname(part) for part in text.split(" & "))
    return _person_surname(text) or text


def _person_surname(name: str) -> str | None:
    """The surname of a person's name, or None when the name is not a person's."""
    words = _SUFFIXES.sub("", name).split()
    if not 2 <= len(words) <= 5 or any(word.lower() in _INSTITUTIONAL for word in words):
        return None
    if any(not _name_word(word) for word in words) or _INITIALS.fullmatch(words[-1]):
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _name_word(word: str) -> bool:
    """A given name, initial, particle or surname; not an acronym like "OECD" or "RAND"."""
    if word.lower() in _PARTICLES or _INITIALS.fullmatch(word):
        return True
    letters = word.replace(".", "").replace("-", "").replace("'", "")
    return letters.isalpha() and word[0].isupper() and not (len(letters) > 1 and word.isupper())


# --- hereinafter -----------------------------------------------------------------------------

SECONDARY = frozenset({"book", "article", "report", "news", "web"})
"""The types whose later citations are "Author, *supra*": Bluebook rule 4.2 and Bluepages
B15-B18; cases, statutes and regulations have their own short forms."""


def hereinafter_names(sources: Iterable[Any]) -> dict[str, str]:
    """The "[hereinafter NAME]" of each secondary source that needs one, by id.

    A source's ``short:`` is its name (printed italic, as a short title). Without it, a
    source sharing its author's short name with another source is named "Surname, *Title*".
    """
    secondary = [source for source in sources if source.type in SECONDARY]
    authors = Counter(_author_key(source) for source in secondary)
    names: dict[str, str] = {}
    for source in secondary:
        if source.short:
            names[source.id] = Markdown(f"*{title_markup(source.short)}*")
        elif authors[_author_key(source)] > 1:
            names[source.id] = _author_and_title(source)
    return names


def _author_key(source: Any) -> str:
    """The name a source's short form prints (a book drops "et al.", as its template does)."""
    author = getattr(source, "author", None)
    return surname(author, source.type != "book") if author else f"*{source.title}"


def _author_and_title(source: Any) -> Markdown:
    title = f"*{title_markup(source.title)}*"
    author = getattr(source, "author", None)
    return Markdown(f"{escaped(surname(author))}, {title}" if author else title)
