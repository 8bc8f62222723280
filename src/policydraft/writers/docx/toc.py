"""The table of contents in the DOCX: a real Word TOC field whose cached result is right.

The field is ``TOC \\o "1-2" \\h \\z \\u``: Word rebuilds it from the heading styles when the
user updates it, but the result stored in the file already lists the entries, in the "toc 1"
and "toc 2" styles with dot leaders, and the page numbers of the PDF's layout (the two
formats break pages alike), so the letter looks right as opened, with no field update.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from policydraft.model import Document, TableOfContents
from policydraft.typography import ParagraphFormat, Typography
from policydraft.writers.contents_format import contents_formats
from policydraft.writers.docx.oxml import XML_SPACE, sub, w
from policydraft.writers.docx.styles import StyleIds, StyleSpec, _style_element, _styles_by_name

TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '
TWIPS = 20
_AFTER_TABS = {"suppressAutoHyphens", "kinsoku", "wordWrap", "spacing", "ind", "jc", "outlineLvl"}


def paged_for_docx(document: Document, typography: Typography) -> Document:
    """``document`` with its tables' page numbers from the PDF's layout (when it has any):
    the table of contents' and the table of authorities' (writers/docx/toa.py)."""
    from policydraft.writers.pdf import PdfOptions, settled_layout
    from policydraft.writers.pdf.authority_pages import authorities_of, with_authority_pages
    from policydraft.writers.pdf.toc import contents_of, with_pages

    if contents_of(document) is None and authorities_of(document) is None:
        return document
    layout = settled_layout(document, PdfOptions(typography=typography))
    return with_authority_pages(with_pages(document, layout.pages), layout.cited)


def write_contents(container: etree._Element, table: TableOfContents, story: Any) -> None:
    """The title, then the field: begin and instruction in the first entry, end in the last."""
    ids = _ensure_contents_styles(story.part.styles.element, story.typography)
    title = sub(container, "p")
    sub(sub(title, "pPr"), "pStyle", val=ids["toc heading"])
    _run(title, table.title)
    if not table.entries:
        return
    for index, entry in enumerate(table.entries):
        paragraph = sub(container, "p")
        sub(sub(paragraph, "pPr"), "pStyle", val=ids[f"toc {min(entry.level, 2)}"])
        if index == 0:
            _field_char(paragraph, "begin")
            instruction = sub(sub(paragraph, "r"), "instrText")
            instruction.text = TOC_INSTRUCTION
            instruction.set(XML_SPACE, "preserve")
            _field_char(paragraph, "separate")
        _run(paragraph, entry.text)
        sub(sub(paragraph, "r"), "tab")
        page = table.pages[index] if index < len(table.pages) else None
        _run(paragraph, str(page) if page else "")
        if index == len(table.entries) - 1:
            _field_char(paragraph, "end")


def _run(paragraph: etree._Element, text: str) -> None:
    t = sub(sub(paragraph, "r"), "t")
    t.text = text
    t.set(XML_SPACE, "preserve")


def _field_char(paragraph: etree._Element, kind: str) -> None:
    sub(sub(paragraph, "r"), "fldChar", fldCharType=kind)


def _ensure_contents_styles(styles: etree._Element, typography: Typography) -> StyleIds:
    """Add "TOC Heading", "toc 1" and "toc 2" unless the styles part has them; their ids."""
    formats = contents_formats(typography)
    right = round((typography.page.width - typography.page.left - typography.page.right) * TWIPS)
    wanted = (
        ("TOC Heading", "TOCHeading", formats.title, None),
        ("toc 1", "TOC1", formats.entry(1), right),
        ("toc 2", "TOC2", formats.entry(2), right),
    )
    existing = _styles_by_name(styles)
    ids = {name: el.get(w("styleId"), "") for name, el in existing.items()}
    for name, style_id, fmt, tab in wanted:
        if name.casefold() not in existing:
            styles.append(_contents_style(styles, name, style_id, fmt, tab, StyleIds(ids)))
            ids[name.casefold()] = style_id
    return StyleIds(ids)


def _contents_style(
    styles: etree._Element,
    name: str,
    style_id: str,
    fmt: ParagraphFormat,
    tab: int | None,
    ids: StyleIds,
) -> etree._Element:
    """One style setting all of ``fmt``; an entry's has a right tab with dot leaders."""
    style = _style_element(styles, StyleSpec(name, style_id, fmt=fmt), None, ids)
    properties = style.find(w("pPr"))
    if tab is None or properties is None:
        return style
    tabs = properties.makeelement(w("tabs"), {})
    sub(tabs, "tab", val="right", leader="dot", pos=str(tab))
    later = [child for child in properties if etree.QName(child).localname in _AFTER_TABS]
    if later:
        later[0].addprevious(tabs)
    else:
        properties.append(tabs)
    return style
