"""escape_markdown round-trips user data; read_markdown never raises on any text."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    PART_ROLES,
    Block,
    BlockQuote,
    BulletList,
    Heading,
    LetterPart,
    OrderedList,
    Para,
    plain_text,
)
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText
from policydraft.templating.markdown_writer import escape_markdown

# Printable: no control characters (C0/C1) and no lone surrogates, which no file can hold, and
# no bidirectional controls: those are refused where they are written (PD112 in YAML, PD207 in
# Markdown), so no value written there carrying one reaches a template.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
PRINTABLE = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI_CONTROLS)
)


def normalise(text: str) -> str:
    return " ".join(text.split())


def read(text: str, *, parts: tuple[str, ...] = ()) -> tuple[Block, ...]:
    return read_markdown(MarkdownText(text, Location("x.md")), Diagnostics(), parts=parts)


def all_text(blocks: tuple[Block, ...]) -> str:
    """The plain text of a read fragment, whatever blocks Markdown made of it."""
    texts: list[str] = []
    for block in blocks:
        match block:
            case Para(inlines) | Heading(_, inlines):
                texts.append(plain_text(inlines))
            case BlockQuote(children) | LetterPart(_, children):
                texts.append(all_text(children))
            case BulletList(items) | OrderedList(items, _):
                texts.extend(all_text(item) for item in items)
    return " ".join(texts)


MODEL_BLOCKS = (Para, Heading, BulletList, OrderedList, BlockQuote, LetterPart)


def assert_model_tree(blocks: tuple[Block, ...]) -> None:
    assert isinstance(blocks, tuple)
    for block in blocks:
        assert isinstance(block, MODEL_BLOCKS), block


@given(PRINTABLE)
def test_escaped_text_reads_back_literally(text: str) -> None:
    blocks = read(escape_markdown(text))
    assert normalise(all_text(blocks)) == normalise(text)
    assert all(isinstance(block, Para) for block in blocks)


# One line of printable text: no control characters and no line or paragraph separators.
ONE_LINE = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=BIDI_CONTROLS)
)


@given(ONE_LINE)
def test_one_line_reads_back_exactly(text: str) -> None:
    """Only surrounding spaces and tabs may go; a no-break space at an edge must stay."""
    kept = text.strip(" \t")
    assume(kept)
    blocks = read(f"Name: {escape_markdown(text)}\n\n{escape_markdown(text)}")
    assert len(blocks) == 2
    assert [plain_text(b.inlines) for b in blocks if isinstance(b, Para)] == [
        f"Name: {kept}",
        kept,
    ]


@given(PRINTABLE)
def test_escaped_text_reads_back_inside_a_template_line(text: str) -> None:
    """Compose puts values mid-line and at line starts, after other paragraphs."""
    blocks = read(f"Para.\n{escape_markdown(text)}\n\nSigned: {escape_markdown(text)}")
    assert [normalise(plain_text(b.inlines)) for b in blocks if isinstance(b, Para)] == [
        normalise(f"Para. {text}"),
        normalise(f"Signed: {text}"),
    ]


@pytest.mark.parametrize(
    ("data", "escaped"),
    [
        ("Tom *Star* Baxter", "Tom \\*Star\\* Baxter"),
        ("Hart & Hart <LLC>", "Hart \\& Hart \\<LLC\\>"),
        ("1. Street Films", "1\\. Street Films"),
        ("2) Two", "2\\) Two"),
        ("- Dash", "\\- Dash"),
        ("# One", "\\# One"),
        ("> Quote", "\\> Quote"),
        ("::: date", "\\::: date"),
        ("two\nlines", "two lines"),
        ("  padded  ", "padded"),
        ("O'Brien, Jr.", "O\\'Brien, Jr."),  # escaped: smart quotes would curl it
        ("\xa0Ann\xa0", "&#xA0;Ann&#xA0;"),
    ],
)
def test_escape_examples(data: str, escaped: str) -> None:
    assert escape_markdown(data) == escaped
    (block,) = read(escaped)
    assert isinstance(block, Para)
    assert plain_text(block.inlines) == data.replace("\n", " ").strip(" ")


@given(st.text())
def test_any_text_reads_without_raising(text: str) -> None:
    assert_model_tree(read(text))


@given(st.text(st.sampled_from(list("*_[]^:!#>-1.)`<&\\ \n\tabc"))))
def test_markup_heavy_text_reads_without_raising(text: str) -> None:
    assume("slot" not in text)
    assert_model_tree(read(text))
    assert_model_tree(read(text, parts=PART_ROLES))
