"""A forked child that reports back (``policydraft.forked``): its result, its exception with
its traceback as a note, a child that dies reported with its exit code, a child stopped and
reaped; and the number of processes ``POLICYDRAFT_WORKERS`` allows."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest

from policydraft.forked import WORKERS, Failed, collect, fork, sendable, stop, workers


def pid_and_squares() -> tuple[int, list[int]]:
    return os.getpid(), [n * n for n in range(10_000)]


class Refused(ValueError):
    pass


def fails() -> object:
    try:
        raise Refused("the child's own reason")
    except Refused as exc:
        return Failed(sendable(exc, "a test's child"))


class Unpicklable(Exception):
    def __init__(self, what: str, handle: object) -> None:
        super().__init__(what)
        self.handle = handle

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("not picklable")


def fails_unpicklably() -> object:
    try:
        raise Unpicklable("held a lock", object())
    except Unpicklable as exc:
        return Failed(sendable(exc, "a test's child"))


def dies() -> object:
    os._exit(7)


def test_a_childs_result_comes_back() -> None:
    result = collect(fork(pid_and_squares), "a test's child")
    assert isinstance(result, tuple)
    pid, squares = result
    assert pid != os.getpid()
    assert squares == [n * n for n in range(10_000)]  # larger than a pipe's buffer


@pytest.mark.parametrize(
    ("work", "error", "message", "note"),
    [
        (fails, Refused, "the child's own reason", "raised in a test's child"),
        (fails_unpicklably, RuntimeError, "Unpicklable: held a lock", "raised in a test's child"),
        (dies, RuntimeError, "a test's child ended without a result (7)", None),
    ],
)
def test_a_childs_failure_comes_back(
    work: Callable[[], object], error: type[Exception], message: str, note: str | None
) -> None:
    result = collect(fork(work), "a test's child")
    assert isinstance(result, Failed)
    assert isinstance(result.exception, error)
    assert str(result.exception) == message
    if note is not None:  # the child's traceback travels as a note, for --debug
        notes = "".join(getattr(result.exception, "__notes__", []))
        assert note in notes
        assert "Traceback" in notes


def sleeps() -> object:
    time.sleep(60)
    return None


def test_a_child_no_longer_wanted_is_stopped_and_reaped() -> None:
    child = fork(sleeps)
    started = time.monotonic()
    stop(child)
    assert time.monotonic() - started < 30  # killed, not waited for
    with pytest.raises(ChildProcessError):
        os.waitpid(child.pid, os.WNOHANG)  # already reaped


@pytest.mark.parametrize(
    ("said", "expected"),
    [("1", 1), ("3", 3), (" 2 ", 2), ("0", None), ("-1", None), ("two", None), ("", None)],
)
def test_workers(monkeypatch: pytest.MonkeyPatch, said: str, expected: int | None) -> None:
    monkeypatch.setenv(WORKERS, said)
    assert workers() == (expected if expected is not None else len(os.sched_getaffinity(0)))
