"""The pictures in a reference.docx's header or footer (a firm's logo), for the PDF to draw.

Word places a picture (``w:drawing``) either in the line of its paragraph (``wp:inline``)
or anchored at an offset or alignment within the page, its margins or its paragraph
(``wp:anchor``); its size is ``wp:extent`` in EMU, and ``a:blip r:embed`` names the image
part through the header part's relationships. The PDF draws PNG and JPEG pictures at that
size and place on every page; anything else (EMF, SVG, a VML ``w:pict``, an image too
large) is left out with a note. An inline picture is placed as the header's (or footer's)
first line would be: its top at the header distance (its bottom at the footer distance),
across by its paragraph's alignment.

The package has passed ``check_reference_docx`` (bounded parts); the image is opened with
Pillow, which reads only its header to tell its format and pixel size.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator

from lxml import etree
from PIL import Image, UnidentifiedImageError

from policydraft.typography import PageFormat, RunningPicture
from policydraft.wordml.package import R_NS, WordPackage
from policydraft.wordml.styles import w

EMU_PER_POINT = 12700
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
FORMATS = frozenset({"PNG", "JPEG"})
MAX_IMAGE_BYTES = 5_000_000
MAX_PIXELS = 25_000_000  # 5,000 x 5,000: a logo at 600 dpi across a whole page is less


def running_pictures(
    parts: WordPackage, name: str, kind: str, page: PageFormat
) -> tuple[tuple[RunningPicture, ...], tuple[str, ...]]:
    """The pictures the PDF draws from header or footer part ``name``, and notes on the rest."""
    root = parts.xml(name)
    targets = _image_targets(parts, name)
    pictures: list[RunningPicture] = []
    notes: list[str] = []
    for paragraph, drawing in _drawings(root):
        placed = _picture(parts, targets, paragraph, drawing, kind, page)
        if isinstance(placed, str):
            notes.append(f"the picture in reference.docx's {kind} ({name}) {placed}")
        else:
            pictures.append(placed)
    if root.find(f".//{w('pict')}") is not None:
        notes.append(f"reference.docx's {kind} ({name}) has a VML picture, which the PDF omits")
    return tuple(pictures), tuple(notes)


def _drawings(root: etree._Element) -> Iterator[tuple[etree._Element, etree._Element]]:
    """Each ``w:drawing`` with the paragraph holding it."""
    for paragraph in root.iter(w("p")):
        for drawing in paragraph.iter(w("drawing")):
            yield paragraph, drawing


def _image_targets(parts: WordPackage, name: str) -> dict[str, str]:
    """Relationship id -> part name, from the header or footer part's own relationships."""
    folder, file_name = posixpath.split(name)
    rels = f"{folder}/_rels/{file_name}.rels"
    if rels not in parts.names:
        return {}
    found = {}
    for rel in parts.xml(rels).findall(f"{{{_PKG}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = str(rel.get("Target", ""))
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[str(rel.get("Id"))] = posixpath.normpath(part)
    return found


def _picture(
    parts: WordPackage,
    targets: dict[str, str],
    paragraph: etree._Element,
    drawing: etree._Element,
    kind: str,
    page: PageFormat,
) -> RunningPicture | str:
    """One drawing as the PDF draws it, or why it cannot (completing a sentence)."""
    frame = drawing.find(f"{{{WP}}}inline")
    if frame is None:
        frame = drawing.find(f"{{{WP}}}anchor")
    blip = drawing.find(f".//{{{A}}}blip")
    extent = frame.find(f"{{{WP}}}extent") if frame is not None else None
    if frame is None or blip is None or extent is None:
        return "is not an embedded image, which the PDF omits"
    part = targets.get(blip.get(f"{{{R_NS}}}embed", ""))
    if part is None or part not in parts.names:
        return "is linked, not embedded, so the PDF omits it"
    data = parts.archive.read(part)
    problem = _image_problem(part, data)
    if problem is not None:
        return problem
    width, height = _emu(extent.get("cx")), _emu(extent.get("cy"))
    if not (0 < width <= page.width and 0 < height <= page.height):
        return f"is {width:g} x {height:g} pt, which does not fit the page, so the PDF omits it"
    if frame.tag == f"{{{WP}}}anchor":
        left, top = _anchored(frame, width, height, page)
    else:
        left, top = _inline(paragraph, width, height, kind, page)
    return RunningPicture(data, left, top, width, height)


def _image_problem(part: str, data: bytes) -> str | None:
    """Why the PDF cannot draw image part ``part`` (None when it can)."""
    if len(data) > MAX_IMAGE_BYTES:
        return f"({part}) is {len(data):,} bytes, more than {MAX_IMAGE_BYTES:,}; the PDF omits it"
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (columns, rows) = image.format, image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return f"({part}) is not an image the PDF can read (PNG or JPEG), so it omits it"
    if kind not in FORMATS:
        return f"({part}) is {kind}; the PDF draws PNG and JPEG pictures only and omits it"
    if columns * rows > MAX_PIXELS:
        return f"({part}) has {columns} x {rows} pixels, too many; the PDF omits it"
    return None


def _emu(value: str | None) -> float:
    """A length in EMU (English Metric Units), in points; 0 when missing or unreadable."""
    try:
        return int(value or "0") / EMU_PER_POINT
    except ValueError:
        return 0.0


def _inline(
    paragraph: etree._Element, width: float, height: float, kind: str, page: PageFormat
) -> tuple[float, float]:
    """Where an inline picture sits: on the first line of its header or footer."""
    jc = paragraph.find(f"{w('pPr')}/{w('jc')}")
    align = jc.get(w("val"), "left") if jc is not None else "left"
    inner = page.width - page.left - page.right
    shift = {"center": (inner - width) / 2, "right": inner - width, "end": inner - width}
    left = page.left + shift.get(align, 0.0)
    if kind == "header":
        return left, page.header_distance
    return left, page.height - page.footer_distance - height


def _anchored(
    frame: etree._Element, width: float, height: float, page: PageFormat
) -> tuple[float, float]:
    """Where an anchored picture sits: an offset or an alignment within its reference area."""
    across = {
        "page": (0.0, page.width),
        "leftMargin": (0.0, page.left),
        "rightMargin": (page.width - page.right, page.width),
    }
    down = {
        "page": (0.0, page.height),
        "topMargin": (0.0, page.top),
        "bottomMargin": (page.height - page.bottom, page.height),
    }
    margins_across = (page.left, page.width - page.right)
    left = _position(frame.find(f"{{{WP}}}positionH"), across, margins_across, width)
    position = frame.find(f"{{{WP}}}positionV")
    from_margin = position is not None and position.get("relativeFrom") == "margin"
    top_area = (page.top if from_margin else page.header_distance, page.height - page.bottom)
    top = _position(position, down, top_area, height)  # else paragraph or line: the header's
    return left, top


def _position(
    position: etree._Element | None,
    areas: dict[str, tuple[float, float]],
    otherwise: tuple[float, float],
    size: float,
) -> float:
    """The start of a picture ``size`` long placed by ``position`` in its reference area."""
    if position is None:
        return otherwise[0]
    start, end = areas.get(position.get("relativeFrom", ""), otherwise)
    offset = position.find(f"{{{WP}}}posOffset")
    if offset is not None:
        return start + _emu(offset.text)
    align = position.find(f"{{{WP}}}align")
    where = align.text if align is not None else ""
    if where in ("center",):
        return start + (end - start - size) / 2
    if where in ("right", "bottom", "outside"):
        return end - size
    return start
