"""Every character printed must have a glyph in the PDF's bundled fonts, never a box."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Code, Document, Text, walk_inlines
from policydraft.signatories.model import Signatory
from policydraft.writers.pdf import missing_glyphs


def check_signatory_glyphs(signers: Iterable[Signatory], diags: Diagnostics) -> None:
    """A signer whose name or affiliation has an undrawable character is reported at its row.

    A list of 100,000 signers uses a few hundred distinct characters, so they are checked
    once, together; only when one is missing are the signers looked at one by one.
    """
    printed = [signer for signer in signers if signer.consent]
    if not missing_glyphs(_printed_text(printed)):
        return
    for signer in printed:
        missing = missing_glyphs(signer.name + signer.affiliation)
        if missing:
            diags.error("PD902", _message(missing, f"signatory {signer.name!r}"), signer.where)


def _printed_text(signers: list[Signatory]) -> str:
    """Every printed line's characters, in one string (an affiliation adds only ", ")."""
    texts = [", ", "".join(map(attrgetter("name"), signers))]
    for column in ("title", "organization", "location"):
        texts.extend(set(map(attrgetter(column), signers)))  # these repeat: each value once
    return "".join(texts)


def check_document_glyphs(document: Document, diags: Diagnostics, where: Location) -> None:
    """Text of the letter itself (not the appendix, checked per signer) must be drawable."""
    text = "".join(_texts(document.blocks))
    missing = missing_glyphs(text)
    if missing:
        diags.error("PD902", _message(missing, "the letter's text"), where)


def _message(missing: set[str], what: str) -> str:
    shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(missing))
    return f"{what} contains characters no bundled font can draw: {shown}"


def _texts(blocks: Iterable[Block]) -> Iterator[str]:
    for inline in walk_inlines(blocks):
        if isinstance(inline, Text | Code):
            yield inline.text
