"""Start-up: how long a command takes before it does its work, and what it imports.

Run:  .venv/bin/python bench/startup.py [--runs 5] [--source OTHER/src]

Times in fresh interpreters, as a user runs them: ``python -c pass`` (the interpreter alone),
the import of the libraries a render needs (python-docx, reportlab, lxml, pydantic, jinja2:
issue 17 asks the example's render to take at most 4x this), ``policydraft --help`` and
``--version`` (issue 17: under 0.25 s), ``policydraft check`` and ``policydraft render`` of the
bundled example. For each: the median wall and CPU (user + system) time of ``--runs`` runs,
and the total of ``python -X importtime`` (the time spent importing, measured once); last,
the render's times over the libraries' import, the ratio issue 17 bounds.
``--source`` runs the commands from another copy of the source (for example a checkout of an
earlier commit), to compare before and after on one machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
LIBRARIES = "import docx, reportlab.platypus, lxml.etree, pydantic, jinja2"

LIBRARY_ROW = "import the render's libraries"
RENDER = "policydraft render EXAMPLE"
"""The two rows issue 17's start-up target compares: the render at most 4x the import."""


def cases(out: Path) -> dict[str, list[str]]:
    """What each row runs, after ``python``."""
    cli = ["-m", "policydraft"]
    return {
        "python -c pass": ["-c", "pass"],
        LIBRARY_ROW: ["-c", LIBRARIES],
        "policydraft --help": [*cli, "--help"],
        "policydraft --version": [*cli, "--version"],
        "policydraft check EXAMPLE": [*cli, "check", str(EXAMPLE)],
        RENDER: [*cli, "render", str(EXAMPLE), "--out", str(out)],
    }


NEWER = frozenset({"policydraft --version"})
"""Rows an earlier source (``--source``) may not have: skipped there, not a failure."""


def runs(args: list[str], env: dict[str, str]) -> bool:
    """Whether the command succeeds (with this source)."""
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False)
    return done.returncode == 0


def times(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run, start-up included.

    CPU time is what to compare on a busy machine: the wall time counts the other processes'
    turns too. A failing command stops the benchmark.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"python {' '.join(args)} failed:\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def import_seconds(args: list[str], env: dict[str, str]) -> float:
    """The time ``-X importtime`` reports for every top-level import, summed."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    total = 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.split("|")
        if not name.startswith("  "):  # " name": a top-level import; deeper ones are nested
            total += int(cumulative)
    return total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (the median)")
    parser.add_argument("--source", type=Path, help="run policydraft from this src folder")
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "POLICYDRAFT_DEBUG"}
    if options.source:
        env["PYTHONPATH"] = str(options.source.resolve())
    print(f"{os.cpu_count()} cores; median of {options.runs} runs; policydraft from", end=" ")
    print(options.source or "this checkout")
    print(f"{'case':<32} {'wall (s)':>9} {'cpu (s)':>9} {'imports (s)':>12}")
    medians: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name, args in cases(Path(scratch) / "out").items():
            if name in NEWER and not runs(args, env):
                print(f"{name:<32} {'(none)':>9} {'':>9} {'':>12}  not in this source", flush=True)
                continue
            measured = [times(args, env) for _ in range(options.runs)]
            wall = statistics.median(w for w, _ in measured)
            cpu = statistics.median(c for _, c in measured)
            imports = import_seconds(args, env)
            medians[name] = (wall, cpu)
            print(f"{name:<32} {wall:9.3f} {cpu:9.3f} {imports:12.3f}", flush=True)
    (render_wall, render_cpu), (libs_wall, libs_cpu) = medians[RENDER], medians[LIBRARY_ROW]
    wall_ratio, cpu_ratio = render_wall / libs_wall, render_cpu / libs_cpu
    print(f"{'render / libraries':<32} {wall_ratio:8.2f}x {cpu_ratio:8.2f}x")


if __name__ == "__main__":
    main()
