"""The page skeleton: head, header with the title, contents, the letter, notes, the list.

Landmarks: the title in ``<header>``, the contents in ``<nav>``, the letter, its notes and
the signatory list in ``<main>``, who filed it and when in ``<footer>``. The stylesheet and
script are inline: the page is one file that needs nothing from the network.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydraft.model import Appendix, Block, Document, LetterPart, Para

from .assets import inline_script, inline_style
from .blocks import Contents, PageBody
from .inlines import text
from .marks import long_date


@dataclass(frozen=True)
class Parts:
    """The document's blocks as the page places them."""

    title: LetterPart | None  # the title line, printed as the page's <h1>
    letter: tuple[Block, ...]
    appendices: tuple[Appendix, ...]

    @classmethod
    def of(cls, document: Document) -> Parts:
        blocks = document.blocks
        title = None
        if blocks and isinstance(blocks[0], LetterPart) and blocks[0].role == "title":
            title, blocks = blocks[0], blocks[1:]
        letter = tuple(block for block in blocks if not isinstance(block, Appendix))
        appendices = tuple(block for block in blocks if isinstance(block, Appendix))
        return cls(title, letter, appendices)


def page_html(document: Document, body: PageBody) -> str:
    """The whole page for ``document``, its notes numbered and marks set by ``body``."""
    parts = Parts.of(document)
    heading = title_html(parts.title, body, document.metadata.title)
    letter = body.blocks(parts.letter)
    lists = "".join([body.appendix(appendix) for appendix in parts.appendices])
    meta = document.metadata
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{text(meta.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(meta.title)}</title>\n"
        f'<meta name="author" content="{text(meta.author)}">\n'
        f"<style>\n{inline_style()}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{heading}</h1>\n</header>\n"
        f"{contents_html(body.contents)}"
        f'<main id="main">\n<article>\n{letter}</article>\n{body.notes.section()}{lists}</main>\n'
        f"{footer_html(document)}"
        f"<script>\n{inline_script()}</script>\n</body>\n</html>\n"
    )


def title_html(part: LetterPart | None, body: PageBody, fallback: str) -> str:
    """The title line's text (its lines joined by breaks), or the document's title."""
    if part is None:
        return text(fallback)
    lines = [body.inlines(block.inlines, False) for block in part.blocks if isinstance(block, Para)]
    return "<br>".join(lines) or text(fallback)


def contents_html(contents: list[Contents]) -> str:
    """Links to the letter's headings and the signatory list, or nothing if there are none."""
    if not contents:
        return ""
    links = "\n".join(
        [f'<li><a href="#{entry.target}">{text(entry.title)}</a></li>' for entry in contents]
    )
    return f'<nav aria-label="Contents">\n<ol>\n{links}\n</ol>\n</nav>\n'


def footer_html(document: Document) -> str:
    """Who filed the letter, on what docket, and when."""
    meta = document.metadata
    said = [part for part in (meta.author, meta.subject, long_date(meta.date)) if part]
    return f"<footer>\n<p>{text('. '.join(said))}.</p>\n</footer>\n"
