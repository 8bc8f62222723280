"""Signatory lists of 420, 10,000 and 100,000 names through the real pipeline, against a floor.

Run:  .venv/bin/python bench/signatories.py [--sizes 420,10000,100000] [--profile] [--scripts 5]

For each size, in a fresh subprocess each (so peak memory is that run's own, ru_maxrss):
- pipeline: ``policydraft.pipeline.check`` then ``write_files`` to DOCX and PDF of the example
  letter (without its agency profile, whose page limit a long list exceeds by design);
- floor: a raw reportlab canvas drawing the same names (name + affiliation lines) in three
  columns on Letter pages, in the same Liberation Serif, the least any PDF writer can do.
Prints time, peak memory and the pipeline's ratio to the floor; with ``--profile``, the
pipeline's top functions by cumulative time, to show where the time goes.

Lists come from the example's generator (examples/ostp-ai-action-plan/make_signatories.py).
Its ``build_rows`` insists on distinct names and its name pools hold ~88,000, so at 100,000
it never finishes; this bench draws from the same pools through ``random_signatory`` and
makes a repeated name distinct with a middle initial, as a real list of that size would.
``--scripts N`` writes N % of the names in scripts that are shaped (Hebrew, Arabic, Devanagari,
Bengali, Tamil, Thai), to measure what shaping costs where a name needs it (the floor draws
them unshaped, in Liberation Serif, so it is a floor for the Latin names only).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
FONTS = ROOT / "src" / "policydraft" / "fonts"
TARGET_RATIO, TARGET_MB, TARGET_GROWTH = 2.0, 600, 12.0


SHAPED_NAMES = (
    ("דוד", "מרים", "יעל", "אורי", "נועה"), ("כהן", "לוי", "מזרחי", "פרץ", "ביטון"),
    ("ليلى", "عمر", "فاطمة", "يوسف", "مريم"), ("حداد", "منصور", "خوري", "نصار", "عيسى"),
    ("प्रिया", "अर्जुन", "क्षितिज", "श्रेया", "राहुल"), ("शर्मा", "वर्मा", "श्रीवास्तव", "गुप्ता", "मिश्र"),
    ("অমিত", "সুমিত্রা", "রবি", "দীপা", "অর্ক"), ("চক্রবর্তী", "বসু", "সেন", "দত্ত", "ঘোষ"),
    ("கார்த்திக்", "மீனா", "அருண்", "லக்ஷ்மி", "விஜய்"), ("சுப்பிரமணியன்", "ராஜன்", "கிருஷ்ணன்", "நடராஜன்", "முருகன்"),
    ("สมชาย", "สุดา", "ประยุทธ", "มาลี", "วิชัย"), ("ใจดี", "ศรีสุข", "วงศ์ไทย", "บุญมา", "แก้วมณี"),
)  # fmt: skip
"""Given and family names of the shaped scripts, in pairs of pools, one pair per script."""


def write_list(count: int, path: Path, scripts: int = 0) -> None:
    """``count`` generated signers, distinct names, in the generator's columns; ``scripts``
    percent of them named in a shaped script."""
    sys.path.insert(0, str(EXAMPLE))
    import make_signatories as gen

    rng = random.Random(gen.DEFAULT_SEED)
    taken: set[str] = set()
    rows = []
    for number, signed in enumerate(gen.signing_times(rng, count)):
        signer = gen.random_signatory(rng)
        name = signer.person.name
        shaped = scripts and number % 100 < scripts
        if shaped:
            pair = 2 * rng.randrange(len(SHAPED_NAMES) // 2)
            name = f"{rng.choice(SHAPED_NAMES[pair])} {rng.choice(SHAPED_NAMES[pair + 1])}"
        while name in taken:
            first, _, rest = name.partition(" ")
            if not rest:
                signer = gen.random_signatory(rng)
                name = signer.person.name
                continue
            if shaped:  # the pools are small: a given name added keeps a shaped name distinct
                pair_given = SHAPED_NAMES[pair]
                name = f"{first} {rng.choice(pair_given)} {rest}"
                if name in taken:
                    name = f"{name}-{rng.choice(pair_given)}"
                continue
            name = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {rest}"
        taken.add(name)
        email = f"{gen.email_local_part(signer.person.latin)}.{number}@example.com"
        organization = gen.affiliation(rng, signer)
        rows.append([name, signer.title, organization, signer.category, email, "yes", signed])
    gen.write_csv(rows, path)


def run_pipeline(folder: Path, out: Path, profile: bool) -> dict[str, float]:
    from policydraft.diagnostics import Diagnostics
    from policydraft.pipeline import check, write_files

    def work() -> None:
        diags = Diagnostics()
        checked = check(folder, diags)
        if checked is None or checked.document is None:
            raise SystemExit("\n".join(d.format() for d in diags.sorted() if d.severity == "error"))
        write_files(checked, ["pdf", "docx"], out)

    start = time.perf_counter()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(work)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    else:
        work()
    return {"seconds": time.perf_counter() - start}


def run_floor(list_path: Path, out: Path) -> dict[str, float]:
    """Names and affiliations, three columns, Letter pages, Liberation Serif: nothing else."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    start = time.perf_counter()
    pdfmetrics.registerFont(TTFont("Serif", str(FONTS / "LiberationSerif-Regular.ttf")))
    with list_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    canvas = Canvas(str(out / "floor.pdf"), pagesize=letter, invariant=True)
    width, height = letter
    margin, size, leading = 72.0, 10.0, 12.0
    column_width = (width - 2 * margin) / 3
    column, y = 0, height - margin
    for row in rows:
        lines = [row["name"], ", ".join(p for p in (row["title"], row["organization"]) if p)]
        if y - leading * (len(lines) + 0.5) < margin:
            column, y = column + 1, height - margin
            if column == 3:
                canvas.showPage()
                column = 0
        for line in lines:
            canvas.setFont("Serif", size)
            canvas.drawString(margin + column * column_width, y, line)
            y -= leading
        y -= leading / 2
    canvas.save()
    return {"seconds": time.perf_counter() - start}


def child(kind: str, size: int, work: Path, profile: bool) -> None:
    """One measurement in this process; prints its result as JSON on the last line."""
    list_path = work / f"signers-{size}.csv"
    out = work / f"out-{kind}-{size}"
    out.mkdir(exist_ok=True)
    if kind == "floor":
        result = run_floor(list_path, out)
    else:
        folder = work / f"letter-{size}"
        result = run_pipeline(folder, out, profile)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def prepare(size: int, work: Path, scripts: int) -> None:
    list_path = work / f"signers-{size}.csv"
    if not list_path.exists():
        write_list(size, list_path, scripts)
    folder = work / f"letter-{size}"
    if not folder.exists():
        shutil.copytree(EXAMPLE, folder)
        text = (folder / "policydraft.yaml").read_text(encoding="utf-8")
        text = "\n".join(line for line in text.splitlines() if not line.startswith("profile:"))
        (folder / "policydraft.yaml").write_text(text + "\n", encoding="utf-8")
        shutil.copy(list_path, folder / "signatories.csv")


def measure(kind: str, size: int, work: Path, profile: bool = False) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", kind, "--sizes", str(size), "--work", str(work)]
    done = subprocess.run(
        command + (["--profile"] if profile else []), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} {size} failed:\n{done.stderr[-3000:]}")
    if profile:
        sys.stderr.write(done.stderr)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(sizes: list[int], work: Path, profile: bool, scripts: int) -> None:
    results = {}
    print(
        f"{'signers':>8} {'pipeline s':>11} {'floor s':>8} {'ratio':>6} "
        f"{'peak MB':>8} {'floor MB':>9}"
    )
    for size in sizes:
        prepare(size, work, scripts)
        pipeline = measure("pipeline", size, work, profile and size == max(sizes))
        floor = measure("floor", size, work)
        results[size] = pipeline
        ratio = pipeline["seconds"] / floor["seconds"]
        print(
            f"{size:>8,} {pipeline['seconds']:>11.2f} {floor['seconds']:>8.2f} {ratio:>6.2f} "
            f"{pipeline['peak_mb']:>8.0f} {floor['peak_mb']:>9.0f}"
        )
    if 10_000 in results and 100_000 in results:
        growth = results[100_000]["seconds"] / results[10_000]["seconds"]
        print(f"growth 10k -> 100k: {growth:.1f}x (target <= {TARGET_GROWTH:.0f}x)")
    print(f"targets: ratio <= {TARGET_RATIO}, peak < {TARGET_MB} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="420,10000,100000")
    parser.add_argument("--profile", action="store_true", help="profile the largest pipeline run")
    parser.add_argument("--work", type=Path, help="keep lists and outputs here (default: temp)")
    parser.add_argument(
        "--scripts", type=int, default=0, help="percent of names in shaped scripts (Arabic, ...)"
    )
    parser.add_argument("--child", choices=["pipeline", "floor"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        child(args.child, sizes[0], args.work, args.profile)
        return
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        report(sizes, args.work, args.profile, args.scripts)
        return
    with tempfile.TemporaryDirectory() as folder:
        report(sizes, Path(folder), args.profile, args.scripts)


if __name__ == "__main__":
    main()
