"""Helpers the citation templates use for Bluebook's small rules (dates, numbers, sections).

They are Jinja filters so that the templates, which a legal team edits, read as the form
they print; each rule that is fiddly to write in a template lives here once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

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
    """``2025-02-06`` -> "Feb. 6, 2025"."""
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


FILTERS: dict[str, Callable[..., str]] = {
    "bluebook_date": bluebook_date,
    "page": page,
    "section": section,
    "first_party": first_party,
    "edition": edition,
    "url": url,
}
