"""Document tree -> .docx, with real Word styles, footnotes, numbering and sections.

Builds on python-docx for the package (parts, relationships, content types) and writes the
content itself as WordprocessingML with lxml: python-docx has no footnotes or columns, and
its paragraph API is quadratic on long documents. Writers see only the document model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from policydraft.model import Document, Letterhead, TableOfAuthorities
from policydraft.review import ReviewCopy
from policydraft.typography import LETTER, Typography
from policydraft.wordml.minimum_size import raise_to_minimum
from policydraft.writers.docx.blocks import BlockWriter
from policydraft.writers.docx.draft import mark_review_copy
from policydraft.writers.docx.footnotes import FootnotesPart, FootnoteWriter, declare_separators
from policydraft.writers.docx.heading_numbering import number_heading_style
from policydraft.writers.docx.letterhead import add_letterhead
from policydraft.writers.docx.numbering import ListNumbering
from policydraft.writers.docx.package import (
    open_base,
    save_reproducibly,
    set_app_properties,
    set_core_properties,
)
from policydraft.writers.docx.sections import (
    Sections,
    has_default_footer,
    set_letter_page,
    write_page_footer,
)
from policydraft.writers.docx.story import Story
from policydraft.writers.docx.styles import StyleIds, ensure_styles
from policydraft.writers.docx.toa import AuthorityFootnotes
from policydraft.writers.docx.toc import paged_for_docx

__all__ = ["DocxOptions", "write_docx"]


@dataclass(frozen=True)
class DocxOptions:
    """How to write the DOCX.

    ``reference_docx`` works like pandoc's --reference-doc: its styles, numbering, page
    setup, header and footer are kept; its body is replaced by the letter. ``typography``
    sets every size and spacing of our styles; give the PDF writer the same one and the two
    formats break pages alike (a reference document's own styles are kept as they are).
    ``page_count`` is the DOCX's own page count when a real layout of it is known; None
    leaves ``Pages`` out of docProps/app.xml rather than guess it.
    """

    reference_docx: Path | None = None
    typography: Typography = LETTER
    page_count: int | None = None
    minimum_size: float | None = None  # a profile's minimum type size: smaller styles grow
    review: ReviewCopy | None = None  # a review copy's marks (``writers.docx.draft``)


def write_docx(document: Document, out: BinaryIO, options: DocxOptions = DocxOptions()) -> None:
    """Write ``document`` as a .docx to ``out``; the same tree always gives the same bytes."""
    typography = options.typography
    document = paged_for_docx(document, typography)  # the table of contents' pages
    word = open_base(options.reference_docx)
    body = word.element.body
    final_section = body.get_or_add_sectPr()
    styles = _set_up_page_and_styles(word, final_section, options, document.metadata.language)
    numbering = ListNumbering(word.part.numbering_part.element, typography.lists)
    number_heading_style(numbering, word.styles.element, styles, document.blocks)
    footnotes = FootnotesPart.attach(word.part, typography.notes.separator_space)
    declare_separators(word.settings.element, footnotes.special_ids)
    note_story = Story(footnotes, typography, styles, numbering, None, "footnote text")
    table = next((b for b in document.blocks if isinstance(b, TableOfAuthorities)), None)
    writer_type = FootnoteWriter if table is None else AuthorityFootnotes  # TA fields
    note_writer = writer_type(
        footnotes, BlockWriter(note_story), styles["footnote text"], styles["footnote reference"]
    )
    if isinstance(note_writer, AuthorityFootnotes) and table is not None:
        note_writer.authorities = {a.source_id: a for a in table.authorities}
    body_story = Story(word.part, typography, styles, numbering, note_writer, "Body Text")
    sections = Sections(final_section, typography.appendix.column_gap)
    body.remove(final_section)  # append paragraphs at the end, then put it back: linear
    BlockWriter(body_story, sections)(body, document.blocks)
    sections.finish()
    body.append(final_section)
    for letterhead in (b for b in document.blocks if isinstance(b, Letterhead)):
        add_letterhead(word, letterhead, styles)  # the first page's header, not the body
    if options.review is not None:
        notes = styles["footnote text"]
        mark_review_copy(word, options.review, typography, styles["footer"], notes)
    set_core_properties(word, document.metadata)
    set_app_properties(word, options.page_count)
    save_reproducibly(word, out)


def _set_up_page_and_styles(
    word: Any, final_section: Any, options: DocxOptions, language: str
) -> StyleIds:
    """Our page and styles, or a reference document's where it has them; the footer."""
    from_reference = options.reference_docx is not None
    if not from_reference:
        set_letter_page(final_section, options.typography.page)
    styles = ensure_styles(
        word.styles.element, options.typography, from_reference=from_reference, language=language
    )
    raise_to_minimum(word, options.minimum_size)  # a reference's small styles too
    if not has_default_footer(final_section):
        _add_page_footer(word, styles)
    return styles


def _add_page_footer(word: Any, styles: StyleIds) -> None:
    """A "Page X of Y" footer, through python-docx's footer API (one call, not a hot path)."""
    footer = word.sections[0].footer
    footer.is_linked_to_previous = False
    write_page_footer(footer.paragraphs[0]._p, styles["footer"])
