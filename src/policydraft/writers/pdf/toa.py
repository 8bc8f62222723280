"""The table of authorities in the PDF: groups of entries with dot leaders and pages.

The pages are those of the PDF's own layout: each note citing a source carries a zero-width
callback (``authority_pages.CITED``) naming its sources, which reports the page the note is
drawn on; the repeated layouts of ``toc.settle`` print those pages until they no longer
change.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from reportlab.platypus import Flowable

from policydraft.model import AUTHORITY_GROUPS, Authority, Emph, Inline, TableOfAuthorities, Text
from policydraft.writers.contents_format import contents_formats

from .authority_pages import CITED
from .markup import inline_markup
from .paragraph import SafeParagraph
from .styles import Styles, paragraph_style
from .toc import LEADER, ContentsLine


def cited_mark(sources: tuple[str, ...]) -> str:
    """The zero-width markup reporting a note's page for ``sources`` (nothing if none)."""
    if not sources:
        return ""
    return f'<onDraw name="{CITED}" label="{escape(" ".join(sources), quote=True)}"/>'


def listen_for_citations(canvas: Any, on_cited: Any) -> Any:
    """``canvas`` reporting each citing note's sources and page to ``on_cited``."""
    canvas.setNamedCB(CITED, lambda canvas, kind, label: on_cited(label, canvas.getPageNumber()))
    return canvas


def authorities_flowables(table: TableOfAuthorities, styles: Styles) -> list[Flowable]:
    """The table: its title, then each group's name and its entries with their pages."""
    formats = contents_formats(styles.typography)
    family = styles.family
    title_style = paragraph_style("authorities title", formats.title, family)
    group_format = replace(formats.entry(1), bold=True, keep_with_next=True)
    group_style = paragraph_style("authorities group", group_format, family)
    entry_style = paragraph_style("authorities entry", formats.entry(1), family)
    story: list[Flowable] = [SafeParagraph(_markup((Text(table.title),)), title_style)]
    for category, indexes in table.groups():
        story.append(SafeParagraph(_markup((Text(AUTHORITY_GROUPS[category - 1]),)), group_style))
        for index in indexes:
            leader = f'<onDraw name="{LEADER}" label="{index}"/>'
            text = _entry_markup(table.authorities[index]) + leader
            line = ContentsLine(text, entry_style)
            line.page_text = table.page_text(index)
            story.append(line)
    return story


def _entry_markup(authority: Authority) -> str:
    """The entry's text, a case's name in italics."""
    italic, text = authority.italic, authority.text
    inlines: tuple[Inline, ...] = (Text(text),)
    if italic and text.startswith(italic):
        inlines = (Emph((Text(italic),)), Text(text[len(italic) :]))
    return _markup(inlines)


def _markup(inlines: tuple[Inline, ...]) -> str:
    return inline_markup(inlines, lambda _: "")
