"""The letter's typography: one description that both the DOCX and the PDF writer obey.

Agencies limit comments by pages, a later check reads the page count back from the PDF, and
lawyers edit and print the DOCX; so the DOCX (in Word or LibreOffice) and our PDF must break
lines and pages alike. They can only do so if every number that moves a line lives here,
once, and neither writer keeps a figure of its own.

The rules that make the two layout engines agree:

- Every paragraph has an *exact* line pitch (``leading``): reportlab's leading is fixed, and
  Word's ``w:lineRule="exact"`` is the only rule under which a footnote mark or a fallback
  font cannot make a line taller.
- Space between two paragraphs is the larger of the first's ``after`` and the second's
  ``before``: LibreOffice lays a DOCX out so (its "add spacing" setting is off for Word
  files), and so does reportlab's frame. Only headings have space before, and they rarely
  start a page, where the engines treat it differently.
- Lines are set ragged right: justification is where the two engines' spacing of words could
  diverge; with ragged-right text a line breaks where the next word no longer fits (after a
  space or after a hyphen the text has), in both.
- Widow/orphan control on, as Word's default: a split paragraph leaves at least two lines
  on each page; and no hyphenation: never break a word that has no hyphen.
- Keep-with-next keeps a paragraph with the first two lines of the next one, as in Word.

The numbers below were measured against LibreOffice 7.4 converting our DOCX: every page of
the bundled example and of the writers' long test letter starts with the same words.

All lengths are in points (1/72 inch); Word's twentieths are the DOCX writer's business.
Values are plain data, without logic: each writer takes a ``Typography`` from its options,
``LETTER`` unless a profile asks for larger type, which ``at_least`` derives (as data too).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, Literal

Alignment = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    """How one kind of paragraph is set.

    ``leading`` is the exact distance from one baseline to the next. Indents are measured
    from the text area's edges; ``first_line`` is added to ``left`` for the first line only
    (negative for a hanging indent). ``keep_with_next`` keeps the paragraph on the page of
    the next one's first line; ``keep_lines`` keeps all its lines on one page.
    """

    size: float
    leading: float
    before: float = 0.0
    after: float = 0.0
    align: Alignment = "left"
    left: float = 0.0
    right: float = 0.0
    first_line: float = 0.0
    bold: bool = False
    italic: bool = False
    keep_with_next: bool = False
    keep_lines: bool = False


@dataclass(frozen=True, slots=True)
class PageFormat:
    """US Letter with one-inch margins: what U.S. agencies and their dockets expect.

    ``footer_distance`` runs from the paper's bottom edge to the bottom of the footer line,
    as Word measures it.
    """

    width: float = 612.0
    height: float = 792.0
    top: float = 72.0
    right: float = 72.0
    bottom: float = 72.0
    left: float = 72.0
    header_distance: float = 36.0
    footer_distance: float = 36.0


@dataclass(frozen=True, slots=True)
class PartFormats:
    """One format per ``LetterPart`` role (the field names are the roles)."""

    title: ParagraphFormat
    letterhead: ParagraphFormat
    date: ParagraphFormat
    addressee: ParagraphFormat
    subject: ParagraphFormat
    salutation: ParagraphFormat
    closing: ParagraphFormat
    signature: ParagraphFormat
    statement: ParagraphFormat


@dataclass(frozen=True, slots=True)
class ListFormat:
    """List items: ``item`` is the paragraph; each level's text sits ``indent`` further in.

    The bullet or number hangs ``hanging`` points left of the item's text.
    """

    item: ParagraphFormat
    indent: float
    hanging: float


@dataclass(frozen=True, slots=True)
class NoteFormat:
    """Footnotes at the foot of the page.

    ``separator_space`` is the height of the band holding the short rule between the text
    and the notes: LibreOffice always leaves 6.2 pt for a DOCX (0.1 cm either side of a
    0.5 pt rule, whatever the file says), so the PDF does too, and the DOCX's separator
    paragraph is set exactly that high for Word. ``text.after`` is the gap between two notes
    and between the paragraphs of one note; none is left under the last.
    """

    text: ParagraphFormat
    separator_space: float
    separator_length: float
    separator_width: float
    mark_size: float  # a reference mark's size and raise, as shares of its text's size:
    mark_rise: float  # LibreOffice sets Word's superscript at 58 % raised by 33 %


@dataclass(frozen=True, slots=True)
class AppendixFormat:
    """The signatory appendix: a heading page, then names in columns.

    ``entry_gap`` follows each signer's last line (the name, or the affiliation under it).
    """

    heading: ParagraphFormat
    group_heading: ParagraphFormat
    name: ParagraphFormat
    affiliation: ParagraphFormat
    entry_gap: float
    column_gap: float


@dataclass(frozen=True, slots=True)
class RunningLine:
    """One line printed on every page above or below the text, as the PDF draws it.

    ``text`` may hold ``{page}`` and ``{total}`` (the page's number and the page count);
    any other brace is doubled, as ``str.format`` wants it.
    """

    text: str
    align: Alignment = "center"


PAGE_X_OF_Y = RunningLine("Page {page} of {total}")


@dataclass(frozen=True, slots=True)
class RunningPicture:
    """A picture printed on every page (a firm's logo in a reference.docx's header).

    ``data`` is the PNG or JPEG file; ``left`` and ``top`` place its top left corner,
    measured from the paper's left and top edges; ``width`` and ``height`` are its size.
    """

    data: bytes
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Running:
    """The header and footer lines of every page: ours, or a reference.docx's text.

    The DOCX writer keeps a reference document's own header and footer parts; the PDF draws
    these lines in the ``footer`` format, the header ``header_distance`` below the paper's
    top edge and the footer ``footer_distance`` above its bottom edge.
    """

    header: tuple[RunningLine, ...] = ()
    footer: tuple[RunningLine, ...] = (PAGE_X_OF_Y,)
    pictures: tuple[RunningPicture, ...] = ()


@dataclass(frozen=True, slots=True)
class Typography:
    """Everything about the letter's look that moves a line or a page."""

    page: PageFormat
    body: ParagraphFormat
    heading1: ParagraphFormat
    heading2: ParagraphFormat
    parts: PartFormats
    lists: ListFormat
    quote: ParagraphFormat
    notes: NoteFormat
    footer: ParagraphFormat
    appendix: AppendixFormat
    hyphenate: bool = False
    running: Running = Running()
    pdf_font: str = "Liberation Serif"  # the bundled family the PDF sets the letter in: a
    # metric-compatible twin of the DOCX's font (Times New Roman, or a reference.docx's)


BODY = ParagraphFormat(size=12.0, leading=14.0, after=12.0)

LETTER = Typography(
    page=PageFormat(),
    body=BODY,
    heading1=ParagraphFormat(
        size=12.0, leading=14.0, before=12.0, after=6.0, bold=True, keep_with_next=True,
        keep_lines=True,
    ),
    heading2=ParagraphFormat(
        size=12.0, leading=14.0, before=6.0, after=6.0, bold=True, italic=True,
        keep_with_next=True, keep_lines=True,
    ),
    parts=PartFormats(
        title=ParagraphFormat(size=14.0, leading=16.0, after=18.0, align="center", bold=True,
                              keep_with_next=True),
        letterhead=ParagraphFormat(size=12.0, leading=14.0, after=12.0, align="center",
                                   bold=True),
        date=BODY,
        addressee=ParagraphFormat(size=12.0, leading=14.0, after=12.0, keep_lines=True),
        subject=ParagraphFormat(size=12.0, leading=14.0, after=12.0, bold=True),
        salutation=ParagraphFormat(size=12.0, leading=14.0, after=12.0, keep_with_next=True),
        closing=ParagraphFormat(size=12.0, leading=14.0, after=24.0, keep_with_next=True),
        signature=ParagraphFormat(size=12.0, leading=14.0, after=12.0, keep_lines=True),
        statement=ParagraphFormat(size=12.0, leading=14.0, after=12.0, italic=True),
    ),
    lists=ListFormat(item=ParagraphFormat(size=12.0, leading=14.0, after=6.0), indent=36.0,
                     hanging=18.0),
    quote=ParagraphFormat(size=12.0, leading=14.0, after=12.0, left=36.0, right=36.0),
    notes=NoteFormat(
        text=ParagraphFormat(size=10.0, leading=11.5, after=2.0),
        separator_space=6.2,
        separator_length=144.0,
        separator_width=0.5,
        mark_size=0.58,
        mark_rise=0.33,
    ),
    footer=ParagraphFormat(size=10.0, leading=12.0, align="center"),
    appendix=AppendixFormat(
        heading=ParagraphFormat(size=14.0, leading=16.0, after=12.0, align="center", bold=True,
                                keep_with_next=True),
        group_heading=ParagraphFormat(size=12.0, leading=14.0, before=8.0, after=4.0, bold=True,
                                      keep_with_next=True),
        name=ParagraphFormat(size=11.0, leading=12.5, keep_lines=True),
        affiliation=ParagraphFormat(size=9.0, leading=10.5, italic=True, keep_lines=True),
        entry_gap=4.0,
        column_gap=18.0,
    ),
)  # fmt: skip
"""The letter every template gets: 12 pt Times-metric text on 14 pt lines, ragged right."""


def figure_caption(typography: Typography) -> ParagraphFormat:
    """A figure's caption ("Figure 1: ..."), under its image: the body's type, centred."""
    return replace(typography.body, align="center", keep_with_next=False, keep_lines=True)


def figure_area(typography: Typography) -> tuple[float, float]:
    """The largest width and height of a figure's image, in points: the text width, and the
    page's text height less three body lines kept for its caption (both writers fit to it)."""
    page = typography.page
    height = page.height - page.top - page.bottom - 3 * typography.body.leading
    return page.width - page.left - page.right, height


def at_least(typography: Typography, size: float) -> Typography:
    """``typography`` with no text smaller than ``size`` points (a profile's minimum).

    Agencies ask for "12-point or larger type"; raising only the small text (notes, footer,
    appendix) keeps the letter's look, and since both writers read the result, the DOCX
    and the PDF still break pages alike. Every ``ParagraphFormat`` below ``size`` is raised
    (found by walking the dataclasses, so a format added later cannot be missed), its
    leading and space before and after grown in proportion: a raised note reads as a note,
    not as cramped body text. Reference marks stay a share of their text's size (profiles
    exempt superscripts), and page geometry, indents and gaps stay as they are.

    The minimum is rounded up to Word's half point, and grown lengths to its twentieth of a
    point, so the DOCX stores exactly the numbers the PDF uses. Raising twice changes
    nothing more.
    """
    minimum = math.ceil(size * 2 - 1e-9) / 2
    raised: Typography = _raised(typography, minimum)
    return raised


def _raised(value: Any, minimum: float) -> Any:
    """``value`` with every paragraph format inside it raised to ``minimum``."""
    if isinstance(value, ParagraphFormat):
        return _raised_paragraph(value, minimum)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _raised(getattr(value, field.name), minimum) for field in fields(value)
        }
        return replace(value, **changes)
    return value


def _raised_paragraph(fmt: ParagraphFormat, minimum: float) -> ParagraphFormat:
    if fmt.size >= minimum:
        return fmt
    factor = minimum / fmt.size
    return replace(
        fmt,
        size=minimum,
        leading=_in_twentieths(fmt.leading * factor),
        before=_in_twentieths(fmt.before * factor),
        after=_in_twentieths(fmt.after * factor),
    )


def _in_twentieths(points: float) -> float:
    """``points`` rounded to Word's unit of spacing (a twentieth of a point)."""
    return round(points * 20) / 20


def scaled(typography: Typography, factor: float, line_factor: float = 1.0) -> Typography:
    """``typography`` for type ``factor`` times as large, on lines ``line_factor`` further
    apart: the letter set in a reference.docx's base size and line spacing.

    Every paragraph format's size is multiplied by ``factor`` (rounded to Word's half
    point) and its leading and space before and after in proportion (to a twentieth of a
    point); the leading also by ``line_factor`` (Word's "multiple" line spacing), except in
    the notes and the footer, which Word sets single-spaced. Page geometry, indents and gaps
    stay as they are.
    """
    if factor == 1.0 and line_factor == 1.0:
        return typography
    notes, footer = typography.notes, typography.footer
    grown: Typography = _mapped(typography, lambda fmt: _scaled(fmt, factor, line_factor))
    return replace(
        grown,
        notes=replace(grown.notes, text=_scaled(notes.text, factor, 1.0)),
        footer=_scaled(footer, factor, 1.0),
    )


def _mapped(value: Any, change: Any) -> Any:
    """``value`` with ``change`` applied to every paragraph format inside it."""
    if isinstance(value, ParagraphFormat):
        return change(value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _mapped(getattr(value, field.name), change) for field in fields(value)
        }
        return replace(value, **changes)
    return value


def _scaled(fmt: ParagraphFormat, factor: float, line_factor: float) -> ParagraphFormat:
    size = round(fmt.size * factor * 2) / 2
    exact = size / fmt.size
    return replace(
        fmt,
        size=size,
        leading=_in_twentieths(fmt.leading * exact * line_factor),
        before=_in_twentieths(fmt.before * exact),
        after=_in_twentieths(fmt.after * exact),
    )
