"""Real Word footnotes: a ``word/footnotes.xml`` part and the references to it.

python-docx has no footnote support (its issue #1), so this is a small layer of our own,
shaped like python-docx's comments feature: an ``XmlPart`` subclass related to the document
part, plus functions that add one ``w:footnote`` per ``Note``. Word numbers footnotes by their
order in the text; the ids here only link a reference to its note.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from policydraft.model import Block, Note
from policydraft.writers.docx.oxml import R_NS, W_NS, add_text, insert_before_any, sub, w
from policydraft.writers.docx.styles import TWIPS

FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
FOOTNOTES_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"

# Word writes the separator lines as footnotes -1 and 0 and lists them in settings.xml. Each
# is a paragraph one exact line high: the band the PDF leaves for its rule over the notes.
_SEPARATOR_PPR = """<w:pPr><w:spacing w:before="0" w:after="0" w:line="{line}"
 w:lineRule="exact"/></w:pPr>"""
_DEFAULT_FOOTNOTES = f"""<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p>{_SEPARATOR_PPR}<w:r><w:separator/></w:r></w:p>
</w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{_SEPARATOR_PPR}<w:r>
<w:continuationSeparator/></w:r></w:p></w:footnote>
</w:footnotes>"""

# What follows w:footnotePr in CT_Settings (all other namespaces' elements come later too).
_SETTINGS_AFTER_FOOTNOTE_PR = (
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)

BlockRenderer = Callable[[etree._Element, tuple[Block, ...]], None]


class FootnotesPart(XmlPart):
    """The ``/word/footnotes.xml`` part: separators plus one ``w:footnote`` per note."""

    @classmethod
    def attach(cls, document_part: Any, separator_space: float) -> FootnotesPart:
        """A fresh footnotes part related to ``document_part``.

        Our separators are ``separator_space`` points high (the typography's band over the
        notes). A reference document's own footnotes part is replaced, since its notes
        belong to its old body, but its separator footnotes (and their formatting) are kept.
        """
        line = round(separator_space * TWIPS)
        element = parse_xml(_DEFAULT_FOOTNOTES.format(line=line).encode())
        for rel_id, rel in list(document_part.rels.items()):
            if rel.reltype == FOOTNOTES_RELTYPE and not rel.is_external:
                old = parse_xml(rel.target_part.blob)  # python-docx: entities never expanded
                separators = [n for n in old.iterchildren(w("footnote")) if n.get(w("type"))]
                if separators:
                    for child in list(element):
                        element.remove(child)
                    element.extend(separators)
                document_part.drop_rel(rel_id)
        part = cls(
            PackURI("/word/footnotes.xml"), FOOTNOTES_CONTENT_TYPE, element, document_part.package
        )
        document_part.relate_to(part, FOOTNOTES_RELTYPE)
        return part

    @property
    def special_ids(self) -> list[int]:
        """Ids of the separator footnotes, which settings.xml lists and notes must not reuse."""
        return [int(n.get(w("id"), "0")) for n in self.element.iterchildren(w("footnote"))]


class FootnoteWriter:
    """Adds notes in document order; used as the body story's note sink."""

    def __init__(
        self, part: FootnotesPart, render: BlockRenderer, text_style: str, reference_style: str
    ) -> None:
        self._root: etree._Element = part.element
        self._render = render
        self._text_style = text_style
        self._reference_style = reference_style
        self._next_id = max(part.special_ids, default=0) + 1

    def __call__(self, note: Note) -> int:
        """Write ``note`` as a ``w:footnote``; return the id its reference must carry."""
        note_id = self._next_id
        self._next_id += 1
        footnote = sub(self._root, "footnote", id=str(note_id))
        self._render(footnote, note.blocks)
        first = footnote.find(w("p"))
        if first is None:
            first = sub(footnote, "p")
            sub(sub(first, "pPr"), "pStyle", val=self._text_style)
        self._add_mark(first)
        return note_id

    def _add_mark(self, paragraph: etree._Element) -> None:
        """The note's own number (``w:footnoteRef``) and a space, before its text."""
        index = 1 if len(paragraph) and paragraph[0].tag == w("pPr") else 0
        mark = paragraph.makeelement(w("r"))
        sub(sub(mark, "rPr"), "rStyle", val=self._reference_style)
        sub(mark, "footnoteRef")
        space = paragraph.makeelement(w("r"))
        add_text(space, " ")
        paragraph.insert(index, mark)
        paragraph.insert(index + 1, space)


def declare_separators(settings: etree._Element, special_ids: list[int]) -> None:
    """List the separator footnotes in settings.xml, as Word does, unless already listed."""
    if settings.find(w("footnotePr")) is not None or not special_ids:
        return
    footnote_pr = settings.makeelement(w("footnotePr"))
    for note_id in special_ids:
        sub(footnote_pr, "footnote", id=str(note_id))
    successors = {w(name) for name in _SETTINGS_AFTER_FOOTNOTE_PR}
    successors |= {
        child.tag
        for child in settings
        if isinstance(child.tag, str) and not child.tag.startswith(f"{{{W_NS}}}")
    }
    insert_before_any(settings, footnote_pr, successors)
