"""Checking a .docx as Word would: every XML part against ECMA-376's transitional schemas,
and the package around them (content types, relationships, footnotes, fields).

The schemas are in tests/fixtures/ooxml-xsd (see its README). One master schema imports
each namespace a Word document's parts use, and lxml compiles it once from the local files:
their imports name files beside them, and the parser may not read the network.

Before validating, Markup Compatibility (ECMA-376 Part 3) is applied as a reader that knows
only the 2006 schemas does: elements and attributes of the namespaces a part lists in
``mc:Ignorable`` (Word 2010's w14, Word 2013's w15, ...) are removed, and each
``mc:AlternateContent`` is replaced by the children of its ``mc:Fallback``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "ooxml-xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

# namespace -> the schema file that declares it
_SCHEMAS = {
    W: "wml.xsd",
    TYPES: "opc-xsd/opc-contentTypes.xsd",
    RELS: "opc-xsd/opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": (
        "opc-xsd/opc-coreProperties.xsd"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "shared-documentPropertiesExtended.xsd"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": (
        "shared-documentPropertiesCustom.xsd"
    ),
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "dml-picture.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": (
        "dml-wordprocessingDrawing.xsd"
    ),
    "urn:schemas-microsoft-com:vml": "vml-main.xsd",
    "urn:schemas-microsoft-com:office:office": "vml-officeDrawing.xsd",
    "urn:schemas-microsoft-com:office:word": "vml-wordprocessingDrawing.xsd",
}


@cache
def master_schema() -> etree.XMLSchema:
    """One schema importing every namespace above, compiled from the local files only."""
    imports = "".join(
        f'<xsd:import namespace="{namespace}" schemaLocation="{location}"/>'
        for namespace, location in _SCHEMAS.items()
    )
    master = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    tree = etree.fromstring(master.encode(), parser, base_url=str(XSD_DIR / "master.xsd"))
    return etree.XMLSchema(tree)


def apply_markup_compatibility(root: etree._Element) -> etree._Element:
    """``root`` as a reader of the 2006 schemas sees it (in place; returned for chaining)."""
    ignorable = _ignorable_namespaces(root)
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = alternate.find(f"{{{MC}}}Fallback")
        parent = alternate.getparent()
        if parent is None:
            continue
        for child in list(fallback) if fallback is not None else []:
            alternate.addprevious(child)
        parent.remove(alternate)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignorable and element.getparent() is not None:
            element.getparent().remove(element)  # type: ignore[union-attr]
            continue
        for name in list(element.attrib):
            namespace = etree.QName(name).namespace
            if namespace in ignorable or namespace == MC:
                del element.attrib[name]
    return root


def _ignorable_namespaces(root: etree._Element) -> set[str]:
    namespaces: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        prefixes = element.get(f"{{{MC}}}Ignorable")
        if prefixes:
            namespaces |= {element.nsmap[p] for p in prefixes.split() if p in element.nsmap}
    return namespaces


def read_parts(data: bytes) -> dict[str, bytes]:
    """Every member of a .docx by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def schema_errors(parts: dict[str, bytes]) -> list[str]:
    """``PART:LINE: message`` for each schema error of each XML part (none: an empty list)."""
    schema = master_schema()
    errors: list[str] = []
    for name, data in sorted(parts.items()):
        if not is_xml(name):
            continue
        root = apply_markup_compatibility(etree.fromstring(data))
        if not isinstance(root.tag, str) or etree.QName(root).namespace not in _SCHEMAS:
            errors.append(f"{name}: root {root.tag} has no schema here")
            continue
        if not schema.validate(root):
            errors += [f"{name}:{e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]
    return errors


def package_errors(parts: dict[str, bytes]) -> list[str]:
    """What a reader of the package would stumble on, beyond the schemas."""
    return [
        *_untyped_parts(parts),
        *_broken_relationships(parts),
        *_footnote_errors(parts),
        *_field_errors(parts),
    ]


def _untyped_parts(parts: dict[str, bytes]) -> list[str]:
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {d.get("Extension", "").lower() for d in types.iter(f"{{{TYPES}}}Default")}
    overrides = {o.get("PartName", "").lower() for o in types.iter(f"{{{TYPES}}}Override")}
    errors = []
    for name in parts:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        extension = name.rsplit(".", 1)[-1].lower()
        if f"/{name}".lower() not in overrides and extension not in defaults:
            errors.append(f"{name}: no content type")
    errors += [f"{o}: typed but absent" for o in overrides if o[1:] not in map(str.lower, parts)]
    return errors


def _broken_relationships(parts: dict[str, bytes]) -> list[str]:
    errors = []
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        folder = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels -> word
        for rel in etree.fromstring(data).iter(f"{{{RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            if posixpath.normpath(path) not in parts:
                errors.append(f"{name}: {rel.get('Id')} points to missing {target}")
    return errors


def _w(local: str) -> str:
    return f"{{{W}}}{local}"


def _footnote_errors(parts: dict[str, bytes]) -> list[str]:
    """Body references and notes match one to one; the separators settings lists exist."""
    document = etree.fromstring(parts["word/document.xml"])
    referenced = [r.get(_w("id")) for r in document.iter(_w("footnoteReference"))]
    notes = etree.fromstring(
        parts.get("word/footnotes.xml", b"<w:footnotes xmlns:w='%s'/>" % W.encode())
    )
    ordinary = {n.get(_w("id")) for n in notes.iter(_w("footnote")) if not n.get(_w("type"))}
    present = {n.get(_w("id")) for n in notes.iter(_w("footnote"))}
    errors = [f"footnote {i} is referenced but absent" for i in referenced if i not in present]
    errors += [
        f"footnote {i} is referenced twice" for i in set(referenced) if referenced.count(i) > 1
    ]
    errors += [f"footnote {i} is never referenced" for i in ordinary - set(referenced)]
    settings = etree.fromstring(parts["word/settings.xml"])
    for listed in settings.iterfind(f"{_w('footnotePr')}/{_w('footnote')}"):
        if listed.get(_w("id")) not in present:
            errors.append(f"settings list separator footnote {listed.get(_w('id'))}, absent")
    return errors


def _field_errors(parts: dict[str, bytes]) -> list[str]:
    """Complex fields: begin, at most one separate, end, properly nested, in every story."""
    errors = []
    for name, data in parts.items():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        open_fields: list[bool] = []  # per open field: has its separate been seen
        for char in etree.fromstring(data).iter(_w("fldChar")):
            kind = char.get(_w("fldCharType"))
            if kind == "begin":
                open_fields.append(False)
            elif not open_fields or (kind == "separate" and open_fields[-1]):
                errors.append(f"{name}: a field {kind} without its begin")
            elif kind == "separate":
                open_fields[-1] = True
            else:
                open_fields.pop()
        errors += [f"{name}: a field never ends"] * len(open_fields)
    return errors
