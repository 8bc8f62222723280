"""Reading a user's text file within the size limit, and the characters no text may hold.

Every reader of policydraft.yaml, Markdown bodies, bibliographies and profiles reads through
here, so a file is never read past ``limits.FILE_BYTES`` (a 5 GB file, or a device, costs what
the limit allows and no more) and the refusal says the same thing wherever it happens: the
size, the limit and the environment variable that raises it.

A submission folder is often received from someone else, so a file it names for its data (an
argument's ``file:``, the signatory list, ``sources:``, a source's local copy) must resolve,
symbolic links followed, inside the folder: :func:`outside_folder` says why one does not.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.limits import FILE_BYTES, Limit

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
PDI): printed, they reorder the text around them, so "Jane \u202eetacovdA" reads "Jane
Advocate". Right-to-left letters need none of them, nor do the marks U+200E, U+200F and
U+061C, which are allowed."""
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
    a device or a file still being written does not give; a regular file already larger than
    the limit (a 2 GB sparse file) is refused without reading. Raises OSError like
    ``read_bytes``.
    """
    with path.open("rb") as stream:
        status = os.fstat(stream.fileno())
        if stat.S_ISREG(status.st_mode) and status.st_size > limit.value:
            return TooLarge(status.st_size, limit)  # a regular file's size is true: not read
        data = stream.read(limit.value + 1)
    if len(data) <= limit.value:
        return data
    try:
        size = max(path.stat().st_size, len(data))
    except OSError:
        size = len(data)
    return TooLarge(size, limit)


def outside_folder(folder: Path, name: str) -> str | None:
    """Why ``folder / name`` is not a file of the submission in ``folder``, or None if it is.

    The path is resolved (``..`` and symbolic links followed) and must stay inside the
    resolved folder. The reason never names where a link leads, only that it leads out.
    """
    try:
        root = folder.resolve()
        target = (folder / name).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return "cannot be resolved (a symbolic link loop?)"
    if target.is_relative_to(root):
        return None
    reach = "is an absolute path" if Path(name).is_absolute() else "leads"
    if reach == "leads" and ".." not in Path(name).parts:
        reach = "leads through a symbolic link"
    return (
        f"{reach} outside the submission folder; files a submission names must be inside "
        "its folder (copy the file there)"
    )


def not_regular(path: Path) -> str | None:
    """Why ``path`` (which exists) is not a regular file to read, or None when it is one."""
    if path.is_dir():
        return "is a folder, not a file"
    if not path.is_file():
        return "is not a regular file (a device, a pipe or a socket)"
    return None


@dataclass(frozen=True)
class NamedFile:
    """A file a submission names (a Markdown body, an image, an exhibit): what to call it in
    messages, the limit on its size, and the codes for a bad or unreadable file and for one
    too large."""

    what: str  # "figure image", "exhibit", ...
    code: str
    too_large: str
    limit: Limit = FILE_BYTES


def read_named(
    folder: Path, name: str, kind: NamedFile, where: Location, diags: Diagnostics
) -> bytes | None:
    """The bytes of ``folder/name``, or None after one located error saying why not: outside
    the folder, missing, not a regular file, unreadable, or over ``kind.limit``."""
    path = folder / name
    problem = outside_folder(folder, name)
    if problem is None and not path.exists():
        problem = f"does not exist (looked for {display_path(path)})"
    if problem is None:
        problem = not_regular(path)
    if problem is not None:
        diags.error(kind.code, f"{kind.what} '{name}' {problem}", where)
        return None
    try:
        raw = read_bounded(path, kind.limit)
    except OSError as error:
        diags.error(kind.code, f"cannot read {kind.what} '{name}': {error.strerror}", where)
        return None
    if isinstance(raw, TooLarge):
        diags.error(kind.too_large, raw.message(f"{kind.what} '{name}'"), where)
        return None
    return raw


def control_character(text: str) -> tuple[int, str] | None:
    """The offset and a printable name (``U+0000``) of the first forbidden character."""
    found = CONTROL.search(text)
    if found is None:
        return None
    return found.start(), f"U+{ord(found.group()):04X}"


def forbidden_character(text: str) -> tuple[int, str] | None:
    """The offset and name of the first control character (bounded.CONTROL) or
    bidirectional control (``BIDI``) of ``text``: ``U+0000``, or ``bidirectional control
    character U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    control = control_character(text)
    bidi = BIDI.search(text, 0, control[0] if control else len(text))
    if bidi is None:
        return control
    codepoint = ord(bidi.group())
    name = f"bidirectional control character U+{codepoint:04X} ({unicodedata.name(bidi.group())})"
    return bidi.start(), name


def offset_location(text: str, offset: int, file: str) -> Location:
    """The 1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(file, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _bytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB ({size:,} bytes)"
    return f"{size:,} bytes"
