"""Writing the formats at once (issue 17, item 2): the same bytes, the same failures.

The render is run through the real command line with one process and with several
(``POLICYDRAFT_WORKERS``) and the files compared byte for byte; ``write_at_once`` is then
given writers that fail, in the parent or in the child, to show the failure is raised in the
parent as the sequential path raises it, and nothing is published.
"""

from __future__ import annotations

import errno
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from policydraft.forked import WORKERS
from policydraft.outputs import parallel
from policydraft.outputs.parallel import worth_forking, write_at_once
from policydraft.outputs.staging import staged_outputs
from tests.helpers import run_cli, write_submission

SIGNERS = "name,title,organization\n" + "".join(
    f"Signer {n:04d} Example,Member,Org {n % 7}\n" for n in range(300)
)


@pytest.mark.parametrize(
    ("formats", "extra"),
    [
        ("pdf,docx", {}),
        ("pdf,docx,html", {}),
        ("docx,pdf", {"signatories": {"file": "signatories.csv", "group_by": "organization"}}),
    ],
)
def test_parallel_files_are_the_sequential_files(
    formats: str, extra: dict[str, object], tmp_path: Path
) -> None:
    folder = write_submission(tmp_path / "letter", extra, SIGNERS)
    files = {}
    for workers in ("1", "2", "3"):
        out = tmp_path / f"out-{workers}"
        env = {WORKERS: workers, "SOURCE_DATE_EPOCH": "1741996800"}
        result = run_cli("render", folder, "--to", formats, "--out", out, env=env)
        assert result.returncode == 0, result.stderr
        files[workers] = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
        assert len(files[workers]) == len(formats.split(","))
    assert files["1"] == files["2"] == files["3"]


def _writes(data: bytes) -> Callable[[BinaryIO], int | None]:
    def produce(stream: BinaryIO) -> int:
        stream.write(data)
        return len(data)

    return produce


def _raises(exc: BaseException) -> Callable[[BinaryIO], int | None]:
    def produce(stream: BinaryIO) -> int:
        stream.write(b"half a file")
        raise exc

    return produce


def _dies(stream: BinaryIO) -> int:
    stream.write(b"cut short")
    os._exit(3)


class _Unpicklable(Exception):
    def __init__(self, detail: str, other: int) -> None:  # pickling passes one argument back
        super().__init__(f"{detail} {other}")

    def __reduce__(self) -> object:
        raise pickle.PicklingError("not this one")


def _run(folder: Path, writers: list[Callable[[BinaryIO], int | None]]) -> list[int | None]:
    jobs = [(folder / f"file{n}.out", produce) for n, produce in enumerate(writers)]
    with staged_outputs(folder) as outputs:
        counts = write_at_once(outputs.write, jobs)
        outputs.commit()
    return counts


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS, "2")


@pytest.mark.usefixtures("two_workers")
@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_every_file_written_and_its_result_returned_in_order(count: int, tmp_path: Path) -> None:
    datas = [bytes([65 + n]) * (n + 1) * 1000 for n in range(count)]
    assert _run(tmp_path, [_writes(d) for d in datas]) == [len(d) for d in datas]
    for n, data in enumerate(datas):
        assert (tmp_path / f"file{n}.out").read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"file{n}.out" for n in range(count)]


WRITE_FAILED = OSError(errno.ENOSPC, "No space left on device", "file.out")


@pytest.mark.usefixtures("two_workers")
@pytest.mark.parametrize(
    ("writers", "raised", "message"),
    [
        # the child (second job) fails: its OSError, errno and file name intact
        ([_writes(b"ok"), _raises(WRITE_FAILED)], OSError, "No space left on device"),
        # the parent (first job) fails while the child succeeds
        ([_raises(WRITE_FAILED), _writes(b"ok")], OSError, "No space left on device"),
        # both fail: the first in writing order wins, as writing one after the other
        ([_raises(ValueError("first")), _raises(KeyError("second"))], ValueError, "first"),
        ([_writes(b"ok"), _raises(ValueError("a bug"))], ValueError, "a bug"),
        # what cannot be pickled still says what it was
        ([_writes(b"ok"), _raises(_Unpicklable("odd", 3))], RuntimeError, "_Unpicklable: odd 3"),
        # a child that dies without a word
        ([_writes(b"ok"), _dies], RuntimeError, "ended without a result"),
        ([_writes(b"ok"), _writes(b"ok"), _writes(b"ok"), _dies], RuntimeError, "without"),
    ],
)
def test_a_failure_is_raised_in_the_parent_and_nothing_is_published(
    writers: list[Callable[[BinaryIO], int | None]],
    raised: type[Exception],
    message: str,
    tmp_path: Path,
) -> None:
    (tmp_path / "file0.out").write_bytes(b"earlier")
    with pytest.raises(raised, match=message) as caught:
        _run(tmp_path, writers)
    if raised is OSError:
        assert caught.value.errno == errno.ENOSPC
        assert caught.value.filename == "file.out"
    assert [p.name for p in tmp_path.iterdir()] == ["file0.out"]  # no temporaries left
    assert (tmp_path / "file0.out").read_bytes() == b"earlier"


@pytest.mark.parametrize(
    ("workers", "formats", "signers", "forks"),
    [
        ("1", 2, 10**6, False),  # one process asked for
        ("2", 1, 10**6, False),  # one format
        ("2", 2, 0, True),  # asked for: whatever the size
        ("", 2, 0, None),  # the cores decide, and the size
        ("", 2, 10**6, None),
        ("0", 2, 0, None),  # no number of processes: as if unset
        ("many", 2, 10**6, None),
    ],
)
def test_when_formats_are_written_at_once(
    workers: str, formats: int, signers: int, forks: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(WORKERS, workers)
    monkeypatch.setattr(parallel, "signers_in", lambda document: signers)
    cores = len(os.sched_getaffinity(0))
    if forks is None:
        forks = cores > 1 and signers >= parallel.LARGE
    assert worth_forking(object(), formats) is forks  # type: ignore[arg-type]
