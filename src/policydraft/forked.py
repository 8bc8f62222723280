"""Work shared with forked processes: how many there may be, and a child that reports back.

A fork hands a child what it needs as it is in memory, pickling nothing on the way in; the
child sends back its result, pickled, so what comes back should be small. A child's work
returns its own exception as ``Failed``, which the parent raises; a child that dies sends
nothing, and ``collect`` says so. ``POLICYDRAFT_WORKERS`` sets the number of processes (1:
never fork); without it, the cores this process may run on. The writers fork through this
(``outputs/parallel.py``).

Per-signer work (where a name is filed, a text's collation key) is not shared this way: it
costs about 2 µs a name, and on a 2-core machine a forked half of 100,000 names took longer
than the whole list in one process, the copy-on-write page faults after the fork and the
pickling outweighing the work.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass

WORKERS = "POLICYDRAFT_WORKERS"
"""The environment variable that sets how many processes may work at once (1: one)."""


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
