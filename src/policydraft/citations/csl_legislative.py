"""CSL-JSON bills, hearings and treaties, as Zotero and Juris-M export them.

- ``bill`` (Zotero's Bill): title -> name, number -> number ("H.R. 3262"), chapter-number
  (Zotero's Session, "118th Congress") -> congress, issued -> year.
- ``hearing`` (Juris-M), and Zotero's Hearing, which Zotero exports as CSL ``bill`` with the
  committee in ``section``: title, section -> committee, chapter-number -> congress,
  issued -> year.
- ``treaty`` (Juris-M): title -> name, issued -> date (or available-date, printed "*opened
  for signature*"), volume + container-title + page -> series ("1155 U.N.T.S. 331").
"""

from __future__ import annotations

import re

from policydraft.citations.csl_fields import CslMapper, first_page, take_full_date, take_year
from policydraft.readers.schema_errors import describe

_CONGRESS = re.compile(r"\s*(\d+)")
_COMMITTEE = re.compile(r"[A-Za-z]{4,}")  # a committee's name, not a section number


def zotero_hearing(m: CslMapper) -> bool:
    """Whether a CSL ``bill`` is Zotero's Hearing: its ``section`` names a committee."""
    section = m.raw("section")
    return isinstance(section, str) and _COMMITTEE.search(section) is not None


def map_bill(m: CslMapper) -> None:
    m.take_text("name", "title")
    m.take("number", "number")
    _congress(m)
    take_year(m, "year", "issued")
    _url_and_short(m)


def map_hearing(m: CslMapper) -> None:
    m.take_text("title", "title")
    m.take("committee", "section")
    _congress(m)
    take_year(m, "year", "issued")
    _url_and_short(m)


def map_treaty(m: CslMapper) -> None:
    m.take_text("name", "title")
    if m.raw("issued") is None and m.raw("available-date") is not None:
        take_full_date(m, "date", "available-date", required=True)
        m.put("date_label", "available-date", "opened for signature")
    else:
        take_full_date(m, "date", "issued", required=True)
    _series(m)
    _url_and_short(m)


def _congress(m: CslMapper) -> None:
    """chapter-number (Zotero's Session: "118th Congress", "118") -> congress (118)."""
    value = m.raw("chapter-number")
    match = _CONGRESS.match(str(value)) if isinstance(value, int | str) else None
    if value is not None and match is None:
        shown = describe(value)
        m.problem(f"'chapter-number' {shown} names no Congress (e.g. 118)", "chapter-number")
        m.reported.add("congress")
        return
    m.put("congress", "chapter-number", int(match.group(1)) if match else None)


def _series(m: CslMapper) -> None:
    """volume, container-title and page -> "1155 U.N.T.S. 331"; a container-title holding
    the whole cite is taken as written."""
    container = m.raw("container-title")
    parts = (m.raw("volume"), container, first_page(m.raw("page")))
    if all(part is not None for part in parts):
        m.put("series", "container-title", " ".join(str(part) for part in parts))
    else:
        m.put("series", "container-title", container)


def _url_and_short(m: CslMapper) -> None:
    m.take("url", "URL")
    m.take_text("short", "title-short" if m.raw("title-short") is not None else "shortTitle")
