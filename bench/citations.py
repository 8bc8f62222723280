"""A bibliography of 1,000 sources cited 5,000 times: check and render, end to end.

Run:  .venv/bin/python bench/citations.py [--sources 1000] [--cites 5000]

Generates a submission (sources.yaml with cases, statutes, Federal Register notices, reports;
arguments citing them with pins, signals and Id.), then times in fresh processes:
`policydraft check` and `policydraft render` (DOCX + PDF). It also times eyecite on the same
prose, because the hand-typed-citation check is the one stage that imports it: prose without
anything that looks like a citation never pays for it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("case", "statute", "federal-register", "report")
# F.3d volumes and the years they hold (volumes.py's anchors), so made-up cases read as real:
# a volume is paired with a year between its neighbouring anchors.
F3D_VOLUMES = ((49, 1995), (129, 1997), (239, 2001), (336, 2003), (508, 2007), (676, 2012))


def source_entry(number: int) -> str:
    kind = KINDS[number % len(KINDS)]
    if kind == "case":
        volume, year = F3D_VOLUMES[number // len(KINDS) % len(F3D_VOLUMES)]
        return (
            f"- id: s{number}\n  type: case\n  name: Party{number} v. Agency{number}\n"
            f"  volume: {volume}\n  reporter: F.3d\n  page: {number + 1}\n"
            f"  year: {year}\n  court: 2d Cir.\n"
        )
    if kind == "statute":
        return (
            f'- id: s{number}\n  type: statute\n  title: "{number % 50 + 1}"\n'
            f'  code: U.S.C.\n  section: "{number}"\n'
        )
    if kind == "federal-register":
        year = 2000 + number % 25
        return (
            f"- id: s{number}\n  type: federal-register\n  title: Notice {number}\n"
            f"  volume: {year - 1935}\n  page: {1000 + number}\n  date: {year}-03-01\n"
        )
    return (
        f"- id: s{number}\n  type: report\n  author: Agency {number}\n"
        f"  title: Report {number}\n  date: 2020-01-{number % 28 + 1:02d}\n"
    )


def argument(first: int, count: int, sources: int) -> str:
    sentences = []
    for n in range(first, first + count):
        key = f"s{(n * 7) % sources}"
        signal = ("see ", "cf. ", "")[n % 3]
        sentences.append(f"Sentence {n} states a proposition.[{signal}@{key}, {n % 40 + 1}]")
    # paragraphs of five sentences, as a letter has them
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


def make_submission(folder: Path, sources: int, cites: int) -> None:
    (folder / "sources.yaml").write_text("".join(map(source_entry, range(sources))))
    per_argument = 250
    arguments = [
        {"heading": f"Argument {i + 1}", "body": argument(i * per_argument, per_argument, sources)}
        for i in range(cites // per_argument)
    ]
    # every source must be cited once, or PD503 warns: a closing list cites the rest
    rest = "\n\n".join(f"Also this.[@s{n}]" for n in range(sources))
    arguments.append({"heading": "Every source", "body": rest})
    submission = {
        "title": "Benchmark comment",
        "date": "2025-03-15",
        "sources": "sources.yaml",
        "commenter": {"name": "Bench Coalition"},
        "arguments": arguments,
    }
    (folder / "policydraft.yaml").write_text(json.dumps(submission))


def timed(*args: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "policydraft", *args], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"policydraft {' '.join(args)} failed:\n{result.stderr[:2000]}")
    return elapsed


def eyecite_cost() -> tuple[float, float]:
    start = time.perf_counter()
    import eyecite

    imported = time.perf_counter() - start
    text = "As held in Party v. Agency, 510 U.S. 569, 579 (1994), and 17 U.S.C. § 107. " * 4
    start = time.perf_counter()
    for _ in range(200):
        eyecite.get_citations(text)
    return imported, (time.perf_counter() - start) / 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--cites", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bench"
        folder.mkdir()
        make_submission(folder, args.sources, args.cites)
        check = timed("check", str(folder))
        render = timed("render", str(folder), "--out", str(Path(tmp) / "out"))
        pdf = next((Path(tmp) / "out").glob("*.pdf"))
        print(f"{args.sources} sources, {args.cites + args.sources} citations")
        print(f"check:  {check:.2f} s (start-up included)")
        print(f"render: {render:.2f} s (check + DOCX + PDF, {pdf.stat().st_size // 1024} KB PDF)")
    imported, per_paragraph = eyecite_cost()
    print(
        f"eyecite: import {imported:.2f} s, {per_paragraph * 1000:.1f} ms per 300-character "
        "paragraph (imported only when some paragraph looks like a citation)"
    )


if __name__ == "__main__":
    main()
