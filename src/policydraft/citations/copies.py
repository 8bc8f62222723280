"""Local copies of sources (``file:``): their text, and the form quotations are compared in.

A quotation typed into a letter and the same words extracted from a PDF differ in ways no
reader would call a misquotation: curly against straight quotes, an en dash against a
hyphen, a word split across a line with a hyphen, a ligature, line breaks, capitals. Both
sides go through :func:`normalise` so that only a change of words is left to be noticed.

Extracting a long PDF costs seconds, so each file is read once per run (:class:`CopyReader`).
A copy is read only up to ``limits.SOURCE_COPY_BYTES``, and only from inside the submission
folder (symbolic links followed): a ``file: /etc/passwd`` would otherwise be read and its
closest passage quoted back in a message.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from policydraft.diagnostics import Severity
from policydraft.limits import SOURCE_COPY_BYTES
from policydraft.readers.bounded import TooLarge, outside_folder, read_bounded

# Every dash-like character; a run of them (with the spaces around it) becomes one "-".
_DASHES = "\u002d\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_RUN = re.compile(rf"\s*[{_DASHES}]+\s*")
# A word hyphenated at the end of a line: "copy-\nright" is shown as "copyright".
_LINE_BREAK_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{_DASHES}][ \t]*\r?\n\s*(?=[^\W\d_])")
# Quote marks of every kind, apostrophes included, compare as a space: “fair use” = 'fair use'.
_QUOTE_MARKS = re.compile(
    "[\"'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2039\u203a]"
)
_SPACES = re.compile(r"\s+")


def canonical(text: str) -> str:
    """``text`` with compatibility forms, dashes, quote marks and white space unified.

    Case is kept, so a passage found this way can be shown to the user as it reads.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _LINE_BREAK_HYPHEN.sub("", text)
    text = _QUOTE_MARKS.sub(" ", text)
    text = _DASH_RUN.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def normalise(text: str) -> str:
    """The form in which a quotation and a copy are compared: :func:`canonical`, case-folded.

    A line-break hyphen cannot be told from a real one ("well-\nknown"), so it is dropped
    here and the search lets any hyphen between two letters be there or not
    (``quotes.is_quoted_in``). Idempotent, so normalising twice is harmless.
    """
    folded = canonical(text).casefold()
    # Case folding may decompose a character (ǰ -> j + caron); compose it again.
    return canonical(folded)


class CopyError(Exception):
    """A local copy that cannot be read; the message says why, in the user's terms.

    A copy that is missing or unreadable is a warning (its quotations go unchecked); one
    outside the submission folder is an error, as any file a submission names from outside.
    """

    def __init__(self, message: str, severity: Severity = "warning") -> None:
        super().__init__(message)
        self.severity: Severity = severity


@dataclass(frozen=True)
class CopyText:
    """A copy's text, normalised: ``folded`` to search in, ``words`` to show passages from."""

    folded: str
    words: tuple[str, ...]  # canonical (case kept) words; aligned with folded.split(" ")

    @classmethod
    def of(cls, text: str) -> CopyText:
        folded = normalise(text)
        words = tuple(canonical(text).split(" "))
        if len(words) != len(folded.split(" ")):  # case folding moved a word boundary
            words = tuple(folded.split(" "))
        return cls(folded, words)


@dataclass
class CopyReader:
    """Reads local copies once per run; a failed read is remembered and not retried."""

    cache: dict[Path, CopyText | CopyError] = field(default_factory=dict)

    def problem(self, folder: Path, path: Path) -> CopyError | None:
        """Why ``path`` cannot be a copy of the submission in ``folder`` (without reading it)."""
        try:
            name = str(path.relative_to(folder))
        except ValueError:  # an absolute file: (folder / "/etc/passwd" is /etc/passwd)
            name = str(path)
        outside = outside_folder(folder, name)
        if outside is not None:
            return CopyError(outside, "error")
        if path.is_file():
            return None
        if path.is_dir():
            return CopyError("is a folder")
        return CopyError("is not a regular file" if path.exists() else "does not exist")

    def read(self, path: Path, folder: Path | None = None) -> CopyText:
        """The normalised text of ``path``; raises :class:`CopyError` when it has none.

        With ``folder`` (the submission's), a copy outside it is refused unread.
        """
        if folder is not None:
            outside = self.problem(folder, path)
            if outside is not None and outside.severity == "error":
                raise outside
        key = path.resolve()
        if key not in self.cache:
            try:
                self.cache[key] = CopyText.of(extract_text(path))
            except CopyError as error:
                self.cache[key] = error
        found = self.cache[key]
        if isinstance(found, CopyError):
            raise found
        return found


def extract_text(path: Path) -> str:
    """The readable text of a PDF, HTML or plain-text file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise CopyError("does not exist")
    if suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix in {".html", ".htm", ".xhtml"}:
        text = _html_text(_utf8(path))
    elif suffix in {".txt", ".md", ".text", ""}:
        text = _utf8(path)
    else:
        raise CopyError(f"is a {suffix} file; local copies must be PDF, HTML or text")
    if not text.strip():
        raise CopyError("has no text to compare quotations with (a scanned PDF needs OCR first)")
    return text


def _bytes(path: Path) -> bytes:
    """The file's bytes, up to ``SOURCE_COPY_BYTES`` (a 2 GB copy is refused, not read)."""
    try:
        data = read_bounded(path, SOURCE_COPY_BYTES)
    except OSError as error:
        raise CopyError(f"cannot be read ({error.strerror or error})") from None
    if isinstance(data, TooLarge):
        raise CopyError(data.message("it").removeprefix("it "))
    return data


def _utf8(path: Path) -> str:
    try:
        return _bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CopyError("is not UTF-8 text; save it as UTF-8") from None


def _pdf_text(path: Path) -> str:
    # Imported here: pypdf is only needed when a submission has PDF copies.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    data = _bytes(path)
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as error:
        raise CopyError(f"is not a readable PDF ({error})") from None


# Elements whose content is never text a reader sees.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "title"})
# Elements that end a line, so words on either side do not run together.
_BREAKING = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"}
    | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"}
    | {"p", "pre", "section", "table", "td", "th", "tr", "ul"}
)


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page (character references already decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BREAKING:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BREAKING:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _html_text(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts)
