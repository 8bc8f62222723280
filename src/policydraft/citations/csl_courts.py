"""The court of a CSL-JSON case as the Bluebook abbreviates it ("2d Cir.", "S.D.N.Y.").

Zotero and Juris-M write a case's court (CSL ``authority``) in three ways, all found in real
exports: a Bluebook abbreviation (``D. Minn.``), a court's name (``Court of Appeals for the
Second Circuit``), or a Juris-M court id with a jurisdiction (``court.appeals`` in
``us:c9``; the jurisdiction is the ``jurisdiction`` key or a ``{:jurisdiction:us:ca}`` line
in ``note``). Each is looked up in courts-db (Free Law Project's database of courts) and
printed as its citation string, which is the Bluebook's abbreviation for nearly every court;
the few it writes otherwise are corrected here (``BLUEBOOK_FIXES``). A court that cannot be
found is kept as written, with a note naming the nearest known abbreviation when there is one.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Any

BLUEBOOK_FIXES = {
    "scotus": "U.S.",  # courts-db writes "SCOTUS"; the case template drops it for U.S. Reports
    "ny": "N.Y.",  # the New York Court of Appeals (Bluebook T1)
    "mnd": "D. Minn.",
    "mdd": "D. Md.",
    "dcd": "D.D.C.",
}
"""courts-db citation strings the Bluebook (table T1) writes otherwise, by courts-db id."""

STATES = {
    code: name.replace("_", " ")
    for code, name in (
        pair.split("=")
        for pair in [
            "al=Alabama",
            "ak=Alaska",
            "az=Arizona",
            "ar=Arkansas",
            "ca=California",
            "co=Colorado",
            "ct=Connecticut",
            "de=Delaware",
            "dc=District_of_Columbia",
            "fl=Florida",
            "ga=Georgia",
            "hi=Hawaii",
            "id=Idaho",
            "il=Illinois",
            "in=Indiana",
            "ia=Iowa",
            "ks=Kansas",
            "ky=Kentucky",
            "la=Louisiana",
            "me=Maine",
            "md=Maryland",
            "ma=Massachusetts",
            "mi=Michigan",
            "mn=Minnesota",
            "ms=Mississippi",
            "mo=Missouri",
            "mt=Montana",
            "ne=Nebraska",
            "nv=Nevada",
            "nh=New_Hampshire",
            "nj=New_Jersey",
            "nm=New_Mexico",
            "ny=New_York",
            "nc=North_Carolina",
            "nd=North_Dakota",
            "oh=Ohio",
            "ok=Oklahoma",
            "or=Oregon",
            "pa=Pennsylvania",
            "ri=Rhode_Island",
            "sc=South_Carolina",
            "sd=South_Dakota",
            "tn=Tennessee",
            "tx=Texas",
            "ut=Utah",
            "vt=Vermont",
            "va=Virginia",
            "wa=Washington",
            "wv=West_Virginia",
            "wi=Wisconsin",
            "wy=Wyoming",
            "pr=Puerto_Rico",
        ]
    )
}
"""Juris-M's state codes (``us:oh``) -> the state's name, as courts-db gives its location."""

JURISM_COURTS = {
    "supreme.court": ("Supreme Court", "Supreme Judicial Court"),
    "court.appeals": ("Court of Appeals", "Courts of Appeal", "Court of Appeal"),
    "court.appeal": ("Court of Appeal", "Courts of Appeal", "Court of Appeals"),
    "district.court": ("District Court",),
}
"""Juris-M's court ids -> words of the courts-db names they stand for."""

GENERIC_NAMES = {
    "supreme court": "supreme.court",
    "court of appeals": "court.appeals",
    "court of appeal": "court.appeal",
    "district court": "district.court",
}
"""Names that are a court only with a jurisdiction ("District Court" in ``us:c8:mn``)."""

_JURISDICTION_NOTE = re.compile(r"\{:jurisdiction:\s*([^}]+)\}")
_CIRCUIT = re.compile(r"c(\d{1,2})")


@dataclass(frozen=True)
class Court:
    """The court to print, and a note for the user when it is kept as written."""

    text: str
    note: str | None = None


def jurisdiction_of(item: dict[str, Any]) -> str | None:
    """The Juris-M jurisdiction of a CSL item (``us:c9``), from its key or from its note."""
    value = item.get("jurisdiction")
    if isinstance(value, str) and value.strip():
        return value.strip().lower()
    note = item.get("note")
    match = _JURISDICTION_NOTE.search(note) if isinstance(note, str) else None
    return match.group(1).strip().lower() if match else None


def bluebook_court(authority: str, jurisdiction: str | None) -> Court:
    """``authority`` (and the item's jurisdiction) as the Bluebook abbreviates the court."""
    written = authority.strip()
    jurism = (
        GENERIC_NAMES.get(written.lower(), written.lower()) if jurisdiction else written.lower()
    )
    if jurism in JURISM_COURTS:
        found = _jurism_court(jurism, jurisdiction)
        if found is not None:
            return Court(_citation(found))
        where = f" in jurisdiction '{jurisdiction}'" if jurisdiction else " (no jurisdiction)"
        return Court(
            written,
            f"Juris-M court '{written}'{where} is no single court courts-db "
            "knows; kept as written (give the Bluebook abbreviation, e.g. 'S.D.N.Y.')",
        )
    known = _abbreviations().get(_key(written))
    if known is not None:
        return Court(known)
    named = _by_name(written)
    if named is not None:
        return Court(_citation(named))
    return Court(written, _unknown_note(written))


def _unknown_note(written: str) -> str | None:
    """A note only when a known abbreviation is close: a court courts-db lacks is no error."""
    close = difflib.get_close_matches(_key(written), list(_abbreviations()), n=1, cutoff=0.9)
    if not close:
        return None
    nearest = _abbreviations()[close[0]]
    return (
        f"court '{written}' is not a Bluebook court abbreviation; kept as written "
        f"(did you mean '{nearest}'?)"
    )


def _citation(court_id: str) -> str:
    if court_id in BLUEBOOK_FIXES:
        return BLUEBOOK_FIXES[court_id]
    return str(_courts()[court_id].get("citation_string") or "").strip() or court_id


def _jurism_court(court: str, jurisdiction: str | None) -> str | None:
    """The courts-db id of a Juris-M court id in a jurisdiction such as ``us:c8:mn``."""
    parts = re.split(r"[:;]", jurisdiction or "")
    if not parts or parts[0] != "us":
        return None
    rest = parts[1:]
    circuit = _CIRCUIT.fullmatch(rest[0]) if rest else None
    if not rest:
        return "scotus" if court == "supreme.court" else None
    if circuit and len(rest) == 1:
        return f"ca{int(circuit.group(1))}" if court == "court.appeals" else None
    if circuit and court == "district.court":
        state, _, district = rest[1].partition(".")  # "mn" -> mnd; "ny.sd" -> nysd
        court_id = f"{state}{district[:1]}d"
        return court_id if court_id in _courts() else None
    return _state_court(court, rest[0])


def _state_court(court: str, state: str) -> str | None:
    """A state's court by Juris-M id: the one court of that state whose name has its words."""
    location = STATES.get(state)
    if location is None:
        return None
    words = JURISM_COURTS[court]
    found = [
        court_id
        for court_id, entry in _courts().items()
        if entry.get("system") == "state"
        and entry.get("location") == location
        and any(word in str(entry.get("name", "")) for word in words)
        and entry.get("citation_string")
    ]
    statewide = [court_id for court_id in found if "," not in _courts()[court_id]["name"]]
    found = statewide or found  # "Ohio Court of Appeals", not "..., Eleventh District"
    highest = [court_id for court_id in found if _courts()[court_id].get("level") == "colr"]
    if court == "supreme.court":
        found = highest or found
    elif len(found) > 1:
        found = [court_id for court_id in found if court_id not in highest]
    return found[0] if len(found) == 1 else None


def _by_name(name: str) -> str | None:
    from courts_db import find_court  # type: ignore[import-untyped]  # deferred: only for CSL

    try:
        found = find_court(name, bankruptcy=False)
    except Exception:  # courts-db's regexes on odd text: treat as not found
        return None
    found = [court_id for court_id in found if court_id not in GENERIC_COURT_IDS]
    return found[0] if len(found) == 1 else None


GENERIC_COURT_IDS = ("usdistct",)
"""courts-db courts that stand for a kind of court, not one court ("United States District
Court"): a name matching only them names no court."""


def _key(text: str) -> str:
    return re.sub(r"[\s.]", "", text).lower()


@functools.cache
def _courts() -> dict[str, dict[str, Any]]:
    from courts_db import courts

    return {str(entry["id"]): entry for entry in courts}


@functools.cache
def _abbreviations() -> dict[str, str]:
    """Every court's Bluebook abbreviation, by its letters without spaces and periods."""
    table: dict[str, str] = {}
    for court_id in _courts():
        citation = _citation(court_id)
        if citation != court_id:
            table.setdefault(_key(citation), citation)
    return table
