"""The package around the content: the base document, its properties, reproducible bytes.

Users diff and re-attach rendered letters, and regulations.gov keeps every upload, so the
same document tree must give byte-identical files: python-docx stamps zip entries with the
current time, so the zip is rewritten with fixed times, order and compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import IO, Any

import docx

from policydraft.model import Metadata

_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")
GENERATOR = "policydraft"


def open_base(reference: Path | None) -> Any:
    """The reference document (pandoc's --reference-doc) or python-docx's blank template.

    Parts that would describe the template rather than our letter are dropped: the preview
    picture, and the Word 2010 copy of the styles that would shadow the styles we write.
    """
    word = docx.Document(str(reference)) if reference is not None else docx.Document()
    _drop_relationships(word.part.package.rels, _THUMBNAIL)
    _drop_relationships(word.part.rels, _STYLES_WITH_EFFECTS)
    word.element.body.clear_content()
    return word


def _drop_relationships(rels: Any, reltype: str) -> None:
    for rel_id in [rel_id for rel_id, rel in rels.items() if rel.reltype == reltype]:
        del rels[rel_id]


def set_core_properties(word: Any, metadata: Metadata) -> None:
    """Title, author, subject and language from the metadata; fixed dates and revision."""
    stamp = dt.datetime.combine(metadata.date, dt.time(), tzinfo=dt.UTC)
    properties = word.core_properties
    properties.title = metadata.title
    properties.author = metadata.author
    properties.subject = metadata.subject
    properties.language = metadata.language
    properties.created = stamp
    properties.modified = stamp
    properties.last_modified_by = GENERATOR
    properties.revision = 1
    properties.comments = ""


def save_reproducibly(word: Any, out: IO[bytes]) -> None:
    """Write the package to ``out`` with entries in a fixed order, dated 1980-01-01."""
    buffer = io.BytesIO()
    word.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    first = [name for name in _FIRST_ENTRIES if name in entries]
    order = first + sorted(name for name in entries if name not in _FIRST_ENTRIES)
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=6)
