"""The table of contents block (``toc: true``), placed where a brief has it.

The table goes right before the first argument, after the opening (title, addressee, "Re:"
line, salutation and introduction), and lists the letter's headings from there on: argument
headings with their numbers ("I."), sub-headings under them, and unnumbered ones such as
"Conclusion". Page numbers are left to the writers, which take them from the real layout
(docs/submission-format.md, "Table of contents").
"""

from __future__ import annotations

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, ContentsEntry, Heading, TableOfContents, plain_text
from policydraft.model.heading_numbers import NUMBERED_LEVEL, heading_label

CONTENTS_TITLE = "Table of Contents"
LISTED_LEVELS = 2  # argument headings and the sub-headings under them, as TOC \o "1-2"


def contents_entry(heading: Heading) -> ContentsEntry:
    """The table's line for ``heading``: its printed label and its title, spaces collapsed."""
    label = ""
    if heading.number is not None and heading.level == NUMBERED_LEVEL:
        label = heading_label(heading.number)
    return ContentsEntry(heading.level, label, " ".join(plain_text(heading.inlines).split()))


def _first_listed(blocks: tuple[Block, ...]) -> int | None:
    """Where the table goes: before the first argument, or else the first heading."""
    headings = [i for i, block in enumerate(blocks) if isinstance(block, Heading)]
    numbered = [i for i in headings if getattr(blocks[i], "number", None) is not None]
    found = numbered or headings
    return found[0] if found else None


def place_contents(
    blocks: tuple[Block, ...], wanted: bool, diags: Diagnostics, where: Location
) -> tuple[Block, ...]:
    """``blocks`` with the table of contents before the first argument, when ``wanted``.

    A letter with no heading has nothing to list: PD130 (a warning) at ``toc:``, and no table.
    """
    if not wanted:
        return blocks
    start = _first_listed(blocks)
    if start is None:
        diags.warning("PD130", "toc: true, but the letter has no headings to list", where)
        return blocks
    entries = tuple(
        contents_entry(block)
        for block in blocks[start:]
        if isinstance(block, Heading) and block.level <= LISTED_LEVELS
    )
    table = TableOfContents(CONTENTS_TITLE, entries)
    return (*blocks[:start], table, *blocks[start:])
