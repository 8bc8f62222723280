"""The publication page at 100,000 signers: its size, and Chromium's load and filter times.

    .venv/bin/python bench/html.py [--names 100000] [--runs 3]

Builds a letter with the given number of signers in five groups, writes the page, opens it
in Debian's Chromium (``/usr/bin/chromium``, driven by Playwright) and reports: the page's
size, the time to write it, the time until the browser has loaded it, and for a few queries
the time from typing to the "N of M signatories shown" line (the debounce pause included).
Times are medians over ``--runs`` fresh pages. Never run by the tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)  # not bench/, where this file would hide the standard html module

from tests.writers.html_pages import letter  # noqa: E402

from policydraft.model import SignatoryEntry, SignatoryGroup  # noqa: E402
from policydraft.writers.html import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ("zoe", "signer 0123", "studio 3", "")
FIRST = ("Ana", "Björn", "Chloé", "Dmitri", "Émile", "Farah", "Günter", "Hana", "Iñigo", "Jae")


def groups(count: int) -> tuple[SignatoryGroup, ...]:
    """``count`` signers, a tenth of them with accented first names, in five groups."""
    rows = [
        SignatoryEntry(f"{FIRST[n % 10]} Signer {n:06d}", f"Studio {n % 97}") for n in range(count)
    ]
    size = -(-count // 5)
    return tuple(
        SignatoryGroup(f"Group {g + 1}", tuple(rows[g * size : (g + 1) * size])) for g in range(5)
    )


def measure(page_path: Path, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"load": []}
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="load")
            found["load"].append(time.perf_counter() - start)
            box = page.get_by_label("Search signatories")
            for query in QUERIES:
                before = page.locator("#pd-shown").text_content()
                start = time.perf_counter()
                box.fill(query)
                page.wait_for_function(
                    "before => document.getElementById('pd-shown').textContent !== before",
                    arg=before,
                    polling="raf",
                )
                found.setdefault(f"filter {query!r}", []).append(time.perf_counter() - start)
            page.close()
        browser.close()
    return {name: statistics.median(times) for name, times in found.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    start = time.perf_counter()
    markup = render_html(letter(groups(args.names)))
    written = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.html"
        path.write_text(markup, encoding="utf-8")
        size = path.stat().st_size
        times = measure(path, args.runs)
    print(f"{args.names:,} signers: page {size / 1e6:.1f} MB, written in {written:.2f} s")
    for name, seconds in times.items():
        print(f"  {name}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
