"""A Markdown body together with where it was written.

A body may come from a YAML block scalar, a quoted YAML string or a ``.md`` file; the
Markdown reader only sees this pair, so its diagnostics can point at the user's real file and
line whichever way the body was written.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydraft.diagnostics import Location


@dataclass(frozen=True, slots=True)
class MarkdownText:
    """A body to parse, and the location of its first line in the file it came from.

    ``origin.column`` is the column every line of the body starts at in that file (the
    indentation of a YAML block scalar, 1 for a Markdown file).
    """

    text: str
    origin: Location

    def location(self, line_offset: int, column_offset: int = 0) -> Location:
        """The file location of 0-based ``line_offset`` / ``column_offset`` within the body."""
        return Location(
            self.origin.file, self.origin.line + line_offset, self.origin.column + column_offset
        )
