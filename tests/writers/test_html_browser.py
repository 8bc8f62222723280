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

from policydraft.writers.html import render_html

from .html_pages import grouped, letter

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
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
    return int(page.locator("#pd-list li:visible").count())


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
    page.wait_for_function(
        "text => document.getElementById('pd-shown').textContent === text", arg=expected
    )
    assert visible_rows(page) == shown
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
    page.emulate_media(media="print")
    assert not page.locator("#pd-q").is_visible()
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
