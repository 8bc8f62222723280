"""Document tree -> PDF, with reportlab platypus.

The PDF embeds its own fonts (Liberation Serif or the twin of a reference.docx's font,
Droid Sans Fallback for CJK), puts each
footnote at the foot of the page that prints its mark, numbers pages "Page X of Y",
bookmarks the headings and prints the signatory appendix in columns. The same Document
always gives the same bytes.

Modules: ``fonts`` (registration, per-glyph fallback), ``styles``, ``markup`` (inlines),
``blocks`` (blocks -> flowables), ``notes``/``noted_paragraph``/``frame`` (footnote layout),
``appendix_layout``/``appendix`` (signatory columns), ``page`` (template, footer, drawing),
``ascii85`` (the streams' encoding), ``object_syntax`` (reportlab's formatting of objects).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from policydraft.model import Document, Letterhead
from policydraft.review import ReviewCopy
from policydraft.typography import LETTER, Typography

from .families import setting_in
from .fonts import missing_glyphs

if TYPE_CHECKING:
    from .toc import ContentsLayout, HeadingPages

__all__ = ["PdfOptions", "contents_pages", "missing_glyphs", "write_pdf"]


@dataclass(frozen=True)
class PdfOptions:
    """How the PDF looks: every size and spacing comes from ``typography``.

    Give the DOCX writer the same typography and the two formats break pages alike; a
    profile's minimum type size is ``typography.at_least(LETTER, minimum)``, for both.
    """

    typography: Typography = LETTER
    review: ReviewCopy | None = None  # a review copy's marks (``writers.pdf.draft``)


def write_pdf(document: Document, out: BinaryIO, options: PdfOptions = PdfOptions()) -> int:
    """Write ``document`` as PDF to ``out``; return the number of pages.

    A letter with a table of contents is laid out until the table's page numbers are those
    of its own layout (``toc.settle``: two passes, three when the table moves pages).
    """
    from .authority_pages import authorities_of
    from .toc import contents_of, settle

    if contents_of(document) is None and authorities_of(document) is None:
        return _lay_out(document, options, None, None, out)
    pdf, count, _ = settle(document, lambda *pass_: _lay_out(pass_[0], options, *pass_[1:]))
    out.write(pdf)
    return count


def contents_pages(document: Document, options: PdfOptions = PdfOptions()) -> tuple[int, ...]:
    """The page of each entry of ``document``'s table of contents, in the PDF's layout."""
    return settled_layout(document, options).pages


def settled_layout(document: Document, options: PdfOptions = PdfOptions()) -> ContentsLayout:
    """Where the PDF's settled layout puts the listed headings and the citing notes."""
    from .toc import settle

    return settle(document, lambda *pass_: _lay_out(pass_[0], options, *pass_[1:]))[2]


def _lay_out(
    document: Document,
    options: PdfOptions,
    printed: ContentsLayout | None,
    recorder: HeadingPages | None,
    out: BinaryIO,
) -> int:
    """One layout of ``document`` into ``out``; ``recorder`` hears where headings land."""
    # reportlab's layout engine (platypus) is imported by the writing alone: a check that
    # only asks which glyphs the fonts lack (``missing_glyphs``) does without it
    from .ascii85 import use_fast_ascii85
    from .authority_pages import authorities_of
    from .blocks import Context, StoryBuilder
    from .exhibits import append_pages, has_pages_to_append
    from .object_syntax import use_fast_object_syntax
    from .page import FlushNotes, FooterLine, LetterDocTemplate, canvas_maker
    from .styles import make_styles

    use_fast_ascii85()  # the streams of a long list are megabytes: encode them fast
    use_fast_object_syntax()  # and its pages thousands of objects: format them fast
    typography = options.typography
    styles = make_styles(typography)
    with setting_in(styles.family):  # registers it before any style refers to it
        builder = StoryBuilder(styles)
        builder.contents_keys = printed.keys if printed is not None else ()
        builder.authorities = recorder is not None and authorities_of(document) is not None
        story = builder.blocks(document.blocks, Context(styles.body))
        story.append(FlushNotes())
        exhibit_pages = has_pages_to_append(builder.covers)  # added after: writers/pdf/exhibits
        letter = io.BytesIO()
        target = letter if exhibit_pages else out
        template = LetterDocTemplate(target, document.metadata, typography, options.review)
        letterhead = any(isinstance(block, Letterhead) for block in document.blocks)
        footer = FooterLine.of(typography, styles.family.regular, letterhead=letterhead)
        if recorder is not None:
            template.afterFlowable = lambda placed: recorder.after_flowable(placed, template.page)
        maker = canvas_maker(document.metadata, footer)
        if builder.authorities and recorder is not None:
            on_cited = recorder.on_cited
            maker = _listening(maker, on_cited)
        template.build(story, canvasmaker=maker)
    if exhibit_pages:
        return append_pages(letter.getvalue(), builder.covers, out)
    return int(template.page)


def _listening(maker: Any, on_cited: Any) -> Any:
    """``maker``'s canvases, reporting citing notes' pages to ``on_cited`` (writers/pdf/toa)."""
    from .toa import listen_for_citations

    return lambda *args, **kwargs: listen_for_citations(maker(*args, **kwargs), on_cited)
