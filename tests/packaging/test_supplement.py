"""Supplements through the real command line: who joined, withdrew or was corrected since.

The round the issue asks for: package a letter; add two signers, withdraw one (consent: no),
correct one title; render and package Supplement No. 1; add one more and package No. 2.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli
from tests.packaging.conftest import set_rows

ROUND_1 = (
    "Ada Lovelace,Chief Analyst,Engines Ltd,ADA@example.org,yes\n"  # corrected (same address)
    "Grace Hopper,Rear Admiral,US Navy,grace@example.org,no\n"  # withdrawn
    "Alan Turing,,Bletchley Park,,yes\n"  # unchanged, matched by name and organization
    "Katherine Johnson,Mathematician,NASA,kj@example.org,yes\n"  # added
    "Dorothy Vaughan,,NASA,,yes\n"  # added
)
ROUND_2 = ROUND_1 + "Mary Somerville,,Royal Society,mary@example.org,yes\n"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture(scope="module")
def chain(filed: tuple[Path, Path]) -> dict[str, Path]:
    """The letter's filing, Supplement No. 1 rendered and packaged, No. 2 packaged."""
    folder, filing = filed
    root = filing.parent
    set_rows(folder, ROUND_1)
    rendered = run_cli("render", folder, "--supplement-to", filing, "--out", root / "r1")
    assert rendered.returncode == 0, rendered.stderr
    first = run_cli("package", folder, "--supplement-to", filing, "--out", root / "s1")
    assert first.returncode == 0, first.stderr
    set_rows(folder, ROUND_2)
    second = run_cli("package", folder, "--supplement-to", root / "s1", "--out", root / "s2")
    assert second.returncode == 0, second.stderr
    return {"folder": folder, "r1": root / "r1", "s1": root / "s1", "s2": root / "s2"}


SUPPLEMENT_1 = [
    "Re: Supplement No. 1 to Comment on the Proposed Rule (Docket No. AGENCY-2025-0001)",
    "On March 15, 2025, Example Coalition filed the letter “Comment on the Proposed Rule”",
    "This is Supplement No. 1 to that letter.",
    "2 signatories have joined the letter since",
    "1 signatory has asked to be withdrawn from the letter: • Grace Hopper, US Navy",
    "Ada Lovelace: Chief Analyst, Engines Ltd (previously listed as Analyst, Engines Ltd)",
    "With these changes, the letter has 4 signatories.",
    "Signatories Added Since March 15, 2025 (2)",
]
SUPPLEMENT_2 = [
    "Re: Supplement No. 2 to Comment on the Proposed Rule",
    "Supplement No. 1 followed on March 15, 2025. This is Supplement No. 2",
    "1 signatory has joined the letter since",
    "With these changes, the letter has 5 signatories.",
    "Signatories Added Since March 15, 2025 (1) Mary Somerville Royal Society",
]


@pytest.mark.parametrize(
    ("filing", "name", "expected"),
    [
        pytest.param("r1", "letter-supplement-1.pdf", SUPPLEMENT_1, id="rendered No. 1"),
        pytest.param("s1", "letter-supplement-1.pdf", SUPPLEMENT_1, id="packaged No. 1"),
        pytest.param("s2", "letter-supplement-2.pdf", SUPPLEMENT_2, id="packaged No. 2"),
    ],
)
def test_supplement_text(
    chain: dict[str, Path], filing: str, name: str, expected: list[str]
) -> None:
    text = pdf_text(chain[filing] / name)
    for line in expected:
        assert line in text, line


def test_appendix_lists_only_the_added_in_order(chain: dict[str, Path]) -> None:
    text = pdf_text(chain["s1"] / "letter-supplement-1.pdf")
    appendix = text[text.index("Signatories Added Since") :]
    assert re.search(r"Katherine Johnson.*Dorothy Vaughan", appendix)  # surnames: J before V
    for filed in ("Ada Lovelace", "Alan Turing", "Grace Hopper"):
        assert filed not in appendix


def test_docx_names_the_supplement(chain: dict[str, Path]) -> None:
    with zipfile.ZipFile(chain["r1"] / "letter-supplement-1.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml)
    assert "Supplement No. 1 to Comment on the Proposed Rule" in text
    assert "Katherine Johnson" in text and "Grace Hopper" in text


@pytest.mark.parametrize(
    ("filing", "number", "follows", "standing"),
    [
        pytest.param("s1", 1, [0], 4, id="No. 1 follows the letter"),
        pytest.param("s2", 2, [0, 1], 5, id="No. 2 follows the letter and No. 1"),
    ],
)
def test_supplement_records_its_chain(
    chain: dict[str, Path], filing: str, number: int, follows: list[int], standing: int
) -> None:
    import json

    text = (chain[filing] / "filing.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["supplement"] == number
    assert [f["number"] for f in data["follows"]] == follows
    assert len(data["signatories"]) == standing
    assert "@" not in text
    titles = {s["name"]: s["title"] for s in data["signatories"]}
    assert titles["Ada Lovelace"] == "Chief Analyst" and "Grace Hopper" not in titles


def test_nothing_new_is_an_error(chain: dict[str, Path], tmp_path: Path) -> None:
    result = run_cli("render", chain["folder"], "--supplement-to", chain["s2"], "--out", tmp_path)
    assert result.returncode == 1
    assert "error PD805: nothing to supplement" in result.stderr
    assert not list(tmp_path.iterdir())


def test_vanished_signer_is_reported_and_still_counted(
    chain: dict[str, Path], tmp_path: Path
) -> None:
    folder = chain["folder"]
    rows = ROUND_2.replace("Alan Turing,,Bletchley Park,,yes\n", "")
    set_rows(folder, rows + "Emmy Noether,,Erlangen,,yes\n")
    try:
        result = run_cli("render", folder, "--supplement-to", chain["s2"], "--out", tmp_path)
    finally:
        set_rows(folder, ROUND_2)
    assert result.returncode == 0, result.stderr
    assert "warning PD806: 1 signers filed by March 15, 2025 are no longer" in result.stderr
    assert "the letter has 6 signatories" in pdf_text(tmp_path / "letter-supplement-3.pdf")


def test_template_is_overridable(chain: dict[str, Path], tmp_path: Path) -> None:
    folder = chain["folder"]
    assert run_cli("templates", "copy", "supplement", folder).returncode == 0
    copied = folder / "templates" / "supplement" / "letter.md.j2"
    try:
        copied.write_text(
            copied.read_text().replace("::: closing\n", "Our own line.\n\n::: closing\n")
        )
        set_rows(folder, ROUND_2 + "Emmy Noether,,Erlangen,,yes\n")
        result = run_cli("render", folder, "--supplement-to", chain["s2"], "--out", tmp_path)
    finally:
        set_rows(folder, ROUND_2)
        for path in sorted(copied.parent.parent.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        copied.parent.parent.rmdir()
    assert result.returncode == 0, result.stderr
    assert "Our own line." in pdf_text(tmp_path / "letter-supplement-3.pdf")


def test_templates_list_names_supplement() -> None:
    result = run_cli("templates", "list")
    assert re.search(r"^supplement +a supplemental letter", result.stdout, re.M)
