"""What a rendered PDF says about itself, read back with pypdf: the facts rules are checked on.

Page counts, the page the signatory appendix starts on (from the PDF's bookmarks, which the
writer adds for the appendix heading), each page's text and whether the file is encrypted.
Reading back the written file, rather than trusting the layout that produced it, is what
makes a "15 pages" check mean what the agency will see.

Text the rules look for (a statement, the title, the submitter) may flow from one page to the
next, and a page's text ends with its notes and its "Page X of Y" line: read in order, those
fall between the halves. So each page's text is also read without them (``flowing_text``):
the footer is what sits in ``FOOTER_ZONE``, the notes are what is drawn below the note
separator (the only stroked line the writer draws) once it is drawn.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, ContentStream, NameObject, StreamObject

from policydraft.profiles.pdf_fonts import IDENTITY, Matrix, TextRun, multiply, text_runs

FOOTER_ZONE = 60.0
"""Text whose baseline is this close to the page's bottom edge is the footer (page numbers)."""

_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad]\s*\n\s*(\w)")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@dataclass
class RenderedPdf:
    """A written PDF and what it prints; ``appendix_heading`` marks where the body ends."""

    path: Path
    appendix_heading: str | None = None

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(self.path)

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    @property
    def encrypted(self) -> bool:
        return bool(self.reader.is_encrypted)

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    @cached_property
    def _read(self) -> list[tuple[str, str]]:
        """Each page's extracted text and its body text (no notes, no footer), in one pass."""
        try:
            with _fonts_read_once():
                return [_page_texts(_parsed_once(page)) for page in self.reader.pages]
        except (PdfReadError, KeyError, ValueError):
            return [("", "") for _ in range(self.pages)]

    @property
    def texts(self) -> list[str]:
        """Each page's extracted text ('' for all pages when it cannot be extracted)."""
        return [whole for whole, _ in self._read]

    @property
    def body_texts(self) -> list[str]:
        """Each page's text without its notes and its footer: the letter's running text."""
        return [body for _, body in self._read]

    @cached_property
    def runs(self) -> list[TextRun]:
        for page in self.reader.pages:
            _parsed_once(page)
        return list(text_runs(self.reader))

    @cached_property
    def appendix_start(self) -> int | None:
        """The 0-based page the appendix starts on, from its bookmark (or its heading's text)."""
        heading = self.appendix_heading
        if not heading:
            return None
        for title, page in _bookmarks(self.reader, self.reader.outline):
            if normalize(title).startswith(normalize(heading)):
                return page
        for number, text in enumerate(self.texts):
            lines = [normalize(line) for line in text.splitlines()[:3]]
            if any(line.startswith(normalize(heading)) for line in lines):
                return number
        return None

    @property
    def body_pages(self) -> int:
        """Pages before the appendix (all pages when there is none)."""
        start = self.appendix_start
        return self.pages if start is None else start

    def text(self, scope: str = "whole") -> str:
        pages = self.texts if scope == "whole" else self.texts[: self.body_pages]
        return "\n".join(pages)

    def flowing_text(self) -> str:
        """The running text of all pages joined, so a paragraph split by a page break reads
        on: what a page prints below its note separator or in its footer zone is left out."""
        return "\n".join(self.body_texts)

    def prints(self, wanted: str) -> bool:
        """Whether the PDF prints ``wanted``: on one page or flowing across page breaks.

        Several rules ask (the statement, the submitter, the title), so each text is
        normalized once, on the first question that needs it, not once per question.
        """
        needle = normalize(wanted)
        return _holds(self._flat_text, needle) or _holds(self._flat_flowing_text, needle)

    @cached_property
    def _flat_text(self) -> str:
        return normalize(self.text())

    @cached_property
    def _flat_flowing_text(self) -> str:
        return normalize(self.flowing_text())


def _page_texts(page: PageObject) -> tuple[str, str]:
    """The page's extracted text, and the same text without the note area and the footer.

    pypdf hands each piece of its output to ``visitor_text`` with the matrices in force, so
    the pieces kept are exactly the output's, less those drawn low on the page.
    """
    body: list[str] = []
    separator: list[float] = []  # the height of the first stroked horizontal line
    path: list[tuple[float, float]] = []

    def operator(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op in (b"m", b"l") and len(args) == 2:
            path.append(_point(_numbers(args), _six(cm)))
        elif op == b"S":
            if not separator and len(path) == 2 and abs(path[0][1] - path[1][1]) < 0.01:
                separator.append(path[0][1])
            path.clear()
        elif op in (b"n", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"s"):
            path.clear()

    def text(piece: str, cm: list[float], tm: list[float], *_: Any) -> None:
        y = multiply(_six(tm), _six(cm))[5]
        if y >= FOOTER_ZONE and not (separator and y < separator[0]):
            body.append(piece)

    whole = page.extract_text(visitor_operand_before=operator, visitor_text=text) or ""
    return whole, "".join(body)


def _parsed_once(page: PageObject) -> PageObject:
    """``page`` with its content stream parsed, once, for the text and the type sizes both.

    Parsing a page's operators is most of reading it back, and pypdf parses them again for
    each reader unless the page's ``/Contents`` already is a parsed ``ContentStream``: so it
    is made one here (as its text extraction makes it: strings kept as bytes, for the fonts
    to decode). Only this reader's copy of the page changes; the file is never written.
    """
    contents = page.get("/Contents")
    resolved = contents.get_object() if contents is not None else None
    if isinstance(resolved, (ArrayObject, StreamObject)) and not isinstance(
        resolved, ContentStream
    ):
        page[NameObject("/Contents")] = ContentStream(resolved, page.pdf, "bytes")
    return page


@contextmanager
def _fonts_read_once() -> Iterator[None]:
    """pypdf's text extraction reads each font of a page on every page (its widths, its
    ToUnicode map): two fifths of reading a letter back. Within this block a font object is
    read once: every page of a PDF shares its fonts, and reading one changes nothing in it.

    pypdf has no option for this, so its ``Font.from_font_resource`` is wrapped for the
    block's duration; were pypdf to move it, the text would still be read, only slower.
    """
    from pypdf import _page

    font: Any = getattr(_page, "Font", None)
    declared = vars(font).get("from_font_resource") if isinstance(font, type) else None
    if not isinstance(declared, classmethod):
        yield
        return
    original = declared.__get__(None, font)
    read: dict[int, tuple[Any, Any]] = {}  # id -> (the font dictionary, kept alive; its Font)

    def once(resource: Any) -> Any:
        found = read.get(id(resource))
        if found is None or found[0] is not resource:
            found = read[id(resource)] = (resource, original(resource))
        return found[1]

    font.from_font_resource = once
    try:
        yield
    finally:
        font.from_font_resource = declared


def _six(values: Any) -> Matrix:
    try:
        a, b, c, d, e, f = (float(v) for v in values)
    except (TypeError, ValueError):
        return IDENTITY
    return (a, b, c, d, e, f)


def _numbers(args: list[Any]) -> tuple[float, float]:
    try:
        return float(args[0]), float(args[1])
    except (TypeError, ValueError):
        return 0.0, 0.0


def _point(xy: tuple[float, float], cm: Matrix) -> tuple[float, float]:
    x, y = xy
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def _bookmarks(reader: PdfReader, outline: Any) -> list[tuple[str, int]]:
    """(title, 0-based page) of every bookmark, depth first."""
    found: list[tuple[str, int]] = []
    for item in outline:
        if isinstance(item, list):
            found.extend(_bookmarks(reader, item))
            continue
        page = reader.get_destination_page_number(item)
        if page is not None:
            found.append((str(item.title), page))
    return found


def normalize(text: str) -> str:
    """Text as compared with what a PDF prints: one space between words, words rejoined where
    a line break hyphenated them, straight quotes, compatibility forms (ligatures) unfolded."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    return " ".join(text.split()).casefold()


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` is printed in ``haystack``, allowing for line breaks and hyphens."""
    return _holds(normalize(haystack), normalize(needle))


def _holds(flat: str, wanted: str) -> bool:
    """``contains`` on text both already normalized."""
    return wanted in flat or wanted.replace("-", "") in flat.replace("-", "")
