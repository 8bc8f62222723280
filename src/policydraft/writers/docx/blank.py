"""Our own blank Word document: what a letter without a reference.docx is written on.

python-docx's default template was saved by Word 2010 for the Mac: it opens our letters in
Compatibility Mode, says "Microsoft Macintosh Word" and "1 page, 0 words", and gives every
letter the same document id, revision ids and an unrelated bibliography part. The blank
document here is kept as XML source files in ``base/``, the least a Word 2013+ document
needs (Normal, Default Paragraph Font, Normal Table and No List styles; Times New Roman
defaults; compatibility mode 15; empty numbering), and is zipped in memory once.

``docProps/app.xml`` is written from the finished letter (``app_properties``): our name and
version, its words and characters, and its pages only when a real layout counted them.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from importlib import metadata, resources

from lxml import etree

APPLICATION = "policydraft"
_EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"

# member name in the .docx -> source file in base/ (flat names: no dot files, no brackets)
BASE_FILES = {
    "[Content_Types].xml": "content-types.xml",
    "_rels/.rels": "package.rels",
    "docProps/core.xml": "core.xml",
    "word/document.xml": "document.xml",
    "word/_rels/document.xml.rels": "document.xml.rels",
    "word/styles.xml": "styles.xml",
    "word/settings.xml": "settings.xml",
    "word/numbering.xml": "numbering.xml",
    "word/fontTable.xml": "fontTable.xml",
    "word/webSettings.xml": "webSettings.xml",
}


def base_file(name: str) -> bytes:
    """The bytes of one source file of the blank document (``base/NAME``)."""
    return (resources.files("policydraft.writers.docx") / "base" / name).read_bytes()


@cache
def blank_docx() -> bytes:
    """The blank document as a .docx, for python-docx to open (made once per process)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, source in BASE_FILES.items():
            archive.writestr(member, base_file(source))
        archive.writestr("docProps/app.xml", app_properties())
    return out.getvalue()


def app_version(version: str | None = None) -> str:
    """Our version in the ``NN.NNNN`` form Office gives ``AppVersion`` ("16.0000").

    The two digits are the major version; the four are minor * 100 + patch, so 0.1.0 is
    "00.0100" and 1.12.3 is "01.1203". Readers that parse the field as Office's find a
    number; anything beyond 99 is capped rather than breaking the form.
    """
    text = version if version is not None else _package_version()
    numbers = [int(part) if part.isdigit() else 0 for part in text.split(".")[:3]]
    major, minor, patch = [*numbers, 0, 0, 0][:3]
    return f"{min(major, 99):02d}.{min(minor, 99) * 100 + min(patch, 99):04d}"


def _package_version() -> str:
    try:
        return metadata.version("policydraft")
    except metadata.PackageNotFoundError:  # running from a source tree never installed
        return "0"


def app_properties(
    words: int = 0, characters: int = 0, with_spaces: int = 0, pages: int | None = None
) -> bytes:
    """``docProps/app.xml``: application, version and counts; ``Pages`` only when known."""
    root = etree.fromstring(f'<Properties xmlns="{_EXTENDED_NS}"/>')
    values: list[tuple[str, str]] = []
    if pages is not None:
        values.append(("Pages", str(pages)))
    values += [
        ("Words", str(words)),
        ("Characters", str(characters)),
        ("Application", APPLICATION),
        ("DocSecurity", "0"),
        ("CharactersWithSpaces", str(with_spaces)),
        ("AppVersion", app_version()),
    ]
    for name, value in values:
        etree.SubElement(root, f"{{{_EXTENDED_NS}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
