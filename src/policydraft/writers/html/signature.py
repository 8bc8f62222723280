"""The signature block and the letterhead on the HTML page.

Signers side by side are a CSS grid of equal columns (one column each), stacked ones a
column; each is the picture (a data URI with its alt text), then the "/s/ Name" line, the
name and the lines under it. The letterhead is the page's ``<header>`` block: the logo, then
its lines. Every piece of text is escaped.
"""

from __future__ import annotations

import base64

from policydraft.model import Letterhead, Picture, SignatureBlock, SignerBlock

from .inlines import text


def signature_html(block: SignatureBlock) -> str:
    """The block as a ``<div>``: a grid of signers, then the firm's lines."""
    side_by_side = block.layout == "side-by-side" and len(block.signers) > 1
    columns = len(block.signers) if side_by_side else 1
    style = f"display:grid;grid-template-columns:repeat({columns},1fr);column-gap:1em"
    signers = "".join(_signer(signer) for signer in block.signers)
    firm = f'<p class="pd-firm">{_lines(block.firm)}</p>\n' if block.firm else ""
    kind = "side-by-side" if side_by_side else "stacked"
    return (
        f'<div class="pd-signature pd-{kind}">\n<div style="{style}">\n{signers}</div>\n'
        f"{firm}</div>\n"
    )


def _signer(signer: SignerBlock) -> str:
    picture = "" if signer.picture is None else f"{picture_html(signer.picture)}<br>"
    return f'<p class="pd-signer">{picture}{_lines(signer.printed_lines())}</p>\n'


def letterhead_html(letterhead: Letterhead) -> str:
    """The letterhead, centred, as the top of the letter."""
    picture = "" if letterhead.picture is None else f"<p>{picture_html(letterhead.picture)}</p>"
    lines = f"<p>{_lines(letterhead.lines)}</p>" if letterhead.lines else ""
    return f'<div class="pd-letterhead" style="text-align:center">{picture}{lines}</div>\n'


def picture_html(picture: Picture) -> str:
    """An ``<img>`` holding the picture itself, at its printed size in points."""
    data = base64.b64encode(picture.image.data).decode("ascii")
    source = f"data:{picture.image.media_type};base64,{data}"
    size = f"width:{picture.width:g}pt;height:{picture.height:g}pt"
    return f'<img src="{source}" alt="{text(picture.description)}" style="{size}">'


def _lines(lines: tuple[str, ...]) -> str:
    return "<br>".join(text(line) for line in lines)
