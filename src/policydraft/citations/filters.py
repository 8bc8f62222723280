"""Helpers the citation templates use for Bluebook's small rules (dates, numbers, sections).

They are Jinja filters so that the templates, which a legal team edits, read as the form
they print; each rule that is fiddly to write in a template lives here once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from policydraft.citations.case_names import case_name
from policydraft.citations.secondary import MonthDate, YearDate
from policydraft.templating.bounds import as_text
from policydraft.templating.templates import Markdown

MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
"""Bluebook's month abbreviations (table T12): four-letter months are not abbreviated."""

_LONG_NUMBER = re.compile(r"\d{5,}")
_SECTION_SIGN = re.compile(r"^§+\s*")
_EDITION = re.compile(r"\bed\.?$")


def bluebook_date(value: dt.date) -> str:
    """``2025-02-06`` -> "Feb. 6, 2025"; a date given as ``2014`` -> "2014", ``2014-03`` ->
    "Mar. 2014" (never the first day the date is stored as)."""
    if isinstance(value, YearDate):
        return str(value.year)
    if isinstance(value, MonthDate):
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"


def page(value: Any) -> str:
    """Numbers of five digits or more take commas (rule 6.2(a)): "59942" -> "59,942"."""
    return _LONG_NUMBER.sub(lambda match: _thousands(match.group(0)), as_text(value))


def _thousands(digits: str) -> str:
    """``f"{int(digits):,}"`` without ``int``, which refuses more than 4,300 digits."""
    digits = digits.lstrip("0") or "0"
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return ",".join(groups)


def section(value: Any, pin: str = "") -> str:
    """The section a statute or regulation is cited at, with its pin cite.

    A pin opening with ``(`` is a subsection of the source's section (``107`` + ``(1)``);
    any other pin names the section itself (``[@act, 106A]``). A leading ``§`` is dropped,
    since the template prints its own.
    """
    pin = _SECTION_SIGN.sub("", pin.strip())
    if not pin:
        return as_text(value)
    return f"{as_text(value)}{pin}" if pin.startswith("(") else pin


_AT = re.compile(r"^at\s", re.IGNORECASE)
_DIVISION = re.compile(r"^(§+|¶+)\s*")
_SEPARATOR = re.compile(r",|&|\band\b|\bto\b|[-–]")
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_ET_SEQ = re.compile(r"\s+et seq\.?$")
_SUPREME_COURT_REPORTERS = frozenset({"U.S.", "S. Ct.", "L. Ed.", "L. Ed. 2d"})


def at(pin: Any) -> str:
    """A pin as a short form or *Id.* prints it: "at 579", "at *4"; never "at" before § or ¶.

    A pin the user already wrote with "at" is kept as written, so "at" is never doubled.
    """
    text = as_text(pin).strip()
    if not text or _AT.match(text):
        return page(text)
    division = _DIVISION.match(text)
    if division:
        return _division(division.group(1)[0], text[division.end() :])
    return f"at {page(text)}"


_ENDS_IN_NUMERAL = re.compile(r"\d[*\s]*$")


def after_title(pin: Any, title: Any) -> str:
    """A pin as it follows a work's title: " 12", but ", at 12" after a title ending in a
    numeral (rule 3.2(a): "*1984*, at 12"), so the pin cannot be read as part of the title.
    A pin to a section or paragraph ("§ 4:1") needs no "at"; "" when there is no pin."""
    text = as_text(pin).strip()
    if not text:
        return ""
    if not _ENDS_IN_NUMERAL.search(as_text(title)) or _DIVISION.match(text):
        return f" {text}"
    return f", {text}" if _AT.match(text) else f", at {text}"


def star_page(pin: Any) -> str:
    """A database pin is a star page (rule 10.8.1): "4" -> "*4"; "*4" and "at *4" unchanged."""
    text = as_text(pin).strip()
    return f"*{text}" if text[:1].isdigit() else text


def paragraphs(pin: Any) -> str:
    """A medium-neutral case's pin is a paragraph: "15" -> "¶ 15", "15-17" -> "¶¶ 15-17"."""
    text = as_text(pin).strip()
    if not text or _AT.match(text) or text.startswith("§"):
        return text
    return _division("¶", _DIVISION.sub("", text))


def sections(value: Any, pin: str = "") -> str:
    """A statute's or regulation's section with its sign: "§ 107(1)", "§§ 1201-1205".

    Ranges and lists of sections take "§§" (rule 3.3(b)), subsections of one section one
    "§" ("§ 1485(a)(1)-(3)"); a "§§" the user wrote is kept, and "et seq." stays one "§".
    """
    written = f"{as_text(value)} {pin}"
    text = section(_DIVISION.sub("", as_text(value).strip()), pin)
    if "§§" in written:
        return f"§§ {text}"
    return _division("§", text)


def _division(sign: str, text: str) -> str:
    """``text`` after ``sign``, doubled when it names several sections or paragraphs."""
    text = text.strip()
    return f"{sign * 2 if _several(_ET_SEQ.sub('', text)) else sign} {text}"


def _several(text: str) -> bool:
    """Whether a section text is a range or list of them, not one (sub)section.

    A separator outside parentheses followed by "(" continues one section's subsections
    ("512(c), (d)"); "2000e-2" and "1.61-1" are single sections (the number after the dash
    is smaller, or shaped differently), "1201-1205" and "202.1-202.4" are ranges.
    """
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        found = _SEPARATOR.match(text, index) if depth == 0 else None
        if found is None:
            continue
        after = text[found.end() :].lstrip()
        if not after or after.startswith("("):
            continue
        if char not in "-–" or _span(text[:index], after):
            return True
    return False


def _span(first: str, last: str) -> bool:
    """Whether "first-last" runs from one section to a later one of the same shape.

    The last section may drop the digits it shares with the first ("3681-82", rule 3.3(b)),
    when the first is a plain number: "2000e-2" stays one section.
    """
    if last[:1] in ".:":
        return True
    first = first.strip()
    start, end = _NUMBER.match(first), _NUMBER.match(last)
    if start is None or end is None:
        return False
    shorter = len(end.group(0)) < len(first)
    if first.isdigit() and end.group(0).isdigit() and shorter:
        return int(first[: len(first) - len(end.group(0))] + end.group(0)) > int(first)
    low = tuple(int(part) for part in start.group(0).split("."))
    high = tuple(int(part) for part in end.group(0).split("."))
    return len(low) == len(high) and high >= low


def code_date(publisher: Any, year: Any, supplement: Any) -> str:
    """A code's parenthetical: "(2018)", "(West 2024)", "(2018 & Supp. IV 2022)"; "" if none."""
    edition = " ".join(as_text(part) for part in (publisher, year) if part)
    extra = as_text(supplement).strip() if supplement else ""
    if extra and not extra.startswith("Supp"):
        extra = f"Supp. {extra}"
    inside = " & ".join(part for part in (edition, extra) if part)
    return f"({inside})" if inside else ""


def medium_neutral(reporter: Any, volume: Any, year: Any) -> bool:
    """A public-domain citation ("2020 IL 124831"): a neutral reporter of reporters-db whose
    volume is the year. The page is then a document number and pins are paragraphs."""
    return as_text(volume) == as_text(year) and as_text(reporter) in _neutral_reporters()


@functools.cache
def _neutral_reporters() -> frozenset[str]:
    """reporters-db's medium-neutral citation forms, loaded on the first such question."""
    from policydraft.citations.reporters_file import reporters

    return frozenset(
        name
        for series in reporters().values()
        for reporter in series
        if reporter.get("cite_type") == "neutral"
        for name in reporter["editions"]
    )


def court_date(court: Any, reporter: Any, date: Any) -> str:
    """What a case's date parenthetical holds: "2d Cir. 2010", "2009" (Supreme Court)."""
    if court and as_text(reporter) not in _SUPREME_COURT_REPORTERS:
        return f"{as_text(court)} {as_text(date)}"
    return as_text(date)


def first_party(name: str) -> str:
    """A case's short name when no ``short:`` is given: the words before " v."."""
    return name.split(" v. ", 1)[0].strip()


def edition(value: Any) -> str:
    """ "2d" -> "2d ed."; an edition already ending in "ed." is left alone."""
    text = as_text(value).strip()
    return text if _EDITION.search(text) else f"{text} ed."


def url(value: Any) -> Markdown:
    """A URL printed as a link (``<...>`` in the templates' markup), never escaped."""
    return Markdown(f"<{as_text(value).replace('>', '%3E').replace(' ', '%20')}>")


FILTERS: dict[str, Callable[..., Any]] = {
    "bluebook_date": bluebook_date,
    "page": page,
    "section": section,
    "sections": sections,
    "at": at,
    "after_title": after_title,
    "star_page": star_page,
    "paragraphs": paragraphs,
    "code_date": code_date,
    "medium_neutral": medium_neutral,
    "court_date": court_date,
    "first_party": first_party,
    "case_name": case_name,
    "edition": edition,
    "url": url,
}
