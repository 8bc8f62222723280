"""How small the type may be: the one rule that changes how the letter is set, not only how
it is checked."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from policydraft.profiles.rendered import Rendered, page_list
from policydraft.profiles.rules.base import MAX_FONT_SIZE, BaseRule

if TYPE_CHECKING:  # pypdf is imported where a PDF is read, not when a profile loads
    from policydraft.profiles.pdf_reading import RenderedPdf

Zone = Literal["superscripts", "footer", "appendix"]
"""Text a font-size rule can exempt: note marks, the page-number line, the signatory list."""


class FontSizeRule(BaseRule):
    """Type of at least ``minimum`` points: the letter is set so, then every text run of the
    PDF is measured (``exempt`` zones aside)."""

    codes: ClassVar[tuple[str, ...]] = ("PD611",)
    rule: Literal["font-size"]
    minimum: float = Field(gt=0, le=MAX_FONT_SIZE, allow_inf_nan=False)
    exempt: list[Zone] = Field(default_factory=lambda: list[Zone](["superscripts"]))

    def demands(self) -> str:
        spared = f" (exempt: {', '.join(self.exempt)})" if self.exempt else ""
        return f"type of at least {self.minimum:g} pt{spared}"

    def min_font_size(self) -> float:
        return self.minimum

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        from policydraft.profiles.pdf_reading import FOOTER_ZONE

        appendix = pdf.appendix_start if "appendix" in self.exempt else None
        small = [
            run
            for run in pdf.runs
            if run.size < self.minimum - 0.01
            and not ("superscripts" in self.exempt and run.rise != 0)
            and not ("footer" in self.exempt and run.y < FOOTER_ZONE)
            and not (appendix is not None and run.page >= appendix)
        ]
        if small:
            smallest = min(run.size for run in small)
            pages = page_list(sorted({run.page + 1 for run in small}))
            message = (
                f"the PDF sets text in {smallest:g} pt on {pages}; "
                f"{rendered.profile.name} requires at least {self.minimum:g} pt"
            )
            self.broken(rendered, "PD611", message)
