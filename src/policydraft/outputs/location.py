"""Where a submission's outputs go: ``output.dir`` and ``output.name``, checked before use.

A submission folder is often received from someone else, so what it says about its outputs
must not reach outside it: ``output.name`` is a plain file stem (no folders, no ``..``, no
control characters), and ``output.dir`` a folder inside the submission folder. Writing
anywhere else is the choice of the person running policydraft, through ``render --out``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from policydraft.diagnostics import Diagnostics
from policydraft.limits import OUTPUT_NAME
from policydraft.submission.load import LoadedSubmission

_BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MAX_NAME_BYTES = 200  # file systems allow 255 bytes; the temporaries add a prefix and suffix
_SHOWN = 60


def output_stem(loaded: LoadedSubmission) -> str:
    """The outputs' file stem: ``output.name``, else the submission folder's own name."""
    name = loaded.submission.output.name
    return name if name is not None else loaded.folder.resolve().name


def check_output_location(loaded: LoadedSubmission, diags: Diagnostics) -> None:
    """PD903 for an ``output.name`` that is not a plain stem, PD904 for a bad ``output.dir``."""
    output = loaded.submission.output
    named = output.name is not None
    stem = output_stem(loaded)
    problem = stem_problem(stem)
    if problem is not None:
        if named:
            message = f"output.name {_shown(stem)} {problem}; give a plain file name like 'comment'"
        else:
            message = (
                f"the submission folder's name {_shown(stem)}, the default output name, "
                f"{problem}; set output.name"
            )
        where = loaded.locate("output", "name") if named else loaded.locate("output", key=True)
        diags.error("PD903", message, where)
    problem = dir_problem(loaded.folder, output.dir)
    if problem is not None:
        diags.error(
            "PD904", f"output.dir {_shown(output.dir)} {problem}", loaded.locate("output", "dir")
        )


def stem_problem(stem: str) -> str | None:
    """Why ``stem`` cannot be an output's file stem, or None when it can."""
    if not stem.strip():
        return "is empty"
    if "/" in stem or "\\" in stem:
        return "contains a folder separator; put folders in output.dir"
    control = _control_character(stem)
    if control is not None:
        return f"contains the control character U+{ord(control):04X}"
    if stem.startswith("."):
        return "starts with '.', which would hide the files (or name a parent folder)"
    if len(stem) > OUTPUT_NAME.value:
        return (
            f"is {len(stem)} characters long; at most {OUTPUT_NAME.value} characters fit "
            "a file name"
        )
    size = len(stem.encode("utf-8"))
    if size > _MAX_NAME_BYTES:  # fewer characters, but accented letters and emoji take more
        return (
            f"is {size} bytes long in UTF-8; at most {_MAX_NAME_BYTES} bytes fit a file name "
            f"(it has {len(stem)} characters, but 'é' takes 2 bytes and most emoji 4)"
        )
    return None


def dir_problem(folder: Path, name: str) -> str | None:
    """Why ``name`` cannot be the output folder of the submission in ``folder``, or None."""
    if not name.strip():
        return "is empty; write '.' for the submission folder itself"
    control = _control_character(name)
    if control is not None:
        return f"contains the control character U+{ord(control):04X}"
    outside = (
        "must be a folder inside the submission folder; to write elsewhere, leave output.dir"
        " out and run `render --out DIR`"
    )
    windows = PureWindowsPath(name)
    if PurePosixPath(name).is_absolute() or windows.drive or windows.root:
        return f"is an absolute path: it {outside}"
    if ".." in re.split(r"[/\\]", name):
        return f"goes up with '..': it {outside}"
    target = folder / name
    try:
        inside = target.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symbolic link loop
        return "cannot be resolved (a symbolic link loop?)"
    if not inside:
        return f"leads outside the submission folder through a symbolic link: it {outside}"
    if target.exists() and not target.is_dir():
        return "is a file, not a folder"
    return None


def _control_character(text: str) -> str | None:
    """The first character that has no business in a file name: controls, bidi overrides."""
    for char in text:
        if char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs"):
            return char
    return None


def _shown(text: str) -> str:
    """``text`` quoted for a message: controls escaped, long names shortened."""
    shown = "".join(
        f"\\u{ord(c):04x}" if _control_character(c) is not None else c for c in text[:_SHOWN]
    )
    return f"'{shown}" + ("...'" if len(text) > _SHOWN else "'")
