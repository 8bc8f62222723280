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

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_DEFAULT = 20  # half-points: Word's size where nothing sets one
_MAX_CHAIN = 64


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


@dataclass(frozen=True, slots=True)
class RaisedStyle:
    """A style (or "document defaults", or a header or footer) set below the minimum."""

    name: str
    size: float  # points, before raising

    def sentence(self, minimum: float) -> str:
        return f'style "{self.name}" is {self.size:g} pt; raised to {minimum:g} pt'


def half_points(minimum: float) -> int:
    """The minimum in Word's half points, rounded up."""
    return math.ceil(minimum * 2 - 1e-9)


def raise_small_styles(styles: etree._Element, minimum: float) -> list[RaisedStyle]:
    """Raise every size in ``styles`` (a ``w:styles`` element) below ``minimum`` points.

    Parents are raised before the styles based on them, so a style that only inherits a
    small size is fixed by its parent's raise and not reported again.
    """
    floor = half_points(minimum)
    raised: list[RaisedStyle] = []
    defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    default_sz = _own_size(defaults) or _WORD_DEFAULT
    if default_sz < floor:
        _set_size(defaults if defaults is not None else _defaults_rpr(styles), floor)
        raised.append(RaisedStyle("document defaults", default_sz / 2))
        default_sz = floor
    by_id = {str(s.get(_w("styleId"))): s for s in styles.findall(_w("style"))}
    for style in sorted(by_id.values(), key=lambda s: _depth(s, by_id)):
        if style.get(_w("type")) not in ("paragraph", "character"):
            continue
        size = _effective(style, by_id, default_sz)
        if size is not None and size < floor:
            _set_size(_rpr(style), floor)
            raised.append(RaisedStyle(_name(style), size / 2))
    return raised


def raise_small_runs(part: etree._Element, label: str, minimum: float) -> list[RaisedStyle]:
    """Raise run sizes set directly in ``part`` (a header or footer) below ``minimum``."""
    floor = half_points(minimum)
    small = [sz for sz in part.iter(_w("sz")) if (_number(sz) or floor) < floor]
    if not small:
        return []
    smallest = min(_number(sz) or floor for sz in small)
    for sz in part.iter(_w("sz"), _w("szCs")):
        if (_number(sz) or floor) < floor:
            sz.set(_w("val"), str(floor))
    return [RaisedStyle(label, smallest / 2)]


def _effective(style: etree._Element, by_id: dict[str, etree._Element], default: int) -> int | None:
    """The style's size in half points through ``basedOn``; None for a character style that
    sets none (it takes its paragraph's), ``default`` (the document's) for a paragraph style."""
    link: etree._Element | None = style
    for _ in range(_MAX_CHAIN):
        if link is None:
            break
        own = _own_size(link.find(_w("rPr")))
        if own is not None:
            return own
        link = _parent(link, by_id)
    return None if style.get(_w("type")) == "character" else default


def _depth(style: etree._Element, by_id: dict[str, etree._Element]) -> int:
    depth, link = 0, _parent(style, by_id)
    while link is not None and depth < _MAX_CHAIN:
        depth, link = depth + 1, _parent(link, by_id)
    return depth


def _parent(style: etree._Element, by_id: dict[str, etree._Element]) -> etree._Element | None:
    based = style.find(_w("basedOn"))
    return by_id.get(based.get(_w("val"), "")) if based is not None else None


def _own_size(rpr: etree._Element | None) -> int | None:
    sz = rpr.find(_w("sz")) if rpr is not None else None
    value = _number(sz) if sz is not None else None
    return int(value) if value else None


def _number(sz: etree._Element) -> float | None:
    try:
        return float(sz.get(_w("val"), ""))
    except ValueError:
        return None


def _name(style: etree._Element) -> str:
    name = style.find(_w("name"))
    return name.get(_w("val"), "") if name is not None else str(style.get(_w("styleId")))


def _rpr(style: etree._Element) -> etree._Element:
    """The style's ``w:rPr``, made where the schema puts it (after ``w:pPr``, else last but
    the table properties)."""
    rpr = style.find(_w("rPr"))
    if rpr is not None:
        return rpr
    rpr = style.makeelement(_w("rPr"), {})
    later = [style.find(_w(n)) for n in ("tblPr", "trPr", "tcPr", "tblStylePr")]
    anchor = next((e for e in later if e is not None), None)
    if anchor is not None:
        anchor.addprevious(rpr)
    else:
        style.append(rpr)
    return rpr


def _defaults_rpr(styles: etree._Element) -> etree._Element:
    defaults = styles.find(_w("docDefaults"))
    if defaults is None:
        defaults = styles.makeelement(_w("docDefaults"), {})
        styles.insert(0, defaults)
    holder = defaults.find(_w("rPrDefault"))
    if holder is None:
        holder = defaults.makeelement(_w("rPrDefault"), {})
        defaults.insert(0, holder)
    rpr = holder.find(_w("rPr"))
    if rpr is None:
        rpr = etree.SubElement(holder, _w("rPr"))
    return rpr


_AFTER_SZ = ("szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
             "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")  # fmt: skip


def _set_size(rpr: etree._Element, half: int) -> None:
    """Set ``w:sz`` and ``w:szCs`` in ``rpr``, in the schema's order."""
    for name in ("sz", "szCs"):
        element = rpr.find(_w(name))
        if element is None:
            element = rpr.makeelement(_w(name), {})
            successors = _AFTER_SZ if name == "sz" else _AFTER_SZ[1:]
            anchor = next((e for n in successors if (e := rpr.find(_w(n))) is not None), None)
            if anchor is not None:
                anchor.addprevious(element)
            else:
                rpr.append(element)
        element.set(_w("val"), str(half))


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
