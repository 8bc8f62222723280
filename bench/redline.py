"""Time and peak memory of `policydraft redline` (DOCX + PDF blackline) on the bundled example.

Run:  .venv/bin/python bench/redline.py [--edits 50] [--signers 300] [--runs 3]

OLD is examples/ostp-ai-action-plan as it is; NEW is a copy with ``--edits`` edits to its
arguments (a word replaced or a sentence added, never inside a quotation, a citation or
parentheses, so NEW still checks) and ``--signers`` more signers at the end of its list.
Each run is a fresh process, as a user runs it; its peak memory is the child's own
``ru_maxrss`` (``os.wait4``). For scale, `policydraft render` of OLD, the example as shipped
(DOCX + PDF; NEW, with 300 more signers, is past OSTP's 15 pages, which `render` refuses and
`redline` does not check), is measured in the same session: compare the ratio, not the
seconds, on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ostp-ai-action-plan"
WORD = re.compile(r"[A-Za-z]{6,}")
OPEN, CLOSE = "“[(", "”])"


def free_words(line: str) -> list[re.Match[str]]:
    """Long words of ``line`` outside quotations, brackets (citations) and parentheses."""
    depth, inside = 0, []
    for char in line:
        depth += (char in OPEN) - (char in CLOSE)
        inside.append(depth > 0)
    return [m for m in WORD.finditer(line) if not inside[m.start()]]


def edit(folder: Path, edits: int, seed: int = 15) -> None:
    """``edits`` edits to the arguments' paragraphs: a word replaced, or a sentence added."""
    rng = random.Random(seed)
    files = sorted((folder / "arguments").glob("*.md"))
    texts = {path: path.read_text(encoding="utf-8").split("\n") for path in files}
    for number in range(edits):
        path = rng.choice(files)
        lines = texts[path]
        prose = [i for i, line in enumerate(lines) if line and line[0].isalpha()]
        at = rng.choice(prose)
        words = free_words(lines[at])
        if number % 2 and words:
            word = rng.choice(words)
            line = lines[at]
            lines[at] = f"{line[: word.start()]}revised{line[word.end() :]}"
        else:
            lines[at] += f" This sentence is edit {number + 1}."
    for path, lines in texts.items():
        path.write_text("\n".join(lines), encoding="utf-8")


def add_signers(folder: Path, count: int) -> None:
    """``count`` new consenting signers at the end of the list."""
    path = folder / "signatories.csv"
    with path.open(encoding="utf-8", newline="") as file:
        header = next(csv.reader(file))
    with path.open("a", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        for n in range(count):
            row = {
                "name": f"Added Signer{n:04d}",
                "title": "Writer",
                "organization": "Bench Guild",
                "category": "Writers",
                "email": f"added{n}@example.com",
                "consent": "yes",
                "signed": "2025-03-14T10:00:00-04:00",
            }
            writer.writerow([row.get(column, "") for column in header])


def measured(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of ``policydraft ARGS`` in a fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "policydraft", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"policydraft {' '.join(args)} failed: {child.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--signers", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        old, new = root / "old", root / "new"
        shutil.copytree(EXAMPLE, old, ignore=shutil.ignore_patterns("build"))
        shutil.copytree(old, new)
        edit(new, args.edits)
        add_signers(new, args.signers)
        redline = ["redline", str(old), str(new), "--out", str(root / "out")]
        render = ["render", str(old), "--out", str(root / "render")]
        measured(redline)  # warm the file cache and bytecode
        runs = [(measured(redline), measured(render)) for _ in range(args.runs)]
        (pdf,) = (root / "out").glob("*-redline.pdf")
        pages = len(PdfReader(pdf).pages)
    for i, ((seconds, memory), (base, base_memory)) in enumerate(runs, 1):
        print(
            f"run {i}: redline {seconds:.2f} s, {memory:.0f} MB; "
            f"render {base:.2f} s, {base_memory:.0f} MB; ratio {seconds / base:.2f}"
        )
    times = [r[0][0] for r in runs]
    ratios = [r[0][0] / r[1][0] for r in runs]
    peak = max(r[0][1] for r in runs)
    print(
        f"redline: median {statistics.median(times):.2f} s, peak {peak:.0f} MB, "
        f"{statistics.median(ratios):.2f}x a render of the example "
        f"({args.edits} edits, {args.signers} more signers, blackline pages: {pages})"
    )


if __name__ == "__main__":
    main()
