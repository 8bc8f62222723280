"""Wall time of `policydraft render` on the bundled example, start-up included.

Run:  .venv/bin/python bench/render_example.py [--runs 7]

Each run is a fresh process (as a user would run it), rendering DOCX and PDF into a temporary
folder. Prints every run and the median and best; the README records the median.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ostp-ai-action-plan"


def one_run(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "policydraft", "render", str(EXAMPLE), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        one_run(Path(folder))  # warm the file cache and bytecode
        times = [one_run(Path(folder)) for _ in range(args.runs)]
    for i, seconds in enumerate(times, 1):
        print(f"run {i}: {seconds:.3f} s")
    print(
        f"median {statistics.median(times):.3f} s, best {min(times):.3f} s "
        f"({args.runs} runs, DOCX + PDF, 420 signatories)"
    )


if __name__ == "__main__":
    main()
