"""CSL-JSON bills, hearings and treaties, as Zotero and Juris-M export them.

- ``bill`` (Zotero's Bill): title -> name, number -> number ("H.R. 3262"), chapter-number
  (Zotero's Session, "118th Congress") -> congress, issued -> year. Its ``section`` is a
  section of the bill ("sec. 23 para. 6", "§ 2"), not read.
- ``hearing`` (Juris-M), and Zotero's Hearing, which Zotero exports as CSL ``bill`` with the
  committee in ``section``: title, committee (Juris-M) or section or the last level of an
  authority ("Dáil|Select Committee on ...") -> committee, with "Committee" written "Comm.",
  "Subcommittee" "Subcomm." and "House"/"Senate" before them "H."/"S." (Bluebook rule 13.3),
  chapter-number -> congress, issued -> year.
- ``treaty`` (Juris-M): title -> name in headline case, issued (or Juris-M's event-date) ->
  date (or available-date, printed "*opened for signature*"), volume + container-title +
  page -> series ("1155 U.N.T.S. 331"), a series written without periods ("UNTS", "UST")
  in table T4's form.
"""

from __future__ import annotations

import re

from policydraft.citations.csl_fields import CslMapper, first_page, take_full_date, take_year
from policydraft.readers.schema_errors import describe

_CONGRESS = re.compile(r"\s*(\d+)")
_COMMITTEE = re.compile(r"[A-Za-z]{4,}")  # a committee's name, not a section number
_COMMITTEE_WORD = re.compile(r"\b(?:sub)?comm(?:ittee|\.)", re.IGNORECASE)
_SECTION_OF_BILL = re.compile(
    r"\s*(?:§|¶|\d|sec(?:tion)?s?\b|secs?\.|s\.|arts?\b|art\.|paras?\b|para\.|r\.)",
    re.IGNORECASE,
)
_COMMITTEE_WORDS = (
    (re.compile(r"\bSubcommittee\b"), "Subcomm."),
    (re.compile(r"\bCommittee\b"), "Comm."),
    (re.compile(r"\bHouse(?= (?:[A-Z][a-z]+ )*(?:Sub)?[Cc]omm)"), "H."),
    (re.compile(r"\bSenate(?= (?:[A-Z][a-z]+ )*(?:Sub)?[Cc]omm)"), "S."),
)
"""Bluebook rule 13.3's committee words ("Subcomm. on ... of the H. Comm. on the Judiciary");
the committee's subject words are kept as written, as in the rule's own example."""

TREATY_SERIES = {
    "unts": "U.N.T.S.",
    "united nations treaty series": "U.N.T.S.",
    "ust": "U.S.T.",
    "united states treaties and other international agreements": "U.S.T.",
    "tias": "T.I.A.S.",
    "treaties and other international acts series": "T.I.A.S.",
    "ilm": "I.L.M.",
    "international legal materials": "I.L.M.",
    "lnts": "L.N.T.S.",
    "league of nations treaty series": "L.N.T.S.",
    "stat": "Stat.",
    "statutes at large": "Stat.",
}
"""Treaty series as Bluebook table T4 abbreviates them, by how a Zotero user may write them."""


def zotero_hearing(m: CslMapper) -> bool:
    """Whether a CSL ``bill`` is Zotero's Hearing: its ``section`` names a committee
    ("Committee on the Judiciary"), not a section of the bill ("sec. 23 para. 6", "§ 2")."""
    section = m.raw("section")
    if not isinstance(section, str):
        return False
    if _COMMITTEE_WORD.search(section):
        return True
    return not _SECTION_OF_BILL.match(section) and _COMMITTEE.search(section) is not None


def committee_name(name: str) -> str:
    """ "House Committee on the Judiciary" -> "H. Comm. on the Judiciary" (rule 13.3)."""
    for pattern, abbreviation in _COMMITTEE_WORDS:
        name = pattern.sub(abbreviation, name)
    return " ".join(name.split())


def map_bill(m: CslMapper) -> None:
    m.take_text("name", "title")
    m.take("number", "number")
    _congress(m)
    take_year(m, "year", "issued")
    _url_and_short(m)


def map_hearing(m: CslMapper) -> None:
    m.take_text("title", "title")
    _committee(m)
    _congress(m)
    take_year(m, "year", "issued")
    _url_and_short(m)


def map_treaty(m: CslMapper) -> None:
    m.take_text("name", "title", headline=True)
    if m.raw("issued") is None and m.raw("available-date") is not None:
        take_full_date(m, "date", "available-date", required=True)
        m.put("date_label", "available-date", "opened for signature")
    elif m.raw("issued") is None and m.raw("event-date") is not None:
        take_full_date(m, "date", "event-date", required=True)
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
    if isinstance(container, str):
        container = TREATY_SERIES.get(container.strip().rstrip(".").lower(), container)
    parts = (m.raw("volume"), container, first_page(m.raw("page")))
    if all(part is not None for part in parts):
        m.put("series", "container-title", " ".join(str(part) for part in parts))
    else:
        m.put("series", "container-title", container)


def _committee(m: CslMapper) -> None:
    """Juris-M's committee, Zotero's section, or the last level of Juris-M's authority
    ("Dáil|Select Committee on ...") when it names a committee."""
    for key in ("committee", "section"):
        value = m.raw(key)
        if isinstance(value, str):
            m.put("committee", key, committee_name(value))
            return
    last = _authority(m.raw("authority")).rsplit("|", 1)[-1]
    if _COMMITTEE_WORD.search(last):
        m.put("committee", "authority", committee_name(last))


def institution(value: object) -> str:
    """Juris-M's authority as an institutional author: the smallest body first, as the
    Bluebook's rule 15.1(c) orders it ("African Union|Peace and Security Council" ->
    "Peace and Security Council, African Union"); "" when there is none."""
    levels = [level.strip() for level in _authority(value).split("|") if level.strip()]
    return ", ".join(reversed(levels))


def _authority(value: object) -> str:
    """Juris-M writes an authority as a string or a one-institution name list."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = value[0].get("literal") or value[0].get("family")
    return value if isinstance(value, str) else ""


def _url_and_short(m: CslMapper) -> None:
    m.take("url", "URL")
    m.take_text("short", "title-short" if m.raw("title-short") is not None else "shortTitle")
