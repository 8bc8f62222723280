"""What the block and inline writers need to know about the part they are writing into.

The body and the footnotes are separate parts of the package: a hyperlink's relationship
must live in the part whose XML uses it, and a note inside a note cannot become a second
Word footnote. A ``Story`` carries exactly those differences, so the renderers stay shared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from policydraft.model import Note
from policydraft.typography import Typography
from policydraft.writers.docx.numbering import ListNumbering
from policydraft.writers.docx.styles import StyleIds

HYPERLINK_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"

NoteSink = Callable[[Note], int]


@dataclass(slots=True)
class Story:
    """One part being written: the document body or the footnotes.

    ``typography`` is the document's (the styles were made from it): the writers read the
    indents they set directly on a paragraph from it too.
    """

    part: Any  # a python-docx Part (untyped library): owner of hyperlink relationships
    typography: Typography
    styles: StyleIds
    numbering: ListNumbering
    notes: NoteSink | None  # None inside a footnote: Word has no notes within notes
    body_style: str  # the paragraph style name for plain paragraphs of this story
    _links: dict[str, str] = field(default_factory=dict)

    @property
    def in_footnote(self) -> bool:
        return self.notes is None

    def link_id(self, url: str) -> str:
        """The ``r:id`` of an external hyperlink relationship to ``url``, one per distinct URL.

        Cached because python-docx looks relationships up by scanning all of them.
        """
        if url not in self._links:
            self._links[url] = self.part.relate_to(url, HYPERLINK_RELTYPE, is_external=True)
        return self._links[url]
