"""The publication page at 100,000 signers: its size, and Chromium's load and search times.

    .venv/bin/python bench/html.py [--names 100000] [--runs 3]

Builds a letter with the given number of signers in five groups, writes the page, opens it
in Debian's Chromium (``/usr/bin/chromium``, driven by Playwright) and reports: the page's
size, the time to write it, the time until the browser has loaded it, and for a few queries
typed one key at a time, right after the page has loaded, how long each keystroke takes to
show its result: from the ``input`` event to the end of the first frame drawn after the
"N of M signatories shown" line changed (the page's own clock, so Playwright's round trips
are not counted). Clearing the box is one more keystroke. Times are medians over ``--runs``
fresh pages; "slowest" is the slowest keystroke of each query. Never run by the tests.
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
QUERIES = ("zoe", "signer 0123", "studio 3")
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


PROBE = """() => { window.pdKeystroke = new Promise(resolve => {
  const box = document.getElementById('pd-q'), line = document.getElementById('pd-shown');
  let typed = 0;
  box.addEventListener('input', () => {
    typed = performance.now();  // a key that leaves the query as it was changes nothing: 0
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(0), 0)));
  }, {capture: true, once: true});
  new MutationObserver((changes, watch) => {
    watch.disconnect();
    setTimeout(() => resolve(performance.now() - typed), 0);  // after this frame is drawn
  }).observe(line, {childList: true, characterData: true, subtree: true});
}); }"""


def keystroke(page, key: str) -> float:  # type: ignore[no-untyped-def]
    """Press ``key`` in the search box; seconds from its input event to the result drawn."""
    page.evaluate(PROBE)
    if key == "clear":
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
    else:
        page.keyboard.insert_text(key)
    return float(page.evaluate("window.pdKeystroke")) / 1000


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
            page.focus("#pd-q")
            for query in QUERIES:
                keys = [*query, "clear"]
                times = [keystroke(page, key) for key in keys]
                found.setdefault(f"{query!r}, first key", []).append(times[0])
                found.setdefault(f"{query!r}, slowest key", []).append(max(times[:-1]))
                found.setdefault(f"{query!r}, clearing", []).append(times[-1])
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
