"""The table of authorities in the DOCX: TA fields at the citations, TOA fields per group.

Each footnote that cites sources gets, after its number, one TA field per source (``TA \\l
"full form" \\s "short form" \\c N``: N is the group, 1 Cases to 6 Other Authorities), which
has no result and prints nothing, as Word marks a citation. The table is a title, then per
group a ``TOA \\h \\c "N" \\p`` field whose cached result is the group's name and its entries
with dot leaders and the pages of the PDF's layout ("passim" past the limit), so the letter
looks right as opened and Word rebuilds the same table from the TA fields on update.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from policydraft.model import AUTHORITY_GROUPS, Authority, Note, TableOfAuthorities
from policydraft.writers.docx.footnotes import FootnoteWriter
from policydraft.writers.docx.oxml import XML_SPACE, sub, w
from policydraft.writers.docx.toc import _ensure_contents_styles


def ta_instruction(authority: Authority) -> str:
    """The TA field's instruction marking a citation of ``authority``."""
    full, short = _quoted(authority.text), _quoted(authority.short)
    return f' TA \\l "{full}" \\s "{short}" \\c {authority.category} '


def toa_instruction(category: int) -> str:
    """The TOA field's instruction listing group ``category`` under its name, with passim."""
    return f' TOA \\h \\c "{category}" \\p '


def _quoted(text: str) -> str:
    """``text`` inside a field's quoted argument: backslashes and quotes escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def write_authorities(container: etree._Element, table: TableOfAuthorities, story: Any) -> None:
    """The title, then each group: one TOA field holding its name and entries."""
    ids = _ensure_contents_styles(story.part.styles.element, story.typography)
    title = sub(container, "p")
    sub(sub(title, "pPr"), "pStyle", val=ids["toc heading"])
    _run(title, table.title)
    for category, indexes in table.groups():
        group = sub(container, "p")
        sub(sub(group, "pPr"), "pStyle", val=ids["toc 1"])
        _field(group, "begin")
        _instruction(group, toa_instruction(category))
        _field(group, "separate")
        _run(group, AUTHORITY_GROUPS[category - 1], bold=True)
        for index in indexes:
            entry = sub(container, "p")
            sub(sub(entry, "pPr"), "pStyle", val=ids["toc 1"])
            _entry_runs(entry, table.authorities[index])
            sub(sub(entry, "r"), "tab")
            _run(entry, table.page_text(index), italic=table.page_text(index) == "passim")
        _field(entry, "end")


def _entry_runs(paragraph: etree._Element, authority: Authority) -> None:
    italic, text = authority.italic, authority.text
    if italic and text.startswith(italic):
        _run(paragraph, italic, italic=True)
        text = text[len(italic) :]
    _run(paragraph, text)


class AuthorityFootnotes(FootnoteWriter):
    """Footnotes whose citations are marked with TA fields, for the table of authorities."""

    authorities: dict[str, Authority]

    def __call__(self, note: Note) -> int:
        note_id = super().__call__(note)
        first = self._root[-1].find(w("p"))
        if first is not None:
            for key in dict.fromkeys(note.cites):
                if key in self.authorities:
                    mark_citation(first, self.authorities[key])
        return note_id


def mark_citation(paragraph: etree._Element, authority: Authority) -> None:
    """A TA field at the end of ``paragraph``: field code only, hidden, as Word writes it."""
    _field(paragraph, "begin", hidden=True)
    _instruction(paragraph, ta_instruction(authority), hidden=True)
    _field(paragraph, "end", hidden=True)


def _run(paragraph: etree._Element, text: str, *, bold: bool = False, italic: bool = False) -> None:
    run = sub(paragraph, "r")
    if bold or italic:
        properties = sub(run, "rPr")
        if bold:
            sub(properties, "b")
        if italic:
            sub(properties, "i")
    t = sub(run, "t")
    t.text = text
    t.set(XML_SPACE, "preserve")


def _hidden_run(paragraph: etree._Element, hidden: bool) -> etree._Element:
    run = sub(paragraph, "r")
    if hidden:
        sub(sub(run, "rPr"), "vanish")
    return run


def _field(paragraph: etree._Element, kind: str, *, hidden: bool = False) -> None:
    sub(_hidden_run(paragraph, hidden), "fldChar", fldCharType=kind)


def _instruction(paragraph: etree._Element, code: str, *, hidden: bool = False) -> None:
    instruction = sub(_hidden_run(paragraph, hidden), "instrText")
    instruction.text = code
    instruction.set(XML_SPACE, "preserve")
