"""Section properties: page size, margins, the page-number footer and column layouts.

A DOCX keeps each section's properties in a ``w:sectPr``: the last section's at the end of
the body, every earlier one's inside the last paragraph of that section. All of ours are
copies of the body's final ``w:sectPr``, so page size, margins and footer stay the same in
every section and only the start type and the column count differ.
"""

from __future__ import annotations

from typing import Any, Literal

from lxml import etree

from policydraft.typography import PageFormat
from policydraft.writers.docx.oxml import (
    SECT_PR,
    XML_SPACE,
    add_text,
    after,
    insert_before_any,
    replace_child,
    sub,
    w,
)
from policydraft.writers.docx.styles import TWIPS

SectionStart = Literal["nextPage", "continuous"]

END_MARK_TWIPS = 20  # the height of the paragraph after the last columns: one point


def set_letter_page(sect_pr: etree._Element, page: PageFormat) -> None:
    """The typography's page (US Letter, one-inch margins), as the PDF has it."""
    size = sect_pr.makeelement(w("pgSz"), {w("w"): _twips(page.width), w("h"): _twips(page.height)})
    margins = {side: _twips(getattr(page, side)) for side in ("top", "right", "bottom", "left")}
    margins |= {
        "header": _twips(page.header_distance),
        "footer": _twips(page.footer_distance),
        "gutter": "0",
    }
    margin = sect_pr.makeelement(w("pgMar"), {w(k): v for k, v in margins.items()})
    for element in (size, margin):
        replace_child(sect_pr, element, after(SECT_PR, etree.QName(element).localname))


def _twips(points: float) -> str:
    return str(round(points * TWIPS))


def set_layout(
    sect_pr: etree._Element, columns: int, start: SectionStart | None, column_gap: float
) -> None:
    """Set the column count and how the section starts (``None`` keeps what is there).

    Only the column count is ours: one column drops a reference document's multi-column
    settings, several get equal widths and ``column_gap`` (points) between them.
    """
    cols = sect_pr.find(w("cols"))
    if cols is None:
        cols = sect_pr.makeelement(w("cols"), {w("space"): "720"})
        insert_before_any(sect_pr, cols, after(SECT_PR, "cols"))
    for attribute in ("num", "equalWidth", "sep"):
        cols.attrib.pop(w(attribute), "")
    for child in list(cols):
        cols.remove(child)
    if columns > 1:
        cols.set(w("num"), str(columns))
        cols.set(w("space"), _twips(column_gap))
    if start is not None:
        old = sect_pr.find(w("type"))
        if old is not None:
            sect_pr.remove(old)
        kind = sect_pr.makeelement(w("type"), {w("val"): str(start)})
        insert_before_any(sect_pr, kind, after(SECT_PR, "type"))


class Sections:
    """Tracks the section being written and closes it with a copy of the final ``w:sectPr``.

    ``column_gap`` (points, from the typography) separates the columns of a multi-column
    section, as in the PDF's appendix.
    """

    def __init__(self, final: Any, column_gap: float) -> None:
        self._final = final  # python-docx CT_SectPr: has clone() without rsid attributes
        self._column_gap = column_gap
        self._columns = 1
        self._start: SectionStart | None = None
        self._body: etree._Element | None = None

    def close(self, last_paragraph: etree._Element, columns: int, start: SectionStart) -> None:
        """End the current section at ``last_paragraph``; the next one has ``columns``.

        Columns always end with a continuous break, whatever ``start`` asks: only then do
        Word and LibreOffice balance their last page (the PDF balances it too), and what
        follows starts under them, where the PDF puts it.
        """
        if self._columns > 1:
            start = "continuous"
        self._body = last_paragraph.getparent()
        sect_pr = self._final.clone()
        self._apply(sect_pr)
        ppr = last_paragraph.find(w("pPr"))
        if ppr is None:
            ppr = last_paragraph.makeelement(w("pPr"))
            last_paragraph.insert(0, ppr)
        ppr.append(sect_pr)
        self._columns, self._start = columns, start

    @property
    def columns(self) -> int:
        return self._columns

    def finish(self) -> None:
        """Give the last section (the body's own ``w:sectPr``) its layout.

        A body that ends in columns closes them with a continuous break too, so their last
        page is balanced; the one-column section after it holds only its end mark.
        """
        if self._columns > 1 and self._body is not None and len(self._body):
            self.close(self._body[-1], 1, "continuous")
            _add_end_mark(self._body)
        self._apply(self._final)

    def _apply(self, sect_pr: etree._Element) -> None:
        set_layout(sect_pr, self._columns, self._start, self._column_gap)


def _add_end_mark(body: etree._Element) -> None:
    """An empty paragraph for the document's last section, one point tall.

    A section holds at least one paragraph mark (LibreOffice adds one if there is none), and
    an ordinary one would make a page of its own when the balanced columns above it fill
    their page. One point fits under columns that end a point or more above the margin;
    only columns that end exactly on it still push the mark over (LibreOffice 7.4 does so
    even at zero height), which random lists hit about once in 400.
    """
    spacing = {"before": "0", "after": "0", "line": str(END_MARK_TWIPS), "lineRule": "exact"}
    sub(sub(sub(body, "p"), "pPr"), "spacing", **spacing)


def has_default_footer(sect_pr: etree._Element) -> bool:
    return any(
        ref.get(w("type")) == "default" for ref in sect_pr.iterchildren(w("footerReference"))
    )


def write_page_footer(paragraph: etree._Element, footer_style: str) -> None:
    """The footer "Page X of Y", centred; PAGE and NUMPAGES fields update as pages change."""
    for child in list(paragraph):
        paragraph.remove(child)
    ppr = sub(paragraph, "pPr")
    sub(ppr, "pStyle", val=footer_style)
    sub(ppr, "jc", val="center")
    _add_literal(paragraph, "Page ")
    _add_field(paragraph, "PAGE", "1")
    _add_literal(paragraph, " of ")
    _add_field(paragraph, "NUMPAGES", "1")


def _add_literal(paragraph: etree._Element, text: str) -> None:
    add_text(sub(paragraph, "r"), text)


def _add_field(paragraph: etree._Element, code: str, cached: str) -> None:
    """A complex field: begin, instruction, separate, cached result, end."""
    sub(sub(paragraph, "r"), "fldChar", fldCharType="begin")
    instruction = sub(sub(paragraph, "r"), "instrText")
    instruction.text = f" {code} "
    instruction.set(XML_SPACE, "preserve")
    sub(sub(paragraph, "r"), "fldChar", fldCharType="separate")
    add_text(sub(paragraph, "r"), cached)
    sub(sub(paragraph, "r"), "fldChar", fldCharType="end")
