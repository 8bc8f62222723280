"""Writing outputs so that a failure never leaves a half-written file under a final name.

Every output is first written to a temporary file in the destination folder; only when all of
them are complete are they renamed into place (a rename is atomic on one file system). If
anything fails before that, the temporaries are removed and earlier outputs stay untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


class StagedOutputs:
    """Outputs written to temporaries, published together by ``commit``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._staged: list[tuple[Path, Path]] = []

    def write(self, final: Path, produce: Callable[[BinaryIO], T]) -> T:
        """Call ``produce`` with a temporary file for ``final``; return what it returns."""
        handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=self.folder)
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
        for temp, final in self._staged:
            os.chmod(temp, 0o644)
            os.replace(temp, final)
        self._staged.clear()

    def discard(self) -> None:
        for temp, _ in self._staged:
            temp.unlink(missing_ok=True)
        self._staged.clear()


@contextmanager
def staged_outputs(folder: Path) -> Iterator[StagedOutputs]:
    """Stage outputs in ``folder``; on any exception they are discarded, else left to commit."""
    folder.mkdir(parents=True, exist_ok=True)
    outputs = StagedOutputs(folder)
    try:
        yield outputs
    finally:
        outputs.discard()  # after commit() there is nothing left to discard
