"""Every character printed must have a glyph in the PDF's bundled fonts, never a box.

The bundled fonts are the letter's family (Liberation Serif, or the twin of a
reference.docx's font: ``typography.pdf_font``), the CJK fallback and one font per shaped
script (Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai): ``missing_glyphs`` consults each,
so PD902 remains for scripts none of them has (Cherokee, Tibetan, emoji, ...).

A character the fonts lack is reported where the user wrote it: the line and column of the
Markdown file or of policydraft.yaml that holds it. Only what no written line holds (text a
template or the bibliography adds, or a YAML escape such as ``"\U0001f600"``) falls back to
the top of policydraft.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    Block,
    Code,
    Document,
    Exhibits,
    Figure,
    Letterhead,
    SignatureBlock,
    Text,
    iter_nodes,
    walk_inlines,
)
from policydraft.signatories.columns import GLYPH_COLUMNS
from policydraft.signatories.select import PrintedSignatories
from policydraft.signatories.signatory import Signatory
from policydraft.submission.load import LoadedSubmission
from policydraft.typography import LETTER
from policydraft.writers.pdf import missing_glyphs
from policydraft.writers.pdf.families import family_named


def check_signatory_glyphs(
    signers: PrintedSignatories, diags: Diagnostics, pdf_font: str = LETTER.pdf_font
) -> None:
    """A signer with an undrawable character in a glyph-checked column (``GLYPH_COLUMNS``:
    the name and the affiliation's parts) is reported at its row; ``pdf_font`` is the
    family the PDF sets the letter in.

    A list of 100,000 signers uses a few hundred distinct characters, so they are checked
    once, together; only when one is missing are the signers looked at one by one.
    """
    family = family_named(pdf_font)
    if not missing_glyphs(_printed_text(signers), family):
        return
    for signer in signers:
        missing = missing_glyphs(_signer_text(signer), family)
        if missing:
            diags.error("PD902", _message(missing, f"signatory {signer.name!r}"), signer.where)


def _printed_text(signers: PrintedSignatories) -> str:
    """Every glyph-checked column's characters, in one string (an affiliation adds ", ").

    Titles, organizations and places repeat, so each distinct value is taken once; names
    nearly never do, so they are joined as they come, without a set of them that would cost
    more than the characters it spares.
    """
    texts = [", "]
    for column in GLYPH_COLUMNS:
        cells = map(attrgetter(column), signers)
        if column == "name":
            texts.append("".join(cells))
        else:
            texts.extend(set(cells))
    return "".join(texts)


def _signer_text(signer: Signatory) -> str:
    return "".join(getattr(signer, column) for column in GLYPH_COLUMNS)


LINES_PER_FILE = 20
"""Lines reported one by one in a file; the rest are counted in the last message."""


def check_document_glyphs(
    document: Document,
    diags: Diagnostics,
    loaded: LoadedSubmission,
    pdf_font: str = LETTER.pdf_font,
) -> None:
    """Text of the letter itself (not the appendix, checked per signer) must be drawable in
    ``pdf_font`` (the family the PDF sets the letter in) or a bundled fallback.

    The composed text is checked at once; only when a character is missing are the files
    searched for the lines that hold it.
    """
    missing = missing_glyphs("".join(_texts(document.blocks)), family_named(pdf_font))
    if not missing:
        return
    placed: set[str] = set()
    for lines, where in _written_lines(loaded):
        placed |= _report_lines(lines, where, missing, diags)
    unplaced = missing - placed
    if unplaced:
        diags.error("PD902", _message(unplaced, "the letter's text"), loaded.locate())


def _written_lines(loaded: LoadedSubmission) -> Iterator[tuple[Sequence[str], Location]]:
    """policydraft.yaml's lines (which hold its inline bodies), then each Markdown file's."""
    yield loaded.document.lines, Location(loaded.document.file)
    bodies = [loaded.introduction, *(body for _, body in loaded.arguments), loaded.conclusion]
    for body in bodies:
        if body is not None and body.origin.file != loaded.document.file:
            yield body.text.split("\n"), body.origin


def _report_lines(
    lines: Sequence[str], origin: Location, missing: set[str], diags: Diagnostics
) -> set[str]:
    """PD902 at each line holding a missing character; the characters found."""
    found: set[str] = set()
    reported = 0
    for number, line in enumerate(lines):
        if missing.isdisjoint(line):
            continue
        here = missing.intersection(line)
        found |= here
        reported += 1
        if reported > LINES_PER_FILE:
            continue
        column = min(line.index(character) for character in here)
        where = Location(origin.file, origin.line + number, origin.column + column)
        diags.error("PD902", _message(here, "this line"), where)
    if reported > LINES_PER_FILE:
        extra = reported - LINES_PER_FILE
        where = Location(origin.file, origin.line + len(lines) - 1, 1)
        message = f"and {extra} more line(s) of this file with characters no bundled font can draw"
        diags.error("PD902", message, where)
    return found


def _message(missing: set[str], what: str) -> str:
    shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(missing))
    return f"{what} contains characters no bundled font can draw: {shown}"


def _texts(blocks: Iterable[Block]) -> Iterator[str]:
    """Every string the letter prints: its inlines, and the plain strings of the blocks that
    hold them as data (signature block, letterhead, figure captions, exhibit titles)."""
    blocks = tuple(blocks)
    for inline in walk_inlines(blocks):
        if isinstance(inline, Text | Code):
            yield inline.text
    for node in iter_nodes(blocks):
        match node:
            case SignatureBlock():
                for signer in node.signers:
                    yield from signer.printed_lines()
                yield from node.firm
            case Letterhead():
                yield from node.lines
            case Figure():
                yield node.caption
            case Exhibits():
                yield from (exhibit.title for exhibit in node.exhibits)
