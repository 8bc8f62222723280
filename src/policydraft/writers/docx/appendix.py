"""The signatory appendix's entries, built in one pass.

An open letter may carry 100,000 names, so this is the writer's hot loop. Each entry is a
copy of a template paragraph (one C-level copy instead of five ``SubElement`` calls, about
four times faster) with its text filled in, appended to the body: linear in the number of
entries, and never through python-docx's proxies.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from policydraft.model import SignatoryGroup
from policydraft.writers.docx.oxml import (
    W_VAL,
    XML_SPACE,
    insert_before_any,
    needs_preserve,
    w,
    xml_text,
)
from policydraft.writers.docx.scripts import split_script_runs
from policydraft.writers.docx.styles import TWIPS, StyleIds

_Append = Callable[[str], None]


def add_entries(
    container: etree._Element,
    groups: tuple[SignatoryGroup, ...],
    styles: StyleIds,
    entry_gap: float,
) -> None:
    """Group headings, then each signer's name and (if any) affiliation, as paragraphs.

    The name style keeps with the next paragraph so a name never ends a column without its
    affiliation; a name with no affiliation turns that off, or the whole list would be
    chained into one unbreakable block, and takes the typography's ``entry_gap`` after it.
    """
    heading = _appender(container, styles["Signatory Group"])
    name = _appender(container, styles["Signatory Name"])
    lone_name = _appender(container, styles["Signatory Name"], lone_gap=entry_gap)
    affiliation = _appender(container, styles["Signatory Affiliation"])
    for group in groups:
        if group.heading is not None:
            heading(group.heading)
        for entry in group.entries:
            if entry.affiliation:
                name(entry.name)
                affiliation(entry.affiliation)
            else:
                lone_name(entry.name)
    if any(group.entries for group in groups):
        _end_without_gap(container[-1])


# What may follow ``w:spacing`` in a paragraph's properties (the schema's order).
_AFTER_SPACING = tuple(
    w(name)
    for name in (
        "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
        "pPrChange",
    )
)  # fmt: skip


def _end_without_gap(paragraph: etree._Element) -> None:
    """The list's last paragraph, with no ``entry_gap`` after it.

    The PDF's columns end at their last line; so must the DOCX's last column, or Word and
    LibreOffice count the gap in the balanced columns' height (a full last page would then
    push the paragraph after the columns onto a page of its own).
    """
    properties = paragraph[0]
    spacing = properties.find(w("spacing"))
    if spacing is None:
        spacing = properties.makeelement(w("spacing"))
        insert_before_any(properties, spacing, _AFTER_SPACING)
    spacing.set(w("after"), "0")


def _appender(container: etree._Element, style_id: str, lone_gap: float | None = None) -> _Append:
    """A function appending one paragraph in ``style_id`` with the given text.

    With ``lone_gap`` the paragraph is a name that ends its entry: it does not keep with the
    next, and no affiliation brings the gap after it, so it carries the gap itself.
    """
    template = etree.Element(w("p"))
    properties = etree.SubElement(template, w("pPr"))
    etree.SubElement(properties, w("pStyle"), {W_VAL: style_id})
    if lone_gap is not None:
        etree.SubElement(properties, w("keepNext"), {W_VAL: "0"})
        gap = str(round(lone_gap * TWIPS))
        etree.SubElement(properties, w("spacing"), {w("after"): gap})
    etree.SubElement(etree.SubElement(template, w("r")), w("t"))
    append = container.append
    # lxml's own copy, without copy.copy's dispatch on every call (the stubs omit it)
    duplicate = template.__copy__  # type: ignore[attr-defined]

    def add(text: str) -> None:
        paragraph = duplicate()
        element = paragraph[1][0]
        element.text = xml_text(text)
        if needs_preserve(text):
            element.set(XML_SPACE, "preserve")
        split_script_runs(paragraph[1], text)  # right-to-left, complex and CJK names
        append(paragraph)

    return add
