"""Inlines -> HTML text, every character of the letter escaped.

Emphasis prints as ``<em>`` (case names, titles in citations), strong as ``<strong>``; a
footnote prints its reference mark and is handed to ``notes`` to print at the end. Links keep
their address only when it is a web or mail address: a ``javascript:`` link in a source prints
as its text.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit

from policydraft.model import (
    Cite,
    Code,
    Emph,
    ExhibitRef,
    Inline,
    LineBreak,
    Link,
    Note,
    Strong,
    Text,
    exhibit_anchor,
)

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

OnNote = Callable[[Note], str]
"""Prints a footnote's reference mark (and keeps the note to print later)."""


def text(value: str) -> str:
    """``value`` as HTML text or an attribute value: ``<``, ``&`` and quotes escaped."""
    return escape(value, quote=True)


def safe_url(url: str) -> str | None:
    """``url`` if a reader's browser may follow it, else None."""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_SCHEMES else None


def inlines_html(inlines: tuple[Inline, ...], on_note: OnNote) -> str:
    """The inlines as HTML, notes replaced by what ``on_note`` prints."""
    return "".join([inline_html(inline, on_note) for inline in inlines])


def inline_html(inline: Inline, on_note: OnNote) -> str:
    """One inline as HTML."""
    match inline:
        case Text(value):
            return text(value)
        case Emph(children):
            return f"<em>{inlines_html(children, on_note)}</em>"
        case Strong(children):
            return f"<strong>{inlines_html(children, on_note)}</strong>"
        case Code(value):
            return f"<code>{text(value)}</code>"
        case Link(children, url):
            inner = inlines_html(children, on_note)
            href = safe_url(url)
            return inner if href is None else f'<a href="{text(href)}">{inner}</a>'
        case LineBreak():
            return "<br>"
        case ExhibitRef(label):  # to the exhibit's entry in the list that ends the page
            return f'<a href="#{exhibit_anchor(label)}">{text(inline.text)}</a>'
        case Note():
            return on_note(inline)
        case Cite():  # resolved into notes before any writer runs
            raise ValueError("an unresolved citation reached the HTML writer")
