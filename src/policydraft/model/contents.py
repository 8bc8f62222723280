"""The table of contents as a block of the tree (``toc: true``; docs/submission-format.md).

Its entries are the headings that follow it, as ``compose.toc`` found them; its page numbers
are not in the tree: each writer takes them from the real layout of the letter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """One line of a table of contents: a heading's level, printed number and title."""

    level: int  # 1 an argument heading, 2 a sub-heading
    label: str  # "I." for a numbered argument, "" otherwise
    title: str  # the heading's plain text, spaces collapsed

    @property
    def text(self) -> str:
        """The line as printed before its leader dots: "I. Title" (as the heading prints)."""
        return f"{self.label} {self.title}" if self.label else self.title


@dataclass(frozen=True, slots=True)
class TableOfContents:
    """The table of contents: a title, then one entry per heading that follows it.

    ``pages`` is empty as composed; the PDF writer fills it from its own layout (the DOCX
    writer lays the PDF out for it: the two break pages alike), and prints the table.
    """

    title: str
    entries: tuple[ContentsEntry, ...]
    pages: tuple[int, ...] = ()  # each entry's page, once a writer's layout knows it
