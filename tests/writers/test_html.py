"""The publication page's structure, read back with lxml: what a browser and a screen reader see.

Expected citation strings come from the Indigo Book 2.0 (public domain): R11 for a full case
citation (*Campbell v. Acuff-Rose Music, Inc.*, 510 U.S. 569 (1994)) and R13.1 for a
parenthetical (*Harris v. State*, 887 S.W.2d 514 (Ark. 1994) (per curiam)).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import lxml.html
import pytest

from policydraft.model import Document, SignatoryEntry, SignatoryGroup
from policydraft.outputs.formats import FORMATS, WriterSettings, output_format
from policydraft.writers.html import HtmlOptions, JoinedAfter, render_html, write_html
from policydraft.writers.html.signatories import fold

from .html_pages import grouped, letter


def parsed(document: Document, options: HtmlOptions | None = None) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_html(document, options or HtmlOptions()))


@pytest.fixture(scope="module")
def page() -> lxml.html.HtmlElement:
    return parsed(letter(grouped(20)))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-US", "en-US"), ("fr-CA", "fr-CA"), ('en"><script>', 'en"><script>')],
)
def test_lang_is_the_letters_language(language: str, expected: str) -> None:
    root = parsed(letter(grouped(1), language=language))
    assert root.get("lang") == expected
    assert not root.xpath("//script[not(contains(., 'pd-search'))]")


@pytest.mark.parametrize(
    ("xpath", "count"),
    [
        ("/html/body/header", 1),
        ("/html/body/nav[@aria-label]", 1),
        ("/html/body/main", 1),
        ("/html/body/footer", 1),
        ("//h1", 1),
        ("//main/section[@aria-labelledby='signatories-heading']/h2[@id='signatories-heading']", 1),
        ("//main/section[@aria-labelledby='notes-heading']/h2", 1),
        ("//link | //img | //iframe | //script[@src] | //*[@style]", 0),
        ("//input[@type='search'][@id=//label/@for]", 1),
        ("//*[@role='status'][@aria-live='polite']", 1),
        # where the script shows matches: hidden, so without JavaScript only the full list shows
        ("//div[@id='pd-results'][@hidden][not(node())]", 1),
        ("//button[@id='pd-all'][@type='button'][@hidden]", 1),
    ],
)
def test_landmarks_and_controls(page: lxml.html.HtmlElement, xpath: str, count: int) -> None:
    assert len(page.xpath(xpath)) == count


@pytest.mark.parametrize(
    ("tag", "texts"),
    [
        ("h1", ["Open Letter on the AI Action Plan"]),
        ("h2", ["I. Copyright is a national asset", "II. License the works", "Conclusion"]),
    ],
)
def test_headings_as_printed(page: lxml.html.HtmlElement, tag: str, texts: list[str]) -> None:
    found = [h.text_content() for h in page.xpath(f"//article/{tag} | //header/{tag}")]
    assert found == texts


def test_contents_link_to_headings_that_exist(page: lxml.html.HtmlElement) -> None:
    ids = set(page.xpath("//@id"))
    targets = [href[1:] for href in page.xpath("//nav//a/@href")]
    assert targets[-1] == "signatories"
    assert targets and all(target in ids for target in targets)


def test_footnotes_link_both_ways(page: lxml.html.HtmlElement) -> None:
    refs = page.xpath("//a[@class='pd-ref']")
    backs = page.xpath("//a[@class='pd-back']")
    assert len(refs) == len(backs) == 3
    for number, (ref, back) in enumerate(zip(refs, backs, strict=True), start=1):
        assert ref.get("href") == f"#note-{number}" and ref.text_content() == str(number)
        assert back.get("href") == f"#{ref.get('id')}"
        assert back.getparent().getparent().get("id") == f"note-{number}"
        assert back.get("aria-label") == f"Back to note reference {number}"


@pytest.mark.parametrize(
    ("number", "italic", "roman"),
    [
        (1, "Campbell v. Acuff-Rose Music, Inc.", ", 510 U.S. 569 (1994)."),  # Indigo Book R11
        (2, "Harris v. State", ", 887 S.W.2d 514 (Ark. 1994) (per curiam)."),  # Indigo Book R13.1
    ],
)
def test_citations_as_in_the_pdf(
    page: lxml.html.HtmlElement, number: int, italic: str, roman: str
) -> None:
    note = page.get_element_by_id(f"note-{number}")
    assert note.xpath("string(.//em)") == italic
    assert note.text_content().startswith(italic + roman)


def test_groups_and_counts(page: lxml.html.HtmlElement) -> None:
    headings = [h.text_content() for h in page.xpath("//section[@class='pd-group']/h3")]
    assert headings == ["Actors (5)", "Writers (20)"]
    assert len(page.xpath("//div[@id='pd-list']//li")) == 25
    assert page.get_element_by_id("pd-shown").text_content() == "25 signatories"
    assert page.get_element_by_id("signatories-heading").text_content() == "Signatories (25)"


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</li></ul><h1>x</h1>",
        "&amp;",
    ],
)
def test_names_are_escaped(name: str) -> None:
    groups = (SignatoryGroup(None, (SignatoryEntry(name, "<b>Org</b>"),)),)
    markup = render_html(letter(groups))
    root = lxml.html.document_fromstring(markup)
    (row,) = root.xpath("//div[@id='pd-list']//li")
    assert row.text_content() == f"{name}, <b>Org</b>"
    assert len(root.xpath("//script")) == 1 and not root.xpath("//img | //b | //h1[. = 'x']")


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.copyright.gov/ai/", True),
        ("mailto:a@b.org", True),
        ("javascript:alert(1)", False),
    ],
)
def test_only_web_and_mail_links_are_followed(url: str, linked: bool) -> None:
    from policydraft.model import Link, Para, Text

    document = letter(grouped(1))
    blocks = (Para((Link((Text("the report"),), url),)), *document.blocks)
    root = parsed(Document(document.metadata, blocks))
    assert root.xpath("//article//a[. = 'the report']/@href") == ([url] if linked else [])


def test_no_email_column_reaches_the_page() -> None:
    """The bundled example's list has an ``email`` column (``…@example.com``): none printed."""
    from policydraft.diagnostics import Diagnostics
    from policydraft.pipeline import check

    folder = Path(__file__).parents[2] / "examples" / "ostp-ai-action-plan"
    assert "@example.com" in (folder / "signatories.csv").read_text(encoding="utf-8")
    checked = check(folder, Diagnostics())
    assert checked is not None and checked.document is not None
    markup = render_html(checked.document)
    assert "@example" not in markup
    assert len(lxml.html.document_fromstring(markup).xpath("//div[@id='pd-list']//li")) > 100


@pytest.mark.parametrize(
    ("value", "folded"),
    [("Zoë Kravitz", "zoe kravitz"), ("JOSÉ", "jose"), ("Søren", "søren"), ("ﬁne", "fine")],
)
def test_search_text_is_folded(value: str, folded: str) -> None:
    assert fold(value) == folded


@pytest.mark.parametrize(
    "row",
    ["Zoë Kravitz, Guild", "Søren Kierkegaard, Guild", "Signer 00001, Studio 1"],
)
def test_rows_carry_no_search_text_the_script_can_fold(row: str) -> None:
    """The script folds each row's text itself: only a late signer's row carries ``data-s``."""
    root = parsed(letter(grouped(2)))
    keyed = {li.text_content(): li.get("data-s") for li in root.xpath("//div[@id='pd-list']//li")}
    assert row in keyed and keyed[row] is None


def test_rows_stay_one_per_line_for_the_script() -> None:
    """The script reads each ``<ul>``'s text at once and splits it at the line ends."""
    markup = render_html(letter(grouped(3)))
    start = markup.rindex('<ul class="pd-names">')
    assert markup[start : markup.index("</ul>", start)].split("\n") == [
        '<ul class="pd-names">',
        '<li>Signer 00000<span class="pd-aff">, Studio 0</span></li>',
        '<li>Signer 00001<span class="pd-aff">, Studio 1</span></li>',
        '<li>Signer 00002<span class="pd-aff">, Studio 2</span></li>',
        "",
    ]


def test_joined_after_marks_only_flagged_signers() -> None:
    groups = grouped(3)
    late = JoinedAfter.of(dt.date(2025, 3, 15), [groups[1].entries[2]])
    root = parsed(letter(groups), HtmlOptions(joined_after=late))
    marked = root.xpath("//li[span[@class='pd-late']]")
    assert [li.get("data-s") for li in marked] == ["signer 00002, studio 2"]
    assert marked[0].xpath("string(span[@class='pd-late'])") == (
        "(joined after the filing of March 15, 2025)"
    )


def test_same_tree_same_bytes() -> None:
    document = letter(grouped(50))
    first, second = io.BytesIO(), io.BytesIO()
    write_html(document, first)
    write_html(letter(grouped(50)), second)
    assert first.getvalue() == second.getvalue()


def test_registered_but_not_attached() -> None:
    declared = output_format("html")
    assert "html" in FORMATS and declared.extension == "html" and declared.pages_from is None
    produce = declared.writer(letter(grouped(1)), WriterSettings())
    stream = io.BytesIO()
    assert produce(stream) is None and stream.getvalue().startswith(b"<!DOCTYPE html>")
