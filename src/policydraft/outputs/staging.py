"""Writing outputs so that a failure never leaves a half-written file under a final name.

Every output is first written to a temporary file in the destination folder (a rename is
atomic only within one file system). Publishing then renames them into place, one by one,
keeping each earlier file aside as a hidden backup first: if a rename fails midway, what was
already published is put back, so either every final file is the new one or every one is
the old one. Until then nothing under a final name changes, and a folder this run had to
create is removed again, so a refused render leaves the output folder as it was.

Temporaries are named ``.NAME.PID.RANDOM.tmp`` (backups ``.old``): a later run removes those
of this output whose process is gone (a render killed with -9 cannot clean up after itself)
and never touches a concurrent render's files, nor anything not named exactly so.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


class PublishError(OSError):
    """Publishing failed; says which final file, and which earlier files are not restored.

    An ``OSError`` (errno, reason, the final path), so callers that report write failures
    handle it too; ``unrestored`` is empty when every final file is as it was before.
    """

    def __init__(
        self, cause: OSError, final: Path, unrestored: tuple[tuple[Path, Path], ...] = ()
    ) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), str(final))
        self.final = final
        self.unrestored = unrestored  # (final now holding the new file, backup of the old)


@dataclass
class _Published:
    final: Path
    backup: Path | None  # the earlier file, set aside; None when there was none
    replaced: bool = False


class StagedOutputs:
    """Outputs written to temporaries, published together by ``commit``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._staged: list[tuple[Path, Path]] = []
        self.published = False

    def write(self, final: Path, produce: Callable[[BinaryIO], T]) -> T:
        """Call ``produce`` with a temporary file for ``final``; return what it returns."""
        handle, name = tempfile.mkstemp(
            prefix=f".{final.name}.{os.getpid()}.", suffix=".tmp", dir=self.folder
        )
        temp = Path(name)
        self._staged.append((temp, final))
        with os.fdopen(handle, "wb") as stream:
            result = produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        return result

    def staged(self, final: Path) -> Path:
        """The temporary path holding ``final``'s content, for checks before publishing."""
        return next(temp for temp, target in self._staged if target == final)

    def commit(self) -> None:
        """Publish every staged file, or none: a failure midway restores what was replaced.

        Raises ``PublishError`` naming the file that could not be published; its
        ``unrestored`` lists any earlier file that could not be put back (then its backup
        is left in place, and named, rather than lost).
        """
        for _, final in self._staged:
            _refuse_folder_in_the_way(final)
        done: list[_Published] = []
        for temp, final in self._staged:
            try:
                os.chmod(temp, 0o644)
                done.append(_Published(final, _set_aside(final)))
                os.replace(temp, final)
                done[-1].replaced = True
            except OSError as exc:
                raise PublishError(exc, final, _roll_back(done)) from exc
        for item in done:
            if item.backup is not None:
                item.backup.unlink(missing_ok=True)
        finals = [final for _, final in self._staged]
        self._staged.clear()
        self.published = True
        for final in finals:
            remove_stale_temporaries(final)

    def discard(self) -> None:
        for temp, _ in self._staged:
            temp.unlink(missing_ok=True)
        self._staged.clear()


def _refuse_folder_in_the_way(final: Path) -> None:
    """A folder under a final name can never be replaced: say so before replacing anything."""
    if final.is_dir() and not final.is_symlink():
        cause = IsADirectoryError(errno.EISDIR, "a folder of that name is in the way")
        raise PublishError(cause, final)


def _set_aside(final: Path) -> Path | None:
    """A hidden backup of ``final``'s earlier file (a hard link, else a copy), if it has one.

    A hard link keeps the final name in place until the new file replaces it, so a reader
    never finds it missing.
    """
    if not os.path.lexists(final):
        return None
    while True:
        backup = final.with_name(f".{final.name}.{os.getpid()}.{secrets.token_hex(4)}.old")
        try:
            os.link(final, backup, follow_symlinks=False)
            return backup
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links
            shutil.copy2(final, backup, follow_symlinks=False)
            return backup


def _roll_back(done: list[_Published]) -> tuple[tuple[Path, Path], ...]:
    """Put every earlier file back; return the (final, backup) pairs that could not be."""
    unrestored: list[tuple[Path, Path]] = []
    for item in reversed(done):
        try:
            if item.replaced and item.backup is not None:
                os.replace(item.backup, item.final)
            elif item.replaced:
                item.final.unlink()
            elif item.backup is not None:
                item.backup.unlink()
        except OSError:
            if item.backup is not None:
                unrestored.append((item.final, item.backup))
    return tuple(unrestored)


def _leftover_pattern(final: Path) -> re.Pattern[str]:
    """Exactly the names this module gives ``final``'s temporaries and backups.

    Also the names of versions before the process id was part of them (``.NAME.XXXXXXXX.tmp``),
    which no running render writes any more.
    """
    name = re.escape(final.name)
    return re.compile(rf"\.{name}\.(?:(?P<pid>\d{{1,10}})\.)?[a-z0-9_]{{8}}\.(?:tmp|old)")


def remove_stale_temporaries(final: Path) -> list[Path]:
    """Remove the temporaries and backups of ``final`` left by renders that are gone."""
    pattern = _leftover_pattern(final)
    removed: list[Path] = []
    try:
        names = os.listdir(final.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _still_running(match.group("pid"), name):
            continue
        with suppress(OSError):
            (final.parent / name).unlink()
            removed.append(final.parent / name)
    return removed


def _still_running(pid_text: str | None, name: str) -> bool:
    """Whether the process that wrote a leftover may still be writing it."""
    if pid_text is None:
        return name.endswith(".old")  # an old version made no backups: not ours, leave it
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, under another user
    except OverflowError:
        return False  # larger than any process id
    return True


@contextmanager
def staged_outputs(folder: Path) -> Iterator[StagedOutputs]:
    """Stage outputs in ``folder``; on any exception they are discarded, else left to commit.

    Folders created here are removed again unless something was published into them.
    """
    created = _make_folder(folder)
    outputs = StagedOutputs(folder)
    try:
        yield outputs
    finally:
        outputs.discard()  # after commit() there is nothing left to discard
        if not outputs.published:
            _remove_empty(created)


def _make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return those created, deepest first."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    for path in (folder, *folder.parents):
        if os.path.lexists(path) and not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "a file is in the way of the folder", str(path))
        if os.path.lexists(path):
            break
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove folders this run created, if still empty (a concurrent run may have used one)."""
    for path in folders:
        try:
            path.rmdir()
        except OSError:
            return
