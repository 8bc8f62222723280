"""One reader of Word's styles: effective properties through ``basedOn``, as tables.

Expected values come from ECMA-376 Part 1 (ISO/IEC 29500-1), not from our code:
- 17.3.2.38 ``sz``: "expressed as half-point values"; its example, ``w:sz w:val="27"``, is
  "displayed in 13.5 point font size"; absent, the size is "the value applied at the
  previous level in the style hierarchy", and where none applies "any appropriate font size":
  Word's is 10 pt;
- 17.7.4.3 ``basedOn`` and 17.7.2 (style hierarchy): a style inherits what its parent sets;
  the document defaults (17.7.5, ``docDefaults``) apply under every style;
- 17.3.2.26 ``rFonts``: ``asciiTheme`` names a theme font (``minorHAnsi`` is the theme's
  minor, body, font; ``majorHAnsi`` its major, heading, font), and wins over ``ascii``;
- 17.3.1.33 ``spacing``: ``w:line`` in 240ths of a line when ``lineRule`` is ``auto``;
- 17.3.2.42 ``vertAlign``: ``superscript`` raises the run.
"""

from __future__ import annotations

import pytest
from lxml import etree

from policydraft.wordml.running_text import element_text
from policydraft.wordml.styles import W_NS, StyleSheet, half_points, theme_fonts

THEME = {"major": "Calibri Light", "minor": "Calibri"}
DEFAULTS_12 = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>'
)
NORMAL = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "{}</w:style>"
)


def sheet(xml: str) -> StyleSheet:
    return StyleSheet(etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{xml}</w:styles>'), THEME)


def style(sid: str, body: str = "", *, kind: str = "paragraph", based: str | None = None) -> str:
    parent = f'<w:basedOn w:val="{based}"/>' if based else ""
    opening = f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{sid}"/>'
    return f"{opening}{parent}{body}</w:style>"


def sz(half: str) -> str:
    return f'<w:rPr><w:sz w:val="{half}"/></w:rPr>'


@pytest.mark.parametrize(
    ("xml", "asked", "points", "half"),
    [
        # 17.3.2.38's own example: 27 half points are 13.5 pt
        (style("A", sz("27")), "A", 13.5, 27),
        # nothing anywhere: Word's 10 pt
        (style("A"), "A", 10.0, 20),
        # the document defaults apply under every style
        (DEFAULTS_12 + style("A"), "A", 12.0, 24),
        # a style's own size wins over its parent's and the defaults
        (DEFAULTS_12 + style("P", sz("22")) + style("A", sz("28"), based="P"), "A", 14.0, 28),
        # inherited through two links
        (style("G", sz("30")) + style("P", based="G") + style("A", based="P"), "A", 15.0, 30),
        # a basedOn naming no style ends the chain there: the defaults
        (DEFAULTS_12 + style("A", based="Missing"), "A", 12.0, 24),
        # a cycle is followed once, and the size on it is found
        (style("A", based="B") + style("B", sz("26"), based="A"), "A", 13.0, 26),
        # a cycle without a size ends at the defaults, not in a loop
        (DEFAULTS_12 + style("A", based="B") + style("B", based="A"), "A", 12.0, 24),
        # a style based on itself
        (style("A", based="A"), "A", 10.0, 20),
        # bad input: a size that is no whole number of half points is skipped
        (DEFAULTS_12 + style("A", sz("big")), "A", 12.0, 24),
        (DEFAULTS_12 + style("A", sz("-4")), "A", 12.0, 24),
        (DEFAULTS_12 + style("A", sz("0")), "A", 12.0, 24),
        (DEFAULTS_12 + style("A", sz("9" * 40)), "A", 12.0, 24),
    ],
)
def test_effective_size(xml: str, asked: str, points: float, half: int) -> None:
    styles = sheet(xml)
    found = styles.style(asked)
    assert (styles.size(found), styles.effective_half_points(found)) == (points, half)  # type: ignore[arg-type]


def test_a_hostile_chain_stops() -> None:
    """A chain of 500 styles, each based on the next: the walk stops at 64 links."""
    xml = "".join(style(f"S{i}", based=f"S{i + 1}") for i in range(500)) + style("S500", sz("40"))
    styles = sheet(DEFAULTS_12 + xml)
    assert len(list(styles.chain(styles.style("S0")))) == 64
    assert styles.size(styles.style("S0")) == 12.0  # the size 500 links away is not reached


@pytest.mark.parametrize(
    ("xml", "half"),
    [
        # a character style that sets no size takes its paragraph's: it has none of its own
        (DEFAULTS_12 + style("C", kind="character"), None),
        (DEFAULTS_12 + style("C", sz("16"), kind="character"), 16),
        # a paragraph style that sets none takes the document's
        (DEFAULTS_12 + style("C"), 24),
    ],
)
def test_character_and_paragraph_styles(xml: str, half: int | None) -> None:
    styles = sheet(xml)
    assert styles.effective_half_points(styles.style("C")) == half  # type: ignore[arg-type]


ARIAL = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'
MINOR = '<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:ascii="Arial"/></w:rPr>'
MAJOR = '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi"/></w:rPr>'
DEFAULT_FONT = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
)


@pytest.mark.parametrize(
    ("xml", "font"),
    [
        (style("A", ARIAL), "Arial"),
        (style("A", MINOR), "Calibri"),  # the theme wins over w:ascii
        (style("A", MAJOR), "Calibri Light"),
        (style("P", ARIAL) + style("A", based="P"), "Arial"),  # inherited
        (DEFAULT_FONT + style("A"), "Times New Roman"),  # the document defaults
        (style("A"), None),  # nothing says
        (style("A", '<w:rPr><w:rFonts w:hAnsi="Garamond"/></w:rPr>'), "Garamond"),
    ],
)
def test_effective_font(xml: str, font: str | None) -> None:
    styles = sheet(xml)
    assert styles.font(styles.style("A")) == font


def test_a_theme_font_without_a_theme_is_unknown() -> None:
    styles = StyleSheet(
        etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{style("A", MINOR)}</w:styles>')
    )
    assert styles.font(styles.style("A")) is None


def spacing(line: str, rule: str | None = None) -> str:
    said = f' w:lineRule="{rule}"' if rule else ""
    return f'<w:pPr><w:spacing w:line="{line}"{said}/></w:pPr>'


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (style("A", spacing("276")), (276.0, "auto")),  # 1.15 lines, Word 2007's Normal
        (style("A", spacing("240", "exact")), (240.0, "exact")),  # exactly 12 pt
        (style("P", spacing("480", "auto")) + style("A", based="P"), (480.0, "auto")),
        (style("A"), (None, "auto")),
        (style("A", spacing("double")) + "", (None, "auto")),  # bad input: skipped
    ],
)
def test_effective_line_spacing(xml: str, expected: tuple[float | None, str]) -> None:
    styles = sheet(xml)
    assert styles.line_spacing(styles.style("A")) == expected


SUPER = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
BASELINE = '<w:rPr><w:vertAlign w:val="baseline"/></w:rPr>'


@pytest.mark.parametrize(
    ("xml", "raised"),
    [
        (style("A", SUPER, kind="character"), True),
        (style("P", SUPER, kind="character") + style("A", kind="character", based="P"), True),
        (style("P", SUPER, kind="character") + style("A", BASELINE, based="P"), False),
        (style("A"), False),
    ],
)
def test_superscript(xml: str, raised: bool) -> None:
    styles = sheet(xml)
    assert styles.superscript(styles.style("A")) is raised


BODY = '<w:style w:type="paragraph" w:styleId="BT"><w:name w:val="Body Text"/></w:style>'


@pytest.mark.parametrize(
    ("xml", "default", "body"),
    [
        (NORMAL.format("") + BODY, "Normal", "BT"),  # Body Text where there is one
        (NORMAL.format(""), "Normal", "Normal"),  # else Normal
        (BODY.replace("Body Text", "body text"), None, "BT"),  # names compare without case
        (style("A"), None, None),  # neither
        ("", None, None),  # an empty styles part
    ],
)
def test_default_and_body_styles(xml: str, default: str | None, body: str | None) -> None:
    styles = sheet(xml)
    found_default, found_body = styles.default_paragraph(), styles.body_style()
    assert (
        found_default.get(f"{{{W_NS}}}styleId") if found_default is not None else None
    ) == default
    assert (found_body.get(f"{{{W_NS}}}styleId") if found_body is not None else None) == body


def test_no_styles_part_gives_words_defaults() -> None:
    styles = StyleSheet(None)
    assert (styles.size(None), styles.font(None), styles.default_paragraph()) == (10.0, None, None)
    assert styles.style("Normal") is None and styles.by_name("Normal") is None


@pytest.mark.parametrize(
    ("rpr", "half"),
    [('<w:rPr><w:sz w:val="24"/></w:rPr>', 24), ("<w:rPr/>", None), (None, None)],
)
def test_half_points_of_run_properties(rpr: str | None, half: int | None) -> None:
    element = etree.fromstring(rpr.replace("<w:rPr", f'<w:rPr xmlns:w="{W_NS}"')) if rpr else None
    assert half_points(element) == half


A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize(
    ("xml", "fonts"),
    [
        (
            f'<a:theme xmlns:a="{A}"><a:themeElements><a:fontScheme><a:majorFont><a:latin '
            'typeface="Calibri Light"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/>'
            "</a:minorFont></a:fontScheme></a:themeElements></a:theme>",
            {"major": "Calibri Light", "minor": "Calibri"},
        ),
        (f'<a:theme xmlns:a="{A}"/>', {}),  # bad input: a theme without fonts
    ],
)
def test_theme_fonts(xml: str, fonts: dict[str, str]) -> None:
    assert theme_fonts(etree.fromstring(xml)) == fonts


def run(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def simple(instruction: str, result: str) -> str:
    """A simple field, with the result Word last printed for it."""
    return f'<w:fldSimple w:instr="{instruction}">{run(f"<w:t>{result}</w:t>")}</w:fldSimple>'


@pytest.mark.parametrize(
    ("inner", "text"),
    [
        (run("<w:t>Page </w:t>") + simple(" PAGE ", "3"), "Page {page}"),
        (
            run("<w:t>Page </w:t>") + run('<w:fldChar w:fldCharType="begin"/>')
            + run("<w:instrText> PAGE </w:instrText>")
            + run('<w:fldChar w:fldCharType="separate"/>') + run("<w:t>3</w:t>")
            + run('<w:fldChar w:fldCharType="end"/>') + run("<w:t> of </w:t>")
            + simple("NUMPAGES \\* MERGEFORMAT", "15"),
            "Page {page} of {total}",
        ),
        (run("<w:t>Draft {v2}</w:t><w:tab/><w:t>x</w:t>"), "Draft {{v2}} x"),
        # bad input: a field Word does not number pages with leaves nothing; its result is dropped
        (simple("DATE", "1 May"), ""),
        (run('<w:fldChar w:fldCharType="begin"/>'), ""),  # a field never ended
    ],
)  # fmt: skip
def test_running_text(inner: str, text: str) -> None:
    paragraph = etree.fromstring(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>')
    assert element_text(paragraph) == text
