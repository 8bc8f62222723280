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

from policydraft.citations.csl_courts import bluebook_court, jurisdiction_of
from policydraft.citations.csl_fields import (
    CslMapper,
    code_fields,
    code_of,
    first_page,
    take_authors,
    take_full_date,
    take_year,
    unescaped_url,
)
from policydraft.citations.csl_legislative import (
    institution,
    map_bill,
    map_hearing,
    map_treaty,
    zotero_hearing,
)
from policydraft.citations.csl_text import bluebook_edition, bluebook_newspaper
from policydraft.citations.source import MODELS, required_fields
from policydraft.diagnostics import Diagnostics
from policydraft.readers.json_source import JsonItem
from policydraft.readers.located import LocatedMapping
from policydraft.readers.schema_errors import describe

_DOCUMENT_NUMBER = re.compile(r"\d{4}-\d{5}")


@dataclass
class CslEntry:
    """One CSL item in policydraft's fields; ``ok`` is False once a problem was reported."""

    mapping: LocatedMapping
    label: str
    ok: bool = True
    origins: dict[str, str] = field(default_factory=dict)  # policydraft field -> CSL key


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
    mapper = CslMapper(source, f"CSL item {_shown_id(source)} ({csl_type})", diags)
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


def _map_id(mapper: CslMapper) -> None:
    """Better BibTeX and CSL 1.0.2 put the citation key in citation-key; Zotero uses id."""
    key = "citation-key" if mapper.raw("citation-key") is not None else "id"
    value = mapper.raw(key)
    if value is None:
        mapper.problem("has no 'id' (or 'citation-key') to cite it by")
        return
    mapper.put("id", key, str(value) if isinstance(value, int | float | str) else value)


def _target_type(mapper: CslMapper, csl_type: Any) -> str | None:
    if not isinstance(csl_type, str) or csl_type not in CSL_TYPES:
        known = ", ".join(CSL_TYPES)
        shown = "no 'type'" if csl_type is None else f"CSL type {describe(csl_type)}"
        mapper.problem(f"{shown} has no policydraft source type; use one of {known}", "type")
        return None
    target = CSL_TYPES[csl_type]
    if target == "bill" and zotero_hearing(mapper):  # Zotero's Hearing: committee in section
        return "hearing"
    if target in ("statute", "regulation"):
        code = code_of(mapper)
        if code in FEDERAL_REGISTER_CODES:
            return "federal-register"
        if code is not None and "C.F.R" in code:
            return "regulation"
    return target


def _require(mapper: CslMapper, target: str) -> None:
    """Report each required field with nothing to fill it, naming the CSL key to add."""
    for name in required_fields(target):
        if name in mapper.out.data or name in mapper.reported:
            continue
        key = mapper.origins.get(name, name)
        mapper.problem(f"has no '{key}', which a {target} source needs (its {name})")


# --- one function per policydraft type -------------------------------------------------


def _case(m: CslMapper) -> None:
    m.take_text("name", "title")
    m.take("volume", "volume")
    m.take("reporter", "container-title")
    m.put("page", "page", first_page(m.raw("page")))
    take_year(m, "year", "issued")
    _court(m)
    _common(m)


def _court(m: CslMapper) -> None:
    """authority -> court, as the Bluebook abbreviates it (``csl_courts``)."""
    authority = m.raw("authority")
    if isinstance(authority, list):  # Zotero writes an institution as a one-name list
        names = [
            part.get("literal") or part.get("family")
            for part in authority
            if isinstance(part, dict)
        ]
        authority = " ".join(str(name) for name in names if name) or None
    if not isinstance(authority, str):
        m.put("court", "authority", authority)
        return
    court = bluebook_court(authority, jurisdiction_of(m.item.data))
    if court.note:
        m.note(court.note, "authority")
    m.put("court", "authority", court.text)


def _statute(m: CslMapper) -> None:
    if m.out.data["type"] == "statute":
        m.take_text("name", "title")
    code_fields(m)
    take_year(m, "year", "issued")
    _common(m)


def _federal_register(m: CslMapper) -> None:
    m.take_text("title", "title")
    m.take("volume", "volume")
    m.put("page", "page", first_page(m.raw("page")))
    take_full_date(m, "date", "issued", required=True)
    _document_number(m)
    _common(m)


def _document_number(m: CslMapper) -> None:
    """number -> doc_number only when shaped like one (2025-02305): Zotero users also put
    a docket, a RIN or a public law number there."""
    number = m.raw("number")
    if number is None:
        return
    if isinstance(number, str) and _DOCUMENT_NUMBER.fullmatch(number.strip()):
        m.put("doc_number", "number", number.strip())
        return
    m.note(
        f"'number' {describe(number)} is not a Federal Register document number "
        "(YYYY-NNNNN), so it is left out",
        "number",
    )


def _report(m: CslMapper) -> None:
    body = institution(m.raw("authority")) if m.raw("author") is None else ""
    if body:  # Juris-M gives an institution's report its author as the authority
        m.put("author", "authority", body)
    else:
        take_authors(m, "author", "author")
    m.take_text("title", "title", headline=True)
    take_full_date(m, "date", "issued", required=True)
    m.take("publisher", "publisher")
    _common(m)


def _book(m: CslMapper) -> None:
    take_authors(m, "author", "author" if m.raw("author") is not None else "editor")
    m.take_text("title", "title", headline=True)
    take_year(m, "year", "issued")
    m.take("publisher", "publisher")
    edition = m.raw("edition")
    m.put("edition", "edition", bluebook_edition(str(edition)) if edition is not None else None)
    if _has(m, "volume"):
        m.take("volume", "volume")
    _common(m, url=_has(m, "url"))


def _article(m: CslMapper) -> None:
    take_authors(m, "author", "author")
    m.take_text("title", "title", headline=True)
    m.take("journal", "container-title")
    m.take("volume", "volume")
    m.put("page", "page", first_page(m.raw("page")))
    take_year(m, "year", "issued")
    _common(m)


def _news(m: CslMapper) -> None:
    take_authors(m, "author", "author")
    m.take_text("title", "title", headline=True)
    publication = m.raw("container-title")
    if isinstance(publication, str):
        publication = bluebook_newspaper(publication)
    m.put("publication", "container-title", publication)
    take_full_date(m, "date", "issued", required=True)
    if _has(m, "page"):  # a print edition's first page (B1 of "B1-B4")
        m.put("page", "page", first_page(m.raw("page")))
    _common(m)


def _web(m: CslMapper) -> None:
    m.take_text("title", "title", headline=True)
    m.take("url", "URL")
    if m.raw("author") is not None:
        take_authors(m, "author", "author")
    take_full_date(m, "date", "issued", required=False)
    dated = "date" in m.out.data
    if not dated or m.raw("accessed") is not None or not _optional(m, "accessed"):
        take_full_date(
            m, "accessed", "accessed", required=not dated or not _optional(m, "accessed")
        )
    m.take("publisher", "container-title" if m.raw("container-title") else "publisher")
    _common(m, url=False)


def _common(m: CslMapper, *, url: bool = True) -> None:
    """URL and the short title (CSL's title-short, or Zotero's older shortTitle)."""
    if url:
        m.put("url", "URL", unescaped_url(m.raw("URL")))
    short = "title-short" if m.raw("title-short") is not None else "shortTitle"
    m.take_text("short", short)


def _has(m: CslMapper, name: str) -> bool:
    return name in MODELS[m.out.data["type"]].model_fields


def _optional(m: CslMapper, name: str) -> bool:
    field_info = MODELS[m.out.data["type"]].model_fields.get(name)
    return field_info is not None and not field_info.is_required()


FIELD_MAPPERS: dict[str, Callable[[CslMapper], None]] = {
    "case": _case,
    "statute": _statute,
    "regulation": _statute,
    "federal-register": _federal_register,
    "report": _report,
    "article": _article,
    "news": _news,
    "web": _web,
    "book": _book,
    "bill": map_bill,
    "hearing": map_hearing,
    "treaty": map_treaty,
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
