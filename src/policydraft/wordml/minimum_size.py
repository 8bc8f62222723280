"""An agency's minimum type size applied to a DOCX's styles, not only to our PDF.

A reference.docx keeps its own styles, so under a profile asking for "12-point or larger
type" its 11 pt Normal would give an 11 pt DOCX beside a 12 pt PDF. Every style whose
effective size (its own ``w:sz``, else its ``basedOn`` chain's, else the document
defaults') is below the minimum is raised to it, and so are the document defaults and the
run sizes written directly in a header or footer. Each raise is reported by style name and
size, so the user learns what changed in their template.

Only sizes change: spacing and fonts stay as the reference has them. Character styles that
set no size take their paragraph's and are left alone; superscript reference marks are sized
by their paragraph too, and profiles exempt them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lxml import etree

from policydraft.wordml.styles import StyleSheet, sz_half_points, w


@dataclass(frozen=True, slots=True)
class RaisedStyle:
    """A style (or "document defaults", or a header or footer) set below the minimum."""

    name: str
    size: float  # points, before raising

    def sentence(self, minimum: float) -> str:
        return f'style "{self.name}" is {self.size:g} pt; raised to {minimum:g} pt'


def floor_half_points(minimum: float) -> int:
    """The minimum in Word's half points, rounded up."""
    return math.ceil(minimum * 2 - 1e-9)


def raise_small_styles(styles: etree._Element, minimum: float) -> list[RaisedStyle]:
    """Raise every size in ``styles`` (a ``w:styles`` element) below ``minimum`` points.

    Parents are raised before the styles based on them, so a style that only inherits a
    small size is fixed by its parent's raise and not reported again.
    """
    floor = floor_half_points(minimum)
    raised: list[RaisedStyle] = []
    sheet = StyleSheet(styles)
    defaults = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    default_sz = sheet.default_half_points()
    if default_sz < floor:
        _set_size(defaults if defaults is not None else _defaults_rpr(styles), floor)
        raised.append(RaisedStyle("document defaults", default_sz / 2))
    for style in sorted(sheet.by_id.values(), key=sheet.depth):
        if style.get(w("type")) not in ("paragraph", "character"):
            continue
        size = sheet.effective_half_points(style)
        if size is not None and size < floor:
            _set_size(_rpr(style), floor)
            raised.append(RaisedStyle(sheet.name(style), size / 2))
    return raised


def raise_small_runs(part: etree._Element, label: str, minimum: float) -> list[RaisedStyle]:
    """Raise run sizes set directly in ``part`` (a header or footer) below ``minimum``."""
    floor = floor_half_points(minimum)
    small = [size for sz in part.iter(w("sz")) if (size := sz_half_points(sz) or floor) < floor]
    if not small:
        return []
    for sz in part.iter(w("sz"), w("szCs")):
        if (sz_half_points(sz) or floor) < floor:
            sz.set(w("val"), str(floor))
    return [RaisedStyle(label, min(small) / 2)]


def _rpr(style: etree._Element) -> etree._Element:
    """The style's ``w:rPr``, made where the schema puts it (after ``w:pPr``, else last but
    the table properties)."""
    rpr = style.find(w("rPr"))
    if rpr is not None:
        return rpr
    rpr = style.makeelement(w("rPr"), {})
    later = [style.find(w(n)) for n in ("tblPr", "trPr", "tcPr", "tblStylePr")]
    anchor = next((e for e in later if e is not None), None)
    if anchor is not None:
        anchor.addprevious(rpr)
    else:
        style.append(rpr)
    return rpr


def _defaults_rpr(styles: etree._Element) -> etree._Element:
    defaults = styles.find(w("docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(w("docDefaults"), {})
        styles.insert(0, defaults)
    holder = defaults.find(w("rPrDefault"))
    if holder is None:
        holder = defaults.makeelement(w("rPrDefault"), {})
        defaults.insert(0, holder)
    rpr = holder.find(w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(holder, w("rPr"))
    return rpr


_AFTER_SZ = ("szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")  # fmt: skip


def _set_size(rpr: etree._Element, half: int) -> None:
    """Set ``w:sz`` and ``w:szCs`` in ``rpr``, in the schema's order."""
    for name in ("sz", "szCs"):
        element = rpr.find(w(name))
        if element is None:
            element = rpr.makeelement(w(name), {})
            successors = _AFTER_SZ if name == "sz" else _AFTER_SZ[1:]
            anchor = next((e for n in successors if (e := rpr.find(w(n))) is not None), None)
            if anchor is not None:
                anchor.addprevious(element)
            else:
                rpr.append(element)
        element.set(w("val"), str(half))


_RUNNING = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header": "header",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer": "footer",
}


def raise_to_minimum(word: object, minimum: float | None) -> list[RaisedStyle]:
    """Raise a python-docx document's styles, headers and footers to ``minimum`` points.

    Called by the DOCX writer once the reference's styles and ours are in place; nothing
    happens without a minimum.
    """
    if minimum is None:
        return []
    document_part = word.part  # type: ignore[attr-defined]
    raised = raise_small_styles(word.styles.element, minimum)  # type: ignore[attr-defined]
    for rel in sorted(document_part.rels.values(), key=lambda r: r.rId):
        label = _RUNNING.get(rel.reltype)
        if label is not None and not rel.is_external:
            part = rel.target_part.element
            raised += raise_small_runs(part, f"{label} {rel.target_part.partname}", minimum)
    return raised
