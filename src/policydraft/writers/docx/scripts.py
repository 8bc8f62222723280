"""Run properties that tell Word which script a run is in: direction, language, font slot.

Word picks a font and a shaping engine per run, from the run's properties and the
characters' ranges. A Hebrew or Arabic name needs ``w:rtl`` (read right to left, neutrals
such as its spaces included) and a complex-script language; Devanagari, Bengali, Tamil and
Thai are complex scripts (``w:cs``) with a language of their own; Chinese, Japanese and
Korean take an East Asian language, which chooses between their fonts and glyph forms. A run
in a complex script is set with the complex-script twins of bold and italic (``w:bCs``,
``w:iCs``), so those are added beside ``w:b`` and ``w:i``.

Chinese characters alone could be Chinese or Japanese: a text with kana is Japanese, with
Hangul Korean, and otherwise ``zh-CN``, the language of the CJK font the PDF uses (Droid
Sans Fallback draws Simplified Chinese forms), so both formats show the same glyphs.

Text in none of these scripts (nearly every name) costs one regular-expression search.
Elements follow CT_RPr's order in ECMA-376 (rStyle, rFonts, b, bCs, i, iCs, ..., rtl, cs,
em, lang).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, replace

from lxml import etree

from policydraft.writers.docx.oxml import XML_SPACE, needs_preserve, w, xml_text

_SPECIAL = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f"
    "\uac00-\ud7ff\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufefe\uff00-\uffef"
    "\U00020000-\U0003ffff]"
)


# a stretch up to and including the punctuation (and spaces) that end it; spaces alone do not
_SEPARATORS = r",;:/|()\[\]\uff0c\uff1b\u3001\u30fb"
_EAST_ASIAN_SEPARATED = re.compile(
    rf"[^{_SEPARATORS}]+(?:[{_SEPARATORS}]+\s*)?|[{_SEPARATORS}]+\s*"
)


@dataclass(frozen=True, slots=True)
class Script:
    """What a run in one script carries: right to left, complex, and its language."""

    rtl: bool
    complex: bool
    bidi_lang: str | None = None
    east_asia_lang: str | None = None


HEBREW = Script(rtl=True, complex=True, bidi_lang="he-IL")
ARABIC = Script(rtl=True, complex=True, bidi_lang="ar-SA")
HAN_LANGUAGE = "zh-CN"
"""Han text without kana or hangul: the Simplified Chinese forms the PDF's font draws, also
in the document defaults, whatever the letter's language (both formats show one glyph)."""
EAST_ASIAN = Script(rtl=False, complex=False, east_asia_lang=HAN_LANGUAGE)

_BLOCKS: tuple[tuple[int, int, Script], ...] = (
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x08FF, ARABIC),  # with Syriac, Thaana, N'Ko: right to left, Arabic's language
    (0x0900, 0x097F, Script(rtl=False, complex=True, bidi_lang="hi-IN")),
    (0x0980, 0x09FF, Script(rtl=False, complex=True, bidi_lang="bn-IN")),
    (0x0A00, 0x0B7F, Script(rtl=False, complex=True)),  # Gurmukhi, Gujarati, Oriya
    (0x0B80, 0x0BFF, Script(rtl=False, complex=True, bidi_lang="ta-IN")),
    (0x0C00, 0x0DFF, Script(rtl=False, complex=True)),  # Telugu, Kannada, Malayalam, Sinhala
    (0x0E00, 0x0E7F, Script(rtl=False, complex=True, bidi_lang="th-TH")),
    (0x0E80, 0x0EFF, Script(rtl=False, complex=True)),  # Lao
    (0x1100, 0x11FF, EAST_ASIAN),
    (0x2E80, 0x9FFF, EAST_ASIAN),
    (0xA960, 0xA97F, EAST_ASIAN),
    (0xAC00, 0xD7FF, EAST_ASIAN),
    (0xF900, 0xFAFF, EAST_ASIAN),
    (0xFB1D, 0xFB4F, HEBREW),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFE, ARABIC),
    (0xFF00, 0xFFEF, EAST_ASIAN),
    (0x20000, 0x3FFFF, EAST_ASIAN),
)
_STARTS = [first for first, _, _ in _BLOCKS]

Piece = tuple[str, Script | None]
"""A stretch of text and its script (None: text Word sets without help)."""


def needs_script_runs(text: str) -> bool:
    """Whether ``text`` holds a character of a script Word must be told about."""
    return _SPECIAL.search(text) is not None


def script_pieces(text: str) -> list[Piece]:
    """``text`` cut where its script changes. Marks stay with their letter; spaces and
    punctuation between two stretches of one script belong to it (a two-word Hebrew name
    is one right-to-left run), elsewhere to neither."""
    if not needs_script_runs(text):
        return [(text, None)]
    kinds = [_kind(char) for char in text]
    for index, kind in enumerate(kinds):
        if kind == "mark":
            kinds[index] = kinds[index - 1] if index else None
    _settle_neutrals(kinds)
    pieces: list[Piece] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or kinds[end] != kinds[start]:
            kind = kinds[start]
            script = kind if isinstance(kind, Script) else None
            if script is EAST_ASIAN:
                pieces.extend(_east_asian_pieces(text[start:end]))
            else:
                pieces.append((text[start:end], script))
            start = end
    return pieces


def _east_asian_pieces(text: str) -> list[Piece]:
    """East Asian ``text`` cut where punctuation separates names, each part tagged with
    its own language: "김민준; 王小明" is a Korean name and a Chinese one. Spaces do not
    cut ("山田 たろう" is one Japanese name: its kana make its Han Japanese too)."""
    pieces: list[Piece] = []
    for part in _EAST_ASIAN_SEPARATED.findall(text):
        language = _east_asian_language(part)
        script = (
            EAST_ASIAN if language == HAN_LANGUAGE else replace(EAST_ASIAN, east_asia_lang=language)
        )
        if pieces and pieces[-1][1] == script:
            pieces[-1] = (pieces[-1][0] + part, script)
        else:
            pieces.append((part, script))
    return pieces


def _kind(char: str) -> Script | str | None:
    """A character's script, or "mark", "neutral" (spaces, punctuation, digits) or None."""
    index = bisect.bisect_right(_STARTS, ord(char)) - 1
    if index >= 0 and ord(char) <= _BLOCKS[index][1]:
        return _BLOCKS[index][2]
    category = unicodedata.category(char)
    if category.startswith("M"):
        return "mark"
    return None if category.startswith("L") else "neutral"


def _settle_neutrals(kinds: list[Script | str | None]) -> None:
    """Neutral stretches join the script on both sides of them, if it is the same."""
    index = 0
    while index < len(kinds):
        if kinds[index] != "neutral":
            index += 1
            continue
        end = index
        while end < len(kinds) and kinds[end] == "neutral":
            end += 1
        before = kinds[index - 1] if index else None
        after = kinds[end] if end < len(kinds) else None
        joined = before if isinstance(before, Script) and before == after else None
        kinds[index:end] = [joined] * (end - index)
        index = end


def _east_asian_language(text: str) -> str:
    if re.search("[\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff]", text):
        return "ko-KR"
    if re.search("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]", text):
        return "ja-JP"
    return HAN_LANGUAGE


def add_script_properties(run: etree._Element, script: Script) -> None:
    """Give ``run`` (a ``w:r`` whose ``w:rPr``, if any, is its first child) the properties
    of ``script``, in CT_RPr's order."""
    properties = run[0] if len(run) and run[0].tag == w("rPr") else None
    if properties is None:
        properties = etree.Element(w("rPr"))
        run.insert(0, properties)
    if script.complex:
        for plain, twin in (("b", "bCs"), ("i", "iCs")):
            found = properties.find(w(plain))
            if found is not None:
                found.addnext(etree.Element(w(twin)))
    if script.rtl:
        etree.SubElement(properties, w("rtl"))
    elif script.complex:
        etree.SubElement(properties, w("cs"))
    language = {}
    if script.bidi_lang:
        language[w("bidi")] = script.bidi_lang
    if script.east_asia_lang:
        language[w("eastAsia")] = script.east_asia_lang
    if language:
        etree.SubElement(properties, w("lang"), language)


def split_script_runs(run: etree._Element, text: str) -> None:
    """Replace ``run`` (one ``w:t`` holding ``text``, maybe a ``w:rPr``) by a run per script
    piece, each with its properties; a run in no such script is left alone."""
    parent = run.getparent()
    if parent is None or _SPECIAL.search(text) is None:
        return
    for piece, script in script_pieces(text):
        copy = run.__copy__()  # type: ignore[attr-defined]
        element = copy.find(w("t"))
        element.text = xml_text(piece)
        if needs_preserve(piece):
            element.set(XML_SPACE, "preserve")
        else:
            element.attrib.pop(XML_SPACE, None)
        if script is not None:
            add_script_properties(copy, script)
        run.addprevious(copy)
    parent.remove(run)
