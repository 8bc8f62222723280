"""The signature block and the letterhead (docs/submission-format.md, "Signature, letterhead").

Both come from policydraft.yaml, not from Markdown, so they hold plain strings rather than
inline trees (like the signatory appendix) and no other node. Pictures (a scanned signature,
a logo) are already read and checked when the tree is built: a writer gets their bytes and
the size to print them at, and never opens a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from policydraft.model.figure import FigureImage

SignatureLayout = Literal["stacked", "side-by-side"]
MAX_SIDE_BY_SIDE = 3
"""More signers than this do not fit across a page; they are stacked instead."""


@dataclass(frozen=True, slots=True)
class Picture:
    """An image printed at a fixed size (points): a signature or a letterhead's logo."""

    image: FigureImage = field(repr=False)
    width: float
    height: float
    description: str  # the alt text: "Signature of Jane Roe", "Logo of Acme"


@dataclass(frozen=True, slots=True)
class SignerBlock:
    """One signer as printed: the picture, the conformed "/s/ Name" line, the name, then
    ``lines`` (title, organization, e-mail), each on a line of its own."""

    name: str
    lines: tuple[str, ...] = ()
    conformed: bool = False
    picture: Picture | None = None

    @property
    def conformed_line(self) -> str:
        """The line a conformed signature prints above the name ("/s/ Jane Roe")."""
        return f"/s/ {self.name}"

    def printed_lines(self) -> tuple[str, ...]:
        """The lines under the picture, in order."""
        first = (self.conformed_line,) if self.conformed else ()
        return (*first, self.name, *self.lines)


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """The signers under the closing, side by side (two or three) or stacked, then the
    firm's or organization's block (name, address, phone, counsel's e-mail), one line each."""

    signers: tuple[SignerBlock, ...]
    layout: SignatureLayout = "stacked"
    firm: tuple[str, ...] = ()

    def picture_room(self) -> float:
        """The height of the tallest signature picture: side by side, a signer without one
        leaves this much room above the lines, so that the names stand on one line."""
        return max((s.picture.height for s in self.signers if s.picture is not None), default=0)


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What the first page prints at its top, above the margin: a logo, then text lines.

    The DOCX puts it in the first section's first-page header; the PDF draws it on page 1;
    HTML prints it as the page's header. Placed first in the document by the composer.
    """

    lines: tuple[str, ...] = ()
    picture: Picture | None = None
