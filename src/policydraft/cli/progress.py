"""A progress bar on stderr for long work, only when a person is watching.

Shown when stderr is a terminal, and never with ``--json`` or ``-q``: a pipe, a log file or a
script sees nothing of it. rich is imported only when a bar is actually drawn, so ``--help``
and every run in a pipe start without it. The bar is transient: it is erased when the work
ends, before the command prints its findings.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policydraft.cli.options import Reporting

CHECK_STAGES = ("load", "profile", "signatories", "bibliography", "compose", "cite", "checks")
"""The stages ``pipeline.check`` reports, in order (``pipeline.Timings.lap``)."""


def wanted(*, as_json: bool, reporting: Reporting) -> bool:
    """A bar only for a person at a terminal, never with --json or -q."""
    return not as_json and not reporting.quiet and sys.stderr.isatty()


class Bar:
    """A bar over named stages (``stage``, a ``Timings`` lap callback), over counted steps
    (``count``, the online checks' callback), or a spinner when ``stages`` is empty and no
    count is known. Does nothing unless ``enabled``."""

    def __init__(self, label: str, stages: Sequence[str] = (), *, enabled: bool) -> None:
        self.label = label
        self.stages = tuple(stages)
        self.enabled = enabled
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Bar:
        if self.enabled:
            self._start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        console = Console(file=sys.stderr)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._progress.start()
        total = len(self.stages) or None
        first = f"{self.label}: {self.stages[0]}" if self.stages else self.label
        self._task = self._progress.add_task(first, total=total)

    def stage(self, done: str) -> None:
        """Stage ``done`` has ended: advance, and name the next one."""
        if self._progress is None:
            return
        following = self.stages.index(done) + 1 if done in self.stages else len(self.stages)
        name = self.stages[following] if following < len(self.stages) else "done"
        self._progress.update(self._task, completed=following, description=f"{self.label}: {name}")

    def count(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps are over."""
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
