"""Work shared with forked processes (``policydraft.forked.in_parts``): the answer a single
process gives, in order, whatever the number of workers; a child's exception raised here, a
child that dies reported, and no fork where it cannot pay."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

import pytest

from policydraft.forked import WORKERS, in_parts, workers


def pids_and_squares(part: Sequence[int]) -> tuple[int, list[int]]:
    return os.getpid(), [n * n for n in part]


@pytest.mark.parametrize(
    ("workers_env", "count", "smallest", "parts"),
    [
        ("1", 10, 1, 1),  # one worker: never forks
        ("2", 10, 1, 2),
        ("3", 10, 1, 3),
        ("2", 1, 1, 1),  # one item: one part
        ("2", 0, 1, 1),  # nothing: one (empty) part
        ("", 10, 1_000, 1),  # unset, and too few items a part to pay for a fork
        ("2", 10, 1_000, 2),  # set: shared whatever the size (as the tests run it)
    ],
)
def test_parts_come_back_in_order(
    monkeypatch: pytest.MonkeyPatch, workers_env: str, count: int, smallest: int, parts: int
) -> None:
    monkeypatch.setenv(WORKERS, workers_env)
    results = in_parts(pids_and_squares, list(range(count)), smallest)
    assert len(results) == parts
    assert [n for _, squares in results for n in squares] == [n * n for n in range(count)]
    pids = [pid for pid, _ in results]
    assert pids[0] == os.getpid()  # the first part is worked on here
    assert len(set(pids)) == parts  # each further part in a child of its own


def test_unset_uses_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WORKERS, raising=False)
    assert workers() == len(os.sched_getaffinity(0))
    results = in_parts(pids_and_squares, list(range(100)), 10)
    assert len(results) == min(workers(), 10)


class Refused(ValueError):
    pass


def fails_after_the_first(part: Sequence[int]) -> list[int]:
    if part[0] != 0:
        raise Refused(f"part from {part[0]}")
    return list(part)


def dies(part: Sequence[int]) -> list[int]:
    if part[0] != 0:
        os._exit(7)
    return list(part)


def fails_here(part: Sequence[int]) -> list[int]:
    if part[0] == 0:
        raise Refused("the first part")
    return list(part)


@pytest.mark.parametrize(
    ("function", "error", "message"),
    [
        (fails_after_the_first, Refused, "part from 2"),
        (dies, RuntimeError, re.escape("ended without a result (7)")),
        (fails_here, Refused, "the first part"),
    ],
)
def test_failures_are_raised_here(
    monkeypatch: pytest.MonkeyPatch, function: object, error: type[Exception], message: str
) -> None:
    monkeypatch.setenv(WORKERS, "2")
    with pytest.raises(error, match=message) as raised:
        in_parts(function, [0, 1, 2, 3], 1)  # type: ignore[arg-type]
    if function is fails_after_the_first:  # the child's traceback travels as a note
        assert "raised in a process sharing the work" in "".join(raised.value.__notes__)
