"""The signature block in the PDF: signers stacked, or side by side in a borderless table.

As in the DOCX: each signer is the picture (a scanned signature, if any) and one paragraph
in the signature style with the "/s/ Name" line, the name and the lines under it; side by
side, one table row whose equal columns share the text width, with no padding and no grid,
a signer without a picture leaving its room so the names line up. The firm's block follows.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from policydraft.model import Picture, SignatureBlock, SignerBlock, Text

from .markup import inline_markup
from .paragraph import SafeParagraph
from .styles import Styles

_NO_PADDING = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *((side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING")),
        *((side, (0, 0), (-1, -1), 0) for side in ("TOPPADDING", "BOTTOMPADDING")),
    ]
)


def signature_flowables(block: SignatureBlock, styles: Styles) -> list[Flowable]:
    """The block's flowables, in reading order."""
    style = styles.parts["signature"]
    story: list[Flowable] = []
    if block.layout == "side-by-side" and len(block.signers) > 1:
        room = block.picture_room()
        cells = [_signer(signer, style, room) for signer in block.signers]
        width = f"{100 / len(cells):.4f}%"
        table = Table([cells], colWidths=[width] * len(cells), hAlign="LEFT")
        table.setStyle(_NO_PADDING)
        table.spaceAfter = style.spaceAfter  # as after a stacked signer's paragraph
        story.append(table)
    else:
        story.extend(KeepTogether(_signer(signer, style, 0.0)) for signer in block.signers)
    if block.firm:
        story.append(lines_paragraph(block.firm, style))
    return story


def _signer(signer: SignerBlock, style: ParagraphStyle, room: float) -> list[Flowable]:
    """The picture (or ``room`` left empty), then the lines."""
    above: list[Flowable] = []
    if signer.picture is not None:
        above.append(picture_flowable(signer.picture, "LEFT"))
    elif room:
        above.append(Spacer(1, room))
    return [*above, lines_paragraph(signer.printed_lines(), style)]


def picture_flowable(picture: Picture, align: str) -> Image:
    """``picture`` at its size, aligned ``align`` ("LEFT", "CENTER") in its column."""
    return Image(io.BytesIO(picture.image.data), picture.width, picture.height, hAlign=align)


def lines_paragraph(lines: tuple[str, ...], style: ParagraphStyle) -> SafeParagraph:
    """One paragraph of ``lines``, escaped, a line break between each."""
    text = "<br/>".join(inline_markup((Text(line),), lambda _: "") for line in lines)
    return SafeParagraph(text, style)
