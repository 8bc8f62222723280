"""Quotations checked against the sources' local copies (PD521, PD522)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from policydraft.citations import copies
from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.copies import CopyText, normalise
from policydraft.citations.quotes import (
    check_quotations,
    closest_passage,
    find_quotations,
    first_difference,
    is_quoted_in,
    quotation_parts,
)
from policydraft.citations.source import Source
from policydraft.diagnostics import Diagnostic, Diagnostics, Location
from policydraft.model import (
    Block,
    BlockQuote,
    Cite,
    CiteItem,
    Document,
    Emph,
    Inline,
    Metadata,
    Note,
    Para,
    Text,
)

COPY = (
    "By the Court. The fair use doctrine “permits and requires courts to avoid rigid\n"
    "application of the copyright statute when, on occasion, it would stifle the very\n"
    "creativity which that law is designed to foster.” The task is not to be simpliﬁed\n"
    "with bright-line rules \u2014 for the statute, like the doctrine it recognizes, calls\n"
    "for case-by-case analysis.\n"
)


# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  several\n\tspaces  ", "several spaces"),
        ("Curly “double” and ‘single’", "curly double and single"),
        (
            "Straight \"double\" and 'single'",
            "curly double and single".replace("curly", "straight"),
        ),
        ("copy-\nright", "copyright"),
        ("copy\u00ad\nright", "copyright"),
        ("case-by-case", "case-by-case"),
        ("bright\u2013line", "bright-line"),
        ("bright \u2010 line", "bright-line"),
        ("rules \u2014 for", "rules-for"),
        ("rules -- for", "rules-for"),
        ("1994\u201395", "1994-95"),
        ("simpliﬁed", "simplified"),
        ("ﬂow", "flow"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("ends…", "ends..."),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@given(st.text())
def test_normalise_is_idempotent_and_never_raises(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text())
def test_any_quotation_can_be_looked_for(text: str) -> None:
    parts = quotation_parts(text)
    assert isinstance(is_quoted_in(parts, CopyText.of(COPY)), bool)
    if parts:
        passage, similarity = closest_passage(parts, CopyText.of(COPY))
        assert 0 <= similarity <= 1
        assert len(passage) <= 120


@given(st.text(alphabet=st.characters(exclude_characters="[].…\u2025\ufe19")))
def test_any_text_is_found_in_itself(text: str) -> None:
    parts = quotation_parts(text)
    assert is_quoted_in(parts, CopyText.of(text))


@pytest.mark.parametrize(
    ("quotation", "parts"),
    [
        ("permits and requires", ["permits and requires"]),
        ("[b]y the Court.", ["by the court"]),
        ("[T]he task", ["the task"]),
        ("the statute[] calls", ["the statute calls"]),
        ("permits . . . courts", ["permits", "courts"]),
        ("permits ... courts ...", ["permits", "courts"]),
        ("permits … courts", ["permits", "courts"]),
        ("[the doctrine] calls for", ["calls for"]),
        ("the statue [sic] calls", ["the statue calls"]),
    ],
)
def test_quotation_parts(quotation: str, parts: list[str]) -> None:
    assert quotation_parts(quotation) == parts


@pytest.mark.parametrize(
    ("quotation", "found"),
    [
        ("permits and requires courts to avoid rigid application", True),
        ('permits and requires courts to avoid rigid application of the "copyright statute"', True),
        ("[b]y the Court.", True),
        ("[T]he fair use doctrine", True),
        ("The fair use doctrine permits . . . courts to avoid rigid application", True),
        ("it would stifle the very creativity … that law is designed to foster.", True),
        ("[the doctrine] calls for case-by-case analysis", True),
        ("The task is not to be simplified with bright-line rules", True),
        ("with bright line rules", False),  # a hyphen is not a space
        ("bright-line rules—for the statute", True),
        ("bright‐line rules -- for the statute", True),
        ("copyright\u2011statute", False),
        ("the copy-right statute", True),
        ("permits and requires courts to adopt rigid application", False),
        ("courts to avoid ... permits", False),  # the parts are out of order
        ("he Court", False),  # only whole words
    ],
)
def test_quotation_found_in_copy(quotation: str, found: bool) -> None:
    assert is_quoted_in(quotation_parts(quotation), CopyText.of(COPY)) is found


# --- finding quotations in the tree ---------------------------------------------------------


def cite(key: str = "campbell", line: int = 12, column: int = 40) -> Cite:
    return Cite((CiteItem(key),), "arguments/fair-use.md", line, column)


def para(*inlines: Inline | str) -> Para:
    return Para(tuple(Text(i) if isinstance(i, str) else i for i in inlines))


@pytest.mark.parametrize(
    ("inlines", "quoted"),
    [
        (("The Court said “it would stifle”", cite()), "it would stifle"),
        (("The Court said “it would stifle.”", cite()), "it would stifle."),
        (("The Court said “it would stifle”.", cite()), "it would stifle"),
        (("The Court said “it would stifle,” ", cite()), "it would stifle,"),
        (('The Court said "it would stifle"', cite()), "it would stifle"),
        (("“A ", Emph((Text("very"),)), " creative” work", cite()), None),
        (("A “", Emph((Text("very"),)), " creative” ", cite()), "very creative"),
        (("No quotation here", cite()), None),
        (("“Quoted” and then more text", cite()), None),
        (("“one”", cite("a"), " and “two”", cite("b")), "two"),
    ],
)
def test_find_inline_quotations(inlines: tuple[Inline | str, ...], quoted: str | None) -> None:
    found = [q.text for q in find_quotations((para(*inlines),))]
    assert (found[-1] if found else None) == quoted


def test_block_quote_ending_with_a_citation() -> None:
    quote = BlockQuote((para("First paragraph."), para("Second paragraph.", cite(), ".")))
    uncited = BlockQuote((para("Not cited."),))
    (found,) = find_quotations((quote, uncited))
    assert found.text == "First paragraph. Second paragraph."


def test_quotations_in_footnotes_are_found() -> None:
    note = Note((para("As the Court put it, “by the Court”", cite()),))
    (found,) = find_quotations((para("Text.", note),))
    assert found.text == "by the Court"


# --- checking against copies --------------------------------------------------------------

SOURCE: dict[str, Any] = {
    "id": "campbell",
    "type": "case",
    "name": "Campbell v. Acuff-Rose Music, Inc.",
    "volume": 510,
    "reporter": "U.S.",
    "page": 569,
    "year": 1994,
}


def bibliography(*entries: dict[str, Any]) -> Bibliography:
    adapter: TypeAdapter[Any] = TypeAdapter(Source)
    return Bibliography(
        {
            entry["id"]: LocatedSource(
                adapter.validate_python(entry), Location("sources.yaml", 4 * i + 1)
            )
            for i, entry in enumerate(entries)
        },
        "sources.yaml",
    )


def check(folder: Path, blocks: tuple[Block, ...], *entries: dict[str, Any]) -> list[Diagnostic]:
    diags = Diagnostics()
    doc = Document(Metadata("Title", "Author"), blocks)
    check_quotations(doc, bibliography(*(entries or (SOURCE,))), folder, diags)
    return diags.sorted()


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    canvas = Canvas(str(path), pagesize=letter)
    for lines in pages:
        for i, line in enumerate(lines):
            canvas.drawString(72, 720 - 14 * i, line)
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "campbell.txt").write_text(COPY, encoding="utf-8")
    return tmp_path


def with_copy(file: str = "sources/campbell.txt", **more: Any) -> dict[str, Any]:
    return {**SOURCE, "file": file, **more}


def test_quotation_found_in_text_copy(folder: Path) -> None:
    blocks = (para("The Court warned that “it would stifle the very creativity.”", cite()),)
    assert check(folder, blocks, with_copy()) == []


def test_quotation_not_found_shows_where_it_differs(folder: Path) -> None:
    blocks = (para("The Court said “it would smother the very creativity”", cite(), "."),)
    (found,) = check(folder, blocks, with_copy())
    assert (found.file, found.line, found.column, found.severity, found.code) == (
        "arguments/fair-use.md",
        12,
        40,
        "error",
        "PD521",
    )
    assert found.message == (
        "quotation “it would smother the very creativity” is not in the local copy of "
        "'campbell'; the closest passage (90% alike) differs at “it would [smother] the very "
        "creativity” where the copy reads “it would [stifle] the very creativity”"
    )


def test_file_relative_to_the_sources_folder(folder: Path) -> None:
    blocks = (para("“[b]y the Court”", cite()),)
    assert check(folder, blocks, with_copy("campbell.txt")) == []


def test_quotation_across_a_pdf_line_break_hyphen(folder: Path) -> None:
    write_pdf(
        folder / "sources" / "campbell.pdf",
        [
            ["An opening page."],
            ["The doctrine protects the copy-", "right holder and the public \u2013 alike."],
        ],
    )
    good = para("It “protects the copyright holder and the public—alike.”", cite())
    bad = para("It “protects the copyright owner”", cite(line=20))
    found = check(folder, (good, bad), with_copy("sources/campbell.pdf"))
    assert [(d.code, d.line) for d in found] == [("PD521", 20)]
    # the passage was joined across the line-break hyphen, and the difference is pointed at
    assert "“protects the copyright [holder]”" in found[0].message


def test_html_copy_ignores_scripts_and_styles(folder: Path) -> None:
    html = (
        "<html><head><title>Opinion</title><style>p { hidden text }</style></head><body>"
        "<script>var secret = 'hidden words';</script><p>Visible&nbsp;words&mdash;here</p>"
        "<p>and&#8203;more</p></body></html>"
    )
    (folder / "sources" / "opinion.html").write_text(html, encoding="utf-8")
    blocks = (
        para("“Visible words—here”", cite(line=1)),
        para("“hidden words”", cite(line=2)),
        para("“hidden text”", cite(line=3)),
    )
    found = check(folder, blocks, with_copy("sources/opinion.html"))
    assert [d.line for d in found] == [2, 3]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.pdf", None, "does not exist"),
        ("latin1.txt", "caf\xe9".encode("latin-1"), "is not UTF-8 text"),
        ("copy.docx", b"PK\x03\x04", "is a .docx file"),
        ("broken.pdf", b"%PDF-1.4 not really", "is not a readable PDF"),
        ("blank.txt", b"  \n", "has no text"),
    ],
)
def test_unusable_copy_is_reported_once_at_the_source(
    folder: Path, name: str, content: bytes | None, reason: str
) -> None:
    if content is not None:
        (folder / "sources" / name).write_bytes(content)
    blocks = (para("“one”", cite()), para("“two”", cite()))
    (found,) = check(folder, blocks, with_copy(f"sources/{name}"))
    assert (found.file, found.line, found.code, found.severity) == (
        "sources.yaml",
        1,
        "PD522",
        "warning",
    )
    assert found.message.startswith(f"the local copy 'sources/{name}' of source 'campbell' ")
    assert reason in found.message


def test_pdf_without_text_is_unusable(folder: Path) -> None:
    write_pdf(folder / "sources" / "scan.pdf", [[]])
    (found,) = check(folder, (para("“words”", cite()),), with_copy("sources/scan.pdf"))
    assert found.code == "PD522"
    assert "has no text" in found.message


def test_missing_copy_is_reported_even_when_not_quoted(folder: Path) -> None:
    (found,) = check(folder, (para("No quotation."),), with_copy("sources/gone.pdf"))
    assert found.code == "PD522"


def test_sources_without_copy_or_unknown_keys_are_not_checked(folder: Path) -> None:
    blocks = (para("“anything at all”", cite()), para("“anything”", cite("unknown")))
    # not checked: only the one PD528 saying the quotation of 'campbell' has no copy
    assert [found.code for found in check(folder, blocks, SOURCE)] == ["PD528"]


def test_a_quotation_may_come_from_a_cited_source_without_a_copy(folder: Path) -> None:
    other = {**SOURCE, "id": "other"}
    both = Cite((CiteItem("campbell"), CiteItem("other")), "a.md", 3, 1)
    assert check(folder, (para("“not in the copy”", both),), with_copy(), other) == []
    with_copies = {**other, "file": "sources/campbell.txt"}
    (found,) = check(folder, (para("“not in the copy”", both),), with_copy(), with_copies)
    assert found.code == "PD521"


def test_each_copy_is_read_once_per_run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    real = copies.extract_text

    def counting(path: Path) -> str:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(copies, "extract_text", counting)
    blocks = tuple(para(f"“{words}”", cite()) for words in ("By the Court", "task", "nowhere"))
    assert [d.code for d in check(folder, blocks, with_copy())] == ["PD521"]
    assert len(calls) == 1


@pytest.mark.parametrize(
    ("quoted", "copied", "expected"),
    [
        ("a b c d", "a b x d", "“a b [c] d” where the copy reads “a b [x] d”"),
        ("a b c", "a b c", None),
        # a misaligned first word of the window is not the difference worth showing
        ("(1) p q r s", "include-(1) p q x s",
         "“(1) p q [r] s” where the copy reads “include-(1) p q [x] s”"),
    ],
)  # fmt: skip
def test_first_difference(quoted: str, copied: str, expected: str | None) -> None:
    assert first_difference(quoted.split(), copied.split()) == expected
