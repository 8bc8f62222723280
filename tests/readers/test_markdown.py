"""read_markdown: Markdown -> document tree, one table row per construct."""

from __future__ import annotations

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import (
    PART_ROLES,
    Block,
    BlockQuote,
    BulletList,
    Code,
    Emph,
    Heading,
    LetterPart,
    LineBreak,
    Link,
    Note,
    OrderedList,
    Para,
    Strong,
    Table,
    Text,
)
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText


def para(*parts: str | Text | Emph | Strong | Code | Link | LineBreak | Note) -> Para:
    return Para(tuple(Text(part) if isinstance(part, str) else part for part in parts))


BODY_FILE = Location("body.md")


def read(
    text: str,
    *,
    origin: Location = BODY_FILE,
    parts: tuple[str, ...] = (),
    slots: dict[str, tuple[Block, ...]] | None = None,
) -> tuple[tuple[Block, ...], Diagnostics]:
    diags = Diagnostics()
    blocks = read_markdown(MarkdownText(text, origin), diags, parts=parts, slots=slots or {})
    return blocks, diags


# (markdown, expected blocks); each must read without any diagnostic.
PAIRS = [
    pytest.param("", (), id="empty"),
    pytest.param("Plain text.", (para("Plain text."),), id="paragraph"),
    pytest.param("One\n\nTwo", (para("One"), para("Two")), id="two-paragraphs"),
    pytest.param("soft\nbreak", (para("soft break"),), id="soft-break"),
    pytest.param("hard  \nbreak", (para("hard", LineBreak(), "break"),), id="hard-break"),
    pytest.param("hard\\\nbreak", (para("hard", LineBreak(), "break"),), id="backslash-break"),
    pytest.param("# Top", (Heading(1, (Text("Top"),)),), id="atx-1"),
    pytest.param("### Third *x*", (Heading(3, (Text("Third "), Emph((Text("x"),)))),), id="atx-3"),
    pytest.param("Setext\n------", (Heading(2, (Text("Setext"),)),), id="setext"),
    pytest.param("*em* _em_", (para(Emph((Text("em"),)), " ", Emph((Text("em"),))),), id="emph"),
    pytest.param("**strong**", (para(Strong((Text("strong"),))),), id="strong"),
    pytest.param("***both***", (para(Emph((Strong((Text("both"),)),))),), id="emphasis-and-strong"),
    pytest.param("`a *b*`", (para(Code("a *b*")),), id="code"),
    pytest.param(
        "[the *Act*](https://example.org/act)",
        (para(Link((Text("the "), Emph((Text("Act"),))), "https://example.org/act")),),
        id="link",
    ),
    pytest.param(
        "[ref][r]\n\n[r]: https://r.org",
        (para(Link((Text("ref"),), "https://r.org")),),
        id="reference-link",
    ),
    pytest.param(
        "<https://x.org>", (para(Link((Text("https://x.org"),), "https://x.org")),), id="autolink"
    ),
    pytest.param(
        "- a\n- b",
        (BulletList(((para("a"),), (para("b"),))),),
        id="tight-bullet-list",
    ),
    pytest.param(
        "* a\n\n* b",
        (BulletList(((para("a"),), (para("b"),))),),
        id="loose-bullet-list",
    ),
    pytest.param(
        "1. a\n2. b",
        (OrderedList(((para("a"),), (para("b"),)), 1),),
        id="ordered-list",
    ),
    pytest.param(
        "3) c\n4) d",
        (OrderedList(((para("c"),), (para("d"),)), 3),),
        id="ordered-list-start",
    ),
    pytest.param(
        "- a\n  1. x\n  2. y\n- b",
        (
            BulletList(
                (
                    (para("a"), OrderedList(((para("x"),), (para("y"),)))),
                    (para("b"),),
                )
            ),
        ),
        id="nested-lists",
    ),
    pytest.param(
        "- one\n\n  two",
        (BulletList(((para("one"), para("two")),)),),
        id="multi-paragraph-item",
    ),
    pytest.param(
        "> quoted\n> text\n>\n> more",
        (BlockQuote((para("quoted text"), para("more"))),),
        id="block-quote",
    ),
    pytest.param("Tom \\*Star\\* Baxter", (para("Tom *Star* Baxter"),), id="escaped-asterisks"),
    pytest.param("Hart \\& Hart \\<LLC\\>", (para("Hart & Hart <LLC>"),), id="escaped-amp-lt"),
    pytest.param("A &amp; B &copy; &#35;", (para("A & B © #"),), id="entities"),
    pytest.param("Hart & Hart <LLC>", (para("Hart & Hart <LLC>"),), id="raw-html-is-text"),
    pytest.param("<div>\nhi\n</div>", (para("<div> hi </div>"),), id="html-block-is-text"),
    pytest.param("\\# not a heading", (para("# not a heading"),), id="escaped-heading"),
    pytest.param("1\\. not a list", (para("1. not a list"),), id="escaped-list"),
    pytest.param("::: date\nx\n:::", (para("::: date x :::"),), id="no-parts-no-containers"),
    pytest.param("a ~~b~~", (para("a ~~b~~"),), id="no-strikethrough"),
    pytest.param(
        r"\[@campbell, 579]", (para("[@campbell, 579]"),), id="escaped-citation-stays-text"
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), PAIRS)
def test_pairs(markdown: str, expected: tuple[Block, ...]) -> None:
    blocks, diags = read(markdown)
    assert blocks == expected
    assert diags.items == []


# --- footnotes ---------------------------------------------------------------------------------

NOTE_PAIRS = [
    pytest.param(
        "Claim.[^a] More.\n\n[^a]: The note.",
        (para("Claim.", Note((para("The note."),)), " More."),),
        id="at-reference",
    ),
    pytest.param(
        "[^a]: Defined first.\n\nThen used.[^a]",
        (para("Then used.", Note((para("Defined first."),))),),
        id="defined-before-use",
    ),
    pytest.param(
        "X.[^long]\n\n[^long]: First.\n\n    Second *para*.\n\nAfter.",
        (
            para("X.", Note((para("First."), para("Second ", Emph((Text("para"),)), ".")))),
            para("After."),
        ),
        id="multi-block-note",
    ),
    pytest.param(
        "A.[^n] B.[^n]\n\n[^n]: Same.",
        (para("A.", Note((para("Same."),)), " B.", Note((para("Same."),))),),
        id="referenced-twice-repeats",
    ),
    pytest.param(
        "Inline.^[A *quick* note.]",
        (para("Inline.", Note((para("A ", Emph((Text("quick"),)), " note."),))),),
        id="inline-note",
    ),
    pytest.param(
        "- item[^i]\n\n[^i]: In a list.",
        (BulletList(((para("item", Note((para("In a list."),))),),)),),
        id="in-list",
    ),
    pytest.param(
        "*Emph[^e]*\n\n[^e]: E.",
        (para(Emph((Text("Emph"), Note((para("E."),))))),),
        id="inside-emphasis",
    ),
    pytest.param("Literal \\[^x]", (para("Literal [^x]"),), id="escaped-reference"),
]


@pytest.mark.parametrize(("markdown", "expected"), NOTE_PAIRS)
def test_footnotes(markdown: str, expected: tuple[Block, ...]) -> None:
    blocks, diags = read(markdown)
    assert blocks == expected
    assert diags.items == []


def test_footnotes_are_scoped_to_one_body() -> None:
    diags = Diagnostics()
    read_markdown(MarkdownText("[^a]: Only here.", Location("one.md")), diags)
    read_markdown(MarkdownText("Uses it.[^a]", Location("two.md")), diags)
    assert [(d.file, d.code) for d in diags] == [("one.md", "PD202"), ("two.md", "PD201")]


# (markdown, expected blocks, [(severity, code, line, column, fragment)]) with origin 10:3
DIAGNOSTIC_CASES = [
    pytest.param(
        "Intro.\n\nSee this.[^gone] ok",
        (para("Intro."), para("See this.[^gone] ok")),
        [("error", "PD201", 12, 12, "footnote reference [^gone] has no definition")],
        id="PD201-undefined",
    ),
    pytest.param(
        "a\nb [^x] c\n\n[^y]: other",
        (para("a b [^x] c"),),
        [
            ("error", "PD201", 11, 5, "[^x] has no definition"),
            ("warning", "PD202", 13, 3, "footnote [^y] is defined but never referenced"),
        ],
        id="PD201-second-line-and-PD202",
    ),
    pytest.param(
        "A.[^d]\n\n[^d]: First.\n[^d]: Second.",
        (para("A.", Note((para("First."),))),),
        [("error", "PD204", 13, 3, "footnote [^d] is defined twice (first at line 12)")],
        id="PD204-defined-twice",
    ),
    pytest.param(
        "A.[^a]\n\n[^a]: See also.[^b]\n[^b]: Nested.",
        (para("A.", Note((para("See also."),))),),
        [("error", "PD205", 12, 18, "footnote [^b] is referenced inside footnote [^a]")],
        id="PD205-nested-note",
    ),
    pytest.param(
        "A.[^s]\n\n[^s]: Loop[^s].",
        (para("A.", Note((para("Loop."),))),),
        [("error", "PD201", 12, 3, "footnote [^s] refers to itself")],
        id="PD201-self-reference",
    ),
    pytest.param(
        "Text\n\n![Logo *x*](logo.png)",
        (para("Text"), para("![Logo x](logo.png)")),
        [("warning", "PD203", 12, 3, "image ![Logo x](logo.png) cannot be placed")],
        id="PD203-image",
    ),
    pytest.param(  # tables are real tables now (tests/readers/test_tables.py)
        "| a | b |\n|---|---|\n| 1 |\n",
        (Table(((para("a"),), (para("b"),), (para("1"),), ()), ("default", "default")),),
        [("warning", "PD210", 12, 3, "table row has 1 of the header's 2 cells")],
        id="PD210-short-table-row",
    ),
    pytest.param(
        "Above\n\n---\n\nBelow",
        (para("Above"), para("Below")),
        [("warning", "PD203", 12, 3, "horizontal rule")],
        id="PD203-thematic-break",
    ),
    pytest.param(
        "Para\n\n    indented *code*\n    line 2\n",
        (para("Para"), para("indented *code*", LineBreak(), "line 2")),
        [("warning", "PD203", 12, 3, "code block printed as plain lines")],
        id="PD203-code-block",
    ),
    pytest.param(
        "```\nfenced\n```",
        (para("fenced"),),
        [("warning", "PD203", 10, 3, "code block")],
        id="PD203-fence",
    ),
]


@pytest.mark.parametrize(("markdown", "expected", "expected_diags"), DIAGNOSTIC_CASES)
def test_diagnostics(
    markdown: str,
    expected: tuple[Block, ...],
    expected_diags: list[tuple[str, str, int, int, str]],
) -> None:
    blocks, diags = read(markdown, origin=Location("policydraft.yaml", 10, 3))
    assert blocks == expected
    found = diags.sorted()
    assert [(d.severity, d.code, d.line, d.column) for d in found] == [
        expected[:4] for expected in expected_diags
    ]
    for diagnostic, (*_, fragment) in zip(found, expected_diags, strict=True):
        assert diagnostic.file == "policydraft.yaml"
        assert fragment in diagnostic.message


# --- letter parts and slots ----------------------------------------------------------------

SIGNATURES: tuple[Block, ...] = (para("Jane Roe"), para("John Doe"))


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param(
            "::: date\nMarch 15, 2025\n:::",
            (LetterPart("date", (para("March 15, 2025"),)),),
            id="part",
        ),
        pytest.param(
            "::: addressee\nA  \nB\n:::\n\n::: salutation\nDear *Sir*:\n:::",
            (
                LetterPart("addressee", (para("A", LineBreak(), "B"),)),
                LetterPart("salutation", (para("Dear ", Emph((Text("Sir"),)), ":"),)),
            ),
            id="two-parts",
        ),
        pytest.param(
            "Before\n\n::: slot signatures\n:::\n\nAfter",
            (para("Before"), *SIGNATURES, para("After")),
            id="slot",
        ),
        pytest.param(
            ":::: signature\n::: slot signatures\n:::\n::::",
            (LetterPart("signature", SIGNATURES),),
            id="slot-inside-part",
        ),
        pytest.param(
            "::: date\nNot closed",
            (LetterPart("date", (para("Not closed"),)),),
            id="unclosed-part",
        ),
    ],
)
def test_parts_and_slots(markdown: str, expected: tuple[Block, ...]) -> None:
    blocks, diags = read(markdown, parts=PART_ROLES, slots={"signatures": SIGNATURES})
    assert blocks == expected
    assert diags.items == []


@pytest.mark.parametrize(
    ("markdown", "expected", "fragment"),
    [
        pytest.param(
            "x\n\n::: dat\nkept\n:::",
            (para("x"), para("kept")),
            "unknown letter part '::: dat'; did you mean 'date'?",
            id="misspelt",
        ),
        pytest.param(
            "::: footer\nkept\n:::",
            (para("kept"),),
            "unknown letter part '::: footer'; known parts: addressee, closing,",
            id="unknown",
        ),
        pytest.param(":::\nkept\n:::", (para("kept"),), "needs a letter part name", id="no-name"),
        pytest.param(
            "::: slot signatures\nlost\n:::",
            SIGNATURES,
            "'::: slot signatures' must be empty",
            id="slot-with-content",
        ),
    ],
)
def test_unknown_parts_are_PD304(markdown: str, expected: tuple[Block, ...], fragment: str) -> None:
    blocks, diags = read(markdown, parts=PART_ROLES, slots={"signatures": SIGNATURES})
    assert blocks == expected
    assert [d.code for d in diags] == ["PD304"]
    assert fragment in diags.items[0].message


def test_part_not_in_the_allowed_parts() -> None:
    blocks, diags = read("::: date\nx\n:::", parts=("title",))
    assert blocks == (para("x"),)
    assert [(d.code, d.line) for d in diags] == [("PD304", 1)]


def test_unknown_slot_is_a_diagnostic() -> None:
    """A template may spell out a slot by hand; a name with no body is the user's mistake."""
    blocks, diags = read("::: slot nope\n:::", parts=PART_ROLES, slots={"signatures": SIGNATURES})
    assert blocks == ()
    assert [(d.code, d.line) for d in diags] == [("PD304", 1)]
    assert "names no body of this letter (bodies: signatures)" in diags.items[0].message


def test_parts_must_be_letter_roles() -> None:
    with pytest.raises(ValueError, match="not letter part roles"):
        read("x", parts=("footer",))


def test_adjacent_text_is_merged_and_never_empty() -> None:
    blocks, _ = read("a \\* b &amp; c `` d\n e")
    assert blocks == (para("a * b & c `` d e"),)
