"""The output formats, one declaration each: what ``render --to`` and ``package`` can write.

A declaration says what the format is called, its file extension, when it is written, what
its page count means, and how its writer is handed the document. The CLI's list of formats,
the order files are written and listed in, and how a page count is shown all derive from
``REGISTERED``; adding a format is one declaration here plus its module under ``writers/``.

Writer modules are imported only when a file of their format is written: ``check`` and
``--help`` never pay for reportlab or python-docx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from policydraft.model import Document
from policydraft.typography import LETTER, Typography

if TYPE_CHECKING:
    from policydraft.review import ReviewCopy
    from policydraft.writers.html.marks import JoinedAfter

Produce = Callable[[BinaryIO], int | None]
"""Writes one file to a stream; returns its page count when the writer counts pages."""


@dataclass(frozen=True)
class WriterSettings:
    """What every writer is given besides the document.

    One typography for all formats, so they break pages alike (a reference.docx's page and
    type are already in it); the reference.docx itself is read by the formats that take a
    Word template. ``minimum_size`` is a profile's minimum type size: the DOCX raises the
    reference's smaller styles to it, as ``typography`` already raised ours.
    """

    typography: Typography = LETTER
    reference_docx: Path | None = None
    minimum_size: float | None = None
    joined_after: JoinedAfter | None = None  # signers the HTML page marks as joined after a filing
    docx_pages: int | None = None  # the DOCX's page count, once a real layout counted it
    review: ReviewCopy | None = None  # a review copy's marks (render --draft), else the filing


@dataclass(frozen=True)
class OutputFormat:
    """One output format, as the rest of policydraft knows it."""

    name: str  # as ``--to`` and a profile's ``attach:`` write it
    label: str  # as a message names it: "as laid out in the PDF"
    extension: str  # the file's suffix, without the dot
    order: int  # files are written, checked and listed lowest first
    pages_from: str | None  # whose layout its page count is: its own name, another
    # format's (the same pages, counted where they are laid out), or None: it has no pages
    writer: Callable[[Document, WriterSettings], Produce]  # imports its module when called

    @property
    def borrows_pages(self) -> bool:
        """Its page count is another format's: the same layout, counted where it is laid out."""
        return self.pages_from is not None and self.pages_from != self.name


def _write_pdf(document: Document, settings: WriterSettings) -> Produce:
    from policydraft.writers.pdf import PdfOptions, write_pdf

    options = PdfOptions(typography=settings.typography, review=settings.review)
    return lambda stream: write_pdf(document, stream, options)


def _write_docx(document: Document, settings: WriterSettings) -> Produce:
    from policydraft.writers.docx import DocxOptions, write_docx

    options = DocxOptions(
        reference_docx=settings.reference_docx,
        typography=settings.typography,
        minimum_size=settings.minimum_size,
        page_count=settings.docx_pages,
        review=settings.review,
    )
    return lambda stream: write_docx(document, stream, options)


def _write_html(document: Document, settings: WriterSettings) -> Produce:
    from policydraft.writers.html import HtmlOptions, write_html

    options = HtmlOptions(joined_after=settings.joined_after)
    return lambda stream: write_html(document, stream, options)


REGISTERED: tuple[OutputFormat, ...] = (
    # Word does its own layout when it opens a DOCX, and may break pages unlike our PDF (a
    # reference's styles, another font): its pages are its own, never the PDF's, and shown
    # as "not laid out" unless a real layout counted them. Written after the PDF.
    OutputFormat("docx", "DOCX", "docx", order=2, pages_from="docx", writer=_write_docx),
    OutputFormat("pdf", "PDF", "pdf", order=1, pages_from="pdf", writer=_write_pdf),
    # The publication page: written by ``render --to html``, never attached to a filing.
    OutputFormat("html", "HTML page", "html", order=3, pages_from=None, writer=_write_html),
)

FORMATS: tuple[str, ...] = tuple(declared.name for declared in REGISTERED)
"""The formats' names as declared (and as ``--to`` lists them in its usage message)."""

_BY_NAME = {declared.name: declared for declared in REGISTERED}


def output_format(name: str) -> OutputFormat:
    """The declaration of the format called ``name``."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown output format {name!r}") from None


def writing_order(names: Iterable[str]) -> list[str]:
    """``names`` without repeats, in the order their files are written and listed."""
    return sorted(dict.fromkeys(names), key=lambda name: output_format(name).order)
