"""Whether every page of a Word document prints its number, read from its XML (no layout).

Word prints a page's number through a field: ``<w:fldSimple w:instr="PAGE">``, or a complex
field whose instruction (``w:instrText``, possibly split over several runs) is ``PAGE``. A
section prints its default header and footer on every page; its first-page ones on its first
page when ``w:titlePg`` is on; even-page ones on even pages when the settings turn
``w:evenAndOddHeaders`` on. A section without a header (or footer) of some kind uses the
previous section's; the first section then has none (ECMA-376 Part 1, 17.10.5). So a kind of
page is numbered when the header or footer it prints holds a PAGE field.

Without a layout the number of pages of each section is unknown: a first-page footer is read
as used whenever ``w:titlePg`` is on, even for a section that turns out one page long.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
KINDS = {"default": "the pages", "first": "the first page", "even": "the even pages"}
"""Each kind of page a header or footer is for, as a message names it."""
_OFF = {"0", "false", "off"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True)
class UnnumberedPages:
    """Pages of one section whose header and footer print no page number."""

    section: int  # counted from 1, in document order
    kind: str  # a key of KINDS


def describe(found: list[UnnumberedPages]) -> str:
    """Where the pages are, for a message: "the pages of sections 1, 2 and 3; the first page
    of section 1"."""
    parts = []
    for kind, what in KINDS.items():
        numbers = [str(pages.section) for pages in found if pages.kind == kind]
        if numbers:
            parts.append(f"{what} of section{'' if len(numbers) == 1 else 's'} {_listed(numbers)}")
    return "; ".join(parts)


def _listed(numbers: list[str]) -> str:
    """ "1", "1 and 2", "1, 2 and 3", or the first eight and "...": at most eight numbers."""
    if len(numbers) > 8:
        return ", ".join(numbers[:8]) + ", ..."
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"


class UnreadableParts(Exception):
    """The document's parts cannot be read as WordprocessingML."""


def unnumbered_pages(docx: Path) -> list[UnnumberedPages]:
    """Every section's kind of page whose header and footer have no PAGE field."""
    try:
        with zipfile.ZipFile(docx) as archive:
            return _unnumbered(_Package(archive))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise UnreadableParts(str(exc)) from exc


class _Package:
    """The parts of a .docx needed here, each read and parsed once."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.document = self.part("word/document.xml")
        self.targets = self._relationships("word/_rels/document.xml.rels")
        self._numbered: dict[str, bool] = {}

    def part(self, name: str) -> etree._Element:
        return etree.fromstring(self.archive.read(name), _PARSER)

    def _relationships(self, name: str) -> dict[str, str]:
        if name not in self.archive.namelist():
            return {}
        found = {}
        for rel in self.part(name).iter(f"{{{RELS}}}Relationship"):
            target = rel.get("Target", "")
            found[rel.get("Id", "")] = posixpath.normpath(posixpath.join("word", target))
        return found

    def even_and_odd(self) -> bool:
        if "word/settings.xml" not in self.archive.namelist():
            return False
        return _on(self.part("word/settings.xml").find(f"{{{W}}}evenAndOddHeaders"))

    def numbered(self, rid: str) -> bool:
        """Whether the header or footer part ``rid`` names holds a PAGE field."""
        if rid not in self._numbered:
            target = self.targets.get(rid)
            present = target is not None and target in self.archive.namelist()
            self._numbered[rid] = present and has_page_field(self.part(str(target)))
        return self._numbered[rid]


def _unnumbered(package: _Package) -> list[UnnumberedPages]:
    kinds = ["default", "even"] if package.even_and_odd() else ["default"]
    inherited: dict[tuple[str, str], str] = {}  # (header|footer, kind) -> part's relationship id
    missing = []
    sections: list[etree._Element] = package.document.xpath(  # type: ignore[assignment]
        "/w:document/w:body/w:p/w:pPr/w:sectPr | /w:document/w:body/w:sectPr", namespaces={"w": W}
    )
    for number, section in enumerate(sections, start=1):
        for tag in ("header", "footer"):
            for ref in section.findall(f"{{{W}}}{tag}Reference"):
                inherited[(tag, ref.get(f"{{{W}}}type", "default"))] = ref.get(f"{{{R}}}id", "")
        used = [*kinds, "first"] if _on(section.find(f"{{{W}}}titlePg")) else kinds
        for kind in used:
            parts = [inherited.get((tag, kind)) for tag in ("header", "footer")]
            if not any(rid and package.numbered(rid) for rid in parts):
                missing.append(UnnumberedPages(number, kind))
    return missing


def has_page_field(part: etree._Element) -> bool:
    """Whether a header or footer part holds a PAGE field, simple or complex."""
    return any(_is_page(instruction) for instruction in field_instructions(part))


def field_instructions(part: etree._Element) -> list[str]:
    """Every field's instruction in ``part``: simple fields' and complex fields' (their
    ``w:instrText`` pieces joined, nested fields each their own)."""
    found = [simple.get(f"{{{W}}}instr", "") for simple in part.iter(f"{{{W}}}fldSimple")]
    open_fields: list[list[str]] = []
    for element in part.iter(f"{{{W}}}fldChar", f"{{{W}}}instrText"):
        if element.tag == f"{{{W}}}instrText":
            if open_fields:
                open_fields[-1].append(element.text or "")
            continue
        kind = element.get(f"{{{W}}}fldCharType")
        if kind == "begin":
            open_fields.append([])
        elif kind == "end" and open_fields:
            found.append("".join(open_fields.pop()))
    return found


def _is_page(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() == "PAGE"


def _on(element: etree._Element | None) -> bool:
    """A WordprocessingML on/off property: on when present, unless its val says off."""
    return element is not None and element.get(f"{{{W}}}val", "true").lower() not in _OFF
