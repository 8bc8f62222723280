"""The signatory appendix written as text while document.xml is deflated (writers/docx/
appendix.py and streamed.py), held to the tree it replaces.

``tree_entries`` below builds the entries as lxml elements the way the writer did before it
streamed them: a copy of a template paragraph per entry, control characters dropped,
``xml:space`` where spaces need it, a run per script (``split_script_runs``). Both ways must
give the same file byte for byte, hostile names, review copies and reference documents
included; the names also read back with lxml in order, in their styles and runs.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from policydraft.model import Appendix, Document, LetterPart, Text
from policydraft.model import SignatoryEntry as Entry
from policydraft.model import SignatoryGroup as Group
from policydraft.review import ReviewCopy
from policydraft.writers.docx import DocxOptions, appendix, blocks
from policydraft.writers.docx.appendix import (
    _UNUSUAL,
    Entries,
    add_entries,
    escape_attribute,
    escape_text,
)
from policydraft.writers.docx.oxml import W_NS, XML_SPACE, needs_preserve, w, xml_text
from policydraft.writers.docx.scripts import needs_script_runs, split_script_runs
from policydraft.writers.docx.streamed import (
    StreamedPart,
    count_paragraphs,
    streamed_part,
    write_entry,
)
from policydraft.writers.docx.styles import TWIPS
from tests.helpers import run_cli, write_submission
from tests.writers.ooxml_validation import package_errors, read_parts, schema_errors
from tests.writers.test_docx import NS, SAMPLE, Package, letter, para, render, text_of

# --- the tree the text stands for -----------------------------------------------------------


def tree_entries(
    container: etree._Element, groups: tuple[Group, ...], styles: Any, entry_gap: float
) -> None:
    """The entries as elements, as the writer built them before it streamed them."""

    def paragraph(style: str, text: str, lone: bool = False) -> None:
        element = etree.SubElement(container, w("p"))
        properties = etree.SubElement(element, w("pPr"))
        etree.SubElement(properties, w("pStyle"), {w("val"): styles[style]})
        if lone:
            etree.SubElement(properties, w("keepNext"), {w("val"): "0"})
            etree.SubElement(properties, w("spacing"), {w("after"): str(round(entry_gap * TWIPS))})
        run = etree.SubElement(element, w("r"))
        t = etree.SubElement(run, w("t"))
        t.text = xml_text(text)
        if needs_preserve(text):
            t.set(XML_SPACE, "preserve")
        split_script_runs(run, text)

    for group in groups:
        if group.heading is not None:
            paragraph("Signatory Group", group.heading)
        for entry in group.entries:
            if entry.affiliation:
                paragraph("Signatory Name", entry.name)
                paragraph("Signatory Affiliation", entry.affiliation)
            else:
                paragraph("Signatory Name", entry.name, lone=True)
    if any(group.entries for group in groups):
        appendix._end_without_gap(container[-1])


def tree_render(document: Document, options: DocxOptions | None = None) -> bytes:
    """``document`` written with the entries in the tree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(blocks, "add_entries", tree_entries)
        return render(document, options)


# --- the table of hostile names --------------------------------------------------------------

HOSTILE = (
    "Tom & Jerry", "<script>alert(1)</script>", 'Say "hi"', "O'Brien", "a]]>b", "tab\there",
    "cr\rlf\r\n", "line\nbreak", " leading", "trailing ", "two  spaces", "\x00nul\x07bell\x1f",
    "\x0b\x0c", "\ufffe\uffff", "lone \ud800 surrogate", "\x7f\x85\u2028\u2029", "&amp;",
    "דוד כהן", "ليلى حداد", "Dr. דוד כהן, PhD", "प्रिया शर्मा", "অমিত সেন", "கார்த்திக்",
    "สมชาย ใจดี", "王小明", "山田 たろう", "김민준; 王小明", "ਗੁਰਪ੍ਰੀਤ", "Zoë 👩‍🎤 𝔘𝔫𝔦",
    "\u200f\u202eRLO", "e\u0301\u0301", "", "   ", "\x01", " דוד ", "a  דוד  b", "ﷺ",
    "\uff21\uff22", "𠀀𠀁", "\t\x01 ", "&<>\"'\r", "x" * 5000, "Ada\x00Lovelace",
)  # fmt: skip


def entries(names: tuple[str, ...] | list[str], every: int = 2) -> tuple[Entry, ...]:
    """Signers named ``names``; every ``every``-th has no affiliation, the others "Actor & Co"."""
    return tuple(Entry(n, "" if i % every == 0 else "Actor & Co <x>") for i, n in enumerate(names))


def signers(groups: tuple[Group, ...], columns: int = 3) -> Appendix:
    return Appendix((Text("Appendix: Signatories"),), (para("They signed."),), groups, columns)


REVIEW = ReviewCopy("DRAFT", dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.UTC))
HOSTILE_LETTER = letter(
    signers(
        (
            Group('Hostile & <group> "q"', entries(HOSTILE)),
            Group("\x01 ליה", tuple(Entry(n, n) for n in reversed(HOSTILE))),
        )
    ),
    para("After the list."),
)
# Names that need more than the template on both sides of a chunk's edge (4,096 entries).
EDGES = {0, 1, 4094, 4095, 4096, 4097, 8191, 8192, 9998}
MANY = tuple(HOSTILE[i % len(HOSTILE)] if i in EDGES else f"Signer {i}" for i in range(10_000))

CASES: dict[str, tuple[Document, DocxOptions | None]] = {
    "sample": (SAMPLE, None),
    "sample, review copy": (SAMPLE, DocxOptions(review=REVIEW)),
    "sample, minimum size": (SAMPLE, DocxOptions(minimum_size=12)),
    "hostile names": (HOSTILE_LETTER, None),
    "hostile names, review copy": (HOSTILE_LETTER, DocxOptions(review=REVIEW)),
    "one name": (letter(signers((Group(None, (Entry("Only One"),)),))), None),
    "one name with affiliation": (letter(signers((Group(None, (Entry("One", "Aff"),)),))), None),
    "heading and one name": (letter(signers((Group("G", (Entry("One"),)),))), None),
    "last group empty": (letter(signers((Group("A", entries(["x", "y"])), Group("B", ())))), None),
    "one column, then text": (letter(signers((Group(None, entries(HOSTILE[:9])),), 1)), None),
    "two lists": (
        letter(signers((Group("A", entries(HOSTILE[:7])),)), signers((Group(None, (Entry(""),)),))),
        None,
    ),
    "in a letter part": (
        letter(LetterPart("closing", (signers((Group(None, entries(["a", "b", "c"])),)),))),
        None,
    ),
    "10,000 names, unusual ones at chunk edges": (
        letter(signers((Group("All", entries(MANY, every=3)), Group("More", entries(MANY[:5]))))),
        None,
    ),
}  # fmt: skip


def _reference(folder: Path, kind: str) -> Path:
    path = folder / f"{kind}.docx"
    if kind == "python-docx":
        docx.Document().save(str(path))
    else:
        path.write_bytes(render(SAMPLE))
    return path


@pytest.mark.parametrize("case", CASES)
def test_the_streamed_file_is_the_tree_file(case: str) -> None:
    document, options = CASES[case]
    assert render(document, options) == tree_render(document, options)


@pytest.mark.parametrize("kind", ["python-docx", "our own letter"])
def test_the_streamed_file_is_the_tree_file_on_a_reference(tmp_path: Path, kind: str) -> None:
    options = DocxOptions(reference_docx=_reference(tmp_path, kind), review=REVIEW)
    assert render(HOSTILE_LETTER, options) == tree_render(HOSTILE_LETTER, options)


@pytest.mark.parametrize("case", ["hostile names", "10,000 names, unusual ones at chunk edges"])
def test_the_entries_are_not_in_the_tree(monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """Every paragraph but the last is deferred (the placeholder's stretch), not built."""
    deferred: list[bool] = []
    defer = appendix.defer

    def spy(container: etree._Element, stretch: Any) -> bool:
        deferred.append(defer(container, stretch))
        return deferred[-1]

    monkeypatch.setattr(appendix, "defer", spy)
    render(*CASES[case])
    assert deferred and all(deferred)


def test_the_streamed_file_is_schema_valid() -> None:
    parts = read_parts(render(HOSTILE_LETTER, DocxOptions(review=REVIEW)))
    assert schema_errors(parts) == []
    assert package_errors(parts) == []


# --- the names read back ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile() -> Package:
    return Package(render(HOSTILE_LETTER))


def test_names_come_back_in_order_and_in_their_styles(hostile: Package) -> None:
    style = {hostile.style_id(n): n for n in ("Signatory Name", "Signatory Affiliation")}
    style[hostile.style_id("Signatory Group")] = "Signatory Group"
    found = [
        (style[p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)], text_of(p))
        for p in hostile.body.iterfind(f"{{{W_NS}}}p")
        if p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) in style
    ]
    expected = [("Signatory Group", xml_text('Hostile & <group> "q"'))]
    for entry in entries(HOSTILE):
        expected.append(("Signatory Name", xml_text(entry.name)))
        if entry.affiliation:
            expected.append(("Signatory Affiliation", entry.affiliation))
    expected.append(("Signatory Group", xml_text("\x01 ליה")))
    for name in reversed(HOSTILE):
        expected += [("Signatory Name", xml_text(name))]
        expected += [("Signatory Affiliation", xml_text(name))] if name else []
    assert found == expected


def test_a_name_alone_carries_the_gap_and_the_last_paragraph_none(hostile: Package) -> None:
    name = hostile.style_id("Signatory Name")
    lone = hostile.xpath(
        "word/document.xml", f"//w:p[w:pPr/w:pStyle/@w:val='{name}'][w:pPr/w:keepNext]"
    )
    assert len(lone) == len(entries(HOSTILE)[::2]) + 1  # the empty name below has none
    gaps = {p.xpath("string(w:pPr/w:spacing/@w:after)", namespaces=NS) for p in lone}
    assert gaps == {str(round(4.0 * TWIPS))}
    last = hostile.xpath("word/document.xml", "//w:p[w:pPr/w:sectPr][2]")[0]
    assert last.xpath("string(w:pPr/w:spacing/@w:after)", namespaces=NS) == "0"
    assert text_of(last) == xml_text(HOSTILE[0])  # the second group's last affiliation


@pytest.mark.parametrize("name", [n for n in HOSTILE if xml_text(n).strip()])
def test_each_name_is_written_literally_in_its_runs(hostile: Package, name: str) -> None:
    """Escaped once, spaces kept where Word would drop them, right-to-left and East Asian
    runs marked as ``split_script_runs`` marks them."""
    paragraphs = [p for p in hostile.body.iterfind(f"{{{W_NS}}}p") if text_of(p) == xml_text(name)]
    assert paragraphs, name
    runs = paragraphs[0].findall(w("r"))
    if needs_script_runs(name):
        assert len(runs) >= 1
        assert any(r.find(w("rPr")) is not None for r in runs)
    else:
        assert len(runs) == 1
        preserve = runs[0].find(w("t")).get(XML_SPACE)  # type: ignore[union-attr]
        assert (preserve == "preserve") == needs_preserve(name)
    if any("\u0590" <= c <= "\u08ff" for c in name):
        assert any(r.find(f"{w('rPr')}/{w('rtl')}") is not None for r in runs)


def test_the_list_is_its_own_section_of_three_columns(hostile: Package) -> None:
    sections = hostile.xpath("word/document.xml", "//w:sectPr")
    assert [s.xpath("string(w:cols/@w:num)", namespaces=NS) for s in sections] == ["", "3", ""]


# --- the text, character by character ----------------------------------------------------


def _lxml_text(text: str) -> str:
    element = etree.Element("t")
    element.text = text
    serialised = etree.tostring(element, encoding="UTF-8").decode()
    return serialised.removeprefix("<t>").removesuffix("</t>") if serialised != "<t/>" else ""


def _lxml_attribute(value: str) -> str:
    serialised = etree.tostring(etree.Element("a", v=value), encoding="UTF-8").decode()
    return serialised.removeprefix('<a v="').removesuffix('"/>')


@given(st.text())
def test_text_is_escaped_as_lxml_escapes_it(text: str) -> None:
    assert escape_text(xml_text(text)) == _lxml_text(xml_text(text))


@given(st.text())
def test_attributes_are_escaped_as_lxml_escapes_them(text: str) -> None:
    assert escape_attribute(xml_text(text)) == _lxml_attribute(xml_text(text))


def _characters() -> Iterator[str]:
    yield from map(chr, range(0x10000))
    yield from map(chr, (0x10000, 0x1F469, 0x1FFFF, 0x20000, 0x2A6DF, 0x3FFFF, 0x40000, 0x10FFFF))


def test_every_character_that_needs_more_than_the_template_is_found() -> None:
    """By the one search of a batch of names (NUL, which joins them, is counted apart)."""
    missed = [
        f"U+{ord(c):04X}"
        for c in _characters()
        if (c in "&<>\r" or xml_text(c) != c or needs_script_runs(c))
        and not (_UNUSUAL.search(c) or c == "\0")
    ]
    assert missed == []


NAME_TEXT = st.text(
    st.one_of(
        st.sampled_from(" \t\r\n\x00\x01\x1f&<>\"' \u00a0\u2028\u200f"),
        st.characters(codec="utf-8"),
        st.sampled_from("דוד ليلى प्रिया 王小明 たろう 김민준 ﷺ 𠀀"),
    ),
    max_size=12,
)


def _body_xml(add: Any, groups: tuple[Group, ...]) -> bytes:
    """A blank python-docx document's XML with ``groups`` added to its body by ``add``."""
    word = docx.Document()
    root = word.element
    styles = {"Signatory Group": "G", "Signatory Name": "N", "Signatory Affiliation": 'A&"<'}
    add(root.body, groups, styles, 4.5)
    blob = etree.tostring(root, encoding="UTF-8", standalone=True)
    data = streamed_part(root, blob)
    return data if isinstance(data, bytes) else b"".join(data.chunks())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(NAME_TEXT, NAME_TEXT), min_size=1, max_size=8),
    st.one_of(st.none(), NAME_TEXT),
)
def test_any_names_give_the_tree_bytes(pairs: list[tuple[str, str]], heading: str | None) -> None:
    groups = (Group(heading, tuple(Entry(n, a) for n, a in pairs)),)
    assert _body_xml(add_entries, groups) == _body_xml(tree_entries, groups)


# --- where the text cannot wait, and the zip entry ---------------------------------------


def _infoset(element: etree._Element) -> list[tuple[str, dict[str, str], str | None]]:
    return [(e.tag, dict(e.attrib), e.text) for e in element.iter()]  # type: ignore[misc]


@pytest.mark.parametrize(
    "nsmap", [{"w": W_NS}, {None: W_NS, "x": "urn:x"}], ids=["plain lxml", "no prefix"]
)
def test_a_tree_that_cannot_defer_holds_the_entries_itself(nsmap: dict[Any, str]) -> None:
    """A root that cannot be referenced weakly, or ``w:`` as the default namespace (which
    attributes cannot use): the entries go in the tree, with the same elements and text."""
    groups = (Group("G", entries(HOSTILE[:12])),)
    styles = {"Signatory Group": "G", "Signatory Name": "N", "Signatory Affiliation": "A"}
    streamed, tree = (etree.Element(w("body"), nsmap=nsmap) for _ in range(2))  # type: ignore[arg-type]
    add_entries(streamed, groups, styles, 4.0)
    tree_entries(tree, groups, styles, 4.0)
    assert _infoset(streamed) == _infoset(tree)
    assert len(streamed) == 1 + 12 + 6
    if None not in nsmap:
        assert etree.tostring(streamed) == etree.tostring(tree)


class _Stretch:
    """A stretch whose size bound is past ZIP64's limit, to measure the part first."""

    def __init__(self, text: str, bound: int) -> None:
        self._text, self._bound = text, bound

    def chunks(self, w_prefix: str) -> Iterator[str]:
        yield from (self._text[:3], self._text[3:])

    def counts(self) -> Any:
        raise AssertionError("not needed to write the entry")

    def bound(self, w_prefix: str, precise: bool = False) -> int:
        return self._bound


@pytest.mark.parametrize("bound", [10, 2**40], ids=["small", "could need ZIP64"])
def test_a_streamed_entry_is_the_entry_writestr_writes(bound: int) -> None:
    from policydraft.writers.docx.streamed import _Deferred

    tree = b"<a><?policydraft-stretch 1?></a>"
    part = StreamedPart(tree, (_Deferred(_Stretch("<b>text</b>", bound), "w"),))
    written, expected = io.BytesIO(), io.BytesIO()
    for out, data in ((written, part), (expected, b"<a><b>text</b></a>")):
        with zipfile.ZipFile(out, "w", compresslevel=6) as target:
            info = zipfile.ZipInfo("word/document.xml", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            write_entry(target, info, data)
    assert written.getvalue() == expected.getvalue()


def test_entries_count_words_as_the_tree_does() -> None:
    groups = (Group("Two words", entries(["A  B", " C ", "\x00", "D\u00a0E"])),)
    styles = {"Signatory Group": "G", "Signatory Name": "N", "Signatory Affiliation": "A"}
    counts = Entries(groups, styles, 4.0).counts()
    texts = ["Two words", "A  B", " C ", "Actor & Co <x>", "", "D\u00a0E"]  # not the last
    assert counts.words == sum(len(t.split()) for t in texts)
    assert counts.with_spaces == sum(map(len, texts))
    assert counts.characters == sum(1 for t in texts for c in t if not c.isspace())


# --- through the command line ------------------------------------------------------------


CSV_ROWS = [
    ("Zed & Co <b>", "Chair", 'Acme "Q"', "zed@example.com"),
    ("  Spaced  Out ", "", "", "spaced@example.org"),
    ("דוד כהן", "", "ארגון", "david@example.net"),
    ("Ctrl\x07Char", "Actor", "", "ctrl@example.com"),
    ("王小明", "", "", "wang@example.com"),
]


@pytest.mark.parametrize("draft", [False, True], ids=["letter", "review copy"])
def test_render_writes_the_list_and_no_e_mail(tmp_path: Path, draft: bool) -> None:
    lines = ["name,title,organization,email"]
    lines += [
        ",".join(f'"{cell.replace(chr(34), chr(34) * 2)}"' for cell in row) for row in CSV_ROWS
    ]
    folder = write_submission(
        tmp_path / "letter",
        {"signatories": {"file": "signatories.csv", "sort": "as-listed"}},
        "\n".join(lines) + "\n",
    )
    out = tmp_path / "out"
    done = run_cli("render", folder, "--to", "docx", "--out", out, *(["--draft"] if draft else []))
    assert done.returncode == 0, done.stderr
    (path,) = out.glob("*.docx")
    package = Package(path.read_bytes())
    names = package.paragraphs_in_style("Signatory Name")
    assert names == [" ".join(xml_text(row[0]).split()) for row in CSV_ROWS]  # as read
    document = package.zip.read("word/document.xml")
    assert b"@example" not in document
    assert schema_errors(read_parts(package.data)) == []
    sections = package.xpath("word/document.xml", "//w:sectPr")
    assert len(sections) >= 2
    if draft:
        assert all(s.find(w("lnNumType")) is not None for s in sections)


@pytest.mark.parametrize("prefix", ["w", "wordprocessing"])
def test_the_size_bounds_hold(prefix: str) -> None:
    """ZIP64 is decided on them: the rough bound, the precise one, and the XML itself."""
    groups = (Group("G & <g>", entries(HOSTILE)), Group(None, tuple(Entry(n, n) for n in HOSTILE)))
    styles = {"Signatory Group": "G", "Signatory Name": 'N&"', "Signatory Affiliation": "A"}
    stretch = Entries(groups, styles, 4.0)
    size = len("".join(stretch.chunks(prefix)).encode())
    assert size <= stretch.bound(prefix, precise=True) <= stretch.bound(prefix)


@given(st.lists(st.text(), max_size=6))
def test_paragraphs_are_counted_as_word_counts_them(texts: list[str]) -> None:
    """docProps/app.xml: words are runs of non-space text, characters are counted with and
    without spaces, paragraph by paragraph, in the text as written."""
    written = [xml_text(text) for text in texts]
    counts = count_paragraphs(texts)
    assert counts.words == sum(len(text.split()) for text in written)
    assert counts.characters == sum(1 for text in written for c in text if not c.isspace())
    assert counts.with_spaces == sum(map(len, written))


def test_a_lost_placeholder_is_an_error_not_a_shorter_list() -> None:
    from policydraft.writers.docx.streamed import _Deferred

    part = StreamedPart(b"<a></a>", (_Deferred(_Stretch("<b/>", 10), "w"),))
    with pytest.raises(RuntimeError, match="placeholders"):
        list(part.chunks())
