"""Heavy input for layout and citations at growing sizes: is the work linear?

Run:  .venv/bin/python bench/hostile.py [--only NAME ...] [--command render|check]

For each kind of heavy input (one long paragraph, citations in one paragraph or one footnote,
notes in one paragraph, a long footnote, a long quotation missing from its source) it builds a
submission at growing sizes in a temporary folder and runs ``policydraft render`` (or
``check``) on it in a fresh process, printing the wall time, the peak memory of that process
(its rusage), and the time per unit of size. Linear work shows as a time per unit that stays
flat (start-up, about a second, weighs on the smallest sizes); quadratic work as one that
doubles with each doubling of the size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SENTENCE = "The agency should reconsider this rule because it harms small-business owners. "
VOCABULARY = ("law", "agency", "rule", "copyright", "fair", "use", "work", "author", "court")
SOURCES = "".join(
    f"- id: r{i}\n  type: report\n  author: Agency {i}\n  title: Report {i}\n  date: 2020-01-01\n"
    for i in range(10)
)
CITE_ALL = " ".join(f"Also.[@r{i}]" for i in range(10))


def write_letter(folder: Path, body: str, files: dict[str, str] | None = None) -> None:
    """A minimal comment letter whose one argument is ``body``, citing the ten reports."""
    folder.mkdir(parents=True, exist_ok=True)
    letter = {
        "template": "comment-letter",
        "title": "Heavy comment",
        "date": "2025-03-15",
        "docket": "AGENCY-2025-0001",
        "commenter": {"name": "Jane Advocate", "organization": "Example Coalition"},
        "addressee": {"name": "Office of the General Counsel", "organization": "Example Agency"},
        "salutation": "Dear Sir or Madam:",
        "sources": "sources.yaml",
        "arguments": [{"heading": "Argument", "body": body + "\n\n" + CITE_ALL + "\n"}],
        "conclusion": "We ask the agency to reconsider.\n",
    }
    (folder / "policydraft.yaml").write_text(json.dumps(letter, indent=2), encoding="utf-8")
    for name, text in {"sources.yaml": SOURCES, **(files or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")


def words(count: int, offset: int = 0) -> str:
    return " ".join(VOCABULARY[(i * 7 + offset) % len(VOCABULARY)] for i in range(count))


def paragraph(kilobytes: int, folder: Path) -> None:
    write_letter(folder, SENTENCE * (kilobytes * 1024 // len(SENTENCE)))


def citations_in_paragraph(count: int, folder: Path) -> None:
    write_letter(folder, " ".join(f"Claim {i}.[@r{i % 10}, {i}]" for i in range(count)))


def citations_in_footnote(count: int, folder: Path) -> None:
    cites = " ".join(f"Claim {i} [@r{i % 10}, {i}]." for i in range(count))
    write_letter(folder, f"Text.[^n]\n\n[^n]: {cites}")


def notes_in_paragraph(count: int, folder: Path) -> None:
    marks = " ".join(f"S{i}.[^n{i}]" for i in range(count))
    notes = "\n".join(f"[^n{i}]: Note {i}." for i in range(count))
    write_letter(folder, f"{marks}\n\n{notes}")


def footnote_words(count: int, folder: Path) -> None:
    write_letter(folder, "Text.[^n]\n\n[^n]: " + " ".join(["word"] * count))


def missing_quotation(kilobytes: int, folder: Path) -> None:
    count = kilobytes * 1024 // 6
    sources = SOURCES + "- id: copy\n  type: report\n  author: A\n  title: R\n"
    sources += "  date: 2020-01-01\n  file: copy.txt\n"
    body = f"The report says “{words(count)}”[@copy]."
    write_letter(folder, body, {"sources.yaml": sources, "copy.txt": words(count, offset=3)})


@dataclass(frozen=True)
class Series:
    name: str
    unit: str
    sizes: tuple[int, ...]
    build: Callable[[int, Path], None]
    command: str = "render"


SERIES = (
    Series("paragraph", "KB", (25, 50, 100, 200, 400), paragraph),
    Series("citations-in-paragraph", "cites", (1000, 2500, 5000, 10000), citations_in_paragraph),
    Series("citations-in-footnote", "cites", (2000, 4000, 8000), citations_in_footnote),
    Series("notes-in-paragraph", "notes", (1000, 2000, 4000), notes_in_paragraph),
    Series("footnote-words", "words", (5000, 10000, 20000), footnote_words),
    Series("missing-quotation", "KB", (10, 20, 40), missing_quotation, command="check"),
)


def run(command: str, folder: Path, out: Path) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MB) and exit status of one fresh ``policydraft`` process."""
    argv = [sys.executable, "-m", "policydraft", command, str(folder)]
    if command == "render":
        argv += ["--out", str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def bench(series: Series, command: str | None, root: Path) -> None:
    command = command or series.command
    print(f"\n{series.name} ({command})")
    print(f"  {'size':>12}  {'seconds':>8}  {'peak MB':>8}  {'ms per unit':>11}  exit")
    for size in series.sizes:
        folder = root / f"{series.name}-{size}"
        series.build(size, folder)
        seconds, peak, status = run(command, folder, root / "out")
        per_unit = 1000 * seconds / size
        label = f"{size} {series.unit}"
        print(f"  {label:>12}  {seconds:8.2f}  {peak:8.0f}  {per_unit:11.3f}  {status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="series to run (default: all)")
    parser.add_argument("--command", choices=("render", "check"), help="instead of each default")
    args = parser.parse_args()
    chosen = [s for s in SERIES if not args.only or s.name in args.only]
    with tempfile.TemporaryDirectory(prefix="policydraft-hostile-") as root:
        for series in chosen:
            bench(series, args.command, Path(root))


if __name__ == "__main__":
    main()
