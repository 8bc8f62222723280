"""ASCII85 for reportlab's streams, from the standard library: the same text, 6x sooner.

reportlab encodes every compressed stream (page contents, fonts, forms) in ASCII85 when it
writes the file. Without its optional C accelerator it does so with a pure-Python loop, a
few divisions per four bytes: the largest single function in a profile of writing a
100,000-signer PDF (its 1,600 appendix pages are 5 MB of streams). ``base64.a85encode``
makes the same characters (``z``
for a group of four zero bytes, a short last group cut to its length plus one) much faster;
reportlab then adds the ``~>`` end marker itself, as its own encoder does.

``use_fast_ascii85`` puts it in place of reportlab's Python encoder, once per process, and
only where that Python encoder is the one in use (an installed C accelerator is left alone).
The bytes of every PDF are unchanged (tests/writers/test_pdf_ascii85.py compares the two).
"""

from __future__ import annotations

import base64

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc


def ascii85(data: bytes | str) -> str:
    """``data`` in ASCII85 with the ``~>`` end marker, as reportlab's encoder writes it."""
    raw = data.encode("latin-1") if isinstance(data, str) else bytes(data)
    return base64.a85encode(raw).decode("ascii") + "~>"


def use_fast_ascii85() -> None:
    """Have reportlab's stream filter use ``ascii85`` when it would use its Python loop."""
    python_encoder = getattr(rl_accel, "_py_asciiBase85Encode", None)
    if python_encoder is not None and pdfdoc.asciiBase85Encode is python_encoder:
        pdfdoc.asciiBase85Encode = ascii85
