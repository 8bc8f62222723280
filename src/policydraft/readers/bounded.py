"""Reading a user's text file within the size limit, and the characters no text may hold.

Every reader of policydraft.yaml, Markdown bodies, bibliographies and profiles reads through
here, so a file is never read past ``limits.FILE_BYTES`` (a 5 GB file, or a device, costs what
the limit allows and no more) and the refusal says the same thing wherever it happens: the
size, the limit and the environment variable that raises it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Location
from policydraft.limits import FILE_BYTES, Limit

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters a letter cannot print and XML cannot carry: C0 and C1 controls (tab, line feed
and carriage return excepted), DEL, lone surrogates and the noncharacters U+FFFE and U+FFFF.
YAML refuses them written raw, but its escapes ("\\0", "\\e", "\\ud800") and JSON's ("\\u0000")
produce them; a NUL reaching the DOCX writer was an internal error."""


@dataclass(frozen=True)
class TooLarge:
    """A file over the limit: how big it is (as far as known) and the limit it broke."""

    size: int
    limit: Limit

    def message(self, what: str) -> str:
        """Why ``what`` (e.g. "policydraft.yaml") was refused, and how to allow it."""
        return (
            f"{what} is {_bytes(self.size)}, more than the limit of {_bytes(self.limit.value)}; "
            f"to allow larger files set the environment variable {self.limit.env} "
            f"(a number of bytes)"
        )


def read_bounded(path: Path, limit: Limit = FILE_BYTES) -> bytes | TooLarge:
    """The bytes of ``path``, or ``TooLarge`` without reading more than the limit.

    Reads at most one byte past the limit rather than trusting the file's stated size, which
    a device or a file still being written does not give. Raises OSError like ``read_bytes``.
    """
    with path.open("rb") as stream:
        data = stream.read(limit.value + 1)
    if len(data) <= limit.value:
        return data
    try:
        size = max(path.stat().st_size, len(data))
    except OSError:
        size = len(data)
    return TooLarge(size, limit)


def control_character(text: str) -> tuple[int, str] | None:
    """The offset and a printable name (``U+0000``) of the first forbidden character."""
    found = CONTROL.search(text)
    if found is None:
        return None
    return found.start(), f"U+{ord(found.group()):04X}"


def offset_location(text: str, offset: int, file: str) -> Location:
    """The 1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(file, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _bytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB ({size:,} bytes)"
    return f"{size:,} bytes"
