"""Where the table of authorities goes (``table_of_authorities: true``).

Composing places an empty table right after the table of contents (or where that table would
go: before the first argument); once citations are resolved, ``citations.authorities`` fills
it with the sources the notes cite. Page numbers are left to the writers (docs/citations.md,
"Table of authorities").
"""

from __future__ import annotations

from typing import Any

from policydraft.compose.toc import _first_listed
from policydraft.diagnostics import Location
from policydraft.model import (
    AUTHORITIES_TITLE,
    Block,
    LetterPart,
    TableOfAuthorities,
    TableOfContents,
)


def place_authorities(
    blocks: tuple[Block, ...], wanted: bool, passim: int, where: Location
) -> tuple[Block, ...]:
    """``blocks`` with an empty table of authorities where a brief has it, when ``wanted``.

    After the table of contents; without one, before the first argument (or heading); in a
    letter with no heading, after its opening parts (title, addressee, salutation ...).
    """
    if not wanted:
        return blocks
    table = TableOfAuthorities(AUTHORITIES_TITLE, passim=passim, **_at(where))
    contents = [i for i, block in enumerate(blocks) if isinstance(block, TableOfContents)]
    if contents:
        at = contents[0] + 1
    else:
        first = _first_listed(blocks)
        at = first if first is not None else _after_opening(blocks)
    return (*blocks[:at], table, *blocks[at:])


def _at(where: Location) -> dict[str, Any]:
    return {"file": where.file, "line": where.line, "column": where.column}


def _after_opening(blocks: tuple[Block, ...]) -> int:
    at = 0
    while at < len(blocks) and isinstance(blocks[at], LetterPart):
        if blocks[at].role in ("closing", "signature"):  # type: ignore[union-attr]
            break
        at += 1
    return at
