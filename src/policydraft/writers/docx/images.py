"""Pictures in a DOCX: an image part related to the part that shows it, and the run that
shows it (``w:drawing`` holding a ``wp:inline``).

The image must be related from the part whose XML shows it (the body, a header), so the
caller passes that python-docx part. python-docx stores each distinct image once
(``/word/media/imageN.png``) and names it by its order, so the same tree gives the same bytes.
"""

from __future__ import annotations

import io
from typing import Any

from docx.shared import Emu
from lxml import etree

from policydraft.model import FigureImage
from policydraft.writers.docx.oxml import sub

EMU_PER_POINT = 12700


def add_picture_run(
    paragraph: etree._Element,
    part: Any,
    image: FigureImage,
    size: tuple[float, float],
    description: str,
) -> etree._Element:
    """Append to ``paragraph`` a run showing ``image`` at ``size`` (points), in the line.

    ``part`` is the python-docx part that holds ``paragraph`` (document or header part);
    ``description`` is the picture's alt text (``wp:docPr/@descr``).
    """
    width, height = (Emu(round(points * EMU_PER_POINT)) for points in size)
    inline = part.new_pic_inline(io.BytesIO(image.data), width, height)
    inline.docPr.set("descr", description)
    run = sub(paragraph, "r")
    sub(run, "drawing").append(inline)
    return run
