"""policydraft.yaml's ``signature:``, ``firm:`` and ``letterhead:`` -> tree nodes.

The signature block is a slot the template places (``{{ signature_block }}``), like the
signatory appendix; templates that still print ``::: signature`` with ``{% for signer in
signature %}`` keep working: ``signature`` is still the list of signers. The letterhead is
not placed by the template: it is the first page's top, so it is put first in the document.
Pictures are read here, once, and checked: inside the folder (PD140), a PNG or JPEG within
the image limits (PD141). See docs/submission-format.md.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from policydraft.diagnostics import Diagnostics, Location
from policydraft.limits import IMAGE_BYTES, IMAGE_PIXELS
from policydraft.model import (
    MAX_SIDE_BY_SIDE,
    FigureImage,
    Letterhead,
    Picture,
    SignatureBlock,
    SignerBlock,
)
from policydraft.model.figure import DEFAULT_DPI
from policydraft.readers.bounded import NamedFile, read_named
from policydraft.submission.load import LoadedSubmission
from policydraft.submission.schema import Signer

SIGNATURE_BOX = (180.0, 54.0)
"""The largest a signature image prints (points): 2.5 by 0.75 inches, aspect kept."""
LOGO_BOX = (216.0, 72.0)
"""The largest a letterhead's logo prints (points): 3 by 1 inches, aspect kept."""
FORMATS = {"PNG": "png", "JPEG": "jpeg"}


SIGNATURE_IMAGE = NamedFile("image", "PD140", "PD141", IMAGE_BYTES)
"""A signature or letterhead picture: PD140 when it cannot be read, PD141 when too large."""


def build_signature(loaded: LoadedSubmission, diags: Diagnostics) -> SignatureBlock:
    """The signature block: the listed signers (else the commenter), then the firm's block."""
    submission = loaded.submission
    signers = tuple(
        _signer(loaded, index, signer, diags) for index, signer in enumerate(submission.signature)
    )
    if not signers:
        commenter = submission.commenter
        signers = (SignerBlock(commenter.name, _present(commenter.organization)),)
    layout = submission.signature_layout
    if layout == "side-by-side" and len(signers) > MAX_SIDE_BY_SIDE:
        message = (
            f"{len(signers)} signers cannot stand side by side (at most {MAX_SIDE_BY_SIDE}); "
            "they are stacked"
        )
        diags.note("PD142", message, loaded.locate("signature_layout"))
        layout = "stacked"
    return SignatureBlock(signers, layout, _firm(loaded, diags))


def _signer(
    loaded: LoadedSubmission, index: int, signer: Signer, diags: Diagnostics
) -> SignerBlock:
    if not signer.name.strip():
        where = loaded.locate("signature", index, "name")
        diags.error("PD143", f"signer {index + 1} has an empty name", where)
    picture = None
    if signer.image is not None:
        where = loaded.locate("signature", index, "image")
        description = f"Signature of {signer.name}"
        picture = read_picture(
            loaded.folder, signer.image, description, SIGNATURE_BOX, where, diags
        )
    lines = _present(signer.title, signer.organization, signer.email)
    return SignerBlock(signer.name, lines, signer.conformed, picture)


def _firm(loaded: LoadedSubmission, diags: Diagnostics) -> tuple[str, ...]:
    firm = loaded.submission.firm
    if firm is None:
        return ()
    if not firm.name.strip():
        diags.error("PD143", "the firm's name is empty", loaded.locate("firm", "name"))
    phone = f"Tel. {firm.phone}" if firm.phone else None
    return _present(firm.name, *firm.address, phone, firm.email)


def _present(*values: str | None) -> tuple[str, ...]:
    """The values that say something, in order."""
    return tuple(value for value in values if value and value.strip())


def build_letterhead(loaded: LoadedSubmission, diags: Diagnostics) -> Letterhead | None:
    """The first page's letterhead, or None when ``letterhead:`` is not given."""
    config = loaded.submission.letterhead
    if config is None:
        return None
    picture = None
    if config.image is not None:
        where = loaded.locate("letterhead", "image")
        owner = loaded.submission.commenter.organization or loaded.submission.commenter.name
        picture = read_picture(
            loaded.folder, config.image, f"Logo of {owner}", LOGO_BOX, where, diags
        )
    return Letterhead(_present(*config.lines), picture)


def read_picture(
    folder: Path,
    name: str,
    description: str,
    box: tuple[float, float],
    where: Location,
    diags: Diagnostics,
) -> Picture | None:
    """The image file ``name`` of the folder, sized to fit ``box``; None after a diagnostic."""
    data = _image_bytes(folder, name, where, diags)
    if data is None:
        return None
    image = _decoded(data)
    if isinstance(image, str):
        diags.error("PD141", f"image '{name}' {image}", where)
        return None
    width, height = _fitted(image.natural_size(), box)
    return Picture(image, width, height, description)


def _image_bytes(folder: Path, name: str, where: Location, diags: Diagnostics) -> bytes | None:
    return read_named(folder, name, SIGNATURE_IMAGE, where, diags)


def _decoded(data: bytes) -> FigureImage | str:
    """The image, fully decoded once (a truncated file fails here, not in a writer), or why
    it cannot be printed."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = FORMATS.get(str(image.format))
            if kind is None:
                return "is not a PNG or JPEG image"
            if image.width * image.height > IMAGE_PIXELS.value:
                return f"has more than {IMAGE_PIXELS.value:,} pixels"
            image.load()
            dpi = _dpi(image.info.get("dpi"))
            return FigureImage(data, kind, image.width, image.height, dpi)  # type: ignore[arg-type]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return "is not a PNG or JPEG image (or is damaged)"


def _dpi(stated: object) -> tuple[float, float]:
    if (
        isinstance(stated, tuple)
        and len(stated) == 2
        and all(isinstance(v, int | float) and v > 0 for v in stated)
    ):
        return float(stated[0]), float(stated[1])
    return DEFAULT_DPI, DEFAULT_DPI


def _fitted(size: tuple[float, float], box: tuple[float, float]) -> tuple[float, float]:
    """``size`` shrunk (never grown), aspect kept, to fit ``box``; rounded to 1/100 point."""
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    return round(size[0] * scale, 2), round(size[1] * scale, 2)
