"""Figures in the DOCX: the image in a line of its own, then "Figure N: caption".

The image is a ``w:drawing`` holding a ``wp:inline`` picture (DrawingML's ``pic:pic``), as
Word itself inserts one: it moves with the text and never floats over it. Its part is added
through python-docx (``/word/media/imageN.png``, numbered in document order, one part per
distinct image, its bytes as the submission gave them), so the same tree gives the same
package. ``wp:docPr/@descr`` carries the alt text, which Word shows as the picture's
description and screen readers read.

The caption is a paragraph in Word's built-in "caption" style whose number is a
``SEQ Figure`` field with its result already written ("1"): it prints right as it is, and
Word renumbers the figures when one is added (and lists them in a table of figures).
"""

from __future__ import annotations

import io

from lxml import etree

from policydraft.model import Figure
from policydraft.typography import figure_area
from policydraft.writers.docx.oxml import R_NS, XML_SPACE, add_text, sub, w
from policydraft.writers.docx.story import Story

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
EMU_PER_POINT = 12700
DOC_PR_BASE = 1000  # figure N's drawing is id 1000 + N: clear of ids Word or a reference uses
_PREFIXES = {"wp": WP_NS, "a": A_NS, "pic": PIC_NS}  # Word's own prefixes, declared once


def _el(parent: etree._Element, namespace: str, local: str, **attributes: str) -> etree._Element:
    """Append an element of ``namespace`` with unqualified attributes (DrawingML's way)."""
    child = etree.SubElement(parent, f"{{{namespace}}}{local}")
    for name, value in attributes.items():
        child.set(name, value)
    return child


class FigureWriter:
    """Writes the figures of the body in document order, numbering them from 1."""

    def __init__(self, story: Story) -> None:
        self._story = story
        self._count = 0

    def write(self, container: etree._Element, figure: Figure) -> None:
        """The image paragraph (kept with the next) and the caption paragraph."""
        if self._story.in_footnote:
            raise ValueError("a figure cannot be written inside a footnote (the reader refuses)")
        self._count += 1
        rel_id = self._image_part(figure)
        paragraph = sub(container, "p")
        self._image_paragraph_properties(sub(paragraph, "pPr"))
        drawing = sub(sub(paragraph, "r"), "drawing")
        self._inline(drawing, figure, rel_id)
        self._caption(container, figure.caption)

    def _image_part(self, figure: Figure) -> str:
        """The relationship id of the figure's image part (one part per distinct image)."""
        rel_id, _ = self._story.part.get_or_add_image(io.BytesIO(figure.image.data))
        return str(rel_id)

    def _image_paragraph_properties(self, properties: etree._Element) -> None:
        """Body style, centred, on the page of its caption, its line as tall as the image."""
        sub(properties, "pStyle", val=self._story.styles[self._story.body_style])
        sub(properties, "keepNext")
        sub(properties, "spacing", before="120", after="60", line="240", lineRule="auto")
        sub(properties, "jc", val="center")

    def _extent(self, figure: Figure) -> tuple[str, str]:
        """The image's size in EMU: natural, within the text width and the page's height."""
        size = figure.image.size_within(*figure_area(self._story.typography))
        return str(round(size[0] * EMU_PER_POINT)), str(round(size[1] * EMU_PER_POINT))

    def _inline(self, drawing: etree._Element, figure: Figure, rel_id: str) -> None:
        cx, cy = self._extent(figure)
        inline = etree.SubElement(drawing, f"{{{WP_NS}}}inline", nsmap=_PREFIXES)
        for side in ("distT", "distB", "distL", "distR"):
            inline.set(side, "0")
        _el(inline, WP_NS, "extent", cx=cx, cy=cy)
        _el(inline, WP_NS, "effectExtent", l="0", t="0", r="0", b="0")
        number = str(DOC_PR_BASE + self._count)
        title = f"Figure {self._count}"
        _el(inline, WP_NS, "docPr", id=number, name=title, descr=figure.alt)
        frame = _el(inline, WP_NS, "cNvGraphicFramePr")
        _el(frame, A_NS, "graphicFrameLocks", noChangeAspect="1")
        data = _el(_el(inline, A_NS, "graphic"), A_NS, "graphicData", uri=PIC_NS)
        picture = _el(data, PIC_NS, "pic")
        properties = _el(picture, PIC_NS, "nvPicPr")
        name = f"figure{self._count}.{figure.image.extension}"
        _el(properties, PIC_NS, "cNvPr", id="0", name=name, descr=figure.alt)
        _el(properties, PIC_NS, "cNvPicPr")
        fill = _el(picture, PIC_NS, "blipFill")
        _el(fill, A_NS, "blip").set(f"{{{R_NS}}}embed", rel_id)
        _el(_el(fill, A_NS, "stretch"), A_NS, "fillRect")
        shape = _el(picture, PIC_NS, "spPr")
        transform = _el(shape, A_NS, "xfrm")
        _el(transform, A_NS, "off", x="0", y="0")
        _el(transform, A_NS, "ext", cx=cx, cy=cy)
        _el(_el(shape, A_NS, "prstGeom", prst="rect"), A_NS, "avLst")

    def _caption(self, container: etree._Element, caption: str) -> None:
        """ "Figure " + a SEQ field showing the number + ": caption", in the caption style."""
        paragraph = sub(container, "p")
        sub(sub(paragraph, "pPr"), "pStyle", val=self._story.styles["caption"])
        add_text(sub(paragraph, "r"), "Figure ")
        _field(paragraph, " SEQ Figure \\* ARABIC ", str(self._count))
        if caption:
            add_text(sub(paragraph, "r"), f": {caption}")


def _field(paragraph: etree._Element, instruction: str, result: str) -> None:
    """A complex field: begin, its instruction, separate, its current result, end."""
    sub(sub(paragraph, "r"), "fldChar", fldCharType="begin")
    code = etree.SubElement(sub(paragraph, "r"), w("instrText"))
    code.text = instruction
    code.set(XML_SPACE, "preserve")
    sub(sub(paragraph, "r"), "fldChar", fldCharType="separate")
    add_text(sub(paragraph, "r"), result)
    sub(sub(paragraph, "r"), "fldChar", fldCharType="end")
