"""Time and peak memory of every row of the hostile-input table, command by command.

Run:  .venv/bin/python bench/hostile_table.py [--match TEXT] [--slowest 15]

The test suite runs the same rows with generous hang guards (a kill after the case's seconds
and an address-space limit); this script measures what they actually cost, so a regression
from "refused in 1 s" to "refused in 40 s" is seen here, never by a timed assertion. Prints a
row per command (wall time with start-up, peak resident memory of that process, exit status,
whether the expected code was given) and the slowest rows at the end.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.harness import Case, argv_for, run_command, write_files  # noqa: E402
from tests.hostile.test_hostile import all_cases  # noqa: E402


def measure(case: Case) -> list[tuple[str, float, float, int, bool]]:
    """Each command of ``case``: (command, seconds, peak MB, exit status, code given)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "submission"
        folder.mkdir()
        write_files(folder, case.files)
        if case.setup is not None:
            case.setup(folder)
        for command in case.commands:
            argv = argv_for(command, folder)
            run = run_command(argv, Path(tmp), case.seconds, case.memory_mb, case.env)
            said = run.stdout + run.stderr
            given = case.code is None or re.search(rf"\b{case.code}\b", said) is not None
            rows.append((" ".join(command), run.seconds, run.peak_mb, run.returncode, given))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--match", default="", help="only rows whose id contains this")
    parser.add_argument("--slowest", type=int, default=15)
    args = parser.parse_args()
    results = []
    print(f"{'case':<48} {'command':<22} {'seconds':>8} {'peak MB':>8} exit code")
    for case in all_cases():
        if args.match not in case.id:
            continue
        for command, seconds, peak, status, given in measure(case):
            flag = case.code if given else f"MISSING {case.code}"
            print(f"{case.id:<48} {command:<22} {seconds:8.2f} {peak:8.0f} {status:>4} {flag}")
            results.append((seconds, peak, case.id, command))
    print(f"\nslowest {args.slowest}:")
    for seconds, peak, name, command in sorted(results, reverse=True)[: args.slowest]:
        print(f"  {seconds:7.2f} s  {peak:6.0f} MB  {name} ({command})")
    if results:
        print(f"\nmax peak memory: {max(r[1] for r in results):.0f} MB over {len(results)} runs")


if __name__ == "__main__":
    main()
