"""How a table of contents is set, from the letter's typography, for the DOCX and the PDF.

Both writers take these formats (the DOCX as its "TOC Heading", "toc 1" and "toc 2" styles,
the PDF as paragraph styles), so the table takes the same room in both and the pages after
it break alike. An entry is a line of body text, set flush left, with its page number
right-aligned at the text's right edge and dot leaders between. Entries have no right
indent: LibreOffice drops a right tab set beyond a paragraph's right indent, so the DOCX
could not keep a column free for the numbers (a title long enough to reach the number's
place wraps as body text does).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from policydraft.typography import ParagraphFormat, Typography


@dataclass(frozen=True, slots=True)
class ContentsFormats:
    """The table's title and its entries' formats, by heading level (1 and 2)."""

    title: ParagraphFormat
    level1: ParagraphFormat
    level2: ParagraphFormat

    def entry(self, level: int) -> ParagraphFormat:
        """The format of an entry for a heading of ``level``."""
        return self.level1 if level <= 1 else self.level2


def contents_formats(typography: Typography) -> ContentsFormats:
    """The formats of ``typography``'s table of contents."""
    body, heading = typography.body, typography.heading1
    level1 = replace(
        body,
        before=0.0,
        after=body.after / 2,
        align="left",
        left=0.0,
        right=0.0,
        first_line=0.0,
        bold=False,
        italic=False,
        keep_with_next=False,
        keep_lines=True,
    )
    level2 = replace(level1, left=typography.lists.indent)
    title = replace(heading, align="center", left=0.0, right=0.0, first_line=0.0)
    return ContentsFormats(title, level1, level2)
