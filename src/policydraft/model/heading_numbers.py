"""How argument headings are numbered: one scheme that both the DOCX and the PDF print.

The outline of a brief or comment letter: "I." for an argument, "A." under it, "1." under
that. The DOCX hands the scheme to Word as a multilevel list (``w:numFmt`` and
``w:lvlText`` per level), so Word renumbers headings when arguments move; the PDF prints
``heading_label`` of the same number, so both formats show the same label, followed by one
space as typed numbers were.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from policydraft.numerals import upper_roman

_PLACEHOLDER = re.compile(r"%[1-9]")


def upper_letter(number: int) -> str:
    """``number`` as Word's ``upperLetter`` prints it: A-Z, then AA, BB, ... (repeated)."""
    repeat, index = divmod(number - 1, 26)
    return chr(ord("A") + index) * (repeat + 1)


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """One outline level: Word's ``w:numFmt`` name, the ``w:lvlText`` and how it prints."""

    word_format: str  # w:numFmt, e.g. "upperRoman"
    level_text: str  # w:lvlText, e.g. "%1." (the level's own number, then a period)
    digits: Callable[[int], str]

    def label(self, number: int) -> str:
        """What Word prints for ``number`` at this level: "I.", "A.", "1."."""
        return _PLACEHOLDER.sub(self.digits(number), self.level_text, count=1)


HEADING_FORMATS = (
    NumberFormat("upperRoman", "%1.", upper_roman),
    NumberFormat("upperLetter", "%2.", upper_letter),
    NumberFormat("decimal", "%3.", str),
    NumberFormat("lowerLetter", "%4.", lambda number: upper_letter(number).lower()),
    NumberFormat("decimal", "(%5)", str),
    NumberFormat("lowerLetter", "(%6)", lambda number: upper_letter(number).lower()),
    NumberFormat("lowerRoman", "(%7)", lambda number: upper_roman(number).lower()),
    NumberFormat("decimal", "%8.", str),
    NumberFormat("lowerLetter", "%9.", lambda number: upper_letter(number).lower()),
)
"""The outline's nine levels (Word's most): I., A., 1., a., (1), (a), (i), 1., a.

Argument headings use the first; the others are there for sub-points a Word user adds.
"""

NUMBERED_LEVEL = 1
"""The heading level that carries numbers: argument headings (``Heading.level`` 1)."""


def heading_label(number: int) -> str:
    """The label printed before argument heading ``number``: 1 -> "I.", 4 -> "IV."."""
    if number < 1:
        raise ValueError(f"heading numbers start at 1, not {number}")
    return HEADING_FORMATS[0].label(number)
