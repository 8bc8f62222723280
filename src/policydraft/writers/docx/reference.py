"""What a reference.docx must not pass on to the letters made from it.

A reference document lends the letter its styles, numbering, page setup, header and footer,
nothing else. It was someone's document first: its properties (keywords, description,
category, last editor, revision, company, manager, custom properties), comments, glossary,
custom XML, document variables and the path of its Word template say who made it and for
whom, and a letter filed with an agency is public. So the package keeps only the parts that
carry formatting, and the properties parts are those of a blank document, which
``set_core_properties`` then fills from the letter's metadata alone.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.parts.coreprops import CorePropertiesPart
from lxml import etree

from policydraft.writers.docx.blank import app_properties, base_file

_TYPES_MEMBER = "[Content_Types].xml"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
WORD_MAIN_TYPES_OPENED_AS_DOCUMENT = frozenset(
    {
        f"{_WML}.template.main+xml",  # .dotx
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
        "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    }
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE_KEEPS = {RT.OFFICE_DOCUMENT}
_DOCUMENT_KEEPS = {
    RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.FONT_TABLE, RT.THEME, RT.WEB_SETTINGS,
    RT.HEADER, RT.FOOTER, RT.FOOTNOTES, RT.ENDNOTES,
}  # fmt: skip
_PRIVATE_SETTINGS = ("docVars", "attachedTemplate", "mailMerge")
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def forget_reference(word: Any) -> None:
    """Keep only the reference document's formatting; give it a blank document's properties.

    Called after its body was cleared (the body's pictures and links go with it).
    """
    package = word.part.package
    _keep_relationships(package.rels, _PACKAGE_KEEPS)
    _keep_relationships(word.part.rels, _DOCUMENT_KEEPS)
    core, app = _blank_properties()
    package.relate_to(
        CorePropertiesPart.load(
            PackURI("/docProps/core.xml"), CT.OPC_CORE_PROPERTIES, core, package
        ),
        RT.CORE_PROPERTIES,
    )
    package.relate_to(
        Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, app, package),
        RT.EXTENDED_PROPERTIES,
    )
    _forget_settings(word.part)
    _keep_separator_endnotes(word.part)
    _forget_external_sources(package)


def _forget_external_sources(package: Any) -> None:
    """Drop links to outside resources (linked pictures, objects) from every kept part.

    A header picture linked from a web address would be fetched when the agency opens the
    letter, telling its sender who read it and when. Hyperlinks stay: they open only when
    clicked, and a reference's header may well link to the organization's site.
    """
    for part in package.iter_parts():
        external = [
            rel_id
            for rel_id, rel in part.rels.items()
            if rel.is_external and rel.reltype != RT.HYPERLINK
        ]
        for rel_id in external:
            del part.rels[rel_id]


def _keep_relationships(rels: Any, kept: set[str]) -> None:
    for rel_id in [rel_id for rel_id, rel in rels.items() if rel.reltype not in kept]:
        del rels[rel_id]


@cache
def _blank_properties() -> tuple[bytes, bytes]:
    """core.xml and app.xml of our blank document: what a letter without a reference
    document carries, so both kinds of letter have the same properties."""
    return base_file("core.xml"), app_properties()


def open_reference(path: Path) -> Any:
    """The reference document opened with python-docx, a Word template (.dotx, .dotm) or
    macro-enabled document (.docm) as a plain document.

    python-docx opens only a main part typed as a document; a template's styles serve as
    well, so its main part's content type is read as a document's. Its macros never reach
    the letter: only the parts ``forget_reference`` keeps do.
    """
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read(_TYPES_MEMBER)
        retyped = _as_document_types(types)
        if retyped == types:
            return docx.Document(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                content = retyped if info.filename == _TYPES_MEMBER else archive.read(info)
                copy.writestr(info.filename, content)
    return docx.Document(io.BytesIO(out.getvalue()))


def _as_document_types(types: bytes) -> bytes:
    """``[Content_Types].xml`` with Word template and macro main types read as a document's."""
    root = etree.fromstring(types, _SAFE_PARSER)  # checked: no DTD
    changed = False
    for override in root.iter(f"{{{_TYPES_NS}}}Override"):
        if override.get("ContentType") in WORD_MAIN_TYPES_OPENED_AS_DOCUMENT:
            override.set("ContentType", CT.WML_DOCUMENT_MAIN)
            changed = True
    if not changed:
        return types
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _forget_settings(document_part: Any) -> None:
    """Drop document variables, the template's path and mail-merge sources from settings."""
    try:
        part = document_part.part_related_by(RT.SETTINGS)
    except KeyError:
        return
    settings = part.element
    for name in _PRIVATE_SETTINGS:
        for element in settings.findall(f"{{{_W}}}{name}"):
            settings.remove(element)
    for rel_id in [rel_id for rel_id, rel in part.rels.items() if rel.is_external]:
        del part.rels[rel_id]


def _keep_separator_endnotes(document_part: Any) -> None:
    """The reference's endnotes belonged to its old body; only the separators stay."""
    for rel_id, rel in list(document_part.rels.items()):
        if rel.reltype != RT.ENDNOTES or rel.is_external:
            continue
        endnotes = etree.fromstring(rel.target_part.blob, _SAFE_PARSER)  # checked: no DTD
        for note in endnotes.findall(f"{{{_W}}}endnote"):
            if not note.get(f"{{{_W}}}type"):
                endnotes.remove(note)
        blob = etree.tostring(endnotes, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(rel.target_part.partname, CT.WML_ENDNOTES, blob, document_part.package)
        del document_part.rels[rel_id]
        document_part.relate_to(part, RT.ENDNOTES)
