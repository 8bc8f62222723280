"""The publication page in a real browser: Debian's Chromium driven by Playwright.

Skipped when Playwright or ``/usr/bin/chromium`` is missing (``.ci/run`` installs both); no
browser is ever downloaded. Checks: typing filters the list and the live line counts what is
shown; without JavaScript every name is visible; axe-core (vendored, see
``tests/fixtures/axe-core/README.md``) finds no violations; screenshots match committed PNGs.

Screenshots are compared loosely on purpose: font hinting and antialiasing differ between
machines and Chromium versions, so two correct renders rarely match pixel for pixel. A view
matches when the images have the same size (the layout's boxes ended where they did) and at
most ``DIFFERING`` of their pixels differ by more than ``PIXEL_TOLERANCE`` in any channel (the
text sits where it did). Set ``POLICYDRAFT_UPDATE_SCREENSHOTS=1`` to rewrite the PNGs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from policydraft.model import SignatoryEntry, SignatoryGroup
from policydraft.writers.html import render_html

from .html_pages import entries, grouped, letter

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    if os.environ.get("CI"):  # CI installs it (.ci/run): a missing browser is a broken CI
        pytest.fail("chromium is required in CI (.ci/run installs it)", pytrace=False)
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXTURES = Path(__file__).parents[1] / "fixtures"
AXE = FIXTURES / "axe-core" / "axe.min.js"
SHOTS = FIXTURES / "html-screenshots"
PIXEL_TOLERANCE = 64
DIFFERING = 0.03
LIST_SIZE = 2000


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "letter.html"
    path.write_text(render_html(letter(grouped(LIST_SIZE))), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_page(browser, page_file: Path, *, javascript: bool = True):  # type: ignore[no-untyped-def]
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 900, "height": 700}
    )
    context.route("http*://**", lambda route: route.abort())  # nothing may be fetched
    page = context.new_page()
    page.goto(page_file.as_uri())
    return page


def visible_rows(page) -> int:  # type: ignore[no-untyped-def]
    """Names on screen: in the full list, or in the matches shown in its place."""
    return int(page.locator("#signatories li:visible").count())


def shown_line(page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        "text => document.getElementById('pd-shown').textContent === text", arg=text
    )


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", LIST_SIZE + 5),
        ("zoe", 1),  # "Zoë": the accent is folded away
        ("JOSÉ", 1),
        ("signer 0001", 11),  # each word apart: Signer 00001 and 00010 to 00019
        ("studio 3 signer 0000", 1),  # every word must match: Signer 00003, Studio 3
        ("guild", 5),
        ("<script>", 0),
    ],
)
def test_typing_filters_the_list(browser, page_file: Path, query: str, shown: int) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, page_file)
    box = page.get_by_label("Search signatories")
    assert box.is_visible()
    box.fill("x")
    box.fill(query)
    total = LIST_SIZE + 5
    expected = f"{shown:,} of {total:,} signatories shown"
    shown_line(page, expected)
    assert visible_rows(page) == shown
    page.context.close()


TOTAL = f"{LIST_SIZE + 5:,}"


@pytest.mark.parametrize(
    ("keys", "line", "shown"),
    [
        # the query grows: each key searches only the previous matches
        (["s", "si", "signer 0", "signer 00", "signer 0001"], f"11 of {TOTAL}", 11),
        # the query shrinks or changes: the whole list is searched again
        (["signer 00010", "signer 0001"], f"11 of {TOTAL}", 11),
        (["signer 0001", "studio 3", "studio 3 signer 0000"], f"1 of {TOTAL}", 1),
        (["zoe", "zo", "z"], f"1 of {TOTAL}", 1),
        (["signer 0001", ""], f"{TOTAL} of {TOTAL}", LIST_SIZE + 5),
        # many matches: the first 200 show, and the line says so
        (["signer"], f"2,000 of {TOTAL} signatories match; the first 200 are shown", 200),
    ],
)
def test_each_keystroke_counts_right(  # type: ignore[no-untyped-def]
    browser, page_file: Path, keys: list[str], line: str, shown: int
) -> None:
    page = open_page(browser, page_file)
    box = page.get_by_label("Search signatories")
    for value in keys:
        box.fill(value)
        page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")
    shown_line(page, line if "match" in line else f"{line} signatories shown")
    assert visible_rows(page) == shown
    page.context.close()


def test_show_all_lists_every_match_in_groups(browser, page_file: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, page_file)
    page.get_by_label("Search signatories").fill("s")
    shown_line(page, f"2,002 of {TOTAL} signatories match; the first 200 are shown")
    assert page.locator("#pd-results h3").all_text_contents() == [
        "Actors (2 of 5)",  # José Feliciano, Søren Kierkegaard
        "Writers (2,000 of 2,000)",
    ]
    page.get_by_role("button", name="Show all 2,002 matches").click()
    shown_line(page, f"2,002 of {TOTAL} signatories shown")
    assert visible_rows(page) == 2002
    assert not page.locator("#pd-all").is_visible()
    page.context.close()


def test_a_name_broken_over_lines_is_still_found(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A row whose text holds a line end: the script reads that list row by row."""
    rows = (SignatoryEntry("Ada\nLovelace", "Analytical\nEngine"), *entries(3))
    path = tmp_path / "letter.html"
    path.write_text(render_html(letter((SignatoryGroup(None, rows),))), encoding="utf-8")
    page = open_page(browser, path)
    for query, line in [("engine", "1 of 4"), ("signer 00002", "1 of 4"), ("studio", "3 of 4")]:
        page.get_by_label("Search signatories").fill(query)
        shown_line(page, f"{line} signatories shown")
    page.context.close()


def test_without_javascript_every_name_shows(browser, page_file: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, page_file, javascript=False)
    assert visible_rows(page) == LIST_SIZE + 5
    assert not page.locator("#pd-q").is_visible()  # a box that cannot filter is not offered
    page.context.close()


@pytest.mark.parametrize("query", ["", "signer 00"])
def test_axe_finds_no_violations(browser, page_file: Path, query: str) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, page_file)
    if query:
        page.get_by_label("Search signatories").fill(query)
        page.wait_for_function("document.getElementById('pd-shown').textContent.includes(' of ')")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document).then(r => r.violations.map(v => [v.id, v.help]))")
    assert result == []
    page.context.close()


VIEWS = {
    "top": "",
    "filtered": "zoe",
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_screenshots_match(browser, page_file: Path, view: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, page_file)
    if VIEWS[view]:
        page.get_by_label("Search signatories").fill(VIEWS[view])
        page.wait_for_function("document.getElementById('pd-shown').textContent.startsWith('1 of')")
        page.locator("#signatories").scroll_into_view_if_needed()
    shot = tmp_path / f"{view}.png"
    page.screenshot(path=str(shot))
    page.context.close()
    assert_looks_like(shot, SHOTS / f"{view}.png")


def test_print_stylesheet_hides_the_search_and_sets_columns(browser, page_file: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(browser, page_file)
    page.get_by_label("Search signatories").fill("zoe")
    shown_line(page, f"1 of {TOTAL} signatories shown")
    page.emulate_media(media="print")
    assert not page.locator("#pd-q").is_visible()
    assert not page.locator("#pd-results").is_visible()
    assert page.locator("#pd-list li:visible").count() == LIST_SIZE + 5  # every name prints
    columns = page.evaluate("getComputedStyle(document.querySelector('.pd-names')).columnCount")
    assert columns == "3"
    page.context.close()


def assert_looks_like(shot: Path, reference: Path) -> None:
    from PIL import Image, ImageChops

    if os.environ.get("POLICYDRAFT_UPDATE_SCREENSHOTS") == "1" or not reference.exists():
        reference.parent.mkdir(parents=True, exist_ok=True)
        reference.write_bytes(shot.read_bytes())
        pytest.skip(f"wrote {reference.name}: compare it by eye, then commit it")
    with Image.open(shot) as taken, Image.open(reference) as expected:
        assert taken.size == expected.size
        diff = ImageChops.difference(taken.convert("RGB"), expected.convert("RGB"))
        strongest = diff.split()
        over = [band.point(lambda v: 255 if v > PIXEL_TOLERANCE else 0) for band in strongest]
        mask = ImageChops.lighter(ImageChops.lighter(over[0], over[1]), over[2])
        differing = mask.histogram()[255] / (taken.size[0] * taken.size[1])
    assert differing <= DIFFERING, f"{differing:.1%} of pixels differ from {reference.name}"
