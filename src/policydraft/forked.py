"""Work shared with forked processes: how many there may be, and a list worked on in parts.

A render of a long list spends seconds on per-signer work that needs nothing but the signer
(where a name is filed, the collation key of each distinct text). ``in_parts`` gives the
parts of such a list after the first to forked children, one per further core, while this
process works on the first; each child sends back its part's result, pickled, and the results
come back in the list's order, so the answer is the one a single process gives.

A fork hands a child what it needs as it is in memory, pickling nothing on the way in; what
comes back should be small (strings, numbers, bytes), since it is pickled. A child that
fails sends its exception, raised here once every child has ended; a child that dies sends
nothing, and that is a RuntimeError. ``POLICYDRAFT_WORKERS`` sets the number of processes
(1: never fork); without it, the cores this process may run on.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

WORKERS = "POLICYDRAFT_WORKERS"
"""The environment variable that sets how many processes may work at once (1: one)."""

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """How many processes may work: ``POLICYDRAFT_WORKERS``, else the usable cores."""
    said = os.environ.get(WORKERS, "").strip()
    if said.isdigit() and int(said) > 0:
        return int(said)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def workers_said() -> bool:
    """Whether ``POLICYDRAFT_WORKERS`` names a number: then work is shared whatever its size
    (as the tests do, to run the forked path on small inputs)."""
    said = os.environ.get(WORKERS, "").strip()
    return said.isdigit() and int(said) > 0


def can_fork() -> bool:
    return hasattr(os, "fork")


def in_parts(function: Callable[[Sequence[T]], R], items: Sequence[T], smallest: int) -> list[R]:
    """``function`` of each of up to ``workers()`` contiguous parts of ``items``, in order.

    The parts after the first are worked on by forked children. With one worker, no fork,
    or fewer than ``smallest`` items a part (unless ``POLICYDRAFT_WORKERS`` is set), the
    whole list is one part, worked on here.
    """
    lanes = workers() if can_fork() else 1
    if not workers_said():
        lanes = min(lanes, len(items) // max(smallest, 1))
    lanes = max(1, min(lanes, len(items)))
    if lanes == 1:
        return [function(items)]
    size = -(-len(items) // lanes)
    parts = [items[start : start + size] for start in range(0, len(items), size)]
    children = [fork(partial(_part, function, part)) for part in parts[1:]]
    try:
        first = function(parts[0])
    except BaseException:
        for child in children:
            stop(child)
        raise
    results = [first, *(collect(child, "a process sharing the work") for child in children)]
    for result in results:
        if isinstance(result, Failed):
            raise result.exception
    return results  # type: ignore[return-value]


def _part(function: Callable[[Sequence[T]], R], part: Sequence[T]) -> object:
    """A child's work: ``function`` of its part, or the exception that stopped it."""
    try:
        return function(part)
    except Exception as exc:
        return Failed(sendable(exc, "a process sharing the work"))


@dataclass
class Child:
    """A forked process and the pipe its result comes back on."""

    pid: int
    reader: int


@dataclass
class Failed:
    """What a child sends back for the exception that stopped its work."""

    exception: BaseException


def fork(work: Callable[[], object]) -> Child:
    """A child process that does ``work`` and sends back its result, pickled (``work``
    catches its own exceptions and returns them as ``Failed``; anything else escaping it
    ends the child without a result)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return Child(pid, reader)
    os.close(reader)  # the child: never returns into the parent's code
    status = 0
    try:
        result = work()
        with os.fdopen(writer, "wb") as pipe:
            pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def sendable(exc: Exception, where: str) -> BaseException:
    """``exc`` as the parent can receive it: itself when it survives pickling (an OSError
    does, with its errno and file name), else a RuntimeError saying what it was. Either way
    with the child's traceback as a note, for ``--debug``."""
    trace = "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    exc.add_note(f"raised in {where}:\n{trace}")
    return exc


def collect(child: Child, what: str) -> object:
    """What the child sent back, once it has ended (read before waiting: a large result
    would fill the pipe); a child that died sent nothing: a ``Failed`` saying so of ``what``
    it was."""
    with os.fdopen(child.reader, "rb") as pipe:
        sent = pipe.read()
    _, status = os.waitpid(child.pid, 0)
    try:
        return pickle.loads(sent)
    except Exception:
        code = os.waitstatus_to_exitcode(status)
        return Failed(RuntimeError(f"{what} ended without a result ({code})"))


def stop(child: Child) -> None:
    """End a child whose work is not wanted any more, and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)
    os.waitpid(child.pid, 0)
    os.close(child.reader)
