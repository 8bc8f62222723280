"""The DOCX's pages from a real layout: LibreOffice lays out the DOCX a render wrote, once.

A DOCX has no pages until a word processor lays it out, and that layout may differ from our
PDF's (a reference.docx's styles and fonts): its pages are never taken from the PDF. When an
agency profile that files the DOCX (``attach: [docx]``) has a page rule (``pages``,
``page-numbers``), or ``render --docx-pages`` asks, the staged DOCX is converted by
LibreOffice (``libreoffice.lay_out``: a scratch folder, a private user profile, a time
limit) and its page count becomes known: it goes
into the DOCX's docProps/app.xml, the manifest and render's summary line, and the profile's
page rules are checked on that layout as on the PDF. The cost is LibreOffice starting and
laying the letter out: a few seconds per render (about 2 for the bundled example).

Without LibreOffice, or when it fails, the DOCX's pages are not checked: a note says why
(PD622) and render shows no page count for it. A DOCX the profile does not file (the
bundled profiles attach the PDF) is not laid out unless asked, and needs no note. What the
DOCX's XML answers without a layout (a PAGE field in every section's footer or header) is
checked on every DOCX under a page rule, laid out or not.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pypdf.errors import PdfReadError

from policydraft.diagnostics import Diagnostics, Location
from policydraft.profiles.libreoffice import Layout, lay_out
from policydraft.profiles.pdf_reading import RenderedPdf
from policydraft.profiles.rendered import Rendered, RuleBook, check_docx_pages
from policydraft.profiles.verify import ProfileCheck

NOT_LAID_OUT = "PD622"


def has_page_rules(profile: RuleBook) -> bool:
    """Whether checking ``profile`` on a DOCX needs its pages (a ``pages`` or ``page-numbers``
    rule): a render then lays the DOCX out."""
    return any(getattr(rule, "reads_pages", False) for rule in profile.rules)


@dataclass
class DocxPages:
    """One DOCX laid out and checked: what the profile's rules found on it, and where
    diagnostics about it sit (the profile: line, or the DOCX when there is no profile)."""

    rules: ProfileCheck | None
    where: Location
    libreoffice: bool = True  # False: only what the XML answers, pages "not laid out"
    found: Diagnostics = field(default_factory=Diagnostics)

    def __call__(self, docx: Path) -> int | None:
        """Lay ``docx`` out and check the page rules on it; its page count, or None when
        it was not (asked to be) laid out (a note then says why)."""
        if not self.libreoffice:
            self._check(docx, None)
            return None
        with tempfile.TemporaryDirectory(prefix="policydraft-pages-") as scratch:
            layout = _counted(lay_out(docx, Path(scratch)))
            if layout.pdf is None:
                self._not_laid_out(layout.why_not)
                self._check(docx, None)
                return None
            facts = self.rules.facts if self.rules is not None else None
            pages = RenderedPdf(layout.pdf, facts.appendix_heading if facts else None)
            self._check(docx, pages)
            return pages.pages

    def _check(self, docx: Path, layout: RenderedPdf | None) -> None:
        rules = self.rules
        if rules is None:
            return
        rendered = Rendered(rules.profile, {"docx": docx}, rules.facts, self.found, self.where)
        check_docx_pages(rendered, layout)

    def _not_laid_out(self, why: str) -> None:
        if self.rules is None:
            what = "the DOCX's pages were not counted"
        else:
            what = (
                f"the DOCX's pages were not checked against {self.rules.profile.name}'s page rules"
            )
        message = f"{what}: {why}; render shows them as not laid out"
        self.found.note(NOT_LAID_OUT, message, self.where)


def _counted(layout: Layout) -> Layout:
    """``layout``, or none when LibreOffice's PDF cannot be read back."""
    if layout.pdf is None:
        return layout
    try:
        RenderedPdf(layout.pdf).pages  # noqa: B018 (read to see that it can be)
    except (PdfReadError, OSError, ValueError) as exc:
        return Layout(None, f"LibreOffice's PDF of it cannot be read ({exc})")
    return layout
