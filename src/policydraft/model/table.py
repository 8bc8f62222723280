"""How wide each column of a ``Table`` is, as a share of the text width: one rule for every
writer, so the DOCX and the PDF wrap a table's cells alike (docs/submission-format.md)."""

from __future__ import annotations

from policydraft.model.nodes import Para, Table
from policydraft.model.text import plain_text

NARROWEST = 4
"""A column holds at least this many characters' worth of width ("No.", "Yes")."""
WIDEST = 40
"""A column's longest cell counts for at most this many characters: longer text wraps."""


def column_shares(table: Table) -> tuple[float, ...]:
    """Each column's share of the width (they add up to 1), by its longest cell's text.

    A column of years stays narrow and a column of descriptions takes the rest; the
    longest cell counts between ``NARROWEST`` and ``WIDEST`` characters.
    """
    weights = [NARROWEST] * table.columns
    for row in table.rows:
        for column, cell in enumerate(row):
            length = sum(len(plain_text(b.inlines)) for b in cell if isinstance(b, Para))
            weights[column] = max(weights[column], min(length, WIDEST))
    total = sum(weights)
    return tuple(weight / total for weight in weights)
