"""Right-to-left, complex-script and CJK names in the DOCX: the run properties Word reads.

What each script's run carries follows ECMA-376 Part 1 (17.3.2: ``w:rtl``, ``w:cs``,
``w:lang`` with ``w:bidi`` / ``w:eastAsia``, ``w:bCs``/``w:iCs``), and the order of a run's
properties follows the CT_RPr sequence of its schema (``RPR_ORDER`` below, copied from the
schema's element list).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from policydraft.writers.docx.scripts import (
    ARABIC,
    HEBREW,
    Script,
    add_script_properties,
    script_pieces,
)
from tests.helpers import run_cli, write_submission

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

# CT_RPr's elements in the schema's order (ECMA-376 Part 1, wml.xsd, EG_RPrBase)
RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
]  # fmt: skip

CASES = [
    # name, the run holding the script's text, its flag (rtl or cs), w:lang attribute, value
    ("דוד בן-שחר", "דוד בן-שחר", "rtl", "bidi", "he-IL"),
    ("Dr. מרים כהן", "מרים כהן", "rtl", "bidi", "he-IL"),
    ("محمد عبد الرحمن", "محمد عبد الرحمن", "rtl", "bidi", "ar-SA"),
    ("क्षितिज श्रीवास्तव", "क्षितिज श्रीवास्तव", "cs", "bidi", "hi-IN"),
    ("রবীন্দ্রনাথ দত্ত", "রবীন্দ্রনাথ দত্ত", "cs", "bidi", "bn-IN"),
    ("தமிழ்செல்வன் முருகன்", "தமிழ்செல்வன் முருகன்", "cs", "bidi", "ta-IN"),
    ("สมชาย ใจดี", "สมชาย ใจดี", "cs", "bidi", "th-TH"),
    ("김민준", "김민준", None, "eastAsia", "ko-KR"),
    ("やまだ たろう", "やまだ たろう", None, "eastAsia", "ja-JP"),
    ("王小明", "王小明", None, "eastAsia", "zh-CN"),
]


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> etree._Element:
    """word/document.xml of a letter signed by every case's name."""
    names = "".join(f"{name},Signer,Example Guild\n" for name, *_ in CASES)
    folder = tmp_path_factory.mktemp("docx") / "letter"
    write_submission(folder, signatories="name,title,organization\n" + names)
    out = folder.parent / "out"
    result = run_cli("render", folder, "--out", out, "--to", "docx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "letter.docx") as package:
        return etree.fromstring(package.read("word/document.xml"))


def _run_with(document: etree._Element, text: str) -> etree._Element:
    for element in document.iterfind(".//w:r/w:t", NS):
        if element.text == text:
            return element.getparent()
    raise AssertionError(f"no run holds {text!r}")


@pytest.mark.parametrize(("name", "text", "flag", "attribute", "language"), CASES)
def test_each_script_run_carries_its_properties(
    document: etree._Element, name: str, text: str, flag: str | None, attribute: str, language: str
) -> None:
    properties = _run_with(document, text).find("w:rPr", NS)
    assert properties is not None, name
    children = [etree.QName(child).localname for child in properties]
    if flag is not None:
        assert flag in children
    lang = properties.find("w:lang", NS)
    assert lang is not None and lang.get(f"{{{W}}}{attribute}") == language


def test_the_latin_part_of_a_mixed_name_is_a_plain_run(document: etree._Element) -> None:
    run = _run_with(document, "Dr. ")
    assert run.find("w:rPr", NS) is None
    assert run.getnext() is not None and run.getnext().find("w:t", NS).text == "מרים כהן"


def test_run_properties_follow_the_schema_order(document: etree._Element) -> None:
    for properties in document.iterfind(".//w:r/w:rPr", NS):
        names = [etree.QName(child).localname for child in properties]
        positions = [RPR_ORDER.index(name) for name in names]
        assert positions == sorted(positions), names


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Ada Lovelace", [("Ada Lovelace", None)]),
        ("Dr. דוד כהן", [("Dr. ", None), ("דוד כהן", HEBREW)]),
        ("Engineer, شركة النور", [("Engineer, ", None), ("شركة النور", ARABIC)]),
        ("דוד (David) כהן", [("דוד", HEBREW), (" (David) ", None), ("כהן", HEBREW)]),
        ("אָבִי", [("אָבִי", HEBREW)]),  # points stay with their letters
    ],
)
def test_script_pieces(text: str, pieces: list[tuple[str, Script | None]]) -> None:
    assert script_pieces(text) == pieces


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([], ["rtl", "lang"]),
        (["rStyle", "b"], ["rStyle", "b", "bCs", "rtl", "lang"]),
        (["b", "i"], ["b", "bCs", "i", "iCs", "rtl", "lang"]),
    ],
)
def test_bold_and_italic_get_their_complex_script_twins(
    given: list[str], expected: list[str]
) -> None:
    run = etree.Element(f"{{{W}}}r")
    if given:
        properties = etree.SubElement(run, f"{{{W}}}rPr")
        for name in given:
            etree.SubElement(properties, f"{{{W}}}{name}")
    add_script_properties(run, HEBREW)
    assert [etree.QName(child).localname for child in run[0]] == expected


def test_a_body_paragraph_in_hebrew_is_marked_too(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path / "letter", {"conclusion": "With thanks, **דוד כהן**.\n"}, signatories=None
    )
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out, "--to", "docx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "letter.docx") as package:
        document = etree.fromstring(package.read("word/document.xml"))
    properties = _run_with(document, "דוד כהן").find("w:rPr", NS)
    names = [etree.QName(child).localname for child in properties]
    assert names == ["b", "bCs", "rtl", "lang"]


# name in the letter's body, its run's text, the w:lang attribute and value: language tags
# as [MS-LCID] (Windows Language Code Identifier) lists them for Word
BODY_CASES = [
    ("김민준", "eastAsia", "ko-KR"),
    ("王小明", "eastAsia", "zh-CN"),  # Han without kana: Simplified, as the PDF draws it
    ("山田たろう", "eastAsia", "ja-JP"),  # kana make the Han Japanese too
    ("محمد عبد الرحمن", "bidi", "ar-SA"),
    ("דוד כהן", "bidi", "he-IL"),
    ("क्षितिज श्रीवास्तव", "bidi", "hi-IN"),
    ("สมชาย ใจดี", "bidi", "th-TH"),
]


@pytest.fixture(scope="module")
def body(tmp_path_factory: pytest.TempPathFactory) -> etree._Element:
    """word/document.xml of a letter whose conclusion names every body case."""
    names = "; ".join(name for name, *_ in BODY_CASES)
    folder = tmp_path_factory.mktemp("body") / "letter"
    write_submission(folder, {"conclusion": f"With thanks to {names}.\n"}, signatories=None)
    out = folder.parent / "out"
    result = run_cli("render", folder, "--out", out, "--to", "docx")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out / "letter.docx") as package:
        return etree.fromstring(package.read("word/document.xml"))


@pytest.mark.parametrize(("name", "attribute", "language"), BODY_CASES)
def test_body_runs_carry_their_language(
    body: etree._Element, name: str, attribute: str, language: str
) -> None:
    runs = [t.getparent() for t in body.iterfind(".//w:r/w:t", NS) if name in (t.text or "")]
    assert len(runs) == 1, f"{name} should be one run of its own"
    lang = runs[0].find("w:rPr/w:lang", NS)
    assert lang is not None and lang.get(f"{{{W}}}{attribute}") == language
    assert (runs[0].findtext("w:t", namespaces=NS) or "").strip("; .") == name


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("김민준; 王小明", ["ko-KR", "zh-CN"]),
        ("王小明、山田たろう", ["zh-CN", "ja-JP"]),
        ("山田 たろう", ["ja-JP"]),  # a space does not cut a name
        ("김 민준", ["ko-KR"]),
    ],
)
def test_each_east_asian_name_is_tagged_on_its_own(text: str, languages: list[str]) -> None:
    found = [s.east_asia_lang for _, s in script_pieces(text) if s is not None]
    assert found == languages


@pytest.mark.parametrize("text", ["", "Ada Lovelace", "1, 2, 3.", "\u0301"])
def test_text_in_no_special_script_gets_no_language(text: str) -> None:
    """Bad or plain input: nothing to tag (a lone combining mark has no letter to join)."""
    assert all(script is None for _, script in script_pieces(text))
