"""Heavy paragraphs and notes in the PDF writer: the same lines in linear time, nothing lost.

Chunked line breaking (``writers/pdf/linebreak.py``) must give exactly reportlab's lines for
the whole paragraph; split parts must share one layout; notes longer than ten pages and lines
marking more notes than a page holds must print every word; words longer than a line must be
broken, not run off the page. Tests start from a document tree or from paragraph markup.
"""

from __future__ import annotations

import io
from typing import Any

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from policydraft.model import Document, Link, Note, Para, Text
from policydraft.typography import LETTER
from policydraft.writers.pdf import linebreak, write_pdf
from policydraft.writers.pdf.fonts import serif_coverage
from policydraft.writers.pdf.markup import LONG_WORD, inline_markup, text_markup
from policydraft.writers.pdf.paragraph import SafeParagraph
from policydraft.writers.pdf.styles import make_styles
from tests.writers.test_pdf import METADATA

WIDTH = 468.0  # the letter's text width, in points

serif_coverage()
STYLES = make_styles(LETTER)


def line_texts(paragraph: Paragraph) -> list[str]:
    """Each wrapped line as text, whatever kind of lines reportlab made."""
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(word.text for word in line.words).strip() for line in lines]


def whole_lines(markup: str, style: Any, bullet: str | None = None) -> list[str]:
    """reportlab's own lines for the whole paragraph, broken in one go."""
    paragraph = Paragraph(markup, style, bulletText=bullet)
    paragraph.wrap(WIDTH, 1e9)
    return line_texts(paragraph)


def chunked_lines(markup: str, style: Any, bullet: str | None = None) -> list[str]:
    """The same paragraph broken a few words at a time (tiny chunks: many restarts)."""
    paragraph = SafeParagraph(markup, style, bulletText=bullet)
    paragraph.wrap(WIDTH, 1e9)
    return line_texts(paragraph)


@pytest.fixture
def tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linebreak, "LONG_CHARACTERS", 10)
    monkeypatch.setattr(linebreak, "CHUNK_WORDS", 7)


MARK = '<super size="8.04" rise="4.80">{}</super>'
FILLER = "The agency should reconsider this rule because it harms small-business owners. "

PARAGRAPHS = {
    "plain": FILLER * 30,
    "hyphens": "well-known state-of-the-art small-business " * 40,
    "markup": "<i>Campbell</i>, 510 U.S. at 584; <b>see</b> also the record. " * 25,
    "note marks": "".join(f"Sentence {n} says so.{MARK.format(n)} " for n in range(1, 60)),
    "line breaks": "Office of the General Counsel<br/>Example Agency<br/>" * 20,
    "long words": ("x" * 300 + " short words here ") * 5,
    "long hyphenated": ("a-" + "b" * 400 + " and more ") * 4,
    "cjk": "王小明 and 김민준 signed the letter. " * 30,
}


@pytest.mark.usefixtures("tiny_chunks")
@pytest.mark.parametrize("markup", PARAGRAPHS.values(), ids=PARAGRAPHS.keys())
@pytest.mark.parametrize("style", ["body", "note", "quote"])
def test_chunked_breaking_gives_reportlabs_lines(markup: str, style: str) -> None:
    paragraph_style = getattr(STYLES, style)
    assert chunked_lines(markup, paragraph_style) == whole_lines(markup, paragraph_style)


@pytest.mark.usefixtures("tiny_chunks")
def test_chunked_breaking_keeps_a_bullets_first_line() -> None:
    markup = FILLER * 10
    assert chunked_lines(markup, STYLES.list_item, "1.") == whole_lines(
        markup, STYLES.list_item, "1."
    )


WORDS = st.sampled_from(
    ["law", "the", "well-known", "<i>Id.</i>", "§ 107", "x" * 90, "a-" + "b" * 120, "<br/>"]
)


def broken_with(markup: str, chunk_words: int) -> list[str]:
    """The paragraph's lines broken ``chunk_words`` words at a time, whatever its length."""
    saved = linebreak.LONG_CHARACTERS, linebreak.CHUNK_WORDS
    linebreak.LONG_CHARACTERS, linebreak.CHUNK_WORDS = 0, chunk_words
    try:
        return chunked_lines(markup, STYLES.body)
    finally:
        linebreak.LONG_CHARACTERS, linebreak.CHUNK_WORDS = saved


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=120))
def test_any_text_breaks_the_same_in_chunks(words: list[str]) -> None:
    """Against reportlab breaking the same frag words in one go (the same kind of lines)."""
    markup = " ".join(words)
    assert broken_with(markup, 5) == broken_with(markup, 10**9)


def test_parts_of_a_split_paragraph_share_one_layout() -> None:
    paragraph = SafeParagraph(FILLER * 200, STYLES.body)
    paragraph.wrap(WIDTH, 1e9)
    lines = line_texts(paragraph)
    first, rest = paragraph.split_after(40)
    first.wrap(WIDTH, 1e9)
    rest.wrap(WIDTH, 1e9)
    assert line_texts(first) + line_texts(rest) == lines
    assert first._layouts is rest._layouts is paragraph._layouts
    assert len(paragraph._layouts) == 1  # three wraps at one width: broken once


def test_a_long_paragraph_is_broken_in_chunks_with_the_same_lines() -> None:
    markup = FILLER * 400  # 32 KB: above the threshold, so broken in chunks
    assert len(markup) > linebreak.LONG_CHARACTERS
    assert chunked_lines(markup, STYLES.body) == whole_lines(markup, STYLES.body)


def words_printed(document: Document, word: str) -> tuple[int, int]:
    out = io.BytesIO()
    pages = write_pdf(document, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return pages, text.split().count(word)


def test_a_note_longer_than_ten_pages_prints_every_word() -> None:
    note = Note((Para((Text(" ".join(["word"] * 20_000)),)),))
    pages, printed = words_printed(Document(METADATA, (Para((Text("Text."), note)),)), "word")
    assert pages > 11
    assert printed == 20_000


def test_a_line_marking_more_notes_than_a_page_holds_prints_them_all() -> None:
    notes = tuple(Note((Para((Text(" ".join(["long"] * 300)),)),)) for _ in range(30))
    document = Document(
        METADATA,
        (
            Para(
                (Text("Line"), *notes, Text(" end.")),
            ),
        ),
    )
    pages, printed = words_printed(document, "long")
    assert pages > 5
    assert printed == 30 * 300


@pytest.mark.parametrize("word", ["x" * 5_000, "a-" + "b" * 5_000], ids=["plain", "hyphen"])
def test_a_word_longer_than_a_line_is_broken_within_the_margins(word: str) -> None:
    paragraph = SafeParagraph(inline_markup((Text(f"See {word} end"),), lambda _: ""), STYLES.body)
    paragraph.wrap(WIDTH, 1e9)
    assert len(paragraph.blPara.lines) > 20
    assert all(line.extraSpace >= -1e-6 for line in paragraph.blPara.lines)


def test_only_words_no_line_holds_are_marked_unbreakable() -> None:
    short = "small-business " * 20
    assert "<nobr>" not in text_markup(short)
    assert text_markup("a " + "b" * LONG_WORD + " c").count("<nobr>") == 1
    assert "<nobr>" not in text_markup("b" * (LONG_WORD - 1))


@pytest.mark.xfail(reason="reportlab splits a URL at a slash and never breaks the rest again")
def test_a_url_longer_than_a_line_is_broken_within_the_margins() -> None:
    url = "https://example.org/" + "a" * 3_000
    markup = inline_markup((Text("See "), Link((Text(url),), url)), lambda _: "")
    paragraph = SafeParagraph(markup, STYLES.body)
    paragraph.wrap(WIDTH, 1e9)
    assert all(line.extraSpace >= -1e-6 for line in paragraph.blPara.lines)
