"""OLD's relationships in NEW's package: what a paragraph put back from OLD points at.

A paragraph of OLD's put back into NEW's story (deleted, or moved away) may hold a link or
a picture, named by a relationship id of OLD's part (``r:id``, ``r:embed``). In NEW's
package that id may name something else, or nothing. ``Carrier`` rewrites such ids to
NEW's relationship to the same thing: the same external address, or a part with the same
bytes; failing that, it adds the relationship, and OLD's part (a picture) under a new name.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from lxml import etree

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "[Content_Types].xml"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def rels_name(part: str) -> str:
    """The relationships part of ``part``: word/document.xml -> word/_rels/document.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


@dataclass
class Carrier:
    """Rewrites OLD's relationship ids in ``part`` to NEW's, adding what NEW lacks.

    ``new_parts`` is NEW's package, changed in place when a relationship or part is added.
    """

    part: str
    old_parts: dict[str, bytes]
    new_parts: dict[str, bytes]
    _mapped: dict[str, str] = field(default_factory=dict)
    _new_rels: etree._Element | None = None

    def carry(self, element: etree._Element) -> None:
        """Rewrite every relationship id in ``element`` (and below) to NEW's."""
        for node in element.iter():
            for name, value in node.attrib.items():
                if str(name).startswith(f"{{{R}}}"):
                    node.set(name, self._new_id(str(value)))

    def finish(self) -> None:
        """Write NEW's relationships part back, if a relationship was added."""
        if self._new_rels is not None:
            self.new_parts[rels_name(self.part)] = etree.tostring(
                self._new_rels, xml_declaration=True, encoding="UTF-8", standalone=True
            )

    def _new_id(self, old_id: str) -> str:
        if old_id not in self._mapped:
            self._mapped[old_id] = self._find_or_add(old_id)
        return self._mapped[old_id]

    def _find_or_add(self, old_id: str) -> str:
        old = _relationships(self.old_parts.get(rels_name(self.part)))
        wanted = next((r for r in old if r.get("Id") == old_id), None)
        if wanted is None:
            return old_id  # not a relationship of OLD's (kept as it was)
        rels = self._rels()
        external = wanted.get("TargetMode") == "External"
        content = None if external else self.old_parts.get(self._target(wanted))
        for rel in rels:
            if rel.get("Type") == wanted.get("Type") and self._same(rel, wanted, content):
                return rel.get("Id", old_id)
        target = wanted.get("Target", "")
        if not external and content is not None:
            target = self._add_part(target, content)
        taken = {rel.get("Id") for rel in rels}
        number = len(taken) + 1
        while f"rIdRedline{number}" in taken:
            number += 1
        made = etree.SubElement(rels, f"{{{PKG}}}Relationship")
        made.set("Id", f"rIdRedline{number}")
        made.set("Type", wanted.get("Type", ""))
        made.set("Target", target)
        if external:
            made.set("TargetMode", "External")
        return f"rIdRedline{number}"

    def _same(self, rel: etree._Element, wanted: etree._Element, content: bytes | None) -> bool:
        """Whether NEW's ``rel`` points where OLD's ``wanted`` did: the same address, or a
        part with the same bytes."""
        if wanted.get("TargetMode") == "External":
            return rel.get("TargetMode") == "External" and rel.get("Target") == wanted.get("Target")
        return content is not None and self.new_parts.get(self._target(rel)) == content

    def _rels(self) -> etree._Element:
        if self._new_rels is None:
            given = self.new_parts.get(rels_name(self.part))
            self._new_rels = (
                etree.fromstring(given) if given else etree.Element(f"{{{PKG}}}Relationships")
            )
        return self._new_rels

    def _target(self, rel: etree._Element) -> str:
        folder = posixpath.dirname(self.part)
        return posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))

    def _add_part(self, target: str, content: bytes) -> str:
        """OLD's part added to NEW's package under a name NEW does not use; its target."""
        folder = posixpath.dirname(self.part)
        stem, extension = posixpath.splitext(target)
        number = 1
        while posixpath.normpath(posixpath.join(folder, f"{stem}-old{number}{extension}")) in (
            self.new_parts
        ):
            number += 1
        made = f"{stem}-old{number}{extension}"
        self.new_parts[posixpath.normpath(posixpath.join(folder, made))] = content
        self._declare(extension.lstrip("."))
        return made

    def _declare(self, extension: str) -> None:
        """The added part's type: OLD's ``Default`` for its extension, if NEW lacks it."""
        types = etree.fromstring(self.new_parts[TYPES])
        if any(d.get("Extension", "").lower() == extension.lower() for d in types):
            return
        old_types = etree.fromstring(self.old_parts[TYPES])
        default = next(
            (d for d in old_types if d.get("Extension", "").lower() == extension.lower()), None
        )
        if default is None:
            return
        types.insert(0, etree.fromstring(etree.tostring(default)))
        self.new_parts[TYPES] = etree.tostring(
            types, xml_declaration=True, encoding="UTF-8", standalone=True
        )


def _relationships(data: bytes | None) -> list[etree._Element]:
    return [] if not data else [r for r in etree.fromstring(data) if isinstance(r.tag, str)]
