"""A list's cells made clean once, so that later stages compare and print clean text.

Control characters a spreadsheet may carry are removed (with a note, PD410), and so are the
bidirectional controls that can make a printed name read differently from what the list
says; line breaks and tabs become spaces; runs of spaces are collapsed and the ends trimmed;
text is put in Unicode's composed form (NFC).

Nearly every cell needs none of that, and a long list should not pay for the question cell by
cell: ``clean_column`` asks it of a whole column at once, with C-level string tests on its
cells joined by a space, and cleans cell by cell only a column where the answer is no.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from policydraft.diagnostics import Diagnostics, Location

_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidirectional embedding, override and isolate controls."""


def is_clean(text: str) -> bool:
    """Whether ``clean_cell`` would leave ``text`` as it is, asked in C: printable ASCII,
    single spaces, none at either end. (Clean text that is not ASCII answers no.)"""
    return (
        text.isascii()
        and text.isprintable()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
    )


def clean_column(values: Sequence[str]) -> tuple[Sequence[str], list[int]]:
    """A column's cells, cleaned, and the positions of those that had control characters
    removed (each is noted for its row, PD410, by the caller)."""
    # Joined by a space, the cells that are not empty are printable (or ASCII) exactly when
    # every cell is; a double space, or one at either end, shows exactly a cell with a double
    # space or one at an end; and the text is in NFC exactly when every cell is, since a space
    # composes with nothing and no character decomposes into one (tests/signatories/
    # test_batches.py checks both).
    joined = " ".join(filter(None, values))
    if joined.isascii():  # (known without looking) then printable is a byte range, tested in C
        printable = not joined.encode("ascii").translate(None, _PRINTABLE_ASCII)
    else:
        printable = joined.isprintable()
    if not printable:
        return _clean_each(values)
    if (
        "  " not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        and (joined.isascii() or unicodedata.is_normalized("NFC", joined))
    ):
        return values, []
    return [text if is_clean(text) else _tidy(text) for text in values], []


def _clean_each(values: Sequence[str]) -> tuple[list[str], list[int]]:
    cleaned: list[str] = []
    removed: list[int] = []
    for index, text in enumerate(values):
        if not is_clean(text):
            if not text.isprintable():
                text, any_removed = without_controls(text)
                if any_removed:
                    removed.append(index)
            text = _tidy(text)
        cleaned.append(text)
    return cleaned, removed


def clean_cell(text: str, column: str, where: Location, diags: Diagnostics) -> str:
    """One cell, cleaned; removed control characters are noted (PD410) at ``where``."""
    if not text.isprintable():
        text, removed = without_controls(text)
        if removed:
            diags.note("PD410", f"control characters removed from the {column} cell", where)
    return _tidy(text)


def _tidy(text: str) -> str:
    """Spaces collapsed and trimmed, composed form: all a printable cell may need."""
    text = " ".join(text.split())
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def without_controls(text: str) -> tuple[str, bool]:
    """Line breaks and tabs become spaces; other control characters are removed."""
    kept: list[str] = []
    removed = False
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            removed = True
        else:
            kept.append(char)
    return "".join(kept), removed
