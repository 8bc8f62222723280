"""Roman numerals, as Word's ``upperRoman`` and the letter templates print them.

Argument headings are numbered I., II., III. (model/heading_numbers.py) and templates may
print ``{{ n | roman }}``: both take them from here, so the two never disagree.
"""

from __future__ import annotations

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def upper_roman(number: int) -> str:
    """``number`` (1 or more) in upper-case Roman numerals: 4 is "IV", 1990 "MCMXC"."""
    digits = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)
