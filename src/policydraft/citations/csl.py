"""Map CSL-JSON items (a Zotero export) onto policydraft's source types.

The result is an ordinary entry with policydraft's field names, so sources.yaml and
sources.json go through the same validation. Every mapped field remembers the line of the
CSL key it came from, and whatever cannot be mapped (a type policydraft has no form for, a
date without its day, a statute whose title number cannot be found) is a PD504 diagnostic
that names the CSL key to fix, since that is what the user sees in Zotero.

Which CSL types a source type is imported from is declared on its class
(``citations/source``); how its fields are mapped is its function here, in ``FIELD_MAPPERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policydraft.citations.source import MODELS, required_fields
from policydraft.diagnostics import Diagnostics
from policydraft.readers.json_source import JsonItem
from policydraft.readers.located import LocatedMapping
from policydraft.readers.schema_errors import describe

_CODE_NAMES = {"united states code": "U.S.C.", "code of federal regulations": "C.F.R."}
_FULL_CITE = re.compile(r"(?P<title>\d+[A-Za-z]?)\s+(?P<code>[^\d§][^§]*?)\s*(?:§+\s*(?P<sec>.+))?")
_FIRST_PAGE = re.compile(r"\s*(\d+)\s*(?:[-–—,].*)?")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass
class CslEntry:
    """One CSL item in policydraft's fields; ``ok`` is False once a problem was reported."""

    mapping: LocatedMapping
    label: str
    ok: bool = True
    origins: dict[str, str] = field(default_factory=dict)  # policydraft field -> CSL key


class _Mapper:
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

    def problem(self, message: str, key: str | None = None, name: str | None = None) -> None:
        where = self.item.key_location((key,)) if key else self.item.where
        self.diags.error("PD504", f"{self.label}: {message}", where)
        self.ok = False
        if name:
            self.reported.add(name)


def map_csl_item(item: JsonItem, diags: Diagnostics) -> CslEntry | None:
    """The item as a policydraft entry; None (after a diagnostic) when it is not an object."""
    if item.mapping is None:
        message = f"a CSL-JSON item must be an object ({{...}}), not {describe(item.value)}"
        diags.error("PD504", message, item.where)
        return None
    for key, first, again in item.duplicate_keys:
        diags.error("PD500", f"duplicate key '{key}' (first given at line {first.line})", again)
    source = item.mapping
    csl_type = source.data.get("type")
    mapper = _Mapper(source, f"CSL item {_shown_id(source)} ({csl_type})", diags)
    _map_id(mapper)
    target = _target_type(mapper, csl_type)
    if target is not None:
        mapper.out.data["type"] = target
        mapper.out.keys["type"] = mapper.out.values["type"] = source.key_location(("type",))
        FIELD_MAPPERS[target](mapper)
        _require(mapper, target)
    return CslEntry(mapper.out, mapper.label, mapper.ok, mapper.origins)


def _shown_id(source: LocatedMapping) -> str:
    key = source.data.get("citation-key") or source.data.get("id")
    return f"'{key}'" if key is not None else "without an id"


def _map_id(mapper: _Mapper) -> None:
    """Better BibTeX and CSL 1.0.2 put the citation key in citation-key; Zotero uses id."""
    key = "citation-key" if mapper.raw("citation-key") is not None else "id"
    value = mapper.raw(key)
    if value is None:
        mapper.problem("has no 'id' (or 'citation-key') to cite it by")
        return
    mapper.put("id", key, str(value) if isinstance(value, int | float | str) else value)


def _target_type(mapper: _Mapper, csl_type: Any) -> str | None:
    if not isinstance(csl_type, str) or csl_type not in CSL_TYPES:
        known = ", ".join(CSL_TYPES)
        shown = "no 'type'" if csl_type is None else f"CSL type {describe(csl_type)}"
        mapper.problem(f"{shown} has no policydraft source type; use one of {known}", "type")
        return None
    target = CSL_TYPES[csl_type]
    if target in ("statute", "regulation"):
        code = _code_of(mapper)
        if code in FEDERAL_REGISTER_CODES:
            return "federal-register"
        if code is not None and "C.F.R" in code:
            return "regulation"
    return target


def _require(mapper: _Mapper, target: str) -> None:
    """Report each required field with nothing to fill it, naming the CSL key to add."""
    for name in required_fields(target):
        if name in mapper.out.data or name in mapper.reported:
            continue
        key = mapper.origins.get(name, name)
        mapper.problem(f"has no '{key}', which a {target} source needs (its {name})")


# --- one function per policydraft type -------------------------------------------------


def _case(m: _Mapper) -> None:
    m.take("name", "title")
    m.take("volume", "volume")
    m.take("reporter", "container-title")
    m.put("page", "page", _first_page(m.raw("page")))
    _year(m, "year", "issued")
    m.take("court", "authority")
    _common(m)


def _statute(m: _Mapper) -> None:
    if m.out.data["type"] == "statute":
        m.take("name", "title")
    _code_fields(m)
    _year(m, "year", "issued")
    m.take("url", "URL")
    m.take("short", "title-short")


def _federal_register(m: _Mapper) -> None:
    m.take("title", "title")
    m.take("volume", "volume")
    m.put("page", "page", _first_page(m.raw("page")))
    _full_date(m, "date", "issued", required=True)
    m.take("doc_number", "number")
    _common(m)


def _report(m: _Mapper) -> None:
    _authors(m, "author", "author")
    m.take("title", "title")
    _full_date(m, "date", "issued", required=True)
    m.take("publisher", "publisher")
    _common(m)


def _book(m: _Mapper) -> None:
    _authors(m, "author", "author" if m.raw("author") is not None else "editor")
    m.take("title", "title")
    _year(m, "year", "issued")
    m.take("publisher", "publisher")
    m.take("edition", "edition")
    m.take("short", "title-short")


def _article(m: _Mapper) -> None:
    _authors(m, "author", "author")
    m.take("title", "title")
    m.take("journal", "container-title")
    m.take("volume", "volume")
    m.put("page", "page", _first_page(m.raw("page")))
    _year(m, "year", "issued")
    _common(m)


def _news(m: _Mapper) -> None:
    _authors(m, "author", "author")
    m.take("title", "title")
    m.take("publication", "container-title")
    _full_date(m, "date", "issued", required=True)
    _common(m)


def _web(m: _Mapper) -> None:
    m.take("title", "title")
    m.take("url", "URL")
    _full_date(m, "accessed", "accessed", required=True)
    if m.raw("author") is not None:
        _authors(m, "author", "author")
    _full_date(m, "date", "issued", required=False)
    m.take("publisher", "container-title" if m.raw("container-title") else "publisher")
    m.take("short", "title-short")


def _common(m: _Mapper) -> None:
    m.take("url", "URL")
    m.take("short", "title-short")


FIELD_MAPPERS: dict[str, Callable[[_Mapper], None]] = {
    "case": _case,
    "statute": _statute,
    "regulation": _statute,
    "federal-register": _federal_register,
    "report": _report,
    "article": _article,
    "news": _news,
    "web": _web,
    "book": _book,
}
"""Each source type's mapper, by type name, in the order of the CSL table of docs/sources.md
(the order in which an unknown CSL type's message lists the known ones)."""

CSL_TYPES: dict[str, str] = {
    csl_type: name for name in FIELD_MAPPERS for csl_type in MODELS[name].csl_types
}
"""CSL type -> policydraft type, from the classes' ``csl_types``. A legislation or regulation
item becomes a federal-register or regulation source by its code (``_target_type``)."""

FEDERAL_REGISTER_CODES = ("Fed. Reg.", "FR", "Federal Register")
"""Codes (container-title) that make a legislation or regulation item a Federal Register cite."""


# --- values ------------------------------------------------------------------------------


def _code_of(m: _Mapper) -> str | None:
    container = m.raw("container-title")
    if not isinstance(container, str):
        return None
    match = _FULL_CITE.fullmatch(container.strip())
    code = match.group("code") if match else container.strip()
    return _CODE_NAMES.get(code.lower(), code)


def _code_fields(m: _Mapper) -> None:
    """Guess title number, code and section: Zotero puts the code in container-title, its
    title number in volume and the section in section; others write '17 U.S.C. § 107' whole
    into container-title or number."""
    for key in ("container-title", "number"):
        text = m.raw(key)
        match = _FULL_CITE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match:
            m.put("title", key, match.group("title"))
            m.put("code", key, _code_of(m) if key == "container-title" else match.group("code"))
            m.put("section", key, _section(match.group("sec")))
            break
    if "code" not in m.out.data:
        m.put("code", "container-title", _code_of(m))
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


def _first_page(value: Any) -> Any:
    """CSL page is a range ('569-600'); a citation needs its first page."""
    if isinstance(value, str) and (match := _FIRST_PAGE.fullmatch(value)):
        return match.group(1)
    return value


def _authors(m: _Mapper, name: str, key: str) -> None:
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


def _year(m: _Mapper, name: str, key: str) -> None:
    value = m.raw(key)
    parsed = csl_date(value)
    if value is not None and parsed is None:
        m.problem(f"'{key}' is not a CSL date (date-parts or raw YYYY-MM-DD)", key, name)
    if parsed is not None and not _year_in_range(m, name, key, parsed[0]):
        return
    m.put(name, key, parsed[0] if parsed else None)


def _year_in_range(m: _Mapper, name: str, key: str, year: int) -> bool:
    """A year from 1 on; a year 0 or below (BCE in CSL) would be cited as "(-5)". A year
    after the letter's date is PD507, checked with the other dates."""
    if year >= 1:
        return True
    m.problem(f"'{key}' gives the year {year}, but a year must be 1 or later", key, name)
    return False


def _full_date(m: _Mapper, name: str, key: str, *, required: bool) -> None:
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
