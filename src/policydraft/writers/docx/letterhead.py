"""The letterhead in the DOCX: the first section's first-page header (``w:titlePg``).

Precedence (docs/templates.md): a letter's ``letterhead:`` wins on its first page. A
reference.docx's own first-page header is not edited (later sections may share it): the
first section gets a header part of its own instead, and keeps the reference's first-page
footer if it has one; otherwise its first page shows the default footer ("Page 1 of N"), by
a second reference to the same footer part. Every other page keeps the reference's (or our)
default header and footer.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_HEADER_FOOTER
from lxml import etree

from policydraft.model import Letterhead
from policydraft.writers.docx.images import add_picture_run
from policydraft.writers.docx.oxml import add_text, sub
from policydraft.writers.docx.styles import StyleIds

STYLE = "Letterhead"


def add_letterhead(word: Any, letterhead: Letterhead, styles: StyleIds) -> None:
    """Give ``word``'s first section a first-page header holding ``letterhead``.

    Called once the body is written, so the first section is the one page 1 belongs to.
    """
    section = word.sections[0]
    sect_pr = section._sectPr
    _keep_first_page_footer(sect_pr)
    if sect_pr.get_headerReference(WD_HEADER_FOOTER.FIRST_PAGE) is not None:
        sect_pr.remove_headerReference(WD_HEADER_FOOTER.FIRST_PAGE)  # the part stays for others
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    root = header._element
    for child in list(root):
        root.remove(child)
    _write(root, header.part, letterhead, styles[STYLE])


def _keep_first_page_footer(sect_pr: Any) -> None:
    """Page 1 keeps the default footer when the section has no first-page footer of its own."""
    if sect_pr.get_footerReference(WD_HEADER_FOOTER.FIRST_PAGE) is not None:
        return
    default = sect_pr.get_footerReference(WD_HEADER_FOOTER.PRIMARY)
    if default is not None:
        sect_pr.add_footerReference(WD_HEADER_FOOTER.FIRST_PAGE, default.rId)


def _write(root: etree._Element, part: Any, letterhead: Letterhead, style: str) -> None:
    """The logo in a paragraph of its own, then one paragraph holding the lines."""
    picture = letterhead.picture
    if picture is not None:
        paragraph = _paragraph(root, style)
        size = (picture.width, picture.height)
        add_picture_run(paragraph, part, picture.image, size, picture.description)
    if letterhead.lines or picture is None:
        paragraph = _paragraph(root, style)
        for index, line in enumerate(letterhead.lines):
            run = sub(paragraph, "r")
            if index:
                sub(run, "br")
            add_text(run, line)


def _paragraph(root: etree._Element, style: str) -> etree._Element:
    paragraph = sub(root, "p")
    sub(sub(paragraph, "pPr"), "pStyle", val=style)
    return paragraph
