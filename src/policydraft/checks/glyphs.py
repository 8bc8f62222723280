"""Every character printed must have a glyph in the PDF's bundled fonts, never a box."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Code, Document, Text, walk_inlines
from policydraft.signatories.model import Signatory
from policydraft.writers.pdf import missing_glyphs


def check_signatory_glyphs(signers: Iterable[Signatory], diags: Diagnostics) -> None:
    """A signer whose name or affiliation has an undrawable character is reported at its row."""
    for signer in signers:
        if not signer.consent:
            continue
        missing = missing_glyphs(signer.name + signer.affiliation)
        if missing:
            diags.error("PD902", _message(missing, f"signatory {signer.name!r}"), signer.where)


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
