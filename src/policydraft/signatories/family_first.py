"""Names written family name first: in CJK scripts, and Vietnamese names led by a family name.

``surnames`` asks here before reading a name the Western way (given names, then surname).
Only names that show their order are read family name first:

- a name in Han, Hangul or Kana (its first letter): "山田 太郎" files under 山田, "김 민준"
  under 김. Written without a space ("毛泽东", "김민준"), the family name's length is unknown
  (Japanese family names have one to three characters), so the whole name is the filing key;
  it starts with the family name, so such names still sort by it. A name joined by a middle
  dot ("约翰·史密斯", "ジョン・スミス") is a foreign name transliterated in its own order,
  given name first, and files under its last part.
- a Latin-script name whose first word is a common Vietnamese family name, when the name is
  written with diacritics ("Nguyễn Thị Mai", "Lê Anh") or its second word is one of the
  middle names that mark the order ("Nguyen Van An", "Tran Thi Mai"). A two-word name whose
  last word is also such a family name ("Dương Nguyễn") is taken as Western order. "Anna Le",
  "David Lee", "Nguyen Mai" and "Yamada Taro" are left to the Western reading: nothing in
  them tells the order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# The commonest Vietnamese family names, as written in Vietnamese; together they are borne by
# well over 90% of Vietnamese people. Names as common as given names (Mai, Hà) are left out.
VIETNAMESE_FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lương", "Trịnh", "Đào", "Lâm", "Tạ",
    "Cao", "Châu",
)  # fmt: skip

# Middle names that follow the family name and mark the order even without diacritics.
_ORDER_MARKS = frozenset({"thi", "van", "duc", "huu", "ngoc"})

_CJK_BLOCKS = ("CJK", "HANGUL", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA", "HALFWIDTH HANGUL")
_MIDDLE_DOTS = "\u00b7\u30fb\uff65"  # ·, katakana ・ and its halfwidth form


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """A word without its diacritics, case-folded: "Nguyễn" and "NGUYEN" are "nguyen"."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FAMILY = frozenset(name.casefold() for name in VIETNAMESE_FAMILY_NAMES)
_FAMILY_FOLDED = frozenset(map(_fold, VIETNAMESE_FAMILY_NAMES))


def family_first_parts(name: str, words: list[str]) -> tuple[str, str] | None:
    """(family name, given names) for a name written family name first, else None.

    ``words`` is ``name.split()``, which the caller already has.
    """
    if is_cjk(name):
        return _cjk_parts(name, words)
    if len(words) >= 2 and is_vietnamese_family_name(words[0]) and _vietnamese_order(words):
        return words[0], " ".join(words[1:])
    return None


def is_vietnamese_family_name(word: str) -> bool:
    """Whether a name led by ``word`` may be Vietnamese, family name first ("Nguyen", "Lê"):
    without this word leading it, a Latin-script name is read the Western way."""
    return _fold(word) in _FAMILY_FOLDED


def _cjk_parts(name: str, words: list[str]) -> tuple[str, str]:
    for dot in _MIDDLE_DOTS:
        given, found, family = name.rpartition(dot)
        if found and family.strip():
            return family.strip(), given.strip()
    if len(words) == 1:
        return name, ""
    return words[0], " ".join(words[1:])


def _vietnamese_order(words: list[str]) -> bool:
    """Whether a name led by a Vietnamese family name shows that it is written in that order."""
    if len(words) >= 3 and _fold(words[1]) in _ORDER_MARKS:
        return True
    if words[0].casefold() not in _FAMILY or not any(map(_has_diacritic, words)):
        return False
    return len(words) > 2 or _fold(words[-1]) not in _FAMILY_FOLDED


@lru_cache(maxsize=65536)
def _has_diacritic(word: str) -> bool:
    return not word.isascii() and _fold(word) != word.casefold()


def is_cjk(name: str) -> bool:
    """Whether a name's first letter is Han, Hangul or Kana (so it is written family first)."""
    for char in name:
        if char.isalpha():
            return ord(char) >= 0x1100 and unicodedata.name(char, "").startswith(_CJK_BLOCKS)
    return False
