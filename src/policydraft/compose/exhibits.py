"""The submission's ``exhibits:`` read into the ``Exhibits`` block that ends the letter.

Each exhibit's file must be inside the submission folder (as every file a submission names),
be what its extension says, and be readable: a PDF neither encrypted nor broken, an image a
PNG or JPEG. A DOCX is converted to PDF by LibreOffice when it is installed; when it is not
(or the conversion fails), the exhibit is listed but not appended, with a warning (PD232).
Labels default to A, B, C ... in order; two exhibits with one label are PD233.
docs/submission-format.md, "Exhibits", describes what users write.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from policydraft.diagnostics import Diagnostics, Location
from policydraft.limits import VERIFY_FILE_BYTES
from policydraft.model import Exhibit, Exhibits
from policydraft.model.exhibits import ExhibitKind
from policydraft.profiles.libreoffice import lay_out
from policydraft.readers.bounded import NamedFile, read_named
from policydraft.submission.exhibits import default_label
from policydraft.submission.load import LoadedSubmission

SIGNATURES: dict[str, bytes] = {
    ".pdf": b"%PDF-",
    ".docx": b"PK\x03\x04",
    ".png": b"\x89PNG\r\n\x1a\n",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}
"""What each accepted kind of exhibit file starts with."""


EXHIBIT_FILE = NamedFile("exhibit", "PD230", "PD230", VERIFY_FILE_BYTES)
"""An exhibit's file: PD230 when it cannot be read or is too large."""


def read_exhibits(loaded: LoadedSubmission, diags: Diagnostics) -> tuple[Exhibit, ...]:
    """Every exhibit listed, read and checked; one whose file is unusable is left out."""
    exhibits: list[Exhibit] = []
    seen: dict[str, int] = {}
    for index, config in enumerate(loaded.submission.exhibits):
        label = config.label or default_label(index)
        if label in seen:
            where = loaded.locate("exhibits", index, "label" if config.label else "file")
            message = f"exhibit {index + 1} has label {label}, as exhibit {seen[label] + 1} has"
            diags.error("PD233", f"{message}; give each exhibit its own label", where)
            continue
        seen[label] = index
        where = loaded.locate("exhibits", index, "file")
        found = _read(loaded.folder, config.file, where, diags)
        if found is not None:
            kind, data = found
            exhibits.append(Exhibit(label, config.title, config.file, kind, data))
    return tuple(exhibits)


def exhibits_block(exhibits: tuple[Exhibit, ...]) -> tuple[Exhibits, ...]:
    """The block that ends the letter: none when the submission lists no exhibit."""
    return (Exhibits(exhibits),) if exhibits else ()


def _read(
    folder: Path, name: str, where: Location, diags: Diagnostics
) -> tuple[ExhibitKind, bytes] | None:
    raw = _file_bytes(folder, name, where, diags)
    if raw is None:
        return None
    suffix = Path(name).suffix.lower()
    if not raw.startswith(SIGNATURES[suffix]):
        message = f"exhibit '{name}' is not a {suffix[1:].upper()} file, as its name says"
        diags.error("PD230", message, where)
        return None
    return _READERS[suffix](folder / name, raw, name, where, diags)


def _file_bytes(folder: Path, name: str, where: Location, diags: Diagnostics) -> bytes | None:
    if Path(name).suffix.lower() not in SIGNATURES:
        message = f"exhibit '{name}' is not a PDF, DOCX, PNG or JPEG file (as its extension says)"
        diags.error("PD230", message, where)
        return None
    return read_named(folder, name, EXHIBIT_FILE, where, diags)


def _pdf(
    path: Path, raw: bytes, name: str, where: Location, diags: Diagnostics
) -> tuple[ExhibitKind, bytes] | None:
    problem = pdf_problem(raw)
    if problem is not None:
        diags.error("PD231", f"exhibit '{name}' {problem}", where)
        return None
    return "pdf", raw


def pdf_problem(raw: bytes) -> str | None:
    """Why a PDF's pages cannot be appended (encrypted, broken, empty), or None."""
    from pypdf import PdfReader  # deferred: a letter without exhibits never pays for it
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            return "is encrypted (password-protected); file an unprotected copy"
        if not all(page.mediabox.width > 0 for page in reader.pages):
            return "has a page without a size"
        if not reader.pages:
            return "has no pages"
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        return f"is a broken PDF ({error})"
    return None


def _image(
    path: Path, raw: bytes, name: str, where: Location, diags: Diagnostics
) -> tuple[ExhibitKind, bytes] | None:
    from PIL import Image, UnidentifiedImageError  # deferred, as pypdf above

    try:
        with Image.open(io.BytesIO(raw)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        diags.error("PD230", f"exhibit '{name}' is a broken image ({error})", where)
        return None
    return "image", raw


def _docx(
    path: Path, raw: bytes, name: str, where: Location, diags: Diagnostics
) -> tuple[ExhibitKind, bytes] | None:

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            is_word = "word/document.xml" in package.namelist()
    except zipfile.BadZipFile:
        is_word = False
    if not is_word:
        diags.error("PD230", f"exhibit '{name}' is not a Word (DOCX) document", where)
        return None
    with tempfile.TemporaryDirectory(prefix="policydraft-exhibit-") as scratch:
        layout = lay_out(path, Path(scratch))
        pdf = layout.pdf.read_bytes() if layout.pdf is not None else None
    if pdf is None or pdf_problem(pdf) is not None:
        why = layout.why_not or "LibreOffice made a PDF that cannot be read"
        message = f"exhibit '{name}' is listed but not appended to the PDF: {why}"
        diags.warning("PD232", message, where)
        return "listed", b""
    return "pdf", pdf


Reader = Callable[[Path, bytes, str, Location, Diagnostics], tuple[ExhibitKind, bytes] | None]
_READERS: dict[str, Reader] = {
    ".pdf": _pdf,
    ".docx": _docx,
    ".png": _image,
    ".jpg": _image,
    ".jpeg": _image,
}
