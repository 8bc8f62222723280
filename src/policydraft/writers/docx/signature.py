"""The signature block in the DOCX: signers stacked, or side by side in a borderless table.

Each signer is a picture paragraph (a scanned signature, if any) and one paragraph in the
Signature style holding the conformed "/s/ Name" line, the name and the lines under it,
separated by line breaks, as the PDF prints them. Side by side, the signers are the cells of
a one-row table with no borders and no cell margins, its columns sharing the text width.
The firm's block follows in the same style.
"""

from __future__ import annotations

from lxml import etree

from policydraft.model import SignatureBlock, SignerBlock
from policydraft.writers.docx.images import add_picture_run
from policydraft.writers.docx.oxml import add_text, sub
from policydraft.writers.docx.story import Story
from policydraft.writers.docx.styles import TWIPS

STYLE = "Signature"
_BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")


def write_signature(container: etree._Element, block: SignatureBlock, story: Story) -> None:
    """Append ``block`` to ``container`` (the body)."""
    if block.layout == "side-by-side" and len(block.signers) > 1:
        _table(container, block.signers, story)
    else:
        for signer in block.signers:
            _signer(container, signer, story)
    if block.firm:
        _lines(container, block.firm, story)


def _signer(container: etree._Element, signer: SignerBlock, story: Story) -> None:
    if signer.picture is not None:
        paragraph = _paragraph(container, story, after="0")
        picture = signer.picture
        size = (picture.width, picture.height)
        add_picture_run(paragraph, story.part, picture.image, size, picture.description)
    _lines(container, signer.printed_lines(), story)


def _paragraph(container: etree._Element, story: Story, after: str | None = None) -> etree._Element:
    paragraph = sub(container, "p")
    properties = sub(paragraph, "pPr")
    sub(properties, "pStyle", val=story.styles[STYLE])
    if after is not None:
        sub(properties, "spacing", after=after)
    return paragraph


def _lines(container: etree._Element, lines: tuple[str, ...], story: Story) -> None:
    """One paragraph holding ``lines``, a line break between each."""
    paragraph = _paragraph(container, story)
    for index, line in enumerate(lines):
        run = sub(paragraph, "r")
        if index:
            sub(run, "br")
        add_text(run, line)


def _table(container: etree._Element, signers: tuple[SignerBlock, ...], story: Story) -> None:
    """A one-row table, one signer a cell, with no borders: columns on paper, not a grid."""
    page = story.typography.page
    column = round((page.width - page.left - page.right) * TWIPS / len(signers))
    table = sub(container, "tbl")
    properties = sub(table, "tblPr")
    sub(properties, "tblW", w=str(column * len(signers)), type="dxa")
    borders = sub(properties, "tblBorders")
    for side in _BORDERS:
        sub(borders, side, val="nil")
    sub(properties, "tblLayout", type="fixed")
    margins = sub(properties, "tblCellMar")
    for side in ("left", "right"):
        sub(margins, side, w="0", type="dxa")
    grid = sub(table, "tblGrid")
    for _ in signers:
        sub(grid, "gridCol", w=str(column))
    row = sub(table, "tr")
    sub(sub(row, "trPr"), "cantSplit")
    for signer in signers:
        cell = sub(row, "tc")
        sub(sub(cell, "tcPr"), "tcW", w=str(column), type="dxa")
        _signer(cell, signer, story)
