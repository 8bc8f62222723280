"""Writing starter files (``init``) and template copies (``templates copy``) safely.

Both put files into a folder that may already hold a team's work, so neither overwrites a
file that exists unless asked (``--force``): every file in the way is named at once (PD120)
and nothing is written. A place that cannot be written (a file where a folder must be, a
read-only file system) is a diagnostic (PD121), never a traceback. With ``--force`` a
symbolic link in the way is replaced, never written through.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location, display_path


@dataclass(frozen=True)
class FileCopy:
    """One file to write: where, and its bytes."""

    target: Path
    content: bytes


def copy_files(copies: Sequence[FileCopy], diags: Diagnostics, *, force: bool) -> bool:
    """Write every file, or none when one is in the way (PD120) or cannot be (PD121)."""
    check_targets(copies, diags, force=force)
    if diags.has_errors:
        return False
    written: list[Path] = []
    for copy in copies:
        try:
            _write(copy)
        except OSError as exc:
            done = (
                f"; {len(written)} of {len(copies)} files were written before it" if written else ""
            )
            message = f"cannot write {copy.target.name}: {exc.strerror or exc}{done}"
            diags.error("PD121", message, _where(copy.target))
            return False
        written.append(copy.target)
    return True


def check_targets(copies: Sequence[FileCopy], diags: Diagnostics, *, force: bool) -> None:
    """PD121 for a file in the way of a folder (or a folder of a file), PD120 per existing file."""
    blocked: set[Path] = set()
    for copy in copies:
        ancestor = _file_in_the_way(copy.target.parent)
        if ancestor is not None and ancestor not in blocked:
            blocked.add(ancestor)
            diags.error("PD121", "is a file, where a folder is needed", _where(ancestor))
        elif ancestor is None and copy.target.is_dir() and not copy.target.is_symlink():
            diags.error("PD121", "is a folder, where a file is to be written", _where(copy.target))
        elif ancestor is None and os.path.lexists(copy.target) and not force:
            message = "exists; not overwriting it (add --force to overwrite)"
            diags.error("PD120", message, _where(copy.target))


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest existing ancestor of ``folder`` (itself included), if it is not a folder."""
    for path in (folder, *folder.parents):
        if os.path.lexists(path):
            return None if path.is_dir() else path
    return None


def _write(copy: FileCopy) -> None:
    """Write through a temporary and a rename: a link in the way is replaced, not followed."""
    copy.target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{copy.target.name}.", suffix=".tmp", dir=copy.target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(copy.content)
        os.chmod(name, 0o644)
        os.replace(name, copy.target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _where(path: Path) -> Location:
    return Location(display_path(path))
