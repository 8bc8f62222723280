"""A profile's rules checked against the rendered files: one function per rule.

Each function measures the written file (pages, type sizes, bytes, text) and reports a broken
rule as a diagnostic naming the rule, its limit, the value measured and the rule's source,
e.g. ``the PDF has 17 pages; ostp-ai-action-plan allows at most 15 (90 Fed. Reg. 9088 ...)``.
Diagnostics sit at the ``profile:`` line of policydraft.yaml: that is the line that asked
for the rules, and the fix is usually in the text, not at one place in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Appendix, Document, plain_text
from policydraft.profiles.pdf_reading import FOOTER_ZONE, RenderedPdf, contains, normalize
from policydraft.profiles.schema import (
    BaseRule,
    FileSizeRule,
    FontSizeRule,
    NotCopyProtectedRule,
    PageNumbersRule,
    PagesRule,
    Profile,
    SearchableTextRule,
    StatementRule,
    SubmitterRule,
    WordsRule,
)
from policydraft.submission.schema import Submission

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Facts:
    """What the rules compare the PDF with, taken from the submission and document."""

    title: str
    commenter: str
    organization: str | None
    appendix_heading: str | None

    @classmethod
    def of(cls, submission: Submission, document: Document) -> Facts:
        heading = next(
            (plain_text(b.heading) for b in document.blocks if isinstance(b, Appendix)), None
        )
        commenter = submission.commenter
        return cls(submission.title, commenter.name, commenter.organization, heading)


@dataclass
class Rendered:
    """The staged files of one render, by format, and where diagnostics go."""

    profile: Profile
    files: Mapping[str, Path]
    facts: Facts
    diags: Diagnostics
    where: Location
    pdf: RenderedPdf | None = field(init=False)

    def __post_init__(self) -> None:
        path = self.files.get("pdf")
        self.pdf = RenderedPdf(path, self.facts.appendix_heading) if path else None

    def broken(self, rule: BaseRule, code: str, message: str) -> None:
        text = f"{message} ({rule.source})"
        self.diags.add(rule.severity, code, text, self.where)


def check_rendered(rendered: Rendered) -> None:
    """Every rule of the profile that the rendered files can answer."""
    for rule in rendered.profile.rules:
        check = _CHECKS.get(type(rule))
        if check is None:
            continue
        needs_pdf = type(rule) is not FileSizeRule
        if needs_pdf and rendered.pdf is None:
            continue
        check(rule, rendered)


def _pdf(rendered: Rendered) -> RenderedPdf:
    assert rendered.pdf is not None, "check_rendered skips PDF rules without a PDF"
    return rendered.pdf


def check_pages(rule: PagesRule, rendered: Rendered) -> None:
    pdf = _pdf(rendered)
    count = pdf.pages if rule.scope == "whole" else pdf.body_pages
    if count > rule.max:
        what = "the PDF has" if rule.scope == "whole" else "before its appendix, the PDF has"
        message = f"{what} {count} pages; {rendered.profile.name} allows at most {rule.max}"
        rendered.broken(rule, "PD610", message)


def check_words(rule: WordsRule, rendered: Rendered) -> None:
    count = len(_WORD.findall(_pdf(rendered).text(rule.scope)))
    if count > rule.max:
        scope = "" if rule.scope == "whole" else " before the appendix"
        message = (
            f"the PDF has {count:,} words{scope}; "
            f"{rendered.profile.name} allows at most {rule.max:,}"
        )
        rendered.broken(rule, "PD619", message)


def check_font_size(rule: FontSizeRule, rendered: Rendered) -> None:
    pdf = _pdf(rendered)
    appendix = pdf.appendix_start if "appendix" in rule.exempt else None
    small = [
        run
        for run in pdf.runs
        if run.size < rule.minimum - 0.01
        and not ("superscripts" in rule.exempt and run.rise != 0)
        and not ("footer" in rule.exempt and run.y < FOOTER_ZONE)
        and not (appendix is not None and run.page >= appendix)
    ]
    if small:
        smallest = min(run.size for run in small)
        pages = _page_list(sorted({run.page + 1 for run in small}))
        message = (
            f"the PDF sets text in {smallest:g} pt on {pages}; "
            f"{rendered.profile.name} requires at least {rule.minimum:g} pt"
        )
        rendered.broken(rule, "PD611", message)


def check_file_size(rule: FileSizeRule, rendered: Rendered) -> None:
    for fmt, path in rendered.files.items():
        if fmt not in rendered.profile.attach:
            continue
        size = path.stat().st_size
        if size > rule.max_bytes:
            message = (
                f"the {fmt.upper()} is {size / 1_000_000:.1f} MB; "
                f"{rendered.profile.name} allows at most {rule.max_mb:g} MB per file"
            )
            rendered.broken(rule, "PD612", message)


def check_not_copy_protected(rule: NotCopyProtectedRule, rendered: Rendered) -> None:
    if _pdf(rendered).encrypted:
        message = f"the PDF is encrypted; {rendered.profile.name} asks for files not copy-protected"
        rendered.broken(rule, "PD614", message)


def check_searchable_text(rule: SearchableTextRule, rendered: Rendered) -> None:
    pdf = _pdf(rendered)
    text = "" if pdf.encrypted else pdf.text()
    if not text.strip():
        name = rendered.profile.name
        message = f"no text can be extracted from the PDF; {name} needs searchable text"
        rendered.broken(rule, "PD615", message)
    elif not pdf.prints(rendered.facts.title):
        message = (
            "the PDF's extracted text does not contain the letter's title; "
            f"{rendered.profile.name} needs searchable text"
        )
        rendered.broken(rule, "PD615", message)


def check_statement(rule: StatementRule, rendered: Rendered) -> None:
    if not _pdf(rendered).prints(rule.text):
        shown = rule.text if len(rule.text) <= 60 else rule.text[:57] + "..."
        message = (
            f"the PDF lacks the statement {rendered.profile.name} requires: '{shown}' "
            "(a template of your own needs the profile.statements block; see docs/templates.md)"
        )
        rendered.broken(rule, "PD616", message)


def check_submitter(rule: SubmitterRule, rendered: Rendered) -> None:
    pdf = _pdf(rendered)
    facts = rendered.facts
    values = {"name": facts.commenter, "organization": facts.organization}
    top = rule.where == "top"
    first = "\n".join(pdf.texts[0].splitlines()[: rule.top_lines]) if top and pdf.texts else ""
    place = "at the top of page 1" if top else "anywhere in the PDF"
    for name in rule.fields:
        value = values[name]
        if value and not (contains(first, value) if top else pdf.prints(value)):
            message = (
                f"the commenter's {name} '{value}' is not printed {place}; "
                f"{rendered.profile.name} requires the submitter's {name}"
            )
            rendered.broken(rule, "PD617", message)


def check_page_numbers(rule: PageNumbersRule, rendered: Rendered) -> None:
    pdf = _pdf(rendered)
    missing = [n for n, text in enumerate(pdf.texts, start=1) if not _numbered(text, n)]
    if missing:
        message = (
            f"no page number found on {_page_list(missing)}; "
            f"{rendered.profile.name} requires a page number on each page"
        )
        rendered.broken(rule, "PD618", message)


def _numbered(text: str, number: int) -> bool:
    """A line printing the page's number: "3", "- 3 -", "Page 3", "Page 3 of 12", "3 of 12"."""
    pattern = re.compile(rf"^(page\s+)?[-–—]?\s*{number}\s*[-–—]?(\s+of\s+\d+)?$")
    return any(pattern.match(normalize(line)) for line in text.splitlines())


def _page_list(pages: Sequence[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:8]) + (", ..." if len(pages) > 8 else "")
    return f"page {shown}" if len(pages) == 1 else f"pages {shown}"


_CHECKS: dict[type[Any], Callable[[Any, Rendered], None]] = {
    PagesRule: check_pages,
    WordsRule: check_words,
    FontSizeRule: check_font_size,
    FileSizeRule: check_file_size,
    NotCopyProtectedRule: check_not_copy_protected,
    SearchableTextRule: check_searchable_text,
    StatementRule: check_statement,
    SubmitterRule: check_submitter,
    PageNumbersRule: check_page_numbers,
}
