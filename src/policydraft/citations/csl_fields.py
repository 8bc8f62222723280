"""Reading CSL-JSON values into policydraft fields, each remembering its CSL key's position.

``CslMapper`` is what the per-type mappers of ``citations/csl`` write through; the helpers
here read CSL's shapes (dates, name lists, page ranges, a code's title and section).
"""

from __future__ import annotations

import html
import re
from typing import Any

from policydraft.citations.csl_text import from_csl_markup, title_case
from policydraft.diagnostics import Diagnostics
from policydraft.readers.located import LocatedMapping
from policydraft.readers.schema_errors import describe

_CODE_NAMES = {"united states code": "U.S.C.", "code of federal regulations": "C.F.R."}
_FULL_CITE = re.compile(r"(?P<title>\d+[A-Za-z]?)\s+(?P<code>[^\d§][^§]*?)\s*(?:§+\s*(?P<sec>.+))?")
_FIRST_PAGE = re.compile(r"\s*([A-Z]?\d+)\s*(?:[-–—,].*)?")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class CslMapper:
    """Copies CSL keys into policydraft fields, keeping the CSL key's position for each."""

    def __init__(self, item: LocatedMapping, label: str, diags: Diagnostics) -> None:
        self.item = item
        self.label = label
        self.diags = diags
        self.out = LocatedMapping({}, item.where)
        self.origins: dict[str, str] = {}
        self.reported: set[str] = set()  # fields whose absence was already explained
        self.ok = True

    def raw(self, key: str) -> Any:
        value = self.item.data.get(key)
        return None if value in ("", [], {}) else value

    def put(self, name: str, key: str, value: Any) -> None:
        self.origins.setdefault(name, key)
        if value is None:
            return
        self.out.data[name] = value
        self.out.keys[name] = self.item.key_location((key,))
        self.out.values[name] = self.item.value_location((key,))

    def take(self, name: str, key: str) -> None:
        self.put(name, key, self.raw(key))

    def take_text(self, name: str, key: str, *, headline: bool = False) -> None:
        """A CSL string with its rich-text markup read (``csl_text``); ``headline`` puts an
        English (or unmarked) title in Bluebook title case."""
        value = self.raw(key)
        if not isinstance(value, str):
            self.put(name, key, value)
            return
        text = from_csl_markup(value)
        for problem in text.problems:
            self.note(f"'{key}': {problem}", key)
        english = str(self.item.data.get("language") or "en").lower().startswith("en")
        self.put(name, key, title_case(text) if headline and english else text.text)

    def note(self, message: str, key: str | None = None) -> None:
        """A warning: the item is cited, but not quite as written."""
        where = self.item.key_location((key,)) if key else self.item.where
        self.diags.warning("PD504", f"{self.label}: {message}", where)

    def problem(self, message: str, key: str | None = None, name: str | None = None) -> None:
        where = self.item.key_location((key,)) if key else self.item.where
        self.diags.error("PD504", f"{self.label}: {message}", where)
        self.ok = False
        if name:
            self.reported.add(name)


def code_of(m: CslMapper) -> str | None:
    container = m.raw("container-title")
    if not isinstance(container, str):
        return None
    match = _FULL_CITE.fullmatch(container.strip())
    code = match.group("code") if match else container.strip()
    return _CODE_NAMES.get(code.lower(), code)


def code_fields(m: CslMapper) -> None:
    """Guess title number, code and section: Zotero puts the code in container-title, its
    title number in volume and the section in section; others write '17 U.S.C. § 107' whole
    into container-title or number."""
    for key in ("container-title", "number"):
        text = m.raw(key)
        match = _FULL_CITE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match:
            m.put("title", key, match.group("title"))
            m.put("code", key, code_of(m) if key == "container-title" else match.group("code"))
            m.put("section", key, _section(match.group("sec")))
            break
    if "code" not in m.out.data:
        m.put("code", "container-title", code_of(m))
    if "title" not in m.out.data:
        m.take("title", "volume")
    if "section" not in m.out.data:
        m.put("section", "section", _section(m.raw("section")))
    missing = [name for name in ("title", "code", "section") if name not in m.out.data]
    if missing:
        wanted = {"title": "volume (e.g. 17)", "code": "container-title (e.g. U.S.C.)"}
        give = " and ".join(wanted.get(name, "section (e.g. 107)") for name in missing)
        message = (
            f"cannot tell the code's {', '.join(missing)}; give {give}, "
            "or write container-title whole, as '17 U.S.C. § 107'"
        )
        m.problem(message, "container-title")
        m.reported.update(missing)


def _section(value: Any) -> Any:
    return value.strip().lstrip("§").strip() or None if isinstance(value, str) else value


def first_page(value: Any) -> Any:
    """CSL page is a range ('569-600', a newspaper's 'B1-B4'); a citation needs its first
    page."""
    if isinstance(value, str) and (match := _FIRST_PAGE.fullmatch(value)):
        return match.group(1)
    return value


def unescaped_url(value: Any) -> Any:
    """A URL as the browser follows it: Zotero keeps the "&amp;" of an RSS feed's links."""
    return html.unescape(value).strip() if isinstance(value, str) else value


def take_authors(m: CslMapper, name: str, key: str) -> None:
    value = m.raw(key)
    if value is None:
        m.origins.setdefault(name, key)
        return
    names = [_person(person) for person in value] if isinstance(value, list) else [None]
    if None in names:
        m.problem(f"'{key}' must be a list of names with family/given or literal", key, name)
        return
    shown = [person for person in names if person]
    joined = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " & " + shown[-1]
    m.put(name, key, joined)


def _person(person: Any) -> str | None:
    if not isinstance(person, dict):
        return None
    if isinstance(person.get("literal"), str):
        return str(person["literal"]).strip()
    parts = ("given", "dropping-particle", "non-dropping-particle", "family")
    words = [str(person[part]).strip() for part in parts if person.get(part)]
    if not words:
        return None
    suffix = person.get("suffix")
    return " ".join(words) + (f", {suffix}" if suffix else "")


def csl_date(value: Any) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) from CSL's date-parts or raw form; None when it has neither."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(part) for part in parts[0][:3]]
        except (TypeError, ValueError, OverflowError):
            return None
        numbers += [0] * (3 - len(numbers))
        return numbers[0], numbers[1] or None, numbers[2] or None
    raw = value.get("raw") or value.get("literal")
    match = _ISO.fullmatch(raw.strip()) if isinstance(raw, str) else None
    if match is None:
        return None
    year, month, day = (int(group) if group else None for group in match.groups())
    return (year or 0), month, day


def take_year(m: CslMapper, name: str, key: str) -> None:
    value = m.raw(key)
    parsed = csl_date(value)
    if value is not None and parsed is None:
        m.problem(f"'{key}' is not a CSL date (date-parts or raw YYYY-MM-DD)", key, name)
    if parsed is not None and not _year_in_range(m, name, key, parsed[0]):
        return
    m.put(name, key, parsed[0] if parsed else None)


def _year_in_range(m: CslMapper, name: str, key: str, year: int) -> bool:
    """A year from 1 on; a year 0 or below (BCE in CSL) would be cited as "(-5)". A year
    after the letter's date is PD507, checked with the other dates."""
    if year >= 1:
        return True
    m.problem(f"'{key}' gives the year {year}, but a year must be 1 or later", key, name)
    return False


def take_full_date(m: CslMapper, name: str, key: str, *, required: bool) -> None:
    value = m.raw(key)
    parsed = csl_date(value)
    if value is None:
        m.origins.setdefault(name, key)
        return
    if parsed is not None and not _year_in_range(m, name, key, parsed[0]):
        return
    if parsed is None or parsed[1] is None or parsed[2] is None:
        shown = "-".join(f"{part:02d}" for part in parsed if part) if parsed else describe(value)
        target = m.out.data.get("type")
        if required:
            message = f"'{key}' gives only {shown}, but a {target}'s {name} must be a full date"
        else:
            message = f"'{key}' gives only {shown}, so the {target}'s {name} is left out"
        message += " (add the month and day)"
        if required:
            m.problem(message, key, name)
        else:
            m.diags.warning("PD504", f"{m.label}: {message}", m.item.key_location((key,)))
        return
    year, month, day = parsed
    m.put(name, key, f"{year:04d}-{month:02d}-{day:02d}")
