"""Widow/orphan control as Word applies it, and LibreOffice's room after italic lines.

Word's rule ("Widow/Orphan control", on by default; Microsoft's Word help, "Keep lines and
paragraphs together"): a page never ends with a paragraph's first line alone nor starts
with its last line alone; Word moves one more line to the next page, or the whole
paragraph when it cannot be split so (three lines or fewer).
"""

from __future__ import annotations

import pytest

from policydraft.writers.pdf import fonts
from policydraft.writers.pdf.italic import italic_room, type_height
from policydraft.writers.pdf.paragraph import widow_safe

# (lines that fit, lines of the paragraph, at the top of a page) -> lines set on this page
CASES = [
    (10, 10, False, 10),  # fits whole
    (12, 10, False, 10),
    (9, 10, False, 8),  # a lone last line would start the next page: move one more
    (8, 10, False, 8),
    (2, 10, False, 2),  # two lines may end a page
    (1, 10, False, 0),  # a lone first line: the paragraph moves
    (0, 10, False, 0),
    (2, 3, False, 0),  # three lines cannot split two and one, nor one and two
    (1, 2, False, 0),
    (3, 4, False, 2),  # four lines split two and two
    (1, 10, True, 1),  # at a page's top, moving gains nothing: as many as fit
    (2, 3, True, 2),
    (0, 10, True, 0),
]


@pytest.mark.parametrize(("fit", "total", "top", "expected"), CASES)
def test_widow_safe_lines(fit: int, total: int, top: bool, expected: int) -> None:
    assert widow_safe(fit, total, top) == expected


def test_italic_room_is_a_twelfth_of_the_type_height() -> None:
    fonts.serif_coverage()  # registers the serif faces
    height = type_height(fonts.SERIF_ITALIC)
    assert 1.0 < height < 1.3  # ascent plus descent, in ems
    assert italic_room(fonts.SERIF_ITALIC, 12) == pytest.approx(height)
    assert italic_room(fonts.SERIF_ITALIC, 24) == pytest.approx(2 * height)


def test_italic_room_of_an_unknown_font_is_refused() -> None:
    with pytest.raises(KeyError):
        type_height("NoSuchFont-Italic")
