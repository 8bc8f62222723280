"""The bundled example and the sample signatory lists stay valid, reproducible and varied.

The example is the product's showcase and the fixture other tests render, so its YAML must
validate, its footnotes must resolve, and its 420 signatories must be exactly what the
generator writes and must keep every kind of name the readers and sorters have to handle.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from policydraft.submission.schema import Submission

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
GENERATOR = EXAMPLE / "make_signatories.py"
SAMPLES = ROOT / "signatories"

FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
PARTICLES = {"van", "von", "de", "del", "der", "den", "da", "dos", "di", "la", "los", "ter"}
SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}


def load_submission() -> Submission:
    data = YAML(typ="safe").load((EXAMPLE / "policydraft.yaml").read_text(encoding="utf-8"))
    return Submission.model_validate(data)


def bodies(submission: Submission) -> dict[str, str]:
    """Every Markdown body of the letter, keyed by where it comes from."""
    found = {"introduction": submission.introduction or ""}
    for number, argument in enumerate(submission.arguments, start=1):
        if argument.file is not None:
            found[argument.file] = (EXAMPLE / argument.file).read_text(encoding="utf-8")
        else:
            found[f"argument {number}"] = argument.body or ""
    found["conclusion"] = submission.conclusion or ""
    return found


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run_generator(*args: str) -> None:
    subprocess.run([sys.executable, str(GENERATOR), *args], check=True, cwd=ROOT)


# --- the letter ------------------------------------------------------------------------------


def test_example_validates_against_the_schema() -> None:
    submission = load_submission()
    assert submission.template == "open-letter"
    assert submission.profile == "ostp-ai-action-plan"  # its rules are checked on render
    assert submission.docket == "NSF_FRDOC_0001"
    assert submission.signatories is not None
    assert submission.signatories.sort == "surname"
    assert (EXAMPLE / submission.signatories.file).is_file()


def test_arguments_mix_inline_bodies_and_files_that_exist() -> None:
    arguments = load_submission().arguments
    files = [a.file for a in arguments if a.file is not None]
    assert len(files) >= 2
    assert len([a for a in arguments if a.body is not None]) >= 2
    for name in files:
        assert (EXAMPLE / name).is_file(), name


def test_footnotes_are_defined_in_the_body_that_cites_them() -> None:
    problems = []
    for where, body in bodies(load_submission()).items():
        definitions = FOOTNOTE_DEF.findall(body)
        references = set(FOOTNOTE_REF.findall(body))
        if len(definitions) != len(set(definitions)):
            problems.append(f"{where}: a label is defined twice")
        for label in sorted(references - set(definitions)):
            problems.append(f"{where}: [^{label}] is cited but not defined here")
        for label in sorted(set(definitions) - references):
            problems.append(f"{where}: [^{label}] is defined but never cited")
    assert problems == []


def test_letter_has_between_eight_and_fourteen_footnotes() -> None:
    """Footnotes written as [^x] and citations written as [@key] both become notes."""
    from policydraft.diagnostics import Diagnostics
    from policydraft.model import iter_notes
    from policydraft.pipeline import check

    diags = Diagnostics()
    checked = check(EXAMPLE, diags)
    assert checked is not None and checked.document is not None, diags.sorted()
    assert 8 <= len(list(iter_notes(checked.document.blocks))) <= 14


# --- the generated signatories ---------------------------------------------------------------


def test_generator_reproduces_the_committed_list(tmp_path: Path) -> None:
    out = tmp_path / "signatories.csv"
    run_generator("-o", str(out))
    assert out.read_bytes() == (EXAMPLE / "signatories.csv").read_bytes()


def test_generator_reproduces_sample_20(tmp_path: Path) -> None:
    out = tmp_path / "sample-20.csv"
    run_generator("--count", "20", "--seed", "7", "-o", str(out))
    assert out.read_bytes() == (SAMPLES / "sample-20.csv").read_bytes()


def test_generator_default_output_is_next_to_the_script() -> None:
    source = GENERATOR.read_text(encoding="utf-8")
    assert 'Path(__file__).with_name("signatories.csv")' in source


@pytest.mark.parametrize("path", [EXAMPLE / "signatories.csv", SAMPLES / "sample-20.csv"])
def test_generated_lists_are_well_formed(path: Path) -> None:
    raw = path.read_bytes()
    assert b"\r" not in raw
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = read_rows(path)
    assert list(rows[0]) == [
        "name",
        "title",
        "organization",
        "category",
        "email",
        "consent",
        "signed",
    ]
    emails = [r["email"] for r in rows]
    assert len(set(emails)) == len(emails)
    assert all(re.fullmatch(r"[a-z0-9.\-]+@example\.(com|org)", e) for e in emails)
    assert {r["consent"] for r in rows} == {"yes"}
    assert all(r["signed"].startswith("2025-03-") for r in rows)
    signed = [r["signed"] for r in rows]
    assert signed == sorted(signed) and len(set(signed)) == len(signed)
    assert {r["category"] for r in rows} <= {
        "Actors",
        "Directors",
        "Writers",
        "Musicians",
        "Producers",
        "Crafts",
    }


def test_example_list_has_420_unique_signers() -> None:
    rows = read_rows(EXAMPLE / "signatories.csv")
    assert len(rows) == 420
    assert len({r["name"] for r in rows}) == 420


def _has_particle(name: str) -> bool:
    return bool(PARTICLES & set(name.split()[1:-1])) or " O'" in name


VARIETY = {
    "particle": _has_particle,
    "suffix": lambda name: name.split()[-1] in SUFFIXES,
    "mononym": lambda name: " " not in name and name.isascii() and name.isalpha(),
    "greek": lambda name: any("\u0370" <= c <= "\u03ff" for c in name),
    "cyrillic": lambda name: any("\u0400" <= c <= "\u04ff" for c in name),
    "chinese": lambda name: any("\u4e00" <= c <= "\u9fff" for c in name) and " " not in name,
    "japanese": lambda name: any("\u4e00" <= c <= "\u9fff" for c in name) and " " in name,
    "korean": lambda name: any("\uac00" <= c <= "\ud7af" for c in name),
    "vietnamese": lambda name: "ễ" in name or "ị" in name,
    "hyphenated": lambda name: "-" in name,
    "markup in name": lambda name: any(c in name for c in "*_[]"),
}


@pytest.mark.parametrize("kind", list(VARIETY))
def test_example_list_keeps_its_variety(kind: str) -> None:
    names = [r["name"] for r in read_rows(EXAMPLE / "signatories.csv")]
    assert any(VARIETY[kind](n) for n in names), kind


def test_example_list_keeps_markup_and_long_affiliations() -> None:
    organizations = [r["organization"] for r in read_rows(EXAMPLE / "signatories.csv")]
    assert "Hart & Hart <LLC>" in organizations
    assert any(len(o) > 80 for o in organizations)
    assert any("," in o for o in organizations)


# --- the other samples -----------------------------------------------------------------------


def test_windows_1252_sample_is_not_utf8_and_maps_its_headers() -> None:
    raw = (SAMPLES / "sample-windows-1252.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert any(0x80 <= byte <= 0x9F for byte in raw), "no Windows-1252-only characters"
    text = raw.decode("cp1252")
    header = text.splitlines()[0].split(",")
    assert header[0] == "Full Name" and "Company" in header
    assert "Renée D’Amico" in text and "Šárka Novotná" in text


def test_messy_sample_has_the_documented_rows() -> None:
    lines = (SAMPLES / "sample-messy.csv").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "Name,Title,Organization,Email,Consent"
    assert [n for n, line in enumerate(lines[:-1], start=1) if not line] == [3, 8, 9]
    rows = {n: r for n, r in enumerate(csv.reader(lines), start=1) if r}
    assert rows[6][0] == "" and rows[6][3]
    assert rows[7][3] == rows[12][3] == "jordan.ellis@example.com"
    assert rows[10][2].startswith("=")
    assert rows[11] == ["", "", "", "", ""]
    assert rows[13][0] == "Tomasz Brandt" and rows[13][4] == "no"
    assert rows[14][0] == "  Celia Marsh  "
