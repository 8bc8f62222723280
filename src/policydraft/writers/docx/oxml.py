"""The few WordprocessingML helpers every module of the DOCX writer shares.

python-docx's proxies (``Document.add_paragraph`` and friends) rescan the body on every call,
which makes a 100,000-name appendix quadratic. The writer therefore builds its XML directly
with lxml's ``SubElement``, which appends in constant time and reuses the namespace
declarations already in scope, so no element repeats ``xmlns:w``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# Characters XML 1.0 forbids; lxml refuses them, and a stray one in a CSV cell must not
# crash the writer.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def w(local: str) -> str:
    """The Clark name (``{namespace}local``) of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{local}"


R_ID = f"{{{R_NS}}}id"
XML_SPACE = f"{{{XML_NS}}}space"
W_VAL = w("val")


def sub(parent: etree._Element, local: str, **attributes: str) -> etree._Element:
    """Append a ``w:`` child; keyword arguments become ``w:``-qualified attributes."""
    child = etree.SubElement(parent, w(local))
    for name, value in attributes.items():
        child.set(w(name), value)
    return child


def xml_text(text: str) -> str:
    """``text`` without the control characters XML cannot hold (they never print anyway)."""
    return _NOT_XML.sub("", text)


def needs_preserve(text: str) -> bool:
    """Whether Word would collapse this text's spaces unless told ``xml:space="preserve"``."""
    return text != text.strip() or "  " in text


def add_text(run: etree._Element, text: str) -> None:
    """Append a ``w:t`` holding ``text``, marked to keep its spaces where that matters."""
    element = etree.SubElement(run, w("t"))
    element.text = xml_text(text)
    if needs_preserve(text):
        element.set(XML_SPACE, "preserve")


SECT_PR = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange",
)  # fmt: skip
"""The children of ``w:sectPr`` in the order CT_SectPr (ECMA-376 Part 1, 17.6.17) requires."""


def after(sequence: tuple[str, ...], local: str) -> list[str]:
    """The Clark names that come after ``local`` in a schema ``sequence`` (its successors)."""
    return [w(name) for name in sequence[sequence.index(local) + 1 :]]


def insert_before_any(
    parent: etree._Element, child: etree._Element, successors: Iterable[str]
) -> None:
    """Insert ``child`` before the first existing child named in ``successors`` (Clark names).

    OOXML schemas are sequences: Word rejects a file whose children come out of order, so
    optional elements must go in their place, not at the end.
    """
    names = set(successors)
    for existing in parent:
        if existing.tag in names:
            existing.addprevious(child)
            return
    parent.append(child)


def replace_child(parent: etree._Element, child: etree._Element, successors: Iterable[str]) -> None:
    """Put ``child`` in place of a same-named child, or in schema order if there is none."""
    old = parent.find(child.tag)
    if old is not None:
        old.addprevious(child)
        parent.remove(old)
    else:
        insert_before_any(parent, child, successors)
