"""What every agency rule is: its fields, its line in ``profiles show``, and its hooks.

A rule is one pydantic class: the fields a profile writes under ``rule: <name>``, and the
methods below, each doing nothing unless the rule overrides it. Where a rule is checked is
where it overrides a hook: at set-up (the profile's own terms, before anything is rendered),
on every attached file, on the PDF as the agency will receive it, on the portal's comment box,
or on the type the letter is set in. The registry in ``profiles/rules/__init__.py`` lists every
rule class; the profile schema and ``profiles show`` are derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from policydraft.diagnostics import Diagnostics, Location
from policydraft.profiles.rendered import Rendered, RuleBook

if TYPE_CHECKING:  # pypdf is imported where a PDF is read, not when a profile loads
    from policydraft.profiles.pdf_reading import RenderedPdf

# The range of a rule's numbers: finite (no .inf or .nan), positive, and no larger than any
# agency could mean. A profile is often someone else's file; ``minimum: .inf`` was an
# OverflowError when the type size became half-points.
MAX_PAGES = 10_000
MAX_WORDS = 10_000_000  # words, and characters of a comment box
MAX_FONT_SIZE = 72  # points
MAX_FILE_MB = 100_000  # 100 GB
MAX_ATTACHMENTS = 1_000
MAX_TOP_LINES = 1_000

HOOKS = {
    "check_setup": "at set-up, on the profile's own terms",
    "check_files": "on every attached file",
    "check_pdf": "on the rendered PDF",
    "check_docx": "on the rendered DOCX (its pages as LibreOffice lays them out)",
    "comment_limit": "on the comment box's text",
    "min_font_size": "on the type the letter is set in",
}
"""Each hook a rule may override, and where a rule that overrides it is checked."""


@dataclass(frozen=True)
class SetUp:
    """What a rule checks at set-up, right after the profile loads: the profile (its name and
    what it attaches), and where diagnostics go."""

    profile: RuleBook
    diags: Diagnostics
    where: Location  # the profile: line of policydraft.yaml


class BaseRule(BaseModel):
    """What every rule has: where it comes from, how the profile reads it, how bad a breach is."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=False)

    codes: ClassVar[tuple[str, ...]] = ()
    """The diagnostic codes the rule's checks raise."""

    reads_pages: ClassVar[bool] = False
    """Whether checking the rule on a DOCX needs its pages: a render then has LibreOffice
    lay the DOCX out (``profiles/docx_pages.py``)."""

    rule: str  # each rule narrows it to its own name, the union's tag
    source: str = Field(min_length=1)  # the citation: "90 Fed. Reg. 9088 (Feb. 6, 2025)"
    summary: str | None = (
        None  # the rule in the agency's terms, paraphrased; shown by `profiles show`
    )
    reading: str | None = None
    severity: Literal["error", "warning"] = "error"

    def demands(self) -> str:
        """One line saying what the rule demands, in the agency's terms (``profiles show``)."""
        raise NotImplementedError(f"the {self.rule} rule does not say what it demands")

    def check_setup(self, setup: SetUp) -> None:
        """Check the profile's own terms (what it attaches) before anything is rendered."""

    def check_files(self, rendered: Rendered) -> None:
        """Check every rendered file the profile attaches."""

    def check_pdf(self, rendered: Rendered, pdf: RenderedPdf) -> None:
        """Check the PDF as the agency will receive it (written to a scratch folder if the
        render makes none)."""

    def check_docx(self, rendered: Rendered, layout: RenderedPdf | None) -> None:
        """Check the DOCX ``rendered.files["docx"]``: its own XML, and ``layout``, its pages
        as LibreOffice lays it out (None when it could not be laid out)."""

    def comment_limit(self) -> int | None:
        """The most characters the portal's comment box takes, if the rule sets a limit."""
        return None

    def min_font_size(self) -> float | None:
        """The smallest type the rule allows, if any: the letter is set in at least that."""
        return None

    def broken(self, found: SetUp | Rendered, code: str, message: str) -> None:
        """Report a breach of this rule, at its severity, citing its source."""
        found.diags.add(self.severity, code, f"{message} ({self.source})", found.where)

    @classmethod
    def checked_on(cls) -> list[str]:
        """Where the rule is checked: the hooks it overrides, described."""
        return [where for hook, where in HOOKS.items() if hook in _overridden(cls)]


def _overridden(cls: type[BaseRule]) -> set[str]:
    return {hook for hook in HOOKS if getattr(cls, hook) is not getattr(BaseRule, hook)}
