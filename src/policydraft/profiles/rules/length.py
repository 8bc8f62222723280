"""How long a comment may be: pages and words, of the whole PDF or of the pages before the
appendix (``scope: body``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from policydraft.profiles.rendered import Rendered
from policydraft.profiles.rules.base import MAX_PAGES, MAX_WORDS, BaseRule

if TYPE_CHECKING:  # pypdf is imported where a PDF is read, not when a profile loads
    from policydraft.profiles.pdf_reading import RenderedPdf

Scope = Literal["whole", "body"]
"""What a page or word limit counts: every page, or only the pages before the appendix."""

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


class PagesRule(BaseRule):
    """At most ``max`` pages, counted in the PDF and in the DOCX as LibreOffice lays it out."""

    codes: ClassVar[tuple[str, ...]] = ("PD610",)
    reads_pages: ClassVar[bool] = True
    rule: Literal["pages"]
    max: int = Field(gt=0, le=MAX_PAGES)
    scope: Scope = "whole"

    def demands(self) -> str:
        counted = "every page" if self.scope == "whole" else "pages before the appendix"
        return f"at most {self.max} pages ({counted})"

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        self._count(rendered, pdf, "the PDF")

    def check_docx(self, rendered: Rendered, layout: RenderedPdf | None) -> None:
        if layout is not None:  # no layout: render notes the pages as not checked
            self._count(rendered, layout, "the DOCX, as LibreOffice lays it out,")

    def _count(self, rendered: Rendered, pages: RenderedPdf, subject: str) -> None:
        """``subject`` ("the PDF") has too many pages: a breach naming it and its count."""
        count = pages.pages if self.scope == "whole" else pages.body_pages
        if count > self.max:
            what = (
                f"{subject} has" if self.scope == "whole" else f"before its appendix, {subject} has"
            )
            message = f"{what} {count} pages; {rendered.profile.name} allows at most {self.max}"
            self.broken(rendered, "PD610", message)


class WordsRule(BaseRule):
    """At most ``max`` words in the PDF's extracted text."""

    codes: ClassVar[tuple[str, ...]] = ("PD619",)
    rule: Literal["words"]
    max: int = Field(gt=0, le=MAX_WORDS)
    scope: Scope = "whole"

    def demands(self) -> str:
        return f"at most {self.max:,} words" + (
            "" if self.scope == "whole" else " before the appendix"
        )

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        count = len(_WORD.findall(pdf.text(self.scope)))
        if count > self.max:
            scope = "" if self.scope == "whole" else " before the appendix"
            message = (
                f"the PDF has {count:,} words{scope}; "
                f"{rendered.profile.name} allows at most {self.max:,}"
            )
            self.broken(rendered, "PD619", message)
