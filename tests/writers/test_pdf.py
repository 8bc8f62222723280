"""The PDF writer, checked on what pypdf reads back: text, fonts, pages, outline, positions.

Every test starts from a document tree built here. Footnote placement is checked with
unique tokens: ``REF<n>X`` sits right before note n's mark and ``NOTE<n>START`` opens the
note, so "the note is on the page of its mark" becomes "both tokens are on one page".
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policydraft.model import (
    Appendix,
    Block,
    BlockQuote,
    BulletList,
    Code,
    Document,
    Emph,
    Heading,
    Inline,
    LetterPart,
    LineBreak,
    Link,
    Metadata,
    Note,
    OrderedList,
    PageBreak,
    Para,
    SignatoryEntry,
    SignatoryGroup,
    Strong,
    Text,
)
from policydraft.typography import LETTER, at_least
from policydraft.writers.pdf import PdfOptions, missing_glyphs, write_pdf

FILLER = (
    "The entertainment industry supports millions of American jobs and pays billions in "
    "wages each year, while creative works generate enormous value for the public. "
)
NAMES = ["Zoë", "Łukasz", "Nguyễn", "Αλέξης", "Дмитрий", "王小明", "山田太郎", "김민준"]
METADATA = Metadata(
    title="Comment on the AI Action Plan",
    author="The Undersigned",
    subject="Docket NSF_FRDOC_0001",
    date=dt.date(2025, 3, 15),
)


def para(*parts: str | Inline) -> Para:
    return Para(tuple(Text(part) if isinstance(part, str) else part for part in parts))


def note(*blocks: Block) -> Note:
    return Note(tuple(blocks))


@dataclass
class Rendered:
    data: bytes
    pages: int
    reader: pypdf.PdfReader

    @functools.cached_property
    def texts(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    def page_of(self, token: str) -> list[int]:
        """1-based numbers of the pages whose text contains ``token``."""
        return [n for n, text in enumerate(self.texts, start=1) if token in text]


def render(blocks: Sequence[Block], options: PdfOptions | None = None) -> Rendered:
    out = io.BytesIO()
    pages = write_pdf(Document(METADATA, tuple(blocks)), out, options or PdfOptions())
    data = out.getvalue()
    return Rendered(data, pages, pypdf.PdfReader(io.BytesIO(data)))


@dataclass(frozen=True)
class Chunk:
    text: str
    x: float
    y: float
    size: float


def chunks(page: Any) -> list[Chunk]:
    """Text pieces of a page with their positions (user space) and font sizes."""
    found: list[Chunk] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        found.append(Chunk(text, x, y, size))

    page.extract_text(visitor_text=visit)
    return found


# --- a letter using every block and inline ----------------------------------------------


def full_letter() -> list[Block]:
    return [
        LetterPart("title", (para("Comment on the Development of an AI Action Plan"),)),
        LetterPart("letterhead", (para("The Creative Coalition"),)),
        LetterPart("date", (para("March 15, 2025"),)),
        LetterPart(
            "addressee",
            (
                Para(
                    (Text("Faisal D'Souza"), LineBreak(), Text("Office of Science and Technology"))
                ),
            ),
        ),
        LetterPart("subject", (para("Re: Docket NSF_FRDOC_0001"),)),
        LetterPart("salutation", (para("Dear Director Kratsios:"),)),
        para(
            "Opening paragraph with ",
            Emph((Text("emphasis "), Strong((Text("and strong"),)))),
            ", a ",
            Link((Text("clickable link"),), "https://example.com/a?b=1&c=2"),
            ", ",
            Code("code_text"),
            " and Tom *Star* Baxter of Hart & Hart <LLC>.",
            note(para("First note text FIRSTNOTE.")),
        ),
        Heading(1, (Text("I. Copyright is the foundation"),)),
        para(FILLER * 2),
        BulletList(((para("Bullet one"),), (para("Bullet two"), BulletList(((para("Deep"),),))))),
        OrderedList(((para("Third item"),), (para("Fourth item"),)), start=3),
        BlockQuote((para("Quoted words QUOTED."),)),
        Heading(2, (Text("A. A sub-heading"), note(para("Heading note HEADNOTE.")))),
        para(
            "Names: " + " ".join(NAMES),
            note(
                para("Multi-paragraph note PARTONE."),
                para("Second paragraph PARTTWO."),
                BulletList(((para("Note bullet NOTEBULLET"),),)),
            ),
        ),
        PageBreak(),
        para("After the page break AFTERBREAK."),
        LetterPart("closing", (para("Respectfully submitted,"),)),
        LetterPart("signature", (Para((Text("Jane Doe"), LineBreak(), Text("Counsel"))),)),
        LetterPart("statement", (para("This comment may be disseminated."),)),
        Appendix(
            heading=(Text("Appendix: Signatories"),),
            intro=(para("Eight people signed."),),
            groups=(
                SignatoryGroup(
                    "Actors",
                    tuple(SignatoryEntry(name, "Some Guild") for name in NAMES[:4]),
                ),
                SignatoryGroup(None, tuple(SignatoryEntry(name) for name in NAMES[4:])),
            ),
        ),
    ]


@pytest.fixture(scope="module")
def letter() -> Rendered:
    return render(full_letter())


@pytest.mark.parametrize(
    "expected",
    [
        "Comment on the Development of an AI Action Plan",
        "Faisal D'Souza",
        "Re: Docket NSF_FRDOC_0001",
        "emphasis and strong",
        "clickable link",
        "code_text",
        "Tom *Star* Baxter of Hart & Hart <LLC>.",
        "I. Copyright is the foundation",
        "A. A sub-heading",
        "FIRSTNOTE",
        "HEADNOTE",
        "PARTONE",
        "PARTTWO",
        "NOTEBULLET",
        "QUOTED",
        "Bullet one",
        "3. Third item",
        "4. Fourth item",
        "AFTERBREAK",
        "Respectfully submitted,",
        "This comment may be disseminated.",
        "Appendix: Signatories",
        "Actors",
        "Some Guild",
        *NAMES,
    ],
)
def test_text_is_printed_literally(letter: Rendered, expected: str) -> None:
    assert expected in " ".join(" ".join(letter.texts).split())


def test_notes_are_numbered_in_reading_order(letter: Rendered) -> None:
    text = "\n".join(letter.texts)
    for number, token in enumerate(["FIRSTNOTE", "HEADNOTE", "PARTONE"], start=1):
        assert re.search(rf"{number}\s*[^\n]*{token}", text), token


def test_page_break_starts_a_new_page(letter: Rendered) -> None:
    (after,) = letter.page_of("AFTERBREAK")
    (names,) = letter.page_of("Names:")
    assert after == names + 1


def test_appendix_starts_on_a_new_page(letter: Rendered) -> None:
    (appendix,) = letter.page_of("Appendix: Signatories")
    (statement,) = letter.page_of("This comment may be disseminated.")
    assert appendix == statement + 1


def test_fonts_are_embedded(letter: Rendered) -> None:
    names: set[str] = set()
    for page in letter.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"} <= names
    assert "DroidSansFallback" in names


def test_latin_letter_does_not_embed_the_cjk_font() -> None:
    rendered = render([para("Zoë Łukasz Nguyễn Αλέξης Дмитрий")])
    assert b"DroidSansFallback" not in rendered.data


def test_link_is_clickable(letter: Rendered) -> None:
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in letter.reader.pages
        for annot in page.get("/Annots", [])
    ]
    assert "https://example.com/a?b=1&c=2" in uris


def test_page_count_and_footer(letter: Rendered) -> None:
    total = len(letter.reader.pages)
    assert letter.pages == total
    assert f"Page 1 of {total}" in letter.texts[0]
    assert f"Page {total} of {total}" in letter.texts[-1]


def test_outline_matches_headings(letter: Rendered) -> None:
    outline = letter.reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["I. Copyright is the foundation", "Appendix: Signatories"]
    assert isinstance(outline[1], list)
    assert [item.title for item in outline[1]] == ["A. A sub-heading"]
    assert letter.reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    (heading_page,) = letter.page_of("I. Copyright")
    assert letter.reader.get_destination_page_number(outline[0]) == heading_page - 1


def test_metadata(letter: Rendered) -> None:
    info = letter.reader.metadata
    assert info is not None
    assert info.title == METADATA.title
    assert info.author == METADATA.author
    assert info.subject == METADATA.subject
    assert info.creator == "policydraft"
    assert info["/CreationDate"].startswith("D:20250315")


def test_same_document_gives_identical_bytes(letter: Rendered) -> None:
    assert render(full_letter()).data == letter.data


def test_typography_option_sets_the_text() -> None:
    blocks = [para(FILLER * 60)]
    larger = PdfOptions(typography=at_least(LETTER, 16.0))
    assert render(blocks, larger).pages > render(blocks).pages


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Zoë Łukasz Nguyễn Văn Ặ ư ơ", set()),
        ("Αλέξης Дмитрий", set()),
        ("王小明 山田太郎 김민준 カタカナ", set()),
        ("smile 😀", {"😀"}),
        ("tab\tand\nnewline", set()),
        ("\U000e0001tag", {"\U000e0001"}),
    ],
)
def test_missing_glyphs(text: str, missing: set[str]) -> None:
    assert missing_glyphs(text) == missing


# --- footnotes at the foot of the page of their mark -------------------------------------


def notes_letter() -> tuple[list[Block], list[int]]:
    """Many noted paragraphs so that notes fall near page ends; returns the long notes."""
    blocks: list[Block] = []
    long_notes: list[int] = []
    for number in range(1, 46):
        body = FILLER * (1 + number % 4)
        words = FILLER * (number % 5)
        if number in (17, 31):  # long: split or moved whole, depending on where it falls
            words = FILLER * 24
        if number == 40:  # longer than a whole page
            words = FILLER * 70
            long_notes.append(number)
        text = f"NOTE{number}START {words}NOTE{number}END"
        blocks.append(para(body + f"REF{number}X", note(para(text)), " Sentence goes on."))
    return blocks, long_notes


@pytest.fixture(scope="module")
def noted() -> tuple[Rendered, list[int]]:
    blocks, long_notes = notes_letter()
    return render(blocks), long_notes


def test_each_note_starts_on_the_page_of_its_mark(noted: tuple[Rendered, list[int]]) -> None:
    rendered, _ = noted
    for number in range(1, 46):
        (mark_page,) = rendered.page_of(f"REF{number}X")
        (note_page,) = rendered.page_of(f"NOTE{number}START")
        assert note_page == mark_page, number
        assert re.search(rf"(^|\n){number}\s?NOTE{number}START", rendered.texts[note_page - 1])


def test_long_notes_continue_on_the_next_page(noted: tuple[Rendered, list[int]]) -> None:
    rendered, long_notes = noted
    for number in long_notes:
        (start,) = rendered.page_of(f"NOTE{number}START")
        (end,) = rendered.page_of(f"NOTE{number}END")
        assert end > start, number
        first_line_next = rendered.texts[start].lstrip().splitlines()[0]
        assert not first_line_next.startswith("NOTE")


def test_note_too_long_for_the_rest_of_the_page_continues() -> None:
    """Half a page is left under the mark, the note needs two thirds: it starts, then goes on."""
    long_note = note(para(f"LONGSTART {FILLER * 30}LONGEND"), para("SECONDPARA"))
    rendered = render([para(FILLER * 14), para("Mark here MARKX", long_note), para(FILLER)])
    (mark,) = rendered.page_of("MARKX")
    assert rendered.page_of("LONGSTART") == [mark]
    assert rendered.page_of("LONGEND") == [mark + 1]
    assert rendered.page_of("SECONDPARA") == [mark + 1]
    assert mark == 1


def test_short_notes_are_never_split(noted: tuple[Rendered, list[int]]) -> None:
    rendered, _ = noted
    for number in range(1, 46):
        if number % 5 <= 1 and number not in (17, 31, 40):  # at most one line of filler
            assert rendered.page_of(f"NOTE{number}START") == rendered.page_of(f"NOTE{number}END")


def test_notes_sit_below_the_text(noted: tuple[Rendered, list[int]]) -> None:
    rendered, _ = noted
    for page in rendered.reader.pages:
        found = [chunk for chunk in chunks(page) if chunk.y > 60]  # above the footer
        body = [chunk.y for chunk in found if chunk.size > 11]
        notes = [chunk.y for chunk in found if chunk.size == 10 and not chunk.text.isdigit()]
        if body and notes:
            assert min(body) > max(notes) + 10


# --- the signatory appendix -----------------------------------------------------------------

LONG_NAME = "Bartholomew Maximilian Featherstonehaugh-Worthington the Third"
LONG_CJK = "王" * 40


def signers(count: int) -> list[SignatoryEntry]:
    entries = [SignatoryEntry(f"Signer{i:05d} Surname", f"Org{i:05d}") for i in range(count)]
    entries[7] = SignatoryEntry(f"Signer00007 {LONG_NAME}", "Org00007 " + "Guild " * 12)
    entries[9] = SignatoryEntry(f"Signer00009 {LONG_CJK}", "Org00009")
    return entries


@pytest.fixture(scope="module")
def appendix() -> Rendered:
    entries = signers(2000)
    groups = (
        SignatoryGroup("Actors", tuple(entries[:1200])),
        SignatoryGroup("Writers", tuple(entries[1200:])),
    )
    return render([para("Letter."), Appendix((Text("Signatories"),), (), groups)])


def test_every_signer_printed_exactly_once(appendix: Rendered) -> None:
    text = "\n".join(appendix.texts)
    counts = {int(m) for m in re.findall(r"Signer(\d{5})", text)}
    assert counts == set(range(2000))
    assert len(re.findall(r"Signer\d{5}", text)) == 2000
    assert len(re.findall(r"Org\d{5}", text)) == 2000
    assert text.count("Writers") == 1


def name_chunks(page: Any) -> dict[int, Chunk]:
    return {
        int(m.group(1)): chunk
        for chunk in chunks(page)
        if (m := re.match(r"Signer(\d{5})", chunk.text))
    }


def test_three_columns_filled_in_order(appendix: Rendered) -> None:
    for page in appendix.reader.pages[2:-1]:  # full pages
        names = name_chunks(page)
        columns = sorted({round(chunk.x) for chunk in names.values()})
        assert len(columns) == 3
        by_column = [sorted(i for i, c in names.items() if round(c.x) == x) for x in columns]
        assert by_column[0][-1] < by_column[1][0] and by_column[1][-1] < by_column[2][0]
        for column in by_column:
            ys = [names[i].y for i in column]
            assert ys == sorted(ys, reverse=True)


def test_no_signer_is_split(appendix: Rendered) -> None:
    for page in appendix.reader.pages:
        names = name_chunks(page)
        orgs = {
            int(m.group(1)): chunk
            for chunk in chunks(page)
            if (m := re.match(r"Org(\d{5})", chunk.text))
        }
        assert names.keys() == orgs.keys()
        for number, name in names.items():
            assert round(orgs[number].x) == round(name.x)
            assert orgs[number].y < name.y


def test_long_names_wrap_within_the_column(appendix: Rendered) -> None:
    text = appendix.texts[1]
    assert "Signer00007 Bartholomew" in text
    # whole, though a line may break after its hyphen (as Word and LibreOffice break it)
    assert "Featherstonehaugh-Worthington" in text.replace("-\n", "-")
    page_chunks = chunks(appendix.reader.pages[1])
    start = next(c for c in page_chunks if c.text.startswith("Signer00007"))
    lines = [
        c for c in page_chunks if round(c.x) == round(start.x) and start.y - 40 < c.y < start.y
    ]
    assert any("Worthington" in c.text or "Third" in c.text for c in lines)
    cjk = [c for c in page_chunks if "王" in c.text]
    assert len({round(c.y) for c in cjk}) >= 2
    assert sum(c.text.count("王") for c in cjk) == 40


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_any_text_renders(text: str) -> None:
    """Whatever a signer or author typed renders; printable letters come back out."""
    rendered = render(
        [
            para(text, note(para(text))),
            Appendix(
                (Text("Signers"),), (), (SignatoryGroup(text, (SignatoryEntry(text, text),)),)
            ),
        ]
    )
    assert rendered.pages == len(rendered.reader.pages) >= 2
    words = [word for word in text.split() if word.isalnum() and word.isascii()]
    page_text = "".join(rendered.texts)
    assert all(word in page_text for word in words)


@pytest.mark.parametrize("text", ["王" * 500, "a " * 2000, "x" * 5000])
def test_absurdly_long_text_still_renders(text: str) -> None:
    """Huge headings, notes and signer cells break over pages instead of failing or looping."""
    blocks: list[Block] = [
        para(text, note(para(text))),
        Heading(1, (Text(text),)),
        Appendix((Text("Signers"),), (), (SignatoryGroup(text, (SignatoryEntry(text, text),)),)),
    ]
    rendered = render(blocks)
    assert rendered.pages == len(rendered.reader.pages) >= 2


def test_note_continuing_past_the_last_text_gets_its_pages() -> None:
    long_note = note(para(f"NSTART {FILLER * 90}NEND"))
    rendered = render([para(FILLER * 10 + "LASTREF", long_note)])
    assert rendered.page_of("LASTREF") == rendered.page_of("NSTART") == [1]
    assert rendered.page_of("NEND") == [rendered.pages]
    assert rendered.pages == len(rendered.reader.pages) >= 3
