"""The text of a header or footer paragraph, its page fields kept as fields.

A running line such as "Page 3 of 15" is typed text around two fields: PAGE and NUMPAGES
(or SECTIONPAGES), written either as a simple field (``w:fldSimple``) or as a complex one
(``w:fldChar`` begin, ``w:instrText``, separate, the cached result, end). The PDF draws its
own page numbers, so it needs the line as a pattern: ``{page}`` and ``{total}`` where the
fields are, the cached results (what Word last printed) dropped.
"""

from __future__ import annotations

from lxml import etree

from policydraft.wordml.styles import w

_FIELDS = {"PAGE": "{page}", "NUMPAGES": "{total}", "SECTIONPAGES": "{total}"}


def element_text(element: etree._Element) -> str:
    """The text of ``element`` as ``str.format`` takes it: braces doubled, PAGE and NUMPAGES
    fields (simple or complex) as ``{page}`` and ``{total}``, their cached results dropped."""
    out: list[str] = []
    instruction: list[str] | None = None  # inside a complex field's instruction
    in_result = False
    for node in element.iter(w("t"), w("tab"), w("fldSimple"), w("fldChar"), w("instrText")):
        tag = etree.QName(node).localname
        if tag == "fldSimple":
            out.append(_field(node.get(w("instr"), "")))
        elif tag == "fldChar":
            kind = node.get(w("fldCharType"))
            if kind == "begin":
                instruction, in_result = [], False
            elif kind == "separate" and instruction is not None:
                out.append(_field("".join(instruction)))
                instruction, in_result = None, True
            elif kind == "end":
                if instruction is not None:
                    out.append(_field("".join(instruction)))
                instruction, in_result = None, False
        elif tag == "instrText" and instruction is not None:
            instruction.append(node.text or "")
        elif in_result or _inside_simple_field(node):
            continue
        elif tag == "tab":
            out.append(" ")
        else:
            out.append((node.text or "").replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def _field(instruction: str) -> str:
    words = instruction.split()
    return _FIELDS.get(words[0].upper(), "") if words else ""


def _inside_simple_field(node: etree._Element) -> bool:
    return any(etree.QName(parent).localname == "fldSimple" for parent in node.iterancestors())
