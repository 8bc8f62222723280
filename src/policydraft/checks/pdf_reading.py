"""What a rendered PDF says about itself, read back with pypdf: the facts rules are checked on.

Page counts, the page the signatory appendix starts on (from the PDF's bookmarks, which the
writer adds for the appendix heading), each page's text and whether the file is encrypted.
Reading back the written file, rather than trusting the layout that produced it, is what
makes a "15 pages" check mean what the agency will see.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from policydraft.checks.pdf_fonts import TextRun, text_runs

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
    def texts(self) -> list[str]:
        """Each page's extracted text ('' for all pages when it cannot be extracted)."""
        try:
            return [page.extract_text() or "" for page in self.reader.pages]
        except (PdfReadError, KeyError, ValueError):
            return ["" for _ in range(self.pages)]

    @cached_property
    def runs(self) -> list[TextRun]:
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
    flat = normalize(haystack)
    wanted = normalize(needle)
    return wanted in flat or wanted.replace("-", "") in flat.replace("-", "")
