"""Running one hostile input through the real CLI, in a bounded subprocess.

A case is a submission folder (files by relative path) and what every command run on it must
do: exit with the contract's status, name the expected diagnostic code, print no traceback,
write nothing when it refuses, and leak none of the secrets (the e-mail addresses of the base
list always among them). The subprocess runs under an address-space limit and is killed after
``seconds``: those are guards against hangs and blow-ups, not performance assertions (the
figures are measured by ``bench/hostile_table.py``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import resource
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tests import warm
from tests.helpers import MINIMAL

BASE_EMAILS = ("ada.lovelace@example.org", "grace.hopper@example.net", "kat.j@example.com")
BASE_SIGNATORIES = (
    "name,title,organization,email\n"
    f"Ada Lovelace,Analyst,Engines Ltd,{BASE_EMAILS[0]}\n"
    f"Grace Hopper,Rear Admiral,US Navy,{BASE_EMAILS[1]}\n"
    f"Katherine Johnson,Mathematician,NASA,{BASE_EMAILS[2]}\n"
)


@dataclass(frozen=True)
class Case:
    """One hostile input and what every command must do with it."""

    id: str
    files: Mapping[str, str | bytes]
    code: str | None
    exit: int = 1
    commands: tuple[tuple[str, ...], ...] = (("check",), ("render",))
    seconds: float = 60.0
    memory_mb: int = 2048
    secrets: tuple[str, ...] = ()
    setup: Callable[[Path], None] | None = None
    writes: bool | None = None  # None: outputs are written iff the exit status is 0
    env: tuple[tuple[str, str], ...] = ()  # environment variables set for every command
    said: tuple[str, ...] = ()  # text every command must print (e.g. a count in `stats`)
    at: str | None = None  # where the code must be reported: "arguments/a.md:3:7"
    after: Callable[[Path], None] | None = None  # checks of the folder after every command
    heavy: bool = False  # valid but large: measured by bench/hostile_table.py, not the suite


@dataclass(frozen=True)
class Run:
    """What one command did: its output, status, wall time and peak memory."""

    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    killed: bool


def base(**overrides: object) -> dict[str, str | bytes]:
    """The files of a small valid submission (JSON is YAML), with ``overrides`` applied."""
    data = {**MINIMAL, "signatories": {"file": "signatories.csv"}, **overrides}
    return {
        "policydraft.yaml": json.dumps(data, indent=2, ensure_ascii=False) + "\n",
        "signatories.csv": BASE_SIGNATORIES,
    }


def write_files(folder: Path, files: Mapping[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


HASHED_BYTES = 16 * 1024 * 1024
"""Larger files (sparse hostile inputs of gigabytes) are compared by size and time, not read."""


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a digest of its content."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            found[name] = "link:" + os.readlink(path)
        elif path.is_dir():
            found[name] = "dir"
        elif path.is_file() and path.stat().st_size > HASHED_BYTES:
            found[name] = f"size:{path.stat().st_size}:{path.stat().st_mtime_ns}"
        elif path.is_file():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = "special"
    return found


def argv_for(command: tuple[str, ...], folder: Path) -> tuple[str, ...]:
    """The command's words with ``{folder}`` filled in, or the folder appended."""
    if any("{folder}" in word for word in command):
        return tuple(word.replace("{folder}", str(folder)) for word in command)
    return (*command, str(folder))


def run_command(
    argv: tuple[str, ...],
    cwd: Path,
    seconds: float,
    memory_mb: int,
    extra_env: tuple[tuple[str, str], ...] = (),
) -> Run:
    """``python -m policydraft ARGV`` under a memory limit, killed after ``seconds``."""
    env = {k: v for k, v in os.environ.items() if k != "POLICYDRAFT_DEBUG"}
    env.update(extra_env)
    if not warm.fresh():  # forked from a warm interpreter, limits and deadline alike
        done = warm.run(argv, cwd, env, seconds, memory_mb)
        out, err = done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")
        return Run(argv, done.returncode, out, err, done.seconds, done.peak_kb / 1024, done.killed)
    limit = memory_mb * 1024 * 1024

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "policydraft", *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=limit_memory,
    )
    outputs: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda k=k, s=s: outputs.__setitem__(k, s.read()))
        for k, s in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    status, peak_kb, killed = _wait(process.pid, start + seconds)
    for reader in readers:
        reader.join()
    process.returncode = status  # reaped by _wait; keep Popen from waiting again
    return Run(
        argv,
        status,
        outputs.get("out", b"").decode("utf-8", "replace"),
        outputs.get("err", b"").decode("utf-8", "replace"),
        time.perf_counter() - start,
        peak_kb / 1024,
        killed,
    )


def _wait(pid: int, deadline: float) -> tuple[int, int, bool]:
    """Reap ``pid``, killing it at ``deadline``; return its status and peak memory (kB).

    The peak is the process's own high-water mark (VmHWM), read while it runs: the rusage
    of a forked child also counts the parent's memory at the fork, so it would show pytest's
    size for every command.
    """
    killed = False
    peak_kb = 0
    while True:
        done, status, _ = os.wait4(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), peak_kb, killed
        peak_kb = _high_water_kb(pid) or peak_kb
        if not killed and time.perf_counter() > deadline:
            os.kill(pid, signal.SIGKILL)
            killed = True
        time.sleep(0.01)


def _high_water_kb(pid: int) -> int:
    """VmHWM of a running process in kB, or 0 once it has exited (or off Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


def readable_texts(paths: list[Path]) -> dict[str, bytes]:
    """Each file as bytes a secret could be found in (zips and PDFs opened)."""
    texts: dict[str, bytes] = {}
    for path in paths:
        data = path.read_bytes()
        texts[str(path)] = data
        if data[:2] == b"PK":
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for info in archive.infolist():
                        texts[f"{path}!{info.filename}"] = archive.read(info)[:50_000_000]
            except (zipfile.BadZipFile, OSError, RuntimeError):
                pass
        elif data[:5] == b"%PDF-":
            texts[f"{path}!text"] = _pdf_text(data)
    return texts


def _pdf_text(data: bytes) -> bytes:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() for page in reader.pages).encode("utf-8")
    except Exception:  # a broken PDF is the test's finding elsewhere; here only text matters
        return b""


def run_case(case: Case, tmp_path: Path) -> list[Run]:
    """Run every command of ``case`` and assert the contract; return the runs."""
    folder = tmp_path / "submission"
    folder.mkdir()
    write_files(folder, case.files)
    if case.setup is not None:
        case.setup(folder)
    before = snapshot(tmp_path)
    runs: list[Run] = []
    for command in case.commands:
        argv = argv_for(command, folder)
        run = run_command(argv, tmp_path, case.seconds, case.memory_mb, case.env)
        runs.append(run)
        _assert_run(case, run, tmp_path, before)
    return runs


def _assert_run(case: Case, run: Run, tmp_path: Path, before: dict[str, str]) -> None:
    command = " ".join(run.argv)
    said = f"{command}\n--- stdout\n{run.stdout[-3000:]}\n--- stderr\n{run.stderr[-3000:]}"
    printed = run.stdout + run.stderr
    assert not run.killed, f"did not finish within {case.seconds} s: {said}"
    assert "internal error" not in run.stderr.lower(), said
    assert "Traceback" not in run.stderr, said
    assert run.returncode == case.exit, f"exit {run.returncode}, expected {case.exit}: {said}"
    if case.code is not None:
        pattern = rf"\b(error|warning|note) {case.code}\b|\"code\": \"{case.code}\""
        assert re.search(pattern, printed), f"no {case.code}: {said}"
    if case.code is not None and case.at is not None:
        located = [line for line in printed.splitlines() if f" {case.code}:" in line]
        assert any(case.at in line for line in located), f"{case.code} not at {case.at}: {said}"
    for text in case.said:
        assert text in printed, f"{text!r} not printed: {said}"
    after = snapshot(tmp_path)
    changed = [tmp_path / name for name, digest in after.items() if before.get(name) != digest]
    writes = case.writes if case.writes is not None else case.exit == 0
    if not writes:
        assert after == before, f"{command} changed files: {said}"
    if writes and run.returncode == 0 and run.argv[0] == "render":
        documents = [p for p in changed if p.suffix in (".pdf", ".docx")]
        assert documents, f"{command} succeeded but wrote no document: {said}"
    if case.after is not None:
        case.after(tmp_path / "submission")
    _assert_no_leak(case, run, [p for p in changed if p.is_file() and not p.is_symlink()])


def _assert_no_leak(case: Case, run: Run, written: list[Path]) -> None:
    """No secret in what the command printed or in any file it wrote or changed."""
    texts = {"stdout": run.stdout.encode(), "stderr": run.stderr.encode()}
    texts.update(readable_texts(written))
    for secret in (*case.secrets, *BASE_EMAILS):
        needle = secret.encode("utf-8")
        for where, text in texts.items():
            assert needle not in text, f"{secret!r} leaked into {where}"
