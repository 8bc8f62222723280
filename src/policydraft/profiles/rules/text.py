"""What the PDF must print, found in its extracted text: a required statement, the submitter,
the title (searchable text), and a number on every page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from policydraft.profiles.rendered import Rendered, page_list
from policydraft.profiles.rules.base import MAX_TOP_LINES, BaseRule

if TYPE_CHECKING:  # pypdf and lxml are imported where a file is read, not when a profile loads
    from policydraft.profiles.pdf_reading import RenderedPdf

SubmitterField = Literal["name", "organization"]


class StatementRule(BaseRule):
    """A statement the agency requires in every response: inserted, then found in the PDF."""

    codes: ClassVar[tuple[str, ...]] = ("PD616",)
    rule: Literal["statement"]
    text: str = Field(min_length=1)

    def demands(self) -> str:
        return f'the statement "{self.text}"'

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        if not pdf.prints(self.text):
            shown = self.text if len(self.text) <= 60 else self.text[:57] + "..."
            message = (
                f"the PDF lacks the statement {rendered.profile.name} requires: '{shown}' "
                "(a template of your own needs the profile.statements block; "
                "see docs/templates.md)"
            )
            self.broken(rendered, "PD616", message)


class SubmitterRule(BaseRule):
    """The commenter's name (and organization) printed at the top of page 1, or anywhere."""

    codes: ClassVar[tuple[str, ...]] = ("PD617",)
    rule: Literal["submitter"]
    fields: list[SubmitterField] = Field(default_factory=lambda: list[SubmitterField](["name"]))
    where: Literal["top", "anywhere"] = "anywhere"
    top_lines: int = Field(default=12, gt=0, le=MAX_TOP_LINES)

    def demands(self) -> str:
        place = (
            f"in the first {self.top_lines} lines of page 1"
            if self.where == "top"
            else "in the text"
        )
        return f"the commenter's {' and '.join(self.fields)} {place}"

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        from policydraft.profiles.pdf_reading import contains

        facts = rendered.facts
        values = {"name": facts.commenter, "organization": facts.organization}
        top = self.where == "top"
        lines = pdf.texts[0].splitlines()[: self.top_lines] if top and pdf.texts else []
        first = "\n".join(lines)
        place = "at the top of page 1" if top else "anywhere in the PDF"
        for name in self.fields:
            value = values[name]
            if value and not (contains(first, value) if top else pdf.prints(value)):
                message = (
                    f"the commenter's {name} '{value}' is not printed {place}; "
                    f"{rendered.profile.name} requires the submitter's {name}"
                )
                self.broken(rendered, "PD617", message)


class SearchableTextRule(BaseRule):
    """Text can be extracted from the PDF, and it contains the letter's title."""

    codes: ClassVar[tuple[str, ...]] = ("PD615",)
    rule: Literal["searchable-text"]

    def demands(self) -> str:
        return "extractable text that contains the title"

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        text = "" if pdf.encrypted else pdf.text()
        name = rendered.profile.name
        if not text.strip():
            message = f"no text can be extracted from the PDF; {name} needs searchable text"
            self.broken(rendered, "PD615", message)
        elif not pdf.prints(rendered.facts.title):
            message = (
                "the PDF's extracted text does not contain the letter's title; "
                f"{name} needs searchable text"
            )
            self.broken(rendered, "PD615", message)


class PageNumbersRule(BaseRule):
    """Every page prints its number: found on each page of the PDF; in the DOCX, a PAGE
    field in the header or footer of every kind of page of every section, and the number
    on each page as LibreOffice lays it out."""

    codes: ClassVar[tuple[str, ...]] = ("PD618",)
    reads_pages: ClassVar[bool] = True
    rule: Literal["page-numbers"]

    def demands(self) -> str:
        return "a page number on every page"

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        missing = _unnumbered(pdf)
        if missing:
            message = (
                f"no page number found on {page_list(missing)} of the PDF; "
                f"{rendered.profile.name} requires a page number on each page"
            )
            self.broken(rendered, "PD618", message)

    def check_docx(self, rendered: Rendered, layout: RenderedPdf | None) -> None:
        from policydraft.profiles.page_fields import UnreadableParts, describe, unnumbered_pages

        name = rendered.profile.name
        try:
            sections = unnumbered_pages(rendered.files["docx"])
        except UnreadableParts as problem:
            message = f"the DOCX's headers and footers cannot be read ({problem})"
            self.broken(rendered, "PD618", f"{message}; {name} requires a page number on each page")
            return
        if sections:
            message = (
                f"the DOCX has no PAGE field in the footer or header of {describe(sections)}; "
                f"{name} requires a page number on each page"
            )
            self.broken(rendered, "PD618", message)
        elif layout is not None and (missing := _unnumbered(layout)):
            message = (
                f"the DOCX, as LibreOffice lays it out, has no page number on "
                f"{page_list(missing)}; {name} requires a page number on each page"
            )
            self.broken(rendered, "PD618", message)


def _unnumbered(pdf: RenderedPdf) -> list[int]:
    """The pages (from 1) of ``pdf`` without a line printing their number."""
    return [n for n, text in enumerate(pdf.texts, start=1) if not _numbered(text, n)]


def _numbered(text: str, number: int) -> bool:
    """A line printing the page's number: "3", "- 3 -", "Page 3", "Page 3 of 12", "3 of 12"."""
    from policydraft.profiles.pdf_reading import normalize

    wanted = str(number)
    return any(
        (found := _PAGE_NUMBER.match(normalize(line))) is not None and found["number"] == wanted
        for line in text.splitlines()
    )


# The digits are one run, read whole (none can stand before or after them in the line), so
# comparing them with the page's number is matching that number: one pattern for all pages.
_PAGE_NUMBER = re.compile(r"^(page\s+)?[-–—]?\s*(?P<number>\d+)\s*[-–—]?(\s+of\s+\d+)?$")
