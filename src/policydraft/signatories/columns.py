"""The columns a signatory list may have, declared once, and everything derived from them.

A column's name is at the same time the header the reader recognises (in any case), the key
``signatories.columns`` maps to another header, and the ``Signatory`` field the reader fills
(the ``consent`` column, read as yes or no, fills ``consent`` and ``withdrawn``). Whether a
column is printed, private, groupable or glyph-checked is said here and nowhere else: the
submission schema, the reader, the e-mail check, the export, the reports and the glyph check
all read the derived tuples below. docs/signatories.md describes each column for users.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a signatory list and what policydraft does with it."""

    name: str
    printed: bool = False
    """Shown: in the appendix (or as its group headings), the export, ``stats`` and ``diff``
    reports; a row holding an e-mail address in a printed column is left out (PD411)."""
    private: bool = False
    """Never printed, exported or shown in a message (read only to find duplicates)."""
    affiliation: bool = False
    """Part of the line printed under the name (in table order, ``, `` between parts)."""
    glyph_checked: bool = False
    """Drawn in the PDF as text, so each character needs a glyph in the bundled fonts."""
    group_rank: int | None = None
    """Set when ``group_by`` may name the column: its place among the choices a wrong
    ``group_by`` is told about (the usual choice, ``category``, first)."""

    @property
    def groupable(self) -> bool:
        return self.group_rank is not None


COLUMNS: tuple[Column, ...] = (
    Column("name", printed=True, glyph_checked=True),
    Column("title", printed=True, affiliation=True, glyph_checked=True, group_rank=3),
    Column("organization", printed=True, affiliation=True, glyph_checked=True, group_rank=2),
    Column("category", printed=True, group_rank=1),
    Column("location", printed=True, affiliation=True, glyph_checked=True, group_rank=4),
    Column("email", private=True),
    Column("consent"),
    Column("signed"),
    Column("sort_as"),
)
"""Every column, in the order the reader matches headers and messages list them."""

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
"""What ``signatories.columns`` may map (its keys)."""

GROUP_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in sorted((c for c in COLUMNS if c.groupable), key=lambda c: c.group_rank or 0)
)
"""What ``signatories.group_by`` may name, in the order a wrong value is told about."""

PRINTED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.printed)
"""The only columns that ever reach a document, an export or a report."""

AFFILIATION_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.affiliation)
"""The parts of the line printed under a signer's name."""

GLYPH_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.glyph_checked)
"""The columns whose characters the PDF draws, checked against its fonts (PD902)."""
