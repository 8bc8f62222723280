"""Inlines -> reportlab paragraph markup.

Every piece of user text goes through ``fonts.markup``, which escapes it and wraps CJK runs in
the fallback font, so nothing a signer or author typed is ever read as markup. A ``Note``
becomes the superscript mark the caller gives (``note_mark``); the caller keeps the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
from policydraft.typography import NoteFormat

from .fonts import escape, markup

LINK_COLOR = "#1f3f8f"

NoteHandler = Callable[[Note], str]
"""Called for each note in reading order; returns the mark to print (markup), or ""."""

LONG_WORD = 200
"""Characters without a space that no line holds, in any font size a letter uses."""
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD},}}")


def note_mark(number: int, size: float, notes: NoteFormat) -> str:
    """The superscript reference mark in text of ``size`` points, in the text and the note.

    Sized and raised, as shares of ``size`` that ``notes`` gives, as LibreOffice sets Word's
    superscript, so a line with a mark holds as many words in both formats. (Absolute sizes:
    reportlab's percentages break its copies.)
    """
    mark, rise = size * notes.mark_size, size * notes.mark_rise
    return f'<super size="{mark:.2f}" rise="{rise:.2f}">{number}</super>'


def inline_markup(inlines: tuple[Inline, ...], on_note: NoteHandler) -> str:
    """Paragraph markup for ``inlines``; ``on_note`` supplies each note's mark."""
    return "".join(_one(inline, on_note) for inline in inlines)


def _one(inline: Inline, on_note: NoteHandler) -> str:
    match inline:
        case Text(text) | Code(text):
            return text_markup(text)
        case Emph(children):
            return f"<i>{inline_markup(children, on_note)}</i>"
        case Strong(children):
            return f"<b>{inline_markup(children, on_note)}</b>"
        case Link(children, url):
            href = escape(url).replace('"', "&quot;")
            inner = inline_markup(children, on_note)
            return f'<a href="{href}" color="{LINK_COLOR}">{inner}</a>'
        case ExhibitRef(label):  # a link to the exhibit's cover page (writers/pdf/exhibits.py)
            inner = text_markup(inline.text)
            return f'<a href="#{exhibit_anchor(label)}" color="{LINK_COLOR}">{inner}</a>'
        case LineBreak():
            return "<br/>"
        case Note():
            return on_note(inline)
        case Cite():
            raise ValueError("a Cite reached the PDF writer; citations are resolved before writing")


def text_markup(text: str) -> str:
    """Markup for ``text``; a word longer than any line is broken where the line ends.

    reportlab first tries to break a word after a hyphen or slash it holds, and never breaks
    the pieces of such a word again: the rest of a long URL or of "a-bbbb..." ran off the
    page. ``<nobr>`` turns that first try off for words no line can hold, so they are split
    where the line is full, as Word splits them; shorter words are set exactly as before.
    """
    if len(text) < LONG_WORD:
        return markup(text)
    pieces: list[str] = []
    last = 0
    for word in _LONG_WORD.finditer(text):
        pieces.append(markup(text[last : word.start()]))
        pieces.append(f"<nobr>{markup(word.group())}</nobr>")
        last = word.end()
    pieces.append(markup(text[last:]))
    return "".join(pieces)
