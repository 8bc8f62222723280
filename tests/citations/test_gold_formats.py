"""The gold table as filed: every footnote exact in the DOCX and the PDF the CLI writes.

``test_gold.py`` proves the footnotes in the document model; this proves they survive the
writers. A few letters cite every row of ``gold/indigo.yaml`` (one paragraph per row, its
sources under ids made unique to the row), each rendered once through the real command line.
Rows cannot leak into each other: every row cites only its own sources, so a row's first
citation is never *Id.* to the row before, and the table holds no "*supra* note N" forms
whose numbers would shift. "[hereinafter ...]" is decided across a whole letter (two works
by one author), so rows sharing an author's name go into separate letters: a handful of
renders, not one per row. The DOCX footnotes must equal the table, italics included (from
the runs' ``<w:i/>``); the PDF text must contain each footnote's words, and for a sample of
rows the italic words must be set in the italic face.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from ruamel.yaml import YAML

from tests.citations.test_gold import gold_rows, same_print
from tests.helpers import run_cli, write_submission

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ITALIC_SPAN = re.compile(r"\*([^*]+)\*")

# Rows the CLI refuses to render, with the check that refuses them. Each is tested below.
CLI_REFUSES = {
    # The Indigo Book's example prints the first series for a 1974 case; the check is right.
    "case-1393": "PD506",
}

# Rows whose italics are checked in the PDF's fonts: at least one of every source type.
PDF_ITALIC_ROWS = [
    "case-798",  # Indigo Book R4.6.1
    "statute-id-forms",  # Indigo Book R22.2
    "regulation-id-forms",  # Indigo Book R22.2
    "book-plain",  # Indigo Book R28.1
    "article-pin",  # Indigo Book R5.1.1
    "magazine-first-page",  # Indigo Book R30.1.2
    "web-personal-author",  # Indigo Book R33.1.1
]


@dataclass(frozen=True)
class Filed:
    """One rendered letter: expected and printed footnotes, in footnote order."""

    row_ids: list[str]  # the row each footnote belongs to
    expected: list[str]  # the table's footnotes, in its markup
    docx: list[str]  # the DOCX footnotes, italics as *...*
    pdf_text: str  # the PDF's text, whitespace normalised
    pdf_italic: str  # the PDF's italic-face text, whitespace normalised
    pdf_roman: str  # the PDF's upright text, whitespace normalised


def _letter_rows() -> list[dict[str, Any]]:
    return [row for row in gold_rows() if row["id"] not in CLI_REFUSES]


def _unique_ids(row: dict[str, Any], n: int) -> tuple[list[dict[str, Any]], list[str]]:
    """The row's sources and citations with every id prefixed by the row's number."""
    renamed = {source["id"]: f"r{n}-{source['id']}" for source in row["sources"]}
    keys = re.compile(
        "@("
        + "|".join(re.escape(key) for key in sorted(renamed, key=len, reverse=True))
        + r")(?![\w-])"
    )
    sources = [{**source, "id": renamed[source["id"]]} for source in row["sources"]]
    cites = [keys.sub(lambda m: "@" + renamed[m[1]], note["cite"]) for note in row["notes"]]
    return sources, cites


_CASE_LAW = {"case", "statute", "regulation", "federal-register"}


def _author_names(row: dict[str, Any]) -> set[str]:
    """The names a row's secondary sources are shortened to (surname, else title)."""
    names = set()
    for source in row["sources"]:
        if source["type"] not in _CASE_LAW:
            author = str(source.get("author") or source.get("title", "")).replace("et al.", "")
            names.add(author.split()[-1].strip(",.").lower() if author.split() else "")
    return names


def letters(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The rows split into letters in which no two rows share an author's name."""
    grouped: list[tuple[set[str], list[dict[str, Any]]]] = []
    for row in rows:
        names = _author_names(row)
        home = next((group for group in grouped if not group[0] & names), None)
        if home is None:
            home = (set(), [])
            grouped.append(home)
        home[0].update(names)
        home[1].append(row)
    return [group for _, group in grouped]


def _write_letter(folder: Path, rows: list[dict[str, Any]]) -> None:
    """One submission citing every row, one paragraph per row."""
    entries: list[dict[str, Any]] = []
    paragraphs = []
    for n, row in enumerate(rows):
        sources, cites = _unique_ids(row, n)
        entries.extend(sources)
        paragraphs.append(" ".join(f"Sentence {n}.{k}.{cite}" for k, cite in enumerate(cites)))
    body = "\n\n".join(paragraphs) + "\n"
    write_submission(
        folder,
        {
            "sources": "sources.yaml",
            "introduction": "We submit these comments.\n",  # no footnote of its own
            "arguments": [{"heading": "The cited authorities", "body": body}],
        },
    )
    with (folder / "sources.yaml").open("w", encoding="utf-8") as stream:
        YAML().dump(entries, stream)


def docx_footnotes(path: Path) -> list[str]:
    """Each footnote of the DOCX in the table's markup, ``*...*`` where the runs are italic."""
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("word/footnotes.xml"))
    notes = [note for note in root.iter(f"{W}footnote") if note.get(f"{W}type") is None]
    return [_marked_up(note) for note in notes]


def _marked_up(note: ET.Element) -> str:
    parts: list[str] = []
    for run in note.iter(f"{W}r"):
        if run.find(f"{W}footnoteRef") is not None:
            continue
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        parts.append(_italicised(text) if _is_italic(run) else text)
    return same_print("".join(parts).strip())


def _is_italic(run: ET.Element) -> bool:
    italic = run.find(f"{W}rPr/{W}i")
    return italic is not None and italic.get(f"{W}val", "true") not in ("0", "false")


def _italicised(text: str) -> str:
    """``*text*`` with any surrounding spaces kept outside the markers."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}*{core}*{trail}"


def pdf_text(path: Path) -> tuple[str, str, str]:
    """The PDF's text, then its italic-face and upright text, whitespace normalised."""
    italic: list[str] = []
    roman: list[str] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        name = str(font.get("/BaseFont", "")) if font else ""
        (italic if "Italic" in name else roman).append(text)

    pages = [page.extract_text(visitor_text=visit) for page in pypdf.PdfReader(path).pages]
    return _normalised(" ".join(pages)), _normalised(" ".join(italic)), _normalised(" ".join(roman))


def _normalised(text: str) -> str:
    """Runs of whitespace as one space; none where a URL broke across lines after "/"."""
    return re.sub(r"(?<=/)\s+(?=\S)", "", re.sub(r"\s+", " ", text)).strip()


def plain(markup: str) -> str:
    """A footnote in the table's markup, as plain text."""
    star_pages = re.split(r"(?<=at )\*(?=\d)", markup)  # "at *7" keeps its star
    return _normalised("*".join(part.replace("*", "") for part in star_pages))


def _render(folder: Path, rows: list[dict[str, Any]]) -> Filed:
    """One letter citing ``rows``, rendered as DOCX and PDF through the real command line."""
    _write_letter(folder / "letter", rows)
    result = run_cli("render", folder / "letter", "--out", folder / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    text, italic, roman = pdf_text(folder / "out" / "letter.pdf")
    return Filed(
        row_ids=[row["id"] for row in rows for _ in row["notes"]],
        expected=[same_print(note["expected"]) for row in rows for note in row["notes"]],
        docx=docx_footnotes(folder / "out" / "letter.docx"),
        pdf_text=text,
        pdf_italic=italic,
        pdf_roman=roman,
    )


@pytest.fixture(scope="module")
def filed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Filed, list[int]]]:
    """The whole table, rendered once: each row's letter and its footnotes' places there."""
    by_row: dict[str, tuple[Filed, list[int]]] = {}
    for group in letters(_letter_rows()):
        letter = _render(tmp_path_factory.mktemp("gold-letter"), group)
        for row in group:
            places = [i for i, owner in enumerate(letter.row_ids) if owner == row["id"]]
            by_row[row["id"]] = (letter, places)
    return by_row


ROW_IDS = [row["id"] for row in _letter_rows()]
Rendered = dict[str, tuple[Filed, list[int]]]


def test_every_footnote_is_filed_in_order(filed: Rendered) -> None:
    letters_ = {id(letter): letter for letter, _ in filed.values()}.values()
    assert all(len(letter.docx) == len(letter.expected) for letter in letters_)
    assert sum(len(letter.docx) for letter in letters_) >= 150


@pytest.mark.parametrize("row_id", ROW_IDS)
def test_docx_footnotes_match_the_reference(filed: Rendered, row_id: str) -> None:
    letter, notes = filed[row_id]
    assert [letter.docx[i] for i in notes] == [letter.expected[i] for i in notes]


@pytest.mark.parametrize("row_id", ROW_IDS)
def test_pdf_prints_the_reference_text(filed: Rendered, row_id: str) -> None:
    letter, notes = filed[row_id]
    for i in notes:
        assert f"{i + 1} {plain(letter.expected[i])}" in letter.pdf_text


@pytest.mark.parametrize("row_id", PDF_ITALIC_ROWS)
def test_pdf_sets_the_italic_words_in_the_italic_face(filed: Rendered, row_id: str) -> None:
    letter, notes = filed[row_id]
    spans = [span for i in notes for span in _ITALIC_SPAN.findall(letter.expected[i])]
    assert spans, row_id
    for span in spans:
        assert _normalised(span) in letter.pdf_italic, span
    for i in notes:
        for upright in _ITALIC_SPAN.sub("\n", letter.expected[i]).split("\n"):
            words = _normalised(upright.strip(" ,.;"))
            if len(words) > 3:
                assert words in letter.pdf_roman, words


@pytest.mark.parametrize(("row_id", "code"), CLI_REFUSES.items())
def test_the_cli_refuses_these_rows_with_a_diagnostic(
    row_id: str, code: str, tmp_path: Path
) -> None:
    (row,) = [row for row in gold_rows() if row["id"] == row_id]
    _write_letter(tmp_path / "letter", [row])
    result = run_cli("check", tmp_path / "letter")
    assert result.returncode != 0 and f"error {code}:" in result.stdout + result.stderr


def _run(text: str, italic: str | None = None) -> str:
    props = f"<w:rPr><w:i{italic}/></w:rPr>" if italic is not None else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


# How a footnote's runs read in the table's markup: what the DOCX check relies on.
RUNS = [
    pytest.param([_run("Ford", ""), _run(", 477 U.S. 399.")], "*Ford*, 477 U.S. 399.", id="italic"),
    pytest.param([_run("Ford", ' w:val="0"'), _run(".")], "Ford.", id="italic-switched-off"),
    pytest.param([_run("Ford", ' w:val="false"'), _run(".")], "Ford.", id="italic-false"),
    pytest.param([_run("See ", ""), _run("id.", "")], "*See id.*", id="space-inside-italic"),
    pytest.param([_run("Id.", ""), _run(" at 5.")], "*Id.* at 5.", id="roman-after-italic"),
]


@pytest.mark.parametrize(("runs", "markup"), RUNS)
def test_docx_runs_read_as_the_table_writes_them(
    runs: list[str], markup: str, tmp_path: Path
) -> None:
    note = f'<w:footnote w:id="1"><w:p>{"".join(runs)}</w:p></w:footnote>'
    xml = f'<w:footnotes xmlns:w="{W[1:-1]}">{note}</w:footnotes>'
    with zipfile.ZipFile(tmp_path / "a.docx", "w") as archive:
        archive.writestr("word/footnotes.xml", xml)
    assert docx_footnotes(tmp_path / "a.docx") == [markup]
