"""A CSV list's bytes -> its text, in whatever encoding the tool that wrote it chose.

Tried in this order, each cheap before the next:

1. A UTF-16 byte-order mark: Excel's "Unicode Text" (UTF-16LE, tab-separated) and other
   Windows tools write one.
2. UTF-16 without a byte-order mark, told by its NUL bytes (see ``_utf16_without_bom``).
3. UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one).
4. A single-byte code page: Windows-1252 (what Excel's plain "CSV" writes on a Western
   European or American Windows) whenever it reads the file cleanly, else whatever
   charset-normalizer detects (Windows-1250 from Central Europe, 1251 Cyrillic, ...). Short
   samples fool open-ended detection (it may pick a Baltic code page for French names), so
   Windows-1252 is asked about first.

Anything but UTF-8 is reported (PD404, by the caller) with the encoding's usual name, so a
wrong guess shows: the names would look wrong.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from policydraft.diagnostics import Diagnostics, Location

_BOM = codecs.BOM_UTF8
_UTF16_BOMS = {codecs.BOM_UTF16_LE: "UTF-16LE", codecs.BOM_UTF16_BE: "UTF-16BE"}
_UTF16_SAMPLE = 1024  # bytes looked at to tell UTF-16 without a byte-order mark
_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with a byte-order mark)",
    "utf_16_le": "UTF-16LE (without a byte-order mark)",
    "utf_16_be": "UTF-16BE (without a byte-order mark)",
    "latin_1": "ISO-8859-1",
    "mac_roman": "Mac OS Roman",
}
_FAMILIES = (
    (re.compile(r"cp(125\d)"), "Windows-{}"),
    (re.compile(r"iso8859_(\d+)"), "ISO-8859-{}"),
)


@dataclass(frozen=True)
class Decoded:
    """A list's text, the codec that read it (``Table.encoding``) and its usual name."""

    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf_16", "utf_16_le", "cp1252", ...
    name: str  # "UTF-8", "UTF-16LE (with a byte-order mark)", "Windows-1252", ...

    @property
    def utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf-8-sig")


def decode(raw: bytes, shown: str, diags: Diagnostics) -> Decoded | None:
    """The text of ``raw``; None, with an error (PD403), when no encoding reads it."""
    for mark, name in _UTF16_BOMS.items():
        if raw.startswith(mark):
            try:
                return Decoded(raw.decode("utf_16"), "utf_16", f"{name} (with a byte-order mark)")
            except UnicodeDecodeError as exc:  # cut short (an odd length), or a lone surrogate
                message = f"{shown} starts as {name} but cannot be read as it: {exc.reason}"
                diags.error("PD403", message, Location(shown))
                return None
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return utf16
    try:
        encoding = "utf-8-sig" if raw.startswith(_BOM) else "utf-8"
        return Decoded(raw.decode("utf-8-sig"), encoding, _NAMES[encoding])
    except UnicodeDecodeError:
        pass
    return _single_byte(raw, shown, diags)


def encoding_name(encoding: str) -> str:
    """The usual name of a Python codec: "cp1252" -> "Windows-1252"."""
    if encoding in _NAMES:
        return _NAMES[encoding]
    for pattern, name in _FAMILIES:
        found = pattern.fullmatch(encoding)
        if found:
            return name.format(found[1])
    return encoding


def _single_byte(raw: bytes, shown: str, diags: Diagnostics) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1252"]).best() or from_bytes(raw).best()
    if best is None:
        diags.error(
            "PD403", f"{shown} is neither UTF-8 nor a recognised text encoding", Location(shown)
        )
        return None
    return Decoded(str(best), best.encoding, encoding_name(best.encoding))


def _utf16_without_bom(raw: bytes) -> Decoded | None:
    """The text of a UTF-16 file without a byte-order mark, else None.

    Such a file is valid UTF-8 when its text is ASCII (each letter followed, or preceded, by a
    NUL), so it would be read with its NULs stripped. A list's header is ASCII, so in its first
    KB nearly every other byte is a NUL, always on the same side (odd offsets little-endian,
    even ones big-endian); UTF-8 text with stray NULs has them on both sides or few.
    """
    sample = raw[:_UTF16_SAMPLE]  # an even number of bytes, as UTF-16 text is
    if len(raw) % 2 or raw.startswith(tuple(_UTF16_BOMS)) or not sample.count(0):
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    for nuls, other, encoding in ((odd, even, "utf_16_le"), (even, odd, "utf_16_be")):
        if 2 * nuls >= pairs and 8 * other <= nuls:
            try:
                return Decoded(raw.decode(encoding), encoding, _NAMES[encoding])
            except UnicodeDecodeError:  # a lone surrogate: not UTF-16 after all
                return None
    return None
