"""Command runs forked from a warm interpreter: the real CLI in a process of its own, without
paying its imports again for every one of the suite's ~1,000 runs.

A fresh ``python -m policydraft`` spends most of a small run importing (about 1 s of 1.2 s
for ``check`` of a starter here). The suite's command tests start one server per test
process instead (``SERVE``), which imports the CLI and the pipeline once and
then forks a child for each run: the child sets the run's directory, environment, standard
streams and memory limit, runs ``policydraft.cli.main`` with the run's arguments, and exits
with its status. The server waits for it (``wait4``: status and peak memory), kills it at
the run's deadline, and answers. Each run is thus a new process that nothing before it
touched but the imports; nothing of the test process (monkeypatches, caches) reaches it.

What depends on a fresh interpreter (which modules a command imports, its start-up time)
is tested with real ``sys.executable`` runs (tests/test_startup.py); ``POLICYDRAFT_TEST_FRESH=1``
makes every run a fresh interpreter again.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import pickle
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

PRELOAD = (
    "policydraft.cli.app",
    "policydraft.cli.commands",
    "policydraft.cli.display",
    "policydraft.pipeline",
    "policydraft.outputs.formats",
    "policydraft.writers.docx",
    "policydraft.writers.pdf",
)
"""What the server imports before its first fork: what every check and render needs."""

FRESH = "POLICYDRAFT_TEST_FRESH"

SERVE = "import sys; from tests.warm import serve; serve(sys.stdin.buffer, sys.stdout.buffer)"
"""The server's program (its requests and answers pickle as this module's classes)."""


@dataclass(frozen=True)
class Request:
    argv: tuple[str, ...]
    cwd: str | None
    env: dict[str, str]
    seconds: float
    memory_bytes: int | None


@dataclass(frozen=True)
class Finished:
    """A run's end: exit status, peak memory (KB), whether the deadline killed it."""

    returncode: int
    peak_kb: int
    killed: bool
    stdout: bytes
    stderr: bytes
    seconds: float


def fresh() -> bool:
    return os.environ.get(FRESH, "") not in ("", "0")


class _Server:
    """The test process's handle on its warm server."""

    def __init__(self) -> None:
        root = Path(__file__).resolve().parent.parent
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE],
            cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )  # fmt: skip
        self.lock = threading.Lock()

    def run(self, request: Request) -> Finished:
        with self.lock:
            assert self.process.stdin is not None and self.process.stdout is not None
            pickle.dump(request, self.process.stdin)
            self.process.stdin.flush()
            answer: Finished = pickle.load(self.process.stdout)
            return answer


_server: _Server | None = None


def run(
    argv: tuple[str, ...],
    cwd: Path | None,
    env: dict[str, str],
    seconds: float,
    memory_mb: int | None = None,
) -> Finished:
    """``policydraft ARGV`` in a process forked from the warm server (started on first use)."""
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = _Server()
    memory = memory_mb * 1024 * 1024 if memory_mb is not None else None
    request = Request(argv, str(cwd) if cwd is not None else None, env, seconds, memory)
    return _server.run(request)


# The server's side.


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    for name in PRELOAD:
        importlib.import_module(name)
    while True:
        try:
            request: Request = pickle.load(requests)
        except EOFError:
            return
        pickle.dump(_fork(request), answers)
        answers.flush()


def _fork(request: Request) -> Finished:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            status = 70
            try:
                status = _child(request, out.fileno(), err.fileno())
            finally:
                os._exit(status)
        killed = False
        deadline = start + request.seconds
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                killed = True
                done, status, usage = os.wait4(pid, 0)
                break
            time.sleep(0.002)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return Finished(code, usage.ru_maxrss, killed, out.read(), err.read(), seconds)


def _child(request: Request, out: int, err: int) -> int:
    """In the forked child: become the run, as ``python -m policydraft ARGV`` would be."""
    devnull = os.open(os.devnull, os.O_RDONLY)
    for source, target in ((devnull, 0), (out, 1), (err, 2)):
        os.dup2(source, target)
    # as a C.UTF-8 locale sets them up (where the suite runs)
    sys.stdin = io.TextIOWrapper(
        io.FileIO(0, "r", closefd=False), encoding="utf-8", errors="surrogateescape"
    )
    sys.stdout = io.TextIOWrapper(
        io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="surrogateescape"
    )
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace",
        line_buffering=True,
    )  # fmt: skip
    if request.cwd is not None:
        os.chdir(request.cwd)
    os.environ.clear()
    os.environ.update(request.env)
    if request.memory_bytes is not None:
        limit = request.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import policydraft

    sys.argv = [str(Path(policydraft.__file__).parent / "__main__.py"), *request.argv]
    status: Any = 0
    try:
        from policydraft.cli import main

        main()
    except SystemExit as exc:
        status = exc.code
    except BaseException:  # as the interpreter would: the traceback, status 1
        traceback.print_exc()
        status = 1
    if status is None:
        status = 0
    elif not isinstance(status, int):
        print(status, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    return int(status) & 0xFF
