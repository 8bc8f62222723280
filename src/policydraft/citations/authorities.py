"""What the table of authorities lists: every source the notes cite, once each.

``fill_authorities`` runs once citations are resolved: each source in its full form without
a pin cite, grouped as briefs group them (``model.AUTHORITY_GROUPS``, each source type's
``authority_group``) and sorted as practitioners sort: cases by name (Unicode collation),
statutes and regulations by code, title, then section, numerically, the rest by text
(docs/citations.md, "Table of authorities"). ``compose.authorities`` placed the table.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from policydraft.citations.bibliography import Bibliography
from policydraft.citations.format import CitationFormatter
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Authority,
    Document,
    Emph,
    Inline,
    TableOfAuthorities,
    iter_notes,
    plain_text,
)

STATUTES, REGULATIONS = 3, 4  # the groups sorted by section number (source.authority_group)
_NUMBER = re.compile(r"\d+|\D+")


def fill_authorities(
    document: Document,
    bibliography: Bibliography | None,
    formatter: CitationFormatter,
    diags: Diagnostics,
) -> Document:
    """``document`` with its table of authorities listing what its notes cite.

    A table with nothing to list is PD131 (a warning) at ``table_of_authorities:``, and is
    left out.
    """
    tables = [b for b in document.blocks if isinstance(b, TableOfAuthorities)]
    if not tables:
        return document
    table = tables[0]
    first_notes = _first_notes(document)
    sources = [bibliography[key].source for key in first_notes] if bibliography else []
    if not sources:
        where = Location(table.file, table.line, table.column)
        message = "table_of_authorities: true, but the letter cites no authorities to list"
        diags.warning("PD131", message, where)
        return replace(document, blocks=tuple(b for b in document.blocks if b is not table))
    listed = tuple(
        sorted(
            (authority_of(source, formatter, first_notes[source.id]) for source in sources),
            key=sort_key,
        )
    )
    filled = replace(table, authorities=listed)
    blocks = tuple(filled if b is table else b for b in document.blocks)
    return replace(document, blocks=blocks)


def _first_notes(document: Document) -> dict[str, int]:
    """Each cited source's first note's number, in the order they are first cited."""
    first: dict[str, int] = {}
    for number, note in enumerate(iter_notes(document.blocks), start=1):
        for key in note.cites:
            first.setdefault(key, number)
    return first


def authority_of(source: Source, formatter: CitationFormatter, first_note: int = 0) -> Authority:
    """``source`` as the table lists it: its full form without a pin, and its short form."""
    full = formatter.format(source, "full", "")
    short = formatter.format(source, "short", "")
    return Authority(
        source.id,
        source.authority_group,
        _plain(full),
        _plain(short),
        _leading_italics(full),
        first_note,
    )


def _plain(inlines: tuple[Inline, ...]) -> str:
    return " ".join(plain_text(inlines).split())


def _leading_italics(inlines: tuple[Inline, ...]) -> str:
    """The italic words the citation opens with (a case's name), as plain text."""
    if inlines and isinstance(inlines[0], Emph):
        return " ".join(plain_text(inlines[0].children).split())
    return ""


def sort_key(authority: Authority) -> tuple[Any, ...]:
    """The order within a group: statutes and regulations by title and section, the rest by
    collated text (a case by its name, which its full form opens with)."""
    if authority.category in (STATUTES, REGULATIONS):
        return (authority.category, *_code_order(authority.text))
    return (authority.category, (), _collation_key(authority.text))


def _code_order(text: str) -> tuple[Any, ...]:
    """ "17 U.S.C. § 1201 (2018)" -> code "U.S.C.", title 17, section 1201, numerically."""
    match = re.match(r"(?:(.*?),\s+)?(\S+)\s+(.+?)\s+§§?\s*(\S+)", text)
    if match is None:
        return ((), _collation_key(text))
    _, title, code, section = match.groups()
    return ((code, _natural(title), _natural(section)), _collation_key(text))


def _natural(text: str) -> tuple[tuple[int, Any], ...]:
    """``text`` compared by its numbers' values: "107" before "1201", "512(c)" after "512"."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in _NUMBER.findall(text))


@functools.cache
def _collator() -> Any:
    import pyuca

    return pyuca.Collator()


def _collation_key(text: str) -> tuple[int, ...]:
    return tuple(_collator().sort_key(text))
