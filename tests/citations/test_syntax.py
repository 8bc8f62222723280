"""Citation syntax: pandoc's [@key] forms in Markdown bodies, read into Cite or PD513."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Block, Cite, CiteItem, Inline, Link, Note, Para, Text
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_citations import CitationError, parse_citation, scan_citation
from policydraft.readers.markdown_text import MarkdownText

BODY = Location("body.md")


def read(text: str, origin: Location = BODY) -> tuple[tuple[Block, ...], Diagnostics]:
    diags = Diagnostics()
    return read_markdown(MarkdownText(text, origin), diags), diags


def inlines(text: str) -> tuple[Inline, ...]:
    blocks, diags = read(text)
    assert not diags.items, diags.sorted()
    (para,) = blocks
    assert isinstance(para, Para)
    return para.inlines


# (as written, the items read from it)
PARSED = [
    pytest.param("[@campbell]", (CiteItem("campbell"),), id="key"),
    pytest.param("[@campbell, 579]", (CiteItem("campbell", pin="579"),), id="pin"),
    pytest.param("[@campbell,579-80]", (CiteItem("campbell", pin="579-80"),), id="pin-no-space"),
    pytest.param("[@campbell, p. 579]", (CiteItem("campbell", pin="579"),), id="pandoc-page"),
    pytest.param("[@campbell, pp. 5-7]", (CiteItem("campbell", pin="5-7"),), id="pandoc-pages"),
    pytest.param("[@s107, (1)]", (CiteItem("s107", pin="(1)"),), id="subsection-pin"),
    pytest.param("[@s107, § 107(a)]", (CiteItem("s107", pin="§ 107(a)"),), id="section-pin"),
    pytest.param("[see @campbell]", (CiteItem("campbell", signal="see"),), id="signal"),
    pytest.param("[See Also @a]", (CiteItem("a", signal="see also"),), id="signal-any-case"),
    pytest.param("[e.g. @a]", (CiteItem("a", signal="e.g.,"),), id="eg-without-comma"),
    pytest.param("[see, e.g., @a]", (CiteItem("a", signal="see, e.g.,"),), id="see-eg"),
    pytest.param("[but  see @a]", (CiteItem("a", signal="but see"),), id="signal-spaces"),
    pytest.param(
        "[see @campbell, 579; cf. @warhol]",
        (CiteItem("campbell", "see", "579"), CiteItem("warhol", "cf.")),
        id="two-items",
    ),
    pytest.param(
        "[@campbell, 579 (holding that parody may be fair use)]",
        (CiteItem("campbell", pin="579", parenthetical="holding that parody may be fair use"),),
        id="parenthetical",
    ),
    pytest.param(
        "[@a (quoting *Sony*)]", (CiteItem("a", parenthetical="quoting *Sony*"),), id="paren-no-pin"
    ),
    pytest.param(
        "[@a, 5 (holding that (1) x; (2) y)]",
        (CiteItem("a", pin="5", parenthetical="holding that (1) x; (2) y"),),
        id="paren-nested-and-semicolon",
    ),
    pytest.param(
        "[@s, (1) (defining terms)]",
        (CiteItem("s", pin="(1)", parenthetical="defining terms"),),
        id="subsection-and-paren",
    ),
    pytest.param("[@{fr:90.}, 5]", (CiteItem("fr:90.", pin="5"),), id="braced-key"),
    pytest.param("[@mpa-2024]", (CiteItem("mpa-2024"),), id="key-with-dash"),
    pytest.param("[@fr:90/9088]", (CiteItem("fr:90/9088"),), id="key-inner-punctuation"),
]


@pytest.mark.parametrize(("written", "items"), PARSED)
def test_parse(written: str, items: tuple[CiteItem, ...]) -> None:
    assert parse_citation(written) == items


# (as written, words the PD513 message must contain)
MALFORMED = [
    pytest.param("[@]", "names no source", id="no-key"),
    pytest.param("[see @a; ]", "item 2: an empty item", id="empty-item"),
    pytest.param("[@a;]", "empty item", id="trailing-semicolon"),
    pytest.param("[;@a]", "item 1: an empty item", id="leading-semicolon"),
    pytest.param("[@a, ]", "needs a pin cite", id="comma-no-pin"),
    pytest.param("[@a 579]", "a pin cite follows a comma", id="pin-no-comma"),
    pytest.param("[@a.]", "'.' after the key", id="key-trailing-dot"),
    pytest.param("[@a ()]", "parenthetical '()' is empty", id="empty-paren"),
    pytest.param("[@a (holding]", "never closed", id="unclosed-paren"),
    pytest.param("[se @a]", "did you mean 'see'", id="misspelt-signal"),
    pytest.param("[cf @a]", "did you mean 'cf.'", id="signal-without-period"),
    pytest.param("[see @ @a]", "'@' needs a key", id="stray-at"),
]


@pytest.mark.parametrize(("written", "words"), MALFORMED)
def test_malformed_is_explained(written: str, words: str) -> None:
    error = parse_citation(written)
    assert isinstance(error, CitationError)
    assert words in error.message


@pytest.mark.parametrize(("written", "words"), MALFORMED)
def test_malformed_is_pd513_printed_literally(written: str, words: str) -> None:
    blocks, diags = read(f"Text {written} more.", Location("args.md", 10, 3))
    assert blocks == (Para((Text(f"Text {written} more."),)),)
    (diag,) = diags.sorted()
    assert (diag.code, diag.severity, diag.file, diag.line, diag.column) == (
        "PD513",
        "error",
        "args.md",
        10,
        8,
    )
    assert diag.message.startswith(f"citation {written} cannot be read (")
    assert words in diag.message


# (Markdown, the paragraph's inlines): what is not a citation stays what it was
NOT_CITATIONS = [
    pytest.param(r"\[@key]", (Text("[@key]"),), id="escaped-bracket"),
    pytest.param(r"[\@key]", (Text("[@key]"),), id="escaped-at"),
    pytest.param("mail foo@bar.com [x]", (Text("mail foo@bar.com [x]"),), id="email"),
    pytest.param("[a@b]", (Text("[a@b]"),), id="at-inside-word"),
    pytest.param("[@user](https://x.test)", (Link((Text("@user"),), "https://x.test"),), id="link"),
    pytest.param("`[@a]`", None, id="code-span"),
    pytest.param("[@a", (Text("[@a"),), id="unclosed"),
]


@pytest.mark.parametrize(("markdown", "expected"), NOT_CITATIONS)
def test_not_a_citation(markdown: str, expected: tuple[Inline, ...] | None) -> None:
    found = inlines(markdown)
    assert not any(isinstance(inline, Cite) for inline in found)
    if expected is not None:
        assert found == expected


def test_citation_position_is_in_the_file() -> None:
    # A YAML block scalar: the body starts on line 7, indented 5 columns.
    text = "Line one.\n> quoted text [see @a, 5;\n> cf. @b] end.\n"
    blocks, diags = read(text, Location("policydraft.yaml", 7, 5))
    assert not diags.items
    cite = blocks[1].blocks[0].inlines[1]  # type: ignore[union-attr]
    assert cite == Cite(
        (CiteItem("a", "see", "5"), CiteItem("b", "cf.")), "policydraft.yaml", 8, 5 + 14
    )


def test_two_equal_citations_on_a_line_have_their_own_columns() -> None:
    cites = [i for i in inlines("[@a] and [@a]") if isinstance(i, Cite)]
    assert [c.column for c in cites] == [1, 10]


def test_footnotes_keep_working_and_hold_citations() -> None:
    blocks, diags = read("Text.[^n] And [@a].\n\n[^n]: See [@b, 4].\n")
    assert not diags.items
    para = blocks[0]
    assert isinstance(para, Para)
    note, cite = para.inlines[1], para.inlines[3]
    assert note == Note(
        (Para((Text("See "), Cite((CiteItem("b", pin="4"),), "body.md", 3, 11), Text("."))),)
    )
    assert cite == Cite((CiteItem("a"),), "body.md", 1, 15)


def test_citation_inside_emphasis() -> None:
    (emph,) = inlines("*see [@a]*")
    assert emph.children[1] == Cite((CiteItem("a"),), "body.md", 1, 6)  # type: ignore[union-attr]


@given(inner=st.text(alphabet=st.sampled_from(list("@ab ;,.()[]\\*1§-se")), max_size=30))
def test_any_bracket_text_parses_or_explains(inner: str) -> None:
    """parse_citation never raises: items (each with a key) or a reason."""
    result = parse_citation(f"[{inner}]")
    if not isinstance(result, CitationError):
        assert result and all(item.key for item in result)


@settings(max_examples=300, deadline=None)
@given(inner=st.text(max_size=40))
def test_any_bracket_text_reads_as_cite_or_text(inner: str) -> None:
    """Any text in [...] gives a Cite, or literal text with PD513 when it looked like one."""
    blocks, diags = read(f"x [{inner}] y")
    found = [i for b in blocks if isinstance(b, Para) for i in b.inlines if isinstance(i, Cite)]
    attempted = scan_citation(f"[{inner}]", 0, len(inner) + 2) is not None
    codes = {d.code for d in diags.items}
    if found:
        assert all(item.key for cite in found for item in cite.items)
    elif attempted and "\n" not in inner and "\r" not in inner and "PD207" not in codes:
        assert "PD513" in codes  # (PD207: a control character refuses the whole body)
