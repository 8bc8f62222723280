"""A review copy's marks in the DOCX: watermark, line numbers and the "Draft of" line.

The watermark is what Word's own Design > Watermark writes: a VML WordArt shape (a
``v:shape`` of the text-path shape type 136, its id starting "PowerPlusWaterMarkObject")
anchored in the default header, behind the text, centred on the margins and turned 315
degrees; Word and LibreOffice both show it on every page and offer it for editing as a
watermark. Line numbers are each section's ``w:lnNumType``, restarting on each page (Word
never numbers notes, headers or footers: the PDF does the same). The "Draft of DATE TIME"
line opens the default footer, above its page numbers, where the PDF prints it.
"""

from __future__ import annotations

import math
from typing import Any

from lxml import etree

from policydraft.review import ReviewCopy
from policydraft.typography import Typography
from policydraft.writers.docx.oxml import (
    R_ID,
    SECT_PR,
    add_text,
    after,
    insert_before_any,
    replace_child,
    sub,
    w,
)
from policydraft.writers.docx.styles import BODY_FONT, TWIPS

V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
W10_NS = "urn:schemas-microsoft-com:office:word"
WATERMARK_ID = "PowerPlusWaterMarkObject"  # how Word and LibreOffice know a watermark
TEXT_PATH_TYPE = "_x0000_t136"  # VML's preset shape type 136: text along a path
NUMBER_GAP = 18.0  # points from the text to the line numbers, as in the PDF

_AFTER_SUPPRESS = (
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)  # fmt: skip
# Shape type 136's formulas, as VML defines the preset (ECMA-376 Part 4, VML presets).
_FORMULAS = (
    "sum #0 0 10800",
    "prod #0 2 1",
    "sum 21600 0 @1",
    "sum 0 0 @2",
    "sum 21600 0 @3",
    "if @0 @3 0",
    "if @0 21600 @1",
    "if @0 0 @2",
    "if @0 @4 21600",
    "mid @5 @6",
    "mid @8 @5",
    "mid @7 @8",
    "mid @6 @7",
    "sum @6 0 @5",
)


def v(local: str) -> str:
    return f"{{{V_NS}}}{local}"


def o(local: str) -> str:
    return f"{{{O_NS}}}{local}"


def mark_review_copy(
    word: Any, review: ReviewCopy, typography: Typography, footer_style: str, note_style: str
) -> None:
    """Give every section line numbers, the default header the watermark and the default
    footer the "Draft of" line. Call once the body and all its sections are written.

    Word numbers only the body's lines; LibreOffice would number the notes and the running
    lines too unless their paragraphs say not to, so they say so (``note_style``: the
    footnote text's style id)."""
    body = word.element.body
    sections = list(body.iter(w("sectPr")))
    for sect_pr in sections:
        number_lines(sect_pr)
    header = word.sections[0].header
    header.is_linked_to_previous = False  # the reference's own header, or a new one
    share_default_header(sections, sections[0])
    add_watermark(header._element, review.watermark, typography)
    footer = word.sections[0].footer._element
    add_footer_line(footer, review.footer, footer_style)
    for paragraph in [*header._element.iter(w("p")), *footer.iter(w("p"))]:
        suppress_line_numbers(_properties(paragraph))
    for style in word.styles.element.iterchildren(w("style")):
        if style.get(w("styleId")) == note_style:
            suppress_line_numbers(_properties(style))


def _properties(element: etree._Element) -> etree._Element:
    """A paragraph's or a style's ``w:pPr``, added where the schema puts it if missing."""
    ppr = element.find(w("pPr"))
    if ppr is None:
        ppr = element.makeelement(w("pPr"))
        names = ("pStyle",) if element.tag == w("p") else ("rPr", "tblPr", "trPr", "tcPr")
        if element.tag == w("p"):
            element.insert(0, ppr)
        else:
            insert_before_any(element, ppr, [w(name) for name in names])
    return ppr


def suppress_line_numbers(ppr: etree._Element) -> None:
    """The paragraph's lines are not numbered (a note, a header or footer line)."""
    if ppr.find(w("suppressLineNumbers")) is None:
        marker = ppr.makeelement(w("suppressLineNumbers"))
        insert_before_any(ppr, marker, [w(name) for name in _AFTER_SUPPRESS])


def number_lines(sect_pr: etree._Element) -> None:
    """Number every line of the section, starting again at 1 on each page."""
    numbering = sect_pr.makeelement(
        w("lnNumType"),
        {w("countBy"): "1", w("distance"): str(round(NUMBER_GAP * TWIPS)), w("restart"): "newPage"},
    )
    replace_child(sect_pr, numbering, after(SECT_PR, "lnNumType"))


def share_default_header(sections: list[etree._Element], first: etree._Element) -> None:
    """Every section shows the first section's default header (so every page the watermark)."""
    reference = _default_reference(first)
    assert reference is not None, "the first section's default header was just added"
    for sect_pr in sections:
        if sect_pr is not first and _default_reference(sect_pr) is None:
            attributes = {str(name): str(value) for name, value in reference.attrib.items()}
            copy = sect_pr.makeelement(w("headerReference"), attributes)
            sect_pr.insert(0, copy)  # header references come first in a sectPr


def _default_reference(sect_pr: etree._Element) -> etree._Element | None:
    for ref in sect_pr.iterchildren(w("headerReference")):
        if ref.get(w("type")) == "default" and ref.get(R_ID):
            return ref
    return None


def add_watermark(header: etree._Element, text: str, typography: Typography) -> None:
    """The watermark shape, in a run of the header's first paragraph (added if none)."""
    paragraph = header.find(w("p"))
    if paragraph is None:
        paragraph = sub(header, "p")
    run = sub(paragraph, "r")
    sub(sub(run, "rPr"), "noProof")
    pict = sub(run, "pict")
    pict.append(_shape_type())
    pict.append(_shape(text, typography))


def _shape_type() -> etree._Element:
    """VML's text-path shape type, declared once in the header as Word declares it."""
    shape_type = etree.Element(
        v("shapetype"),
        {
            "id": TEXT_PATH_TYPE,
            "coordsize": "21600,21600",
            o("spt"): "136",
            "adj": "10800",
            "path": "m@7,l@8,m@5,21600l@6,21600e",
        },
        nsmap={"v": V_NS, "o": O_NS},
    )
    formulas = etree.SubElement(shape_type, v("formulas"))
    for equation in _FORMULAS:
        etree.SubElement(formulas, v("f"), {"eqn": equation})
    path = {"textpathok": "t", o("connecttype"): "custom"}
    path |= {o("connectlocs"): "@9,0;@10,10800;@11,21600;@12,10800"}
    path |= {o("connectangles"): "270,180,90,0"}
    etree.SubElement(shape_type, v("path"), path)
    etree.SubElement(shape_type, v("textpath"), {"on": "t", "fitshape": "t"})
    handles = etree.SubElement(shape_type, v("handles"))
    etree.SubElement(handles, v("h"), {"position": "#0,bottomRight", "xrange": "6629,14971"})
    etree.SubElement(shape_type, o("lock"), {v("ext"): "edit", "text": "t", "shapetype": "t"})
    return shape_type


def _shape(text: str, typography: Typography) -> etree._Element:
    """The watermark: light grey, half transparent, behind the text, turned diagonally."""
    width, height = watermark_size(text, typography)
    style = ";".join(
        (
            "position:absolute",
            "margin-left:0",
            "margin-top:0",
            f"width:{width:.1f}pt",
            f"height:{height:.1f}pt",
            "rotation:315",
            "z-index:-251657216",
            "mso-position-horizontal:center",
            "mso-position-horizontal-relative:margin",
            "mso-position-vertical:center",
            "mso-position-vertical-relative:margin",
        )
    )
    attributes = {"id": f"{WATERMARK_ID}1", "type": f"#{TEXT_PATH_TYPE}", "style": style}
    attributes |= {o("allowincell"): "f", "fillcolor": "silver", "stroked": "f"}
    shape = etree.Element(v("shape"), attributes, nsmap={"v": V_NS, "o": O_NS, "w10": W10_NS})
    etree.SubElement(shape, v("fill"), {"opacity": ".5"})
    font = f'font-family:"{BODY_FONT}";font-size:1pt'
    etree.SubElement(shape, v("textpath"), {"style": font, "string": text})
    etree.SubElement(shape, f"{{{W10_NS}}}wrap", {"anchorx": "margin", "anchory": "margin"})
    return shape


def watermark_size(text: str, typography: Typography) -> tuple[float, float]:
    """The shape's box in points: about as wide as the text column allows once turned, and
    as tall as the text's letters are for that width (``fitshape`` stretches it to fill)."""
    page = typography.page
    column = page.width - page.left - page.right
    across = min(column * math.sqrt(2), page.height - page.top - page.bottom) * 0.9
    height = min(across / max(len(text), 1) * 1.8, across / 3)
    return across, height


def add_footer_line(footer: etree._Element, text: str, footer_style: str) -> None:
    """The line "Draft of DATE TIME", centred, as the footer's first paragraph."""
    paragraph = footer.makeelement(w("p"))
    ppr = sub(paragraph, "pPr")
    sub(ppr, "pStyle", val=footer_style)
    sub(ppr, "jc", val="center")
    add_text(sub(paragraph, "r"), text)
    footer.insert(0, paragraph)
