"""A template's ``reference.docx``, checked before the DOCX writer opens it.

Templates are shared between organizations, so their reference document is input from
strangers: it may be no zip at all (a Word 97-2003 .doc, an RTF or a PDF saved under the
name, each named as such), a zip bomb, XML that declares external entities (XXE) or
an entity bomb, or a package python-docx cannot open. Each is a located PD315-PD319 error
raised by ``check`` as well as by ``render``, so that a clean ``check`` means the DOCX writer
will not fail on it. A Word template (.dotx, .dotm) or macro-enabled document is accepted
as a style source like a .docx (its macros never reach the letter). The last step is a
trial: the writer itself lays a one-line letter on the reference document, in memory.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.limits import REFERENCE_DOCX_BYTES, REFERENCE_DOCX_PARTS

REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml")
_CHUNK = 1 << 16


class ReferenceProblem(Exception):
    """What is wrong with a reference document: a diagnostic code and a message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_reference_docx(path: Path, diags: Diagnostics) -> bool:
    """Add a PD31x error at ``path`` if the DOCX writer cannot safely use it; True if it can.

    A link leading out of its template folder is refused like a template file's (PD314): a
    shared template must not carry the header and footer of another document on this machine.
    """
    if not path.resolve().is_relative_to(path.parent.resolve()):
        message = "reference.docx is a link leading outside its template folder; copy the file in"
        diags.error("PD314", message, Location(display_path(path)))
        return False
    try:
        inspect_reference_docx(path)
        _trial_render(path)
    except ReferenceProblem as problem:
        diags.error(problem.code, problem.message, Location(display_path(path)))
        return False
    return True


def inspect_reference_docx(path: Path) -> None:
    """Raise ``ReferenceProblem`` unless ``path`` is a bounded zip of well-formed, DTD-free XML."""
    limit = REFERENCE_DOCX_BYTES.value
    try:
        size = path.stat().st_size
        if size > limit:
            raise ReferenceProblem("PD319", f"reference.docx is {size:,} bytes; at most {limit:,}")
        _refuse_other_formats(path)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ReferenceProblem(
            "PD315", f"reference.docx is not a Word document (not a readable zip: {exc})"
        ) from exc
    except OSError as exc:
        raise ReferenceProblem("PD315", f"cannot read reference.docx: {exc.strerror}") from exc
    with archive:
        _check_entries(archive)
        for name, data in _read_parts(archive, limit):
            check_xml_part(name, data)


# Files saved under the name reference.docx that are no .docx, by their first bytes.
_OTHER_FORMATS = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # an OLE2 compound file
        "reference.docx is a Word 97-2003 .doc (or a document saved with a password): "
        "open it in Word or LibreOffice and save it as .docx (Word Document), without a password",
    ),
    (
        b"{\\rtf",
        "reference.docx is an RTF file: open it in Word or LibreOffice and save it as .docx",
    ),
    (b"%PDF", "reference.docx is a PDF: a reference document must be a Word document (.docx)"),
)


def _refuse_other_formats(path: Path) -> None:
    """A clear PD315 for a .doc, RTF or PDF given the name reference.docx."""
    with path.open("rb") as stream:
        start = stream.read(8)
    for magic, message in _OTHER_FORMATS:
        if start.startswith(magic):
            raise ReferenceProblem("PD315", message)


def _check_entries(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > REFERENCE_DOCX_PARTS.value:
        message = (
            f"reference.docx holds {len(infos):,} parts; at most {REFERENCE_DOCX_PARTS.value:,}"
        )
        raise ReferenceProblem("PD319", message)
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReferenceProblem("PD315", "reference.docx is encrypted; save it without a password")
    names = {info.filename for info in infos}
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        message = (
            f"reference.docx lacks {', '.join(missing)}: it is not a Word document; "
            "save it from Word or LibreOffice as .docx"
        )
        raise ReferenceProblem("PD316", message)


def _read_parts(archive: zipfile.ZipFile, limit: int) -> Iterator[tuple[str, bytes]]:
    """Every XML part's bytes; every part is unpacked and counted (a zip's sizes can lie)."""
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        xml = info.filename.lower().endswith((".xml", ".rels"))
        chunks: list[bytes] = []
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:
                        message = (
                            f"reference.docx unpacks to more than {limit:,} bytes (a zip bomb?)"
                        )
                        raise ReferenceProblem("PD319", message)
                    if xml:
                        chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            message = f"reference.docx's part {info.filename} cannot be unpacked: {exc}"
            raise ReferenceProblem("PD315", message) from exc
        if xml:
            yield info.filename, b"".join(chunks)


def _safe_parser() -> etree.XMLParser:
    """No entity is expanded, no DTD or network read, no size beyond libxml2's safe bounds."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def check_xml_part(name: str, data: bytes) -> None:
    """A part must be well-formed XML without a DTD: Office never writes one, attacks do."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        message = (
            f"reference.docx's part {name} declares a DTD or entities (<!DOCTYPE>/<!ENTITY>), "
            "which Word documents never do; it is refused (external entities, entity bombs)"
        )
        raise ReferenceProblem("PD318", message)
    try:
        tree = etree.fromstring(data, _safe_parser()).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 1
        message = (
            f"reference.docx's part {name} is not well-formed XML (its line {line}): {exc.msg}"
        )
        raise ReferenceProblem("PD317", message) from exc
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise ReferenceProblem("PD318", f"reference.docx's part {name} declares a DTD")


def _trial_render(path: Path) -> None:
    """Lay a one-line letter on the reference document, as ``render`` will, in memory."""
    from policydraft.model import Document, Metadata, Para, Text
    from policydraft.writers.docx import DocxOptions, write_docx

    letter = Document(Metadata("Trial", "policydraft"), (Para((Text("Trial"),)),))
    try:
        write_docx(letter, io.BytesIO(), DocxOptions(reference_docx=path))
    except Exception as exc:  # any failure here means render would fail on it too
        message = (
            f"reference.docx cannot be used as the letter's base: {type(exc).__name__}: {exc}; "
            "save it again from Word or LibreOffice as .docx"
        )
        raise ReferenceProblem("PD315", message) from exc
