"""The second bundled example, a 30-page comment to the Copyright Office, rendered by the CLI.

It is the one place every long-comment feature meets: table of contents and of authorities,
tables, a figure, two exhibits, a side-by-side signature block and a letterhead. These tests
check the numbers a reader relies on: each table-of-contents page is the page the heading
prints on, and each table-of-authorities page is a page that cites the authority (a short
form or "Id." included), in our PDF and, for the headings, in LibreOffice's layout of the DOCX.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

from tests.helpers import run_cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "copyright-office-ai-noi"
STEM = "copyright-office-ai-noi-comment"
LEADER = re.compile(r"\s*(?:\.\s*){3,}\s*")
ENTRY_END = re.compile(
    r"^(?P<text>.*?)(?:\s*(?:\.\s*){2,}|\s+)(?P<pages>(?:\d+|passim)(?:,\s*\d+)*)$"
)
NOTE = re.compile(r"^\d+(?:\s|$)")  # a footnote's first line, its mark maybe alone
GROUPS = {
    "Cases",
    "Constitutional Provisions",
    "Statutes",
    "Regulations",
    "Federal Register and Administrative Materials",
    "Other Authorities",
}
FOOTER = re.compile(r"Page (\d+) of \d+")

# Each authority the example cites: the table of authorities' full form (the standard
# Bluebook citation, as in the Indigo Book's case and statute forms and the reporters' own
# captions) and a pattern every full or short citation of it contains in the PDF's text
# (a statute's or regulation's short form is its section alone: "§ 1202").
AUTHORITIES = [
    (
        "Andy Warhol Found. for the Visual Arts, Inc. v. Goldsmith, 598 U.S. 508 (2023)",
        r"598 U\.S\.",
    ),
    ("Authors Guild v. Google, Inc., 804 F.3d 202 (2d Cir. 2015)", r"804 F\.3d"),
    ("Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994)", r"510 U\.S\."),
    ("Feist Publ'ns, Inc. v. Rural Tel. Serv. Co., 499 U.S. 340 (1991)", r"499 U\.S\."),
    ("Google LLC v. Oracle Am., Inc., 593 U.S. 1 (2021)", r"593 U\.S\."),
    ("Harper & Row, Publishers, Inc. v. Nation Enters., 471 U.S. 539 (1985)", r"471 U\.S\."),
    ("Sony Corp. of Am. v. Universal City Studios, Inc., 464 U.S. 417 (1984)", r"464 U\.S\."),
    ("Thaler v. Perlmutter, 687 F. Supp. 3d 140 (D.D.C. 2023)", r"687 F\. Supp\. 3d"),
    ("U.S. Const. art. I", r"U\.S\. Const\. art\. I\b"),
    ("17 U.S.C. § 102", r"§ 102\b"),
    ("17 U.S.C. § 106", r"§ 106\b"),
    ("17 U.S.C. § 107", r"§ 107\b"),
    ("17 U.S.C. § 1202", r"§ 1202\b"),
    ("37 C.F.R. § 202.1 (2023)", r"§ 202\.1\b"),
    (
        "Artificial Intelligence and Copyright, 88 Fed. Reg. 59,942 (Aug. 30, 2023)",
        r"88 Fed\. Reg\.",
    ),
]  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One line of a table of contents or authorities: its text and the pages it gives."""

    text: str
    pages: tuple[str, ...]


def needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI")
        pytest.skip(f"{tool} is not on PATH")
    return found


def page_texts(pdf: Path) -> list[str]:
    """Each page's text in layout order (pdftotext keeps a leader line on one line)."""
    needs("pdftotext")
    count = len(pypdf.PdfReader(pdf).pages)
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True, text=True, check=True,
        ).stdout
        for n in range(1, count + 1)
    ]  # fmt: skip


def printed_numbers(texts: list[str]) -> list[int | None]:
    """The letter page number in each page's footer ("Page 3 of 25"); None on exhibit pages."""
    return [int(m.group(1)) if (m := FOOTER.search(t)) else None for t in texts]


def table_entries(texts: list[str], title: str, end: str) -> list[Entry]:
    """The entries between the heading ``title`` and the line starting ``end``; a title that
    wraps is joined to the line that carries its page numbers. Group headings and a page's
    footnotes (from a line "1 Text" without leaders to the page's footer) are skipped."""
    lines = [line.strip() for text in texts[:5] for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line == title)
    entries, pending, in_notes = [], "", False
    for line in lines[start + 1 :]:
        if line.startswith(end):
            break
        in_notes = not FOOTER.fullmatch(line) and (
            in_notes or bool(NOTE.match(line) and not LEADER.search(line))
        )
        if not line or in_notes or FOOTER.fullmatch(line) or line in GROUPS:
            continue
        match = ENTRY_END.match(f"{pending} {line}".strip())
        if match is None:
            pending = f"{pending} {line}".strip()
            continue
        pages = tuple(p.strip() for p in match.group("pages").split(","))
        entries.append(Entry(LEADER.sub(" ", match.group("text")).strip(), pages))
        pending = ""
    return entries


def heading_pages(texts: list[str], headings: list[str], after: int) -> list[int | None]:
    """The printed page each heading starts a line on, searching on from ``after`` (a page
    index) and from the previous heading's page, as headings come in order."""
    numbers, found, index = printed_numbers(texts), [], after
    for heading in headings:
        probe = heading[:40]
        while index < len(texts) and not any(
            line.strip().startswith(probe) for line in texts[index].splitlines()
        ):
            index += 1
        found.append(numbers[index] if index < len(texts) else None)
    return found


def citing_pages(texts: list[str]) -> dict[str, set[int]]:
    """For each authority, the printed pages whose citations name it; "Id." counts for the
    authority cited just before it. Leader lines (the tables themselves) are left out."""
    patterns = [(full, re.compile(token)) for full, token in AUTHORITIES]
    any_cite = re.compile(
        "|".join(f"(?P<a{i}>{t})" for i, (_, t) in enumerate(AUTHORITIES)) + r"|(?P<id>\bId\.)"
    )
    pages: dict[str, set[int]] = {full: set() for full, _ in patterns}
    last = None
    for text, number in zip(texts, printed_numbers(texts), strict=True):
        if number is None:
            continue
        for line in text.splitlines():
            if LEADER.search(line):
                continue
            for match in any_cite.finditer(line):
                name = match.lastgroup
                last = last if name == "id" else AUTHORITIES[int(str(name)[1:])][0]
                if last is not None:
                    pages[last].add(number)
    return pages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("long-example")
    result = run_cli("render", EXAMPLE, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def texts(rendered: Path) -> list[str]:
    return page_texts(rendered / f"{STEM}.pdf")


def test_check_reports_no_errors() -> None:
    result = run_cli("check", EXAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r": error PD\d+", result.stdout + result.stderr)


def test_the_pdf_is_a_long_comment(rendered: Path) -> None:
    assert len(pypdf.PdfReader(rendered / f"{STEM}.pdf").pages) >= 30


def test_every_contents_page_is_where_its_heading_prints(texts: list[str]) -> None:
    entries = table_entries(texts, "Table of Contents", "Table of Authorities")
    assert len(entries) >= 40
    toa_page = next(i for i, t in enumerate(texts) if "Table of Authorities" in t)
    found = heading_pages(texts, [e.text for e in entries], toa_page)
    wrong = [
        (e.text, e.pages, f) for e, f in zip(entries, found, strict=True) if e.pages != (str(f),)
    ]
    assert wrong == []


@pytest.mark.parametrize(("full", "token"), AUTHORITIES, ids=[a[0][:24] for a in AUTHORITIES])
def test_authorities_list_the_pages_that_cite_them(texts: list[str], full: str, token: str) -> None:
    entries = {e.text: e.pages for e in table_entries(texts, "Table of Authorities", "I. ")}
    assert full in entries, sorted(entries)
    assert set(entries[full]) == {str(p) for p in citing_pages(texts)[full]}


def test_the_docx_has_fields_a_table_and_a_picture(rendered: Path) -> None:
    with zipfile.ZipFile(rendered / f"{STEM}.docx") as docx:
        body = docx.read("word/document.xml").decode()
        notes = docx.read("word/footnotes.xml").decode()
    assert re.search(r"<w:instrText[^>]*>\s*TOC \\o", body)
    assert re.search(r"<w:instrText[^>]*>\s*TOA ", body)
    assert re.search(r"<w:instrText[^>]*>\s*TA ", body + notes)
    assert "<w:tbl>" in body and "<w:tblHeader" in body
    assert "<w:drawing>" in body
    assert "Exhibit A — Member Survey on AI Licensing" in body


@pytest.mark.parametrize("label", ["A", "B"])
def test_exhibits_follow_a_bookmarked_cover(rendered: Path, texts: list[str], label: str) -> None:
    reader = pypdf.PdfReader(rendered / f"{STEM}.pdf")
    marks = {
        o.title: reader.get_destination_page_number(o)
        for o in reader.outline
        if not isinstance(o, list)
    }
    title = next(t for t in marks if t.startswith(f"Exhibit {label} — "))
    cover = texts[marks[title]]
    assert cover.strip().startswith(title)
    assert printed_numbers([cover]) == [None]


def test_libreoffice_puts_headings_on_the_contents_pages(
    rendered: Path, texts: list[str], tmp_path: Path
) -> None:
    soffice = needs("soffice")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(rendered / f"{STEM}.docx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    theirs = page_texts(tmp_path / f"{STEM}.pdf")
    entries = table_entries(theirs, "Table of Contents", "Table of Authorities")
    assert [e.pages for e in entries] == [
        e.pages for e in table_entries(texts, "Table of Contents", "Table of Authorities")
    ]
    toa_page = next(i for i, t in enumerate(theirs) if "Table of Authorities" in t)
    found = heading_pages(theirs, [e.text for e in entries], toa_page)
    assert [(e.text, e.pages) for e in entries] == [
        (e.text, (str(f),)) for e, f in zip(entries, found, strict=True)
    ]
