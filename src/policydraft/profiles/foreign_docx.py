"""An agency profile's rules on a Word document made anywhere (``policydraft verify``).

Pages exist only once a word processor lays the document out. With LibreOffice installed,
the document is laid out into a scratch PDF and every rule is checked on that PDF, as on one
of ours; each message then says it is about LibreOffice's layout (Word's may differ a little).
Without it, the rules that need pages (pages, page numbers) are reported as not checked,
naming why; the text rules read the document's own text, and the type-size rule reads each
run's size through the styles it inherits (``docx_reading``).
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from policydraft.diagnostics import Diagnostics
from policydraft.profiles.docx_reading import DocxContent, UnreadableDocx, read_docx
from policydraft.profiles.foreign_pdf import verify_pdf
from policydraft.profiles.libreoffice import lay_out
from policydraft.profiles.pdf_reading import RenderedPdf
from policydraft.profiles.rendered import Rendered, check_rendered
from policydraft.profiles.rules import (
    FontSizeRule,
    PageNumbersRule,
    PagesRule,
    SearchableTextRule,
    StatementRule,
    SubmitterRule,
    WordsRule,
)

LAID_OUT = "as LibreOffice lays the DOCX out, "
TEXT_RULES = (StatementRule, SubmitterRule, SearchableTextRule, WordsRule)
"""The rules a document's text answers without a layout."""
PAGE_RULES = (PagesRule, PageNumbersRule)
"""The rules only a layout answers."""
FILE_SIZE_CODE = "PD612"


class DocxText(RenderedPdf):
    """A Word document's text, read as the text rules read a PDF's: one page of text."""

    def __init__(self, path: Path, text: str) -> None:
        super().__init__(path, None)
        self.whole = text

    @property
    def encrypted(self) -> bool:
        return False

    @property
    def pages(self) -> int:
        return 1

    @cached_property
    def _read(self) -> list[tuple[str, str]]:
        return [(self.whole, self.whole)]

    @cached_property
    def appendix_start(self) -> int | None:
        return None


def verify_docx(rendered: Rendered) -> None:
    """The profile's rules on the DOCX ``rendered.files["docx"]``."""
    path = rendered.files["docx"]
    try:
        content = read_docx(path)
    except UnreadableDocx as problem:
        message = f"{rendered.where.file} is not a readable Word document: {problem}"
        rendered.diags.error("PD631", message, rendered.where)
        return
    with tempfile.TemporaryDirectory(prefix="policydraft-verify-") as scratch:
        layout = lay_out(path, Path(scratch))
        if layout.pdf is not None:
            _check_layout(rendered, layout.pdf)
            return
    _check_unlaid(rendered, content, layout.why_not)


def _check_layout(rendered: Rendered, pdf: Path) -> None:
    """Every rule on LibreOffice's PDF of the document; each message says so."""
    found = Diagnostics()
    verify_pdf(replace(rendered, diags=found, laid_out=pdf))
    for item in found.items:
        laid_out = item.code != FILE_SIZE_CODE and not item.message.startswith(rendered.where.file)
        message = LAID_OUT + item.message if laid_out else item.message
        rendered.diags.add(item.severity, item.code, message, rendered.where)


def _check_unlaid(rendered: Rendered, content: DocxContent, why: str) -> None:
    """Without a layout: the file's size, its text, its type sizes; pages not checked."""
    check_rendered(rendered)  # no PDF: the checks on every file (its size) only
    text = DocxText(rendered.files["docx"], content.text)
    unchecked = []
    for rule in rendered.profile.rules:
        if isinstance(rule, TEXT_RULES):
            rule.check_pdf(rendered, text)
        elif isinstance(rule, FontSizeRule):
            _check_sizes(rendered, rule, content)
        elif isinstance(rule, PAGE_RULES):
            unchecked.append(rule.rule)
    if unchecked:
        message = (
            f"the {' and '.join(unchecked)} rules are not checked: {why}; "
            "type sizes are read from the document's styles and runs instead"
        )
        rendered.diags.warning("PD632", message, rendered.where)


def _check_sizes(rendered: Rendered, rule: FontSizeRule, content: DocxContent) -> None:
    """The type-size rule on each run's effective size, naming the styles that set it."""
    small = [
        run
        for run in content.runs
        if run.size < rule.minimum - 0.01
        and not ("superscripts" in rule.exempt and run.superscript)
        and not ("footer" in rule.exempt and "/footer" in run.part)
    ]
    if not small:
        return
    smallest = min(run.size for run in small)
    styles = sorted({run.style for run in small if run.size == smallest})
    shown = ", ".join(styles[:5]) + (", ..." if len(styles) > 5 else "")
    message = (
        f"the DOCX sets text in {smallest:g} pt (style {shown}); "
        f"{rendered.profile.name} requires at least {rule.minimum:g} pt"
    )
    rule.broken(rendered, "PD611", message)
