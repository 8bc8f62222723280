"""A submission folder as it was at a git revision, read with git into a temporary folder.

``redline DIR --against REV`` compares DIR with DIR at REV. The folder's files at REV are
listed (``git ls-tree``) and read (``git cat-file --batch``) from the object store, never
checked out: the user's working tree and index are left as they are. Files are written as
git stores them (no filters, no ``export-subst``); links and submodules are left out.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path, PurePosixPath

from policydraft.diagnostics import Diagnostics, display_path

GIT_TIMEOUT = 120
"""Seconds any one git command may take."""


class RevisionError(Exception):
    """The folder at the revision cannot be read; the message says why, for the user."""


@contextmanager
def folder_at(folder: Path, revision: str) -> Iterator[Path]:
    """``folder`` as it was at ``revision``, in a temporary folder removed afterwards."""
    if not revision or revision.startswith("-"):
        raise RevisionError(f"--against takes a git revision, not {revision!r}")
    root = _git(folder, "rev-parse", "--show-toplevel", failing=_not_in_git(folder)).strip()
    prefix = _git(folder, "rev-parse", "--show-prefix", failing=_not_in_git(folder)).strip()
    commit = _git(
        folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}",
        failing=f"unknown git revision {revision!r} in the repository at {root}",
    ).strip()  # fmt: skip
    where = f"{commit}:{prefix}"
    kind = _run(folder, ["cat-file", "-t", where], None)
    if kind.returncode != 0 or kind.stdout.strip() != b"tree":
        shown = prefix.rstrip("/") or "."
        raise RevisionError(f"the folder {shown} did not exist at revision {revision!r}")
    files = _files(folder, commit, prefix)
    with tempfile.TemporaryDirectory(prefix="policydraft-redline-") as scratch:
        target = Path(scratch) / commit[:12] / prefix
        target.mkdir(parents=True, exist_ok=True)
        for relative, content in _contents(folder, files):
            path = target.joinpath(*PurePosixPath(relative).parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        yield target


def named_at(diags: Diagnostics, scratch: Path, folder: Path, revision: str) -> Diagnostics:
    """``diags`` of the folder read at ``revision`` into ``scratch``, each file named as
    ``REV:path``, the path being the folder's own file as diagnostics show it (so
    ``HEAD~1:letter/policydraft.yaml``), not the temporary folder's."""
    root = scratch.resolve()
    named = Diagnostics()
    for diagnostic in diags.items:
        where = Path(diagnostic.file)
        try:
            inside = (where if where.is_absolute() else Path.cwd() / where).resolve()
            relative = inside.relative_to(root)
        except (ValueError, OSError):
            named.items.append(diagnostic)
            continue
        shown = f"{revision}:{display_path(folder / relative)}"
        message = diagnostic.message.replace(str(root), f"{revision}:{display_path(folder)}")
        named.items.append(replace(diagnostic, file=shown, message=message))
    return named


def _not_in_git(folder: Path) -> str:
    return f"{folder} is not in a git repository (--against reads its history with git)"


def _files(folder: Path, commit: str, prefix: str) -> list[tuple[str, str]]:
    """The regular files under the folder at ``commit``: (path below it, blob id)."""
    listing = _git(
        folder, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix or ".", failing=""
    )
    files: list[tuple[str, str]] = []
    for entry in filter(None, listing.split("\0")):
        meta, _, path = entry.partition("\t")
        mode, kind, blob = meta.split()
        if kind != "blob" or mode == "120000":  # a submodule or a link: not a file
            continue
        relative = PurePosixPath(path).relative_to(prefix) if prefix else PurePosixPath(path)
        files.append((relative.as_posix(), blob))
    return files


def _contents(folder: Path, files: list[tuple[str, str]]) -> Iterator[tuple[str, bytes]]:
    """Each file's bytes, read from git's object store in one ``cat-file --batch``."""
    if not files:
        return
    request = "".join(f"{blob}\n" for _, blob in files).encode()
    done = _run(folder, ["cat-file", "--batch"], request)
    if done.returncode != 0:
        raise RevisionError(done.stderr.decode(errors="replace").strip())
    output = done.stdout
    at = 0
    for relative, _ in files:
        line_end = output.index(b"\n", at)
        size = int(output[at:line_end].split()[2])
        start = line_end + 1
        yield relative, output[start : start + size]
        at = start + size + 1  # the content, then a newline


def _git(folder: Path, *args: str, failing: str) -> str:
    done = _run(folder, list(args), None)
    if done.returncode != 0:
        raise RevisionError(failing or done.stderr.decode(errors="replace").strip())
    return done.stdout.decode("utf-8", errors="surrogateescape")


def _run(folder: Path, args: list[str], given: bytes | None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=folder, input=given, capture_output=True,
            timeout=GIT_TIMEOUT, check=False,
        )  # fmt: skip
    except FileNotFoundError:
        raise RevisionError("--against needs git, which is not installed") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RevisionError(f"git could not be run: {exc}") from None
