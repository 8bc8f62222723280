"""The DOCX, laid out by LibreOffice, breaks pages where our PDF does.

Agencies limit comments by pages, the page count is read back from our PDF, and lawyers
print the DOCX; so the two must agree. Both writers take every number from the
``Typography`` in their options; this test renders one long letter (headings, notes, lists,
a quote and a 300-signer appendix in columns) both ways, has LibreOffice convert the DOCX
to PDF, and compares the page count and the words each page starts with: in the default
typography and in the one a "12-point or larger" profile gets (notes, footer and appendix
enlarged), which must agree just as well.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Document,
    Emph,
    Heading,
    Inline,
    LetterPart,
    LineBreak,
    Metadata,
    Note,
    OrderedList,
    Para,
    PartRole,
    SignatoryEntry,
    SignatoryGroup,
    Text,
)
from policydraft.typography import LETTER, Typography, at_least
from policydraft.writers.docx import DocxOptions, write_docx
from policydraft.writers.pdf import PdfOptions, write_pdf
from tests.helpers import run_cli

# Every page must start alike (measured with LibreOffice 7.4): the DOCX declares Word 2013+
# layout (compatibility mode 15), both formats keep widows and orphans off page edges, and
# the PDF keeps the room LibreOffice leaves after italic lines (writers/pdf/italic.py).
MIN_AGREEMENT = 1.0
EXAMPLE = Path(__file__).parents[2] / "examples" / "ostp-ai-action-plan"
WORDS_COMPARED = 4

_TEXT = """the agency should license creative works before training models on them and pay
those who made them under terms that courts have long recognized as fair while copyright
supplies the economic incentive to create and disseminate ideas across every state
small-business owners session musicians camera operators and editors depend on a
functioning market for licensed material of known provenance"""
VOCABULARY = tuple(_TEXT.split())
ROLES = ("Actor", "Director", "Screenwriter", "Composer", "Film Editor", "Producer")
COMPANIES = ("Independent", "Lumière-Sauvage Pictures", "Guild of Dramatic Writers West")


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def para(rng: random.Random, sentences: int, note: bool = False) -> Para:
    text = " ".join(sentence(rng, rng.randint(8, 22)) for _ in range(sentences))
    inlines: list[Inline] = [Text(text)]
    if note:
        inlines.append(Note((Para((Text(sentence(rng, rng.randint(6, 40))),)),)))
        inlines.append(Text(" " + sentence(rng, 9)))
    return Para(tuple(inlines))


def section(rng: random.Random, number: int) -> list[Block]:
    """A heading and its argument: paragraphs with notes, a list or a quote, a sub-heading."""
    blocks: list[Block] = [Heading(1, (Text(f"{number}. {sentence(rng, 7)}"),))]
    blocks += [para(rng, rng.randint(2, 6), note=rng.random() < 0.6) for _ in range(3)]
    if number % 3 == 0:
        blocks.append(BulletList(tuple((para(rng, 1),) for _ in range(4))))
    elif number % 3 == 1:
        blocks.append(OrderedList(tuple((para(rng, 2), para(rng, 1)) for _ in range(3)), 1))
    else:
        blocks.append(BlockQuote((para(rng, 3),)))
    blocks.append(Heading(2, (Emph((Text(sentence(rng, 5)),)),)))
    blocks += [para(rng, rng.randint(3, 7), note=rng.random() < 0.5) for _ in range(2)]
    return blocks


def noted_near_page_ends(seed: int) -> Document:
    """Paragraphs of every length, each ending with a note of 1 to 12 lines, some notes of
    several paragraphs: marks and notes land at every height of a page, so notes are split,
    continued, and moved with their lines, and paragraphs split under widow control."""
    rng = random.Random(seed)
    blocks: list[Block] = [part("title", Text("Notes Near Page Ends"))]
    for number in range(40):
        text = " ".join(sentence(rng, rng.randint(8, 22)) for _ in range(rng.randint(1, 7)))
        paragraphs = tuple(
            Para((Text(sentence(rng, rng.randint(6, 150))),)) for _ in range(rng.randint(1, 3))
        )
        blocks.append(Para((Text(text), Note(paragraphs), Text(" " + sentence(rng, 6)))))
        if number % 9 == 8:
            blocks.append(Heading(1, (Text(sentence(rng, 6)),)))
    return Document(Metadata("Notes", "The Undersigned"), tuple(blocks))


def signers(rng: random.Random, count: int) -> tuple[SignatoryGroup, ...]:
    """Two groups; every seventh signer gives no affiliation."""
    entries = [
        SignatoryEntry(
            f"{rng.choice(VOCABULARY).title()} {rng.choice(VOCABULARY).title()}son",
            "" if n % 7 == 0 else f"{rng.choice(ROLES)}, {rng.choice(COMPANIES)}",
        )
        for n in range(count)
    ]
    return (
        SignatoryGroup("Performers", tuple(entries[: count // 2])),
        SignatoryGroup("Writers and Crew", tuple(entries[count // 2 :])),
    )


def part(role: PartRole, *inlines: Inline) -> LetterPart:
    return LetterPart(role, (Para(inlines),))


def long_letter() -> Document:
    rng = random.Random(20250315)
    blocks: list[Block] = [
        part("title", Text("Comment on the Development of an Artificial Intelligence Action Plan")),
        part("date", Text("March 15, 2025")),
        part("addressee", Text("Faisal D'Souza"), LineBreak(), Text("Office of Science")),
        part("subject", Text("Re: Docket No. NSF_FRDOC_0001")),
        part("salutation", Text("Dear Mr. D'Souza:")),
        para(rng, 5, note=True),
    ]
    for number in range(1, 9):
        blocks += section(rng, number)
    blocks += [part("closing", Text("Respectfully submitted,")), part("signature", Text("Us"))]
    blocks.append(Appendix((Text("Signatories (300)"),), (para(rng, 1),), signers(rng, 300)))
    metadata = Metadata("Comment", "The Undersigned", date=dt.date(2025, 3, 15))
    return Document(metadata, tuple(blocks))


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (install LibreOffice)")
        pytest.skip("LibreOffice (soffice) is not on PATH: cannot lay the DOCX out to compare")
    return found


def page_count(pdf: Path) -> int:
    return len(pypdf.PdfReader(pdf).pages)


def page_starts(pdf: Path) -> list[str]:
    """The first words of each page, read in layout order (across the appendix columns)."""
    starts = []
    for number in range(1, page_count(pdf) + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        starts.append(" ".join(text.split()[:WORDS_COMPARED]))
    return starts


def convert_with_libreoffice(docx: Path, folder: Path) -> Path:
    """LibreOffice's PDF of ``docx``, made with a private profile so parallel runs don't clash."""
    profile = (folder / "lo-profile").as_uri()
    command = [soffice(), f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "lo" / docx.with_suffix(".pdf").name


def needs_tools() -> None:
    soffice()
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils' pdftotext is not on PATH: cannot read pages in layout order")


def assert_pages_agree(ours: Path, docx: Path, folder: Path, least_pages: int = 8) -> None:
    """LibreOffice's layout of ``docx`` has our PDF's pages, each starting alike."""
    theirs = convert_with_libreoffice(docx, folder)
    pairs = list(zip(page_starts(ours), page_starts(theirs), strict=False))
    side_by_side = "\n".join(f"{a!r:44} {b!r}" for a, b in pairs)
    assert page_count(ours) == page_count(theirs), side_by_side
    assert len(pairs) >= least_pages, "the letter must be long enough to test page breaking"
    agreeing = sum(a == b for a, b in pairs)
    assert agreeing / len(pairs) >= MIN_AGREEMENT, side_by_side


LETTERS = [
    pytest.param(long_letter, LETTER, 8, id="long-letter"),
    pytest.param(long_letter, at_least(LETTER, 12.0), 8, id="long-letter-at-least-12pt"),
    pytest.param(lambda: noted_near_page_ends(7), LETTER, 6, id="notes-near-page-ends"),
    pytest.param(
        lambda: noted_near_page_ends(11),
        at_least(LETTER, 12.0),
        6,
        id="notes-at-least-12pt",
        marks=pytest.mark.xfail(
            strict=True,
            reason="13 of 18 pages agree: where a note continued from the page before meets "
            "a paragraph marking another note, LibreOffice moves the paragraph and continues "
            "the note, our PDF splits the paragraph and starts the next note (not yet done)",
        ),
    ),
]


@pytest.mark.parametrize(("make", "typography", "least_pages"), LETTERS)
def test_libreoffice_breaks_pages_where_the_pdf_does(
    tmp_path: Path, make: Callable[[], Document], typography: Typography, least_pages: int
) -> None:
    needs_tools()
    document = make()
    ours, docx = tmp_path / "ours.pdf", tmp_path / "letter.docx"
    with ours.open("wb") as out:
        write_pdf(document, out, PdfOptions(typography=typography))
    with docx.open("wb") as out:
        write_docx(document, out, DocxOptions(typography=typography))
    assert_pages_agree(ours, docx, tmp_path, least_pages)


def test_the_example_breaks_pages_alike_with_its_profile(tmp_path: Path) -> None:
    """The bundled example, rendered by the CLI under its agency profile (ostp-ai-action-plan)."""
    needs_tools()
    out = tmp_path / "out"
    rendered = run_cli("render", EXAMPLE, "--out", out)
    assert rendered.returncode == 0, rendered.stderr
    assert "ostp-ai-action-plan" in rendered.stderr  # its profile's notes: the rules applied
    (ours,) = out.glob("*.pdf")
    assert_pages_agree(ours, ours.with_suffix(".docx"), tmp_path, least_pages=15)


def test_lines_break_after_hyphens_and_keep_them() -> None:
    """reportlab drops a hyphen it broke a line at when it rewraps or splits a paragraph.

    Our paragraphs rewrap from their text, so the PDF may break "small-business" as Word
    does and still print every hyphen, on any page and in the notes.
    """
    words = "small-business owners and text-and-data-mining rules "
    inlines = (Text(words * 150), Note((Para((Text(words * 40),)),)), Text(words * 150))
    out = io.BytesIO()
    assert write_pdf(Document(Metadata("Hyphens", "Test"), (Para(inlines),) * 2), out) > 2
    pages = pypdf.PdfReader(io.BytesIO(out.getvalue())).pages
    text = re.sub(r"Page \d+ of \d+\n?", "", "\n".join(page.extract_text() for page in pages))
    assert re.search(r"\w-\n", text), "some line should end after a hyphen"
    for joined in ("smallbusiness", "textand", "anddata", "datamining"):
        assert joined not in text
    copies = 2 * (150 + 40 + 150)  # counted, not matched: notes are read before page text
    assert text.count("-") == 4 * copies
