"""Document tree -> one self-contained, accessible HTML page: the publication page.

The letter with its headings (numbered as printed), footnotes linked both ways and citations
as in the PDF, then the signatory list with its count and groups and a search box that
filters it as one types. CSS and JavaScript are inline, nothing is fetched, and the page
works without JavaScript (the list is in the HTML; the script only filters it). Every piece
of text is escaped; the same Document always gives the same bytes.

Modules: ``page`` (skeleton, landmarks), ``blocks`` and ``inlines``, ``notes``,
``signatories`` (the list and its search text), ``marks`` (who joined after a filing),
``assets`` (``assets/page.css`` and ``assets/filter.js``, read once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from policydraft.model import Document

from .blocks import PageBody
from .marks import JoinedAfter
from .page import page_html

__all__ = ["HtmlOptions", "JoinedAfter", "render_html", "write_html"]


@dataclass(frozen=True)
class HtmlOptions:
    """What the page marks: signers who joined after a filing, when a filing is given."""

    joined_after: JoinedAfter | None = None


def render_html(document: Document, options: HtmlOptions = HtmlOptions()) -> str:
    """The page for ``document`` as text."""
    return page_html(document, PageBody(joined_after=options.joined_after))


def write_html(document: Document, out: BinaryIO, options: HtmlOptions = HtmlOptions()) -> None:
    """Write the page for ``document`` to ``out`` as UTF-8."""
    out.write(render_html(document, options).encode("utf-8"))
