"""The fonts shipped inside the package: present, TrueType, licensed, and covering the
scripts signers' names come in. Checked with fontTools, independently of reportlab."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from policydraft.writers.pdf.fonts import font_path

SERIF_STYLES = ["Regular", "Bold", "Italic", "BoldItalic"]
FALLBACK = "DroidSansFallback.ttf"
FONT_DIR = font_path(FALLBACK).parent

LATIN_1 = "".join(chr(c) for c in range(0xA0, 0x100))
LATIN_EXTENDED_A = "".join(chr(c) for c in range(0x100, 0x180))
VIETNAMESE = "ễặươƯƠđĐảẩẫậắằẳẵếềểệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
GREEK = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρςστυφχψωάέήίόύώ"
CYRILLIC = "".join(chr(c) for c in range(0x410, 0x450)) + "ЁёЄєІіЇїЎў"
PUNCTUATION = "–—‘’“”•…§¶€"
CJK = "王小明山田太郎李张陈刘的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年"
HANGUL = "김민준이박최정강조윤장임한오서신권황안송류전홍"
KANA = "あいうえおかきくけこひらがなアイウエオカキクケコカタカナー"


@functools.cache
def cmap(file_name: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_DIR / file_name).getBestCmap())


@pytest.mark.parametrize("style", SERIF_STYLES)
@pytest.mark.parametrize(
    ("script", "letters"),
    [
        ("Latin-1", LATIN_1),
        ("Latin Extended-A", LATIN_EXTENDED_A),
        ("Vietnamese", VIETNAMESE),
        ("Greek", GREEK),
        ("Cyrillic", CYRILLIC),
        ("punctuation", PUNCTUATION),
    ],
)
def test_liberation_serif_covers(style: str, script: str, letters: str) -> None:
    covered = cmap(f"LiberationSerif-{style}.ttf")
    assert [char for char in letters if ord(char) not in covered] == [], script


@pytest.mark.parametrize(("script", "letters"), [("CJK", CJK), ("Hangul", HANGUL), ("kana", KANA)])
def test_fallback_covers(script: str, letters: str) -> None:
    assert [char for char in letters if ord(char) not in cmap(FALLBACK)] == [], script


@pytest.mark.parametrize(
    "file_name", [*(f"LiberationSerif-{s}.ttf" for s in SERIF_STYLES), FALLBACK]
)
def test_fonts_are_truetype_and_embeddable(file_name: str) -> None:
    font = TTFont(FONT_DIR / file_name)
    assert "glyf" in font, "reportlab embeds TrueType outlines only, not CFF"
    assert not font["OS/2"].fsType & 0x0002, "restricted-licence embedding"


def test_liberation_is_version_2() -> None:
    font = TTFont(FONT_DIR / "LiberationSerif-Regular.ttf")
    assert font["name"].getDebugName(5).startswith("Version 2.")


@pytest.mark.parametrize(
    ("file_name", "phrase"),
    [
        ("LICENSE-LiberationSerif-OFL-1.1.txt", "SIL OPEN FONT LICENSE"),
        ("LICENSE-DroidSansFallback-Apache-2.0.txt", "Apache License"),
        ("README.md", "DroidSansFallback.ttf"),
    ],
)
def test_licences_ship_with_the_fonts(file_name: str, phrase: str) -> None:
    path: Path = FONT_DIR / file_name
    assert phrase in path.read_text(encoding="utf-8")


def test_fonts_live_inside_the_package() -> None:
    assert FONT_DIR.parts[-2:] == ("policydraft", "fonts")
