"""The table of authorities' pages, as a layout of the PDF found them (``toc.settle``).

A note citing sources is drawn with a zero-width callback, ``CITED``, naming them
(``toa.cited_mark``); the layout hears it with the page, as (source id, page) pairs.
"""

from __future__ import annotations

from dataclasses import replace

from policydraft.model import Document, TableOfAuthorities

CITED = "policydraftCited"  # the canvas callback a citing note's text reaches when drawn


def authorities_of(document: Document) -> TableOfAuthorities | None:
    """The document's table of authorities, if it has one (at the top level)."""
    return next((b for b in document.blocks if isinstance(b, TableOfAuthorities)), None)


def pages_by_source(cited: tuple[tuple[str, int], ...]) -> dict[str, tuple[int, ...]]:
    """Each source's pages, ascending and once each, from (source id, page) pairs."""
    pages: dict[str, set[int]] = {}
    for key, page in cited:
        pages.setdefault(key, set()).add(page)
    return {key: tuple(sorted(found)) for key, found in pages.items()}


def with_authority_pages(document: Document, cited: tuple[tuple[str, int], ...]) -> Document:
    """``document`` with its table of authorities' pages taken from ``cited``."""
    table = authorities_of(document)
    if table is None:
        return document
    found = pages_by_source(cited)
    pages = tuple(found.get(a.source_id, ()) for a in table.authorities) if found else ()
    blocks = tuple(replace(b, pages=pages) if b is table else b for b in document.blocks)
    return replace(document, blocks=blocks)
