"""Exhibits: documents filed behind the letter, and the letter's references to them.

An ``Exhibits`` block ends the letter (docs/submission-format.md, "Exhibits"). The composer
has already read and checked each file, so a writer gets bytes and never opens one: a PDF's
pages (a DOCX converted by LibreOffice is a PDF by then), an image's bytes, or nothing when
the file could not be converted and is only listed. The PDF appends each exhibit behind a
cover page; the DOCX and HTML list them. ``[Exhibit A]`` in a body is an ``ExhibitRef``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ExhibitKind = Literal["pdf", "image", "listed"]
"""How an exhibit is appended to the PDF: its pages, one page holding the image, or not at
all (a DOCX LibreOffice could not convert; it is filed beside the letter as it is)."""


def exhibit_anchor(label: str) -> str:
    """The name of an exhibit's cover in the PDF and HTML, which references link to."""
    return f"exhibit-{label}"


def exhibit_title(label: str, title: str) -> str:
    """What the cover page, the bookmark and the DOCX list print: "Exhibit A — title"."""
    return f"Exhibit {label} \u2014 {title}"


@dataclass(frozen=True, slots=True)
class ExhibitRef:
    """``[Exhibit A]`` in the letter: prints "Exhibit A", a link to its cover in the PDF."""

    label: str

    @property
    def text(self) -> str:
        return f"Exhibit {self.label}"


@dataclass(frozen=True, slots=True)
class Exhibit:
    """One exhibit: its label ("A"), title, file name as written, and what the PDF appends."""

    label: str
    title: str
    file: str
    kind: ExhibitKind
    data: bytes = field(default=b"", repr=False)  # the PDF's or the image's bytes

    @property
    def heading(self) -> str:
        return exhibit_title(self.label, self.title)


@dataclass(frozen=True, slots=True)
class Exhibits:
    """The exhibits behind the letter, in order; holds no other node."""

    exhibits: tuple[Exhibit, ...]
    heading: str = "Exhibits"
