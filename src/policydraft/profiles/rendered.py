"""A profile's rules checked against the rendered files: what each rule's check is given.

``Rendered`` is one render's staged files, by format, with the PDF read back and the facts
of the letter the rules compare it with; ``check_rendered`` asks every rule of the profile to
check them (the checks themselves live with their rules, in ``profiles/rules/``). A broken
rule is a diagnostic naming the rule, its limit, the value measured and the rule's source,
e.g. ``the PDF has 17 pages; ostp-ai-action-plan allows at most 15 (90 Fed. Reg. 9088 ...)``.
Diagnostics sit at the ``profile:`` line of policydraft.yaml: that is the line that asked
for the rules, and the fix is usually in the text, not at one place in it.

The rules import this module, so it knows a profile and its rules only by what it asks of
them (``RuleBook``, ``FileCheck``); ``Profile`` and every rule class fit those.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Appendix, Document, plain_text
from policydraft.submission.schema import Submission

if TYPE_CHECKING:  # pypdf is imported where a PDF is read, not when a profile loads
    from policydraft.profiles.pdf_reading import RenderedPdf


class FileCheck(Protocol):
    """A rule as ``check_rendered`` calls it: on every file, and on the PDF when there is one."""

    def check_files(self, rendered: Rendered) -> None: ...

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None: ...

    def check_docx(self, rendered: Rendered, layout: RenderedPdf | None) -> None: ...


class RuleBook(Protocol):
    """A profile as its rules' checks see it: its name (every message names it), the formats
    it attaches and its rules."""

    @property
    def name(self) -> str: ...

    @property
    def attach(self) -> Sequence[str]: ...

    @property
    def rules(self) -> Sequence[FileCheck]: ...


@dataclass(frozen=True)
class LetterFacts:
    """What the rules compare the PDF with, taken from the submission and the document."""

    title: str
    commenter: str
    organization: str | None
    appendix_heading: str | None

    @classmethod
    def of(cls, submission: Submission, document: Document) -> LetterFacts:
        heading = next(
            (plain_text(b.heading) for b in document.blocks if isinstance(b, Appendix)), None
        )
        commenter = submission.commenter
        return cls(submission.title, commenter.name, commenter.organization, heading)


@dataclass
class Rendered:
    """The staged files of one render, by format, and where diagnostics go."""

    profile: RuleBook
    files: Mapping[str, Path]
    facts: LetterFacts
    diags: Diagnostics
    where: Location  # the profile: line of policydraft.yaml
    laid_out: Path | None = None  # a PDF of a file that is none (`verify`: a DOCX laid out)
    pdf: RenderedPdf | None = field(init=False)

    def __post_init__(self) -> None:
        from policydraft.profiles.pdf_reading import RenderedPdf

        path = self.laid_out or self.files.get("pdf")
        self.pdf = RenderedPdf(path, self.facts.appendix_heading) if path else None


def check_rendered(rendered: Rendered) -> None:
    """Every rule of the profile that the rendered files can answer.

    A render that attaches only the DOCX is checked twice: on a scratch PDF first, then on
    its staged files, where there is no PDF and only the checks on every file run.
    """
    for rule in rendered.profile.rules:
        rule.check_files(rendered)
        if rendered.pdf is not None:
            rule.check_pdf(rendered, rendered.pdf)


def check_docx_pages(rendered: Rendered, layout: RenderedPdf | None) -> None:
    """Every rule of the profile on the DOCX ``rendered.files["docx"]`` and ``layout``, its
    pages as LibreOffice lays it out (None when it was not laid out)."""
    for rule in rendered.profile.rules:
        rule.check_docx(rendered, layout)


def page_list(pages: Sequence[int]) -> str:
    """Pages for a message: "page 3", or "pages 1, 2, 3, ..." (eight numbers at most)."""
    shown = ", ".join(str(p) for p in pages[:8]) + (", ..." if len(pages) > 8 else "")
    return f"page {shown}" if len(pages) == 1 else f"pages {shown}"
