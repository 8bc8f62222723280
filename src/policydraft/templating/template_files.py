"""Reading a template file: bounded in size, UTF-8, and inside the template's own folders.

A template folder can arrive from another organization (``git clone``, a zip). A file in it
that is a link to ``~/.ssh/id_rsa`` would print that key into a letter that gets filed in
public, a link to ``/dev/zero`` would never end, a large file costs Jinja's compiler about
2 MB of memory and 25 ms a kilobyte (1 MB: 14 s and 1 GB), and a Latin-1 file would stop the
run with a decoding traceback. Each is a ``TemplateFileError`` instead, reported at
the file (and, for a bad byte, its line).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from policydraft import limits


class TemplateFileError(Exception):
    """A template file that cannot be used, with the code and line to report it at."""

    def __init__(self, path: Path, code: str, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.path = path
        self.code = code
        self.message = message
        self.line = line


def read_template_file(path: Path, folders: Sequence[Path]) -> str:
    """The text of ``path``, newlines made ``\\n`` as Jinja's own loader does."""
    real = path.resolve()
    if not any(real.is_relative_to(folder.resolve()) for folder in folders):
        raise TemplateFileError(
            path,
            "PD314",
            "template file is a link to a file outside the template folder; copy the file in",
        )
    if not real.is_file():
        raise TemplateFileError(path, "PD314", "template file is not a regular file")
    limit = limits.TEMPLATE_FILE_BYTES.value
    with real.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TemplateFileError(
            path,
            "PD313",
            f"template file is larger than {limit:,} bytes "
            f"(the person running policydraft can allow more with "
            f"{limits.TEMPLATE_FILE_BYTES.env})",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TemplateFileError(
            path,
            "PD312",
            f"template file is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8",
            line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
