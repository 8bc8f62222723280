"""ASCII85 for reportlab's streams, a whole stream at a time: the same text, ~10x sooner.

reportlab encodes every compressed stream (page contents, fonts, forms) in ASCII85 when it
writes the file. Without its optional C accelerator it does so with a pure-Python loop, a
few divisions per four bytes: the largest single function in a profile of writing a
100,000-signer PDF (its 1,600 appendix pages are 5 MB of streams). The standard library's
``base64.a85encode`` is faster but still runs Python code for every four bytes.

``ascii85`` does no Python work per four bytes: it treats all of a stream's 32-bit words at
once, as lanes of one big integer, whose arithmetic CPython does in C. The words are spread
to 64-bit lanes (strided slice assignment), so a lane's arithmetic never carries into the
next; each lane is divided by 85 four times by multiplying by a reciprocal and shifting
(exact for every 32-bit value: ``_RECIPROCAL``), masking off what the shift brings in from
the lane above. The five base-85 digits then come out as one sum (see ``ascii85``), one digit
per byte, ``!`` added; the lanes' three empty bytes are dropped by ``bytes.translate``.
What the format adds is done as ``base64.a85encode`` does it: ``z`` for a group of four zero
bytes, a short last group padded with zeros and cut to its length plus one. reportlab's
``~>`` end marker follows, as its own encoder writes it.

``use_fast_ascii85`` puts it in place of reportlab's Python encoder, once per process, and
only where that Python encoder is the one in use (an installed C accelerator is left alone).
The bytes of every PDF are unchanged (tests/writers/test_pdf_appendix_direct.py compares the
encoder with reportlab's and the standard library's).
"""

from __future__ import annotations

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc

# floor(w / 85) == (w * _RECIPROCAL) >> _SHIFT for every w below 2**32, since
# 2**_SHIFT <= _RECIPROCAL * 85 <= 2**_SHIFT + 2**(_SHIFT - 32) (Granlund and Montgomery,
# "Division by invariant integers using multiplication", 1994); the product fits 64 bits.
_RECIPROCAL = 0xC0C0C0C1
_SHIFT = 38
_QUOTIENT_LANE = b"\0\0\0\0\x03\xff\xff\xff"  # a quotient of a 32-bit word by 85 is < 2**26
_DIGITS_LANE = b"\0\0\0!!!!!"  # "!" (33) is digit 0
_ZERO_WORD = b"\0\0\0\0"


def ascii85(data: bytes | str) -> str:
    """``data`` in ASCII85 with the ``~>`` end marker, as reportlab's encoder writes it."""
    raw = data.encode("latin-1") if isinstance(data, str) else bytes(data)
    return a85encode(raw).decode("ascii") + "~>"


def a85encode(data: bytes) -> bytes:
    """``base64.a85encode(data)``, byte for byte (no folding of lines or spaces)."""
    padding = -len(data) % 4
    words = data + bytes(padding)
    count = len(words) // 4
    if not count:
        return b""
    lanes = bytearray(8 * count)  # word i in the low half of lane i, most significant first
    for byte in range(4):
        lanes[4 + byte :: 8] = words[byte::4]
    value = int.from_bytes(lanes, "big")
    mask = int.from_bytes(_QUOTIENT_LANE * count, "big")
    q1 = (value * _RECIPROCAL >> _SHIFT) & mask  # w // 85
    q2 = (q1 * _RECIPROCAL >> _SHIFT) & mask  # w // 85**2
    q3 = (q2 * _RECIPROCAL >> _SHIFT) & mask
    q4 = (q3 * _RECIPROCAL >> _SHIFT) & mask  # w // 85**4, the first digit
    # The digits d0..d4 (d4 = q4, dk = qk - 85 q(k+1)) one per byte of a lane,
    # sum(dk 256**k), are w + 171 (q1 + 256 q2 + 256**2 q3 + 256**3 q4): 171 = 256 - 85.
    spread = (((q4 << 8) + q3 << 8) + q2 << 8) + q1
    digits = value + 171 * spread + int.from_bytes(_DIGITS_LANE * count, "big")
    text = digits.to_bytes(8 * count, "big").translate(None, b"\0")
    whole = len(words) - 4 if padding else len(words)  # a short last group is never "z"
    text = _fold_zero_words(words, whole, text)
    return text[:-padding] if padding else text


def _fold_zero_words(words: bytes, whole: int, text: bytes) -> bytes:
    """``text`` with each group of an all-zero word among ``words[:whole]`` written ``z``.

    Compressed streams seldom hold one, so they are looked for with ``bytes.find``.
    """
    folded: list[bytes] = []
    done = 0  # groups of ``text`` already taken
    at = words.find(_ZERO_WORD, 0, whole)
    while at >= 0:
        if at % 4:  # four zero bytes across two words: look again from the next word
            at = words.find(_ZERO_WORD, at + 4 - at % 4, whole)
            continue
        group = at // 4
        folded += (text[5 * done : 5 * group], b"z")
        done = group + 1
        at = words.find(_ZERO_WORD, at + 4, whole)
    if not folded:
        return text
    folded.append(text[5 * done :])
    return b"".join(folded)


def use_fast_ascii85() -> None:
    """Have reportlab's stream filter use ``ascii85`` when it would use its Python loop."""
    python_encoder = getattr(rl_accel, "_py_asciiBase85Encode", None)
    if python_encoder is not None and pdfdoc.asciiBase85Encode is python_encoder:
        pdfdoc.asciiBase85Encode = ascii85
