"""Argument numbers as data: the typed "I." of a template's headings becomes ``Heading.number``.

Templates print an argument's heading as ``# {{ argument.number }}. {{ argument.heading }}``
(the built-in ones do, and so do templates copied from them). Composing turns that typed
label into the heading's ``number`` and takes it out of the text, so the DOCX numbers the
heading with Word numbering (it renumbers when arguments move) and the PDF prints the same
label. Only level-1 headings of the template's own text are looked at, in order: one that
starts with the next argument number ("I. ", then "II. ") is numbered; bodies' headings are
left as written.

Two mistakes are reported (PD340, a warning): an argument heading in the submission that
starts with its own number typed ("I. Intro" would print "I. I. Intro"; the typed one is
removed),
and a template heading with a Roman number that is not the next one ("III." after "I."),
which stays typed text that Word will not renumber.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Heading, Text
from policydraft.model.heading_numbers import NUMBERED_LEVEL, heading_label
from policydraft.numerals import upper_roman
from policydraft.submission.load import LoadedSubmission

TYPED_NUMBER = re.compile(r"(?P<numeral>[IVXLCDM]+)\.[ \t\u00a0]+(?=\S)")
"""A typed Roman label at the start of a heading: "IV. " before the heading's words."""


def typed_own_number(heading: str, number: int) -> str | None:
    """The label argument ``number``'s heading starts with, typed ("II. " or "2. "), or None.

    Only its own number counts, so a heading that starts with initials ("C. S. Lewis ...")
    keeps them.
    """
    for label in (f"{upper_roman(number)}.", f"{number}."):
        rest = heading.removeprefix(label)
        if rest != heading and rest[:1].isspace() and rest.strip():
            return heading[: len(heading) - len(rest.lstrip())]
    return None


def argument_heading(heading: str, number: int) -> str:
    """Argument ``number``'s heading without its typed number: "I. Intro" -> "Intro"."""
    typed = typed_own_number(heading, number)
    return heading[len(typed) :] if typed else heading


def check_argument_headings(loaded: LoadedSubmission, diags: Diagnostics) -> None:
    """Warn (PD340) about each argument heading that starts with its own number, typed."""
    for number, (heading, _) in enumerate(loaded.arguments, start=1):
        typed = typed_own_number(heading, number)
        if typed is None:
            continue
        message = (
            f"the argument heading {heading!r} starts with the typed number {typed.strip()!r}; "
            "arguments are numbered automatically, so it is left out"
        )
        where = loaded.document.value_location(("arguments", number - 1, "heading"))
        diags.warning("PD340", message, where)


def number_arguments(
    blocks: tuple[Block, ...],
    bodies: frozenset[int],
    diags: Diagnostics,
    where: Location,
) -> tuple[Block, ...]:
    """``blocks`` with each template heading's typed argument number moved into ``number``.

    ``bodies`` holds the ``id`` of every block that came from a body (left as written);
    ``where`` is the template, named by PD340.
    """
    numbered: list[Block] = []
    expected = 1
    for block in blocks:
        if isinstance(block, Heading) and id(block) not in bodies:
            block, expected = _numbered(block, expected, diags, where)
        numbered.append(block)
    return tuple(numbered)


def _numbered(
    heading: Heading, expected: int, diags: Diagnostics, where: Location
) -> tuple[Heading, int]:
    """The heading numbered when it starts with label ``expected``, and the next one to expect."""
    if heading.level != NUMBERED_LEVEL or not heading.inlines:
        return heading, expected
    first = heading.inlines[0]
    if not isinstance(first, Text):
        return heading, expected
    typed = TYPED_NUMBER.match(first.text)
    if typed is None:
        return heading, expected
    if typed.group("numeral") != upper_roman(expected):
        message = (
            f"the heading starting {typed.group().strip()!r} is not the next argument number "
            f"({heading_label(expected)!r}); it stays typed text, which Word will not renumber"
        )
        diags.warning("PD340", message, where)
        return heading, expected
    rest = Text(first.text[typed.end() :])
    return replace(heading, inlines=(rest, *heading.inlines[1:]), number=expected), expected + 1
