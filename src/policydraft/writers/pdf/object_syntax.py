"""reportlab's writing of PDF objects at save, with its four smallest steps made cheaper.

A 100,000-signer letter has some 1,600 pages, each a page dictionary, a content stream and
the form of its "Page X of Y" footer: about 5,000 objects that reportlab formats one value
at a time through four module-level functions of ``reportlab.pdfbase.pdfdoc``, called
about 300,000 times in all:

- ``pdfdocEnc`` encodes each piece of text with the PDFDocEncoding codec, a Python codec
  looked up by name on every call; ``encode`` gives a text of printable ASCII, or ASCII
  with line breaks, the same bytes through the ASCII codec (the PDFDocEncoding of those
  characters is themselves; it has no code for 0x18-0x1F, which go to the codec, and so
  does anything else).
- ``format`` turns each value into bytes, trying its kinds in turn; ``format_value`` takes
  bytes and text, the commonest, by their exact type first, and leaves all else to it.
- ``PDFName`` writes each dictionary key as a name, a character at a time; ``name`` keeps
  the few keys a document uses (``/Type``, ``/Resources``, ...) once written.
- ``fp_str`` writes each number, in Python without reportlab's C accelerator; ``number``
  keeps the numbers written once (a page's size, a box, a font size), for the next page.

``use_fast_object_syntax`` puts these in place of reportlab's, once per process (an
installed C accelerator's ``fp_str`` is left alone); each gives
what the function it replaces gives, for any value (tests/writers/test_pdf_object_syntax.py
compares them on made-up values), so every file's bytes are unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc

_encode = pdfdoc.pdfdocEnc
_format = pdfdoc.format
_name = pdfdoc.PDFName
_number = pdfdoc.fp_str

_NOT_IN_PDFDOC = re.compile("[\x18-\x1f]")  # ASCII characters PDFDocEncoding has no code for


def encode(text: Any) -> Any:
    """``pdfdoc.pdfdocEnc``: text in PDFDocEncoding, bytes as they are."""
    if (
        type(text) is str
        and text.isascii()
        and (text.isprintable() or _NOT_IN_PDFDOC.search(text) is None)
    ):
        return text.encode("ascii")
    return _encode(text)


def format_value(element: Any, document: Any, toplevel: int = 0) -> Any:
    """``pdfdoc.format``: a value (an object, a number, bytes, text) as PDF syntax."""
    kind = type(element)
    if kind is bytes:
        return element
    if kind is str:
        return encode(element)
    return _format(element, document, toplevel)


_KEPT = 4096  # texts each table keeps: a document uses a few hundred names and numbers


class _Written(dict[Any, str]):
    """What ``write`` gives each value asked for, kept once written (emptied when it holds
    ``_KEPT``, so memory stays flat whatever a document holds)."""

    def __init__(self, write: Any) -> None:
        super().__init__()
        self.write = write

    def __missing__(self, value: Any) -> str:
        if len(self) >= _KEPT:
            self.clear()
        written: str = self.write(value)
        self[value] = written
        return written


_names = _Written(_name)
_numbers = _Written(_number)


def name(data: Any, *args: Any, **kwargs: Any) -> Any:
    """``pdfdoc.PDFName``: ``data`` as a PDF name, ``/`` and the characters escaped."""
    if args or kwargs or type(data) is not str:
        return _name(data, *args, **kwargs)
    return _names[data]


def number(*args: Any) -> Any:
    """``pdfdoc.fp_str``: numbers as PDF writes them. Its text depends on a number's value
    alone, so an integer and the equal float share what is kept."""
    if len(args) != 1 or type(args[0]) not in (int, float):
        return _number(*args)
    return _numbers[args[0]]


def use_fast_object_syntax() -> None:
    """Have reportlab's document formatting call ``encode``, ``format_value``, ``name`` and
    ``number`` (where its own functions are still in place)."""
    if pdfdoc.pdfdocEnc is _encode:
        pdfdoc.pdfdocEnc = encode
    if pdfdoc.format is _format:
        pdfdoc.format = format_value
    if pdfdoc.PDFName is _name:
        pdfdoc.PDFName = name
    if pdfdoc.fp_str is _number and _number is getattr(rl_accel, "_py_fp_str", None):
        pdfdoc.fp_str = number
