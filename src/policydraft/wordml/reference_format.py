"""The letter's page and type as a template's reference.docx sets them, for both formats.

The DOCX writer keeps a reference document's page setup, styles, header and footer; the PDF
must follow them too, or the two files an agency may receive disagree on margins, type size
and page count. This module reads what the PDF can follow from the reference document:

- the page size and margins of the body's last section (``w:pgSz``, ``w:pgMar``);
- the base font size, font and line spacing of the letter's body text: ``Body Text`` where
  the reference has it, else its default paragraph style (``Normal``), through the
  ``basedOn`` chain down to the document defaults;
- the plain text of the last section's default header and footer, its PAGE and NUMPAGES
  fields kept as fields.

It returns a ``Typography`` (the base one scaled to that size and spacing, on that page,
with those running lines and header and footer pictures (``running_pictures``), in the
bundled family metric-compatible with its font (``pdf_font``)) and adds notes for what the
PDF cannot follow: a font it cannot embed, named with the substitute it uses, and pictures
it cannot draw. A page whose margins leave no room for text is an error.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.typography import (
    PAGE_X_OF_Y,
    PageFormat,
    Running,
    RunningLine,
    RunningPicture,
    Typography,
    scaled,
)
from policydraft.wordml.minimum_size import RaisedStyle, raise_small_runs, raise_small_styles
from policydraft.wordml.package import WordPackage
from policydraft.wordml.pdf_font import pdf_font_for
from policydraft.wordml.running_pictures import running_pictures
from policydraft.wordml.running_text import element_text
from policydraft.wordml.styles import StyleSheet, w

TWIPS = 20  # Word's page lengths are in twentieths of a point
MIN_TEXT_AREA = 72.0  # points: a text area narrower or shorter than an inch is a mistake
MAX_PAGE = 22 * 72.0  # points: Word's largest paper, 22 inches a side


class ReferenceFormatError(Exception):
    """A reference document whose page the PDF cannot follow: the message says why."""


@dataclass(frozen=True)
class ReferenceFormat:
    """What a reference.docx sets for the letter, and what the PDF makes of it."""

    typography: Typography
    font: str | None  # the body text's font as the reference names it
    notes: tuple[str, ...]  # what the PDF does not follow, one sentence each (PD351)


def read_reference_format(
    path: Path, base: Typography, diags: Diagnostics, minimum: float | None = None
) -> ReferenceFormat | None:
    """The reference document's page and type over ``base``; None (and an error) if unusable.

    ``path`` has passed ``check_reference_docx``: a bounded zip of DTD-free XML. Under a
    profile's ``minimum`` type size, its styles set smaller are named in a note (PD352):
    the DOCX writer raises them, as ``typography.at_least`` raises ours.
    """
    where = Location(display_path(path))
    try:
        found = reference_format(path, base)
        raised = raised_styles(path, minimum) if minimum is not None else []
    except ReferenceFormatError as problem:
        diags.error("PD350", str(problem), where)
        return None
    for note in found.notes:
        diags.note("PD351", note, where)
    if raised and minimum is not None:
        listed = ", ".join(f'"{style.name}" ({style.size:g} pt)' for style in raised)
        message = (
            f"reference.docx sets text below the profile's {minimum:g} pt minimum; the DOCX "
            f"raises it to {minimum:g} pt: {listed}"
        )
        diags.note("PD352", message, where)
    return found


def raised_styles(path: Path, minimum: float) -> list[RaisedStyle]:
    """The reference's styles and header/footer runs the DOCX raises to ``minimum``: the
    same walk the DOCX writer makes, on a copy of the reference's parts."""
    with zipfile.ZipFile(path) as archive:
        parts = WordPackage(archive)
        raised = raise_small_styles(parts.xml("word/styles.xml"), minimum)
        section = parts.xml("word/document.xml").find(f"{w('body')}/{w('sectPr')}")
        for kind in ("header", "footer"):
            name = parts.running_name(section, kind)
            if name is not None:
                raised += raise_small_runs(parts.xml(name), f"{kind} /{name}", minimum)
    return raised


def reference_format(path: Path, base: Typography) -> ReferenceFormat:
    """``base`` on the reference document's page, in its type; raise if its page is absurd."""
    with zipfile.ZipFile(path) as archive:
        parts = WordPackage(archive)
        document = parts.xml("word/document.xml")
        styles = StyleSheet(parts.xml("word/styles.xml"), parts.theme_fonts())
        section = document.find(f"{w('body')}/{w('sectPr')}")
        page = _page(section, base.page)
        header = _running(parts, section, "header")
        footer = _running(parts, section, "footer")
        pictures, picture_notes = _pictures(parts, section, page)
    body = styles.body_style()
    typography = _typography(base, styles, body, page)
    running = Running(
        header=header.lines if header is not None else (),
        footer=footer.lines if footer is not None else (PAGE_X_OF_Y,),
        pictures=pictures,
    )
    font = styles.font(body)
    pdf_font = pdf_font_for(font)
    typography = replace(typography, running=running, pdf_font=pdf_font.family)
    notes = [note for note in (pdf_font.note, *picture_notes) if note]
    return ReferenceFormat(typography, font, tuple(notes))


def _pictures(
    parts: WordPackage, section: etree._Element | None, page: PageFormat
) -> tuple[tuple[RunningPicture, ...], tuple[str, ...]]:
    """The default header's and footer's pictures the PDF draws, and notes on the others."""
    pictures: tuple[RunningPicture, ...] = ()
    notes: tuple[str, ...] = ()
    for kind in ("header", "footer"):
        name = parts.running_name(section, kind)
        if name is not None:
            found, said = running_pictures(parts, name, kind, page)
            pictures, notes = pictures + found, notes + said
    return pictures, notes


def _typography(
    base: Typography, styles: StyleSheet, body: etree._Element | None, page: PageFormat
) -> Typography:
    """``base`` scaled to the body style's size and line spacing, on ``page``."""
    size = styles.size(body)
    factor = size / base.body.size if size else 1.0
    line, rule = styles.line_spacing(body)
    line_factor = 1.0
    leading = None
    if line is not None and rule == "auto":
        line_factor = line / 240
    elif line is not None:  # exact or at least: a distance in twentieths of a point
        leading = line / TWIPS
    typography = scaled(base, factor, line_factor)
    if leading is not None and leading > 0:
        body_format = replace(typography.body, leading=max(leading, typography.body.size))
        typography = replace(typography, body=body_format)
    return replace(typography, page=page)


def _page(section: etree._Element | None, base: PageFormat) -> PageFormat:
    """The last section's paper and margins over ``base``; raise if no text fits."""
    if section is None:
        return base
    size = section.find(w("pgSz"))
    margin = section.find(w("pgMar"))
    lengths = {
        "width": _length(size, "w"),
        "height": _length(size, "h"),
        "top": _length(margin, "top"),
        "right": _length(margin, "right"),
        "bottom": _length(margin, "bottom"),
        "left": _length(margin, "left"),
        "header_distance": _length(margin, "header"),
        "footer_distance": _length(margin, "footer"),
    }
    changes = {name: value for name, value in lengths.items() if value is not None}
    gutter = _length(margin, "gutter") or 0.0
    page = replace(base, **changes)
    page = replace(page, left=page.left + gutter)
    _check_page(page, margin if margin is not None else size)
    return page


def _length(element: etree._Element | None, name: str) -> float | None:
    """An attribute in twentieths of a point, in points (its size: Word allows negative top
    and bottom margins, meaning "do not grow for the header")."""
    if element is None:
        return None
    value = element.get(w(name))
    if value is None:
        return None
    try:
        return abs(float(value)) / TWIPS
    except ValueError:
        raise ReferenceFormatError(
            f'word/document.xml line {element.sourceline}: w:{name}="{value}" is not a length'
        ) from None


def _check_page(page: PageFormat, element: etree._Element | None) -> None:
    line = element.sourceline if element is not None else 1
    width = page.width - page.left - page.right
    height = page.height - page.top - page.bottom
    if not 0 < page.width <= MAX_PAGE or not 0 < page.height <= MAX_PAGE:
        raise ReferenceFormatError(
            f"reference.docx's page is {page.width:g} x {page.height:g} pt (word/document.xml "
            f"line {line}); Word's paper is at most {MAX_PAGE:g} pt a side"
        )
    if width < MIN_TEXT_AREA or height < MIN_TEXT_AREA:
        raise ReferenceFormatError(
            f"reference.docx's margins leave a text area of {width:g} x {height:g} pt on a "
            f"{page.width:g} x {page.height:g} pt page (word/document.xml line {line}); "
            f"at least {MIN_TEXT_AREA:g} pt each way is needed"
        )


@dataclass(frozen=True)
class _Running:
    """A header or footer part as the PDF can draw it: its lines, and whether it has pictures."""

    lines: tuple[RunningLine, ...]
    pictures: bool


def _running(parts: WordPackage, section: etree._Element | None, kind: str) -> _Running | None:
    """The section's default header or footer as the PDF can draw it, or None."""
    name = parts.running_name(section, kind)
    return _running_part(parts.xml(name)) if name is not None else None


def _running_part(root: etree._Element) -> _Running:
    """The non-empty paragraphs of a header or footer part, with their alignment."""
    lines = []
    for paragraph in root.iter(w("p")):
        text = element_text(paragraph).strip()
        if not text:
            continue
        jc = paragraph.find(f"{w('pPr')}/{w('jc')}")
        align = {"center": "center", "right": "right", "end": "right"}.get(
            jc.get(w("val"), "") if jc is not None else "", "left"
        )
        lines.append(RunningLine(text, align))  # type: ignore[arg-type]
    pictures = (
        root.find(f".//{w('drawing')}") is not None or root.find(f".//{w('pict')}") is not None
    )
    return _Running(tuple(lines), pictures)
