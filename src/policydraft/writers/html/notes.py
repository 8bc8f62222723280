"""Footnotes: numbered in reading order, linked both ways, printed after the letter.

A reference mark links to its note (``#note-N``); the note links back to the mark
(``#ref-N``) with an ``aria-label`` that says where it goes. A note inside a note has no
number of its own and is left out, as in the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from policydraft.model import Block, Note, Para

from .inlines import inlines_html

BlocksHtml = Callable[[tuple[Block, ...], bool], str]
"""Prints blocks as HTML; the flag says they are inside a note."""


@dataclass
class Notes:
    """The letter's footnotes, numbered as their marks are printed."""

    printed: list[str] = field(default_factory=list)

    def mark(self, note: Note, blocks: BlocksHtml) -> str:
        """Print ``note``'s reference mark and keep the note, numbered, for the end."""
        number = len(self.printed) + 1
        self.printed.append(note_html(number, note, blocks))
        return (
            f'<sup><a href="#note-{number}" id="ref-{number}" class="pd-ref"'
            f' aria-label="Note {number}">{number}</a></sup>'
        )

    def section(self) -> str:
        """The notes as a section after the letter, or nothing when there are none."""
        if not self.printed:
            return ""
        items = "\n".join(self.printed)
        return (
            '<section class="pd-notes" id="notes" aria-labelledby="notes-heading">\n'
            '<h2 id="notes-heading">Notes</h2>\n<ol>\n'
            f"{items}\n</ol>\n</section>\n"
        )


def note_html(number: int, note: Note, blocks: BlocksHtml) -> str:
    """Note ``number`` as a list item ending in its link back to the mark."""
    back = (
        f' <a href="#ref-{number}" class="pd-back"'
        f' aria-label="Back to note reference {number}">\u21a9\ufe0e</a>'
    )
    first, rest = note.blocks[:1], note.blocks[1:]
    if first and isinstance(first[0], Para):
        lead = f"<p>{inlines_html(first[0].inlines, lambda _: '')}{back}</p>"
        return f'<li id="note-{number}">{lead}{blocks(rest, True)}</li>'
    return f'<li id="note-{number}">{blocks(note.blocks, True)}<p>{back}</p></li>'
