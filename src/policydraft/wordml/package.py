"""The parts of a Word package (a .docx zip), found as Word finds them: through relationships.

A document's header, footer and theme are wherever ``word/_rels/document.xml.rels`` says,
not at fixed names. The package given here has already been checked as untrusted input
(``checks.reference_docx``: a bounded zip of DTD-free XML); parts are parsed without
entities, network or huge trees all the same.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from policydraft.wordml.styles import theme_fonts, w

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class WordPackage:
    """A Word document's parts, read on demand from its open zip."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())

    def xml(self, name: str) -> etree._Element:
        """The part ``name`` parsed (it must exist)."""
        return etree.fromstring(self.archive.read(name), _SAFE_PARSER)

    def theme_fonts(self) -> dict[str, str]:
        """The document theme's major and minor Latin fonts (empty when it has no theme)."""
        targets = self._targets(_DOCUMENT_RELS)
        theme = next((t for t in targets.values() if t.startswith("theme/")), None)
        if theme is None or f"word/{theme}" not in self.names:
            return {}
        return theme_fonts(self.xml(f"word/{theme}"))

    def running_name(self, section: etree._Element | None, kind: str) -> str | None:
        """The part name of ``section``'s default ``kind`` ("header" or "footer"), if any."""
        if section is None:
            return None
        for reference in section.findall(w(f"{kind}Reference")):
            if reference.get(w("type"), "default") != "default":
                continue
            targets = self._targets(_DOCUMENT_RELS)
            target = targets.get(reference.get(f"{{{R_NS}}}id", ""))
            name = f"word/{target}" if target else ""
            return name if name in self.names else None
        return None

    def _targets(self, rels: str) -> dict[str, str]:
        """Relationship id -> internal target, relative to ``word/``."""
        if rels not in self.names:
            return {}
        root = self.xml(rels)
        return {
            str(rel.get("Id")): str(rel.get("Target", "")).removeprefix("/word/")
            for rel in root.findall(f"{{{_PKG}}}Relationship")
            if rel.get("TargetMode") != "External"
        }
