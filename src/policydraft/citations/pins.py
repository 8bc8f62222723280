"""What a local copy cannot confirm: quotations of sources with no copy (PD528), and pins to a
section or paragraph the copy does not contain (PD529).

A quotation cited to a source without ``file:`` goes unchecked; one warning lists them all,
so a writer can decide to add copies (or turn the warning off: ``citations:
{quotes_without_copy: ignore}``). A pin ``§ 4`` or ``¶ 12`` to a source whose copy has no
such section or paragraph is a mistyped pin, or a cite to the wrong source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from policydraft.citations.copies import CopyText
from policydraft.citations.passages import iter_passages
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Cite

LISTED = 10  # quotations named in the PD528 message; the rest are counted

# A pin to sections or paragraphs, and the first number in it: "§ 107(2)", "§§ 3:12-14", "¶ 7".
_PIN = re.compile(r"^\s*(?P<sign>§|¶)+\s*(?P<number>\d+(?:[.:]\d+)*[A-Za-z]?)")
# How a copy may mark the section or paragraph, besides the sign itself.
_WORDS = {"§": r"(?:§+|sec\.|section)", "¶": r"(?:¶+|para\.|paragraph)"}


class Quoted(Protocol):
    """A quotation as ``quotes.find_quotations`` yields it."""

    @property
    def text(self) -> str: ...

    @property
    def cite(self) -> Cite: ...


def _where(cite: Cite) -> Location:
    return Location(cite.file, max(cite.line, 1), max(cite.column, 1))


def report_uncopied(quotations: Sequence[Quoted], diags: Diagnostics) -> None:
    """PD528, once, at the first such quotation: every quotation no copy can confirm."""
    if not quotations:
        return
    listed = [
        f"{'/'.join(item.key for item in quoted.cite.items)} ({_where(quoted.cite).file}:"
        f"{_where(quoted.cite).line})"
        for quoted in quotations[:LISTED]
    ]
    more = len(quotations) - LISTED
    tail = f" and {more} more" if more > 0 else ""
    message = (
        f"{len(quotations)} quotation(s) cite sources with no local copy, so they cannot be "
        f"checked: {', '.join(listed)}{tail}; add file: to those sources, or set "
        "citations: {quotes_without_copy: ignore}"
    )
    diags.warning("PD528", message, _where(quotations[0].cite))


def pin_marker(pin: str) -> tuple[str, str] | None:
    """The sign and first number of a section or paragraph pin; None for a page pin."""
    match = _PIN.match(pin)
    return (match.group("sign"), match.group("number")) if match else None


def copy_has(copy: CopyText, sign: str, number: str) -> bool:
    """Whether ``copy`` marks section or paragraph ``number`` (``§ 4``, ``Sec. 4``, ``¶ 4``;
    a paragraph also as a line's "4.")."""
    mark = rf"{_WORDS[sign]}\s*{re.escape(number.casefold())}(?![\d.:]\d|\d)"
    if re.search(mark, copy.folded):
        return True
    return sign == "¶" and re.search(rf"(?<!\S){re.escape(number)}\.\s", copy.folded) is not None


def check_pins(
    blocks: Iterable[Block], text_of: Callable[[str], CopyText | None], diags: Diagnostics
) -> None:
    """PD529 for each pin to a section or paragraph that its source's copy lacks."""
    for passage in iter_passages(blocks):
        for _, cite in passage.cites:
            for item in cite.items:
                marker = pin_marker(item.pin)
                if marker is None:
                    continue
                copy = text_of(item.key)
                if copy is None or copy_has(copy, *marker):
                    continue
                sign, number = marker
                message = (
                    f"pin '{item.pin}' to source '{item.key}': its local copy has no "
                    f"{sign} {number}; check the pin or the source"
                )
                diags.warning("PD529", message, _where(cite))
