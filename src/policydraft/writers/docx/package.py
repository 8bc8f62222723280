"""The package around the content: the base document, its properties, reproducible bytes.

Users diff and re-attach rendered letters, and regulations.gov keeps every upload, so the
same document tree must give byte-identical files: python-docx stamps zip entries with the
current time, so the zip is written here, from its parts, with fixed times, order and
compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import IO, Any

import docx
from docx.opc.constants import CONTENT_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.spec import default_content_types
from lxml import etree

from policydraft.model import Metadata
from policydraft.writers.docx.blank import app_properties, blank_docx
from policydraft.writers.docx.oxml import w
from policydraft.writers.docx.reference import forget_reference, open_reference
from policydraft.writers.docx.streamed import (
    StreamedPart,
    TextCounts,
    count_paragraphs,
    streamed_part,
    write_entry,
)
from policydraft.writers.docx.streamed import counts as streamed_counts
from policydraft.writers.docx.word_settings import modernise_settings

_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
GENERATOR = "policydraft"
_DEFLATE_LEVEL = 6
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELATIONSHIPS_TYPE = CONTENT_TYPE.OPC_RELATIONSHIPS
_XML_TYPE = CONTENT_TYPE.XML
_W_P = w("p")
_W_T = w("t")


def open_base(reference: Path | None) -> Any:
    """The reference document (pandoc's --reference-doc) or our blank document (``blank``).

    Parts that would describe the template rather than our letter are dropped: the preview
    picture, the Word 2010 copy of the styles that would shadow the styles we write, and all
    that a reference document says about itself and its authors (``forget_reference``). The
    settings leave without revision or document ids, at compatibility mode 15 or above.
    """
    if reference is None:
        word = docx.Document(io.BytesIO(blank_docx()))
    else:
        word = open_reference(reference)
    _drop_relationships(word.part.package.rels, _THUMBNAIL)
    _drop_relationships(word.part.rels, _STYLES_WITH_EFFECTS)
    word.element.body.clear_content()
    if reference is not None:
        forget_reference(word)  # its properties, comments, variables: someone else's
    modernise_settings(word.settings.element)
    _forget_revision_ids(word.element.body)
    return word


def _forget_revision_ids(body: Any) -> None:
    """The section's revision ids (``w:rsidR``...) belong to the reference's editing history."""
    for section in body.iter(w("sectPr")):
        for name in [name for name in section.attrib if etree.QName(name).localname[:4] == "rsid"]:
            del section.attrib[name]


def _drop_relationships(rels: Any, reltype: str) -> None:
    for rel_id in [rel_id for rel_id, rel in rels.items() if rel.reltype == reltype]:
        del rels[rel_id]


def set_app_properties(word: Any, pages: int | None = None) -> None:
    """``docProps/app.xml`` from the finished letter: words and characters of the body and
    the footnotes (counted as Word does: runs of non-space text), ``pages`` when known. The
    paragraphs written at save time (``streamed``) are counted with the tree's."""
    counts = TextCounts()
    for story in _counted_stories(word):
        texts = ("".join(paragraph.itertext(_W_T)) for paragraph in story.iter(_W_P))
        counts += count_paragraphs(texts) + streamed_counts(story.getroottree().getroot())
    package = word.part.package
    _drop_relationships(package.rels, RT.EXTENDED_PROPERTIES)
    blob = app_properties(counts.words, counts.characters, counts.with_spaces, pages)
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def _counted_stories(word: Any) -> list[Any]:
    """The body and the footnotes: what Word's word count includes by default."""
    stories = [word.element.body]
    for rel in word.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            stories.append(rel.target_part.element)
    return stories


def set_core_properties(word: Any, metadata: Metadata) -> None:
    """Title, author, subject and language from the metadata; fixed dates and revision."""
    stamp = dt.datetime.combine(metadata.date, dt.time(), tzinfo=dt.UTC)
    properties = word.core_properties
    properties.title = property_text(metadata.title)
    properties.author = property_text(metadata.author)
    properties.subject = property_text(metadata.subject)
    properties.language = metadata.language
    properties.created = stamp
    properties.modified = stamp
    properties.last_modified_by = GENERATOR
    properties.revision = 1
    properties.comments = ""


PROPERTY_CHARS = 255
"""python-docx refuses longer core properties; the letter itself keeps the whole text."""


def property_text(text: str) -> str:
    """``text`` on one line, cut to what a core property holds (with an ellipsis if cut)."""
    line = " ".join(text.split())
    return line if len(line) <= PROPERTY_CHARS else line[: PROPERTY_CHARS - 1] + "…"


def save_reproducibly(word: Any, out: IO[bytes]) -> None:
    """Write the package to ``out`` with entries in a fixed order, dated 1980-01-01.

    The entries are gathered from python-docx's package objects and deflated once, here:
    letting python-docx save and then rewriting its zip to fix the dates and order would
    serialise and deflate every part twice (a 100,000-name document.xml is ~22 MB).
    Level 6 (zlib's default) keeps that part at ~0.8 MB; level 1 would save ~0.06 s there
    but make it ~30% larger, and the file is what users upload. A part with paragraphs kept
    out of its tree (the signatory appendix's, ``streamed``) is written a chunk at a time.
    """
    entries = package_entries(word.part.package)
    first = [name for name in _FIRST_ENTRIES if name in entries]
    order = first + sorted(name for name in entries if name not in _FIRST_ENTRIES)
    with zipfile.ZipFile(out, "w", compresslevel=_DEFLATE_LEVEL) as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            write_entry(target, info, entries[name])


def package_entries(package: Any) -> dict[str, bytes | StreamedPart]:
    """Every zip entry of the package by member name: what python-docx's save would write.

    That is the content types, the package relationships, and each part reachable from them
    with its own relationships if it has any; a part with deferred paragraphs comes as a
    ``StreamedPart``, its tree's bytes and what goes in their placeholders.
    """
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    entries: dict[str, bytes | StreamedPart] = {
        "[Content_Types].xml": content_types_xml(parts),
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        element = getattr(part, "element", None)
        blob = part.blob
        entries[part.partname.membername] = (
            blob if element is None else streamed_part(element, blob)
        )
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return entries


def content_types_xml(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``, as python-docx writes it.

    A part whose extension and type are a standard pair is covered by a ``Default`` for its
    extension (case-insensitive); any other gets an ``Override`` by name. Both are sorted, so
    the same parts always give the same bytes.
    """
    defaults = {"rels": _RELATIONSHIPS_TYPE, "xml": _XML_TYPE}
    overrides: dict[str, str] = {}
    for part in parts:
        extension = part.partname.ext
        if (extension.lower(), part.content_type) in default_content_types:
            defaults[extension.lower()] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    types = etree.fromstring(f'<Types xmlns="{_TYPES_NS}"/>')
    for extension in sorted(defaults):
        _add_type(types, "Default", "Extension", extension, defaults[extension])
    for partname in sorted(overrides):
        _add_type(types, "Override", "PartName", partname, overrides[partname])
    return etree.tostring(types, encoding="UTF-8", standalone=True)


def _add_type(types: Any, tag: str, key: str, value: str, content_type: str) -> None:
    element = etree.SubElement(types, f"{{{_TYPES_NS}}}{tag}")
    element.set(key, value)
    element.set("ContentType", content_type)
