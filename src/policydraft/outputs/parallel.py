"""Writing several formats at once, one process per core (issue 17, item 2).

The writers are independent: each reads the document tree and writes its own file. With two
or more cores and a document large enough for it to pay, ``write_at_once`` forks a child
process for every writer but the parent's own, so a render takes about as long as its slowest
writer. A fork hands the child the document tree as it is in memory, pickling nothing; the
child writes into the staged file the parent opened for it, and sends back only the writer's
result (its page count), or the exception that stopped it.

The files are the same bytes either way (a test renders both ways and compares). What a
failure does is the same too: every staged file is opened by ``StagedOutputs.write`` in the
parent, in the formats' writing order, before any writer starts, and when a writer fails, in
the parent or in a child, the exception of the first failing format in that order is raised
in the parent, after every child has ended, so nothing is published. ``POLICYDRAFT_WORKERS``
sets the number of processes (1: never fork; 2 or more: fork even for a small document, as
the tests do); without it, the cores this process may run on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import BinaryIO

from policydraft.forked import (
    Child,
    Failed,
    can_fork,
    collect,
    fork,
    sendable,
    stop,
    workers,
    workers_said,
)
from policydraft.model import Appendix, Document

LARGE = 5_000
"""Signers in the appendix from which writing the formats at once pays for the fork: below
it, the writers take well under a second together and a fork would save little of it
(``bench/signatories.py`` measures both ways)."""

Job = tuple[Path, Callable[[BinaryIO], int | None]]
"""A format's final path and the writer that produces its bytes."""

Stage = Callable[[Path, Callable[[BinaryIO], object]], object]
"""``StagedOutputs.write``: opens ``final``'s staged file and calls the writer with it."""


def worth_forking(document: Document, formats: int) -> bool:
    """Whether ``formats`` files of ``document`` are written in parallel: more than one
    format, more than one worker, fork available, and a large document (unless
    ``POLICYDRAFT_WORKERS`` asks for parallel writing whatever the size)."""
    if formats < 2 or workers() < 2 or not can_fork():
        return False
    return workers_said() or signers_in(document) >= LARGE


def signers_in(document: Document) -> int:
    """How many signers the document's appendices list: what makes a letter large."""
    return sum(block.count for block in document.blocks if isinstance(block, Appendix))


@dataclass
class _Child:
    process: Child
    names: list[int]  # the indexes of the jobs it writes


def write_at_once(stage: Stage, jobs: Sequence[Job]) -> list[int | None]:
    """Each job's writer's result, in the order of ``jobs``, the writers run in parallel.

    Every job's staged file is opened through ``stage`` first, in order (so they are
    published in that order); jobs are then dealt out to the processes in turn, the first
    to this one.
    """
    lanes = max(1, min(workers(), len(jobs)))
    results: list[object] = [None] * len(jobs)

    def run(streams: list[BinaryIO]) -> None:
        children = [
            _fork(streams, jobs, list(range(lane, len(jobs), lanes))) for lane in range(1, lanes)
        ]
        try:
            for index in range(0, len(jobs), lanes):
                try:
                    results[index] = jobs[index][1](streams[index])
                except Exception as exc:  # the first failing format is raised, in order
                    results[index] = Failed(exc)
                    break
        except BaseException:  # interrupted: the children's work is of no use any more
            for child in children:
                stop(child.process)
            raise
        for child in children:
            for index, result in zip(child.names, _collect(child), strict=True):
                results[index] = result
        for result in results:
            if isinstance(result, Failed):
                raise result.exception

    _opened(stage, jobs, [], run)
    return [result if isinstance(result, int) else None for result in results]


def _opened(
    stage: Stage,
    jobs: Sequence[Job],
    streams: list[BinaryIO],
    run: Callable[[list[BinaryIO]], None],
) -> None:
    """Open every job's staged file (each inside the previous one's ``stage``), then ``run``;
    each file is flushed and synced by ``stage`` once ``run`` has returned."""
    if len(streams) == len(jobs):
        run(streams)
        return
    final = jobs[len(streams)][0]
    stage(final, lambda stream: _opened(stage, jobs, [*streams, stream], run))


def _fork(streams: list[BinaryIO], jobs: Sequence[Job], names: list[int]) -> _Child:
    """A child process writing the jobs ``names`` into their streams."""
    return _Child(fork(partial(_write, streams, jobs, names)), names)


def _write(streams: list[BinaryIO], jobs: Sequence[Job], names: list[int]) -> list[object]:
    """A child's work: the results of the jobs ``names``, up to the first that fails."""
    done: list[object] = []
    for index in names:
        try:
            done.append(jobs[index][1](streams[index]))
            streams[index].flush()
        except Exception as exc:
            done.append(Failed(sendable(exc, "a process writing one of the formats")))
            break
    return done + [None] * (len(names) - len(done))


def _collect(child: _Child) -> list[object]:
    """What the child sent back, once it has ended; a child that died sends nothing, and
    that is an error of the formats it wrote (their staged files are incomplete)."""
    results = collect(child.process, "the process writing the formats")
    if isinstance(results, Failed):
        return [results] * len(child.names)
    assert isinstance(results, list)
    return results
