"""Profiles, packages, reproducibility and templates through the real command line."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import write_submission

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
OSTP: dict[str, object] = {"profile": "ostp-ai-action-plan", "docket": "NSF_FRDOC_0001"}
STATEMENT = "This document is approved for public dissemination."


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line; the environment's SOURCE_DATE_EPOCH only when ``env`` sets it."""
    base = {
        k: v for k, v in os.environ.items() if k not in ("POLICYDRAFT_DEBUG", "SOURCE_DATE_EPOCH")
    }
    return subprocess.run(
        [sys.executable, "-m", "policydraft", *map(str, args)],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        timeout=120,
        check=False,
    )


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("package")
    result = run("package", EXAMPLE, "--out", out)
    assert result.returncode == 0, result.stderr
    return out, result.stdout


def test_example_passes_its_profile_and_prints_the_statement(tmp_path: Path) -> None:
    result = run("render", EXAMPLE, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert not re.search(r": (error|warning) PD", result.stderr), result.stderr
    text = pdf_text(tmp_path / "ostp-ai-action-plan-open-letter.pdf")
    assert text.count(STATEMENT) == 1  # inserted by the profile, no longer typed by hand


def test_check_prints_each_reading_once_with_verbose(tmp_path: Path) -> None:
    result = run("check", "-v", EXAMPLE)  # one line without -v (tests/test_verbosity.py)
    notes = [line for line in result.stderr.splitlines() if " note PD690: " in line]
    assert len(notes) == len(set(notes)) == 5
    assert all(
        line.startswith("examples/ostp-ai-action-plan/policydraft.yaml:5:10:")
        or "policydraft.yaml:5:10:" in line
        for line in notes
    )
    assert "every page of the PDF counts" in result.stderr


def long_letter(folder: Path) -> Path:
    paragraphs = "\n\n".join(["The agency should reconsider the proposal. " * 40] * 40)
    return write_submission(
        folder,
        {"profile": "ostp-ai-action-plan", "docket": "NSF_FRDOC_0001", "conclusion": paragraphs},
    )


def test_too_long_letter_fails_and_writes_nothing(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "letter", OSTP)
    out = tmp_path / "out"
    assert run("render", folder, "--out", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    long_letter(folder)
    result = run("render", folder, "--out", out)
    assert result.returncode == 1
    assert re.search(
        r"policydraft\.yaml:\d+:\d+: error PD610: the PDF has \d\d pages; "
        r"ostp-ai-action-plan allows at most 15 \(90 Fed\. Reg\. 9088",
        result.stderr,
    ), result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # untouched, no temporaries
    assert run("check", folder).returncode == 1  # check measures a scratch render too


def test_docket_must_match_the_profile(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"profile": "nhtsa", "docket": "NHTSA-25-1"})
    result = run("check", folder)
    assert result.returncode == 1
    assert re.search(r"policydraft\.yaml:\d+:\d+: error PD602: docket 'NHTSA-25-1'", result.stderr)


def test_profile_defaults_fill_the_addressee(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "s", {"profile": "nhtsa", "docket": "NHTSA-2025-0001"})
    data = json.loads((folder / "policydraft.yaml").read_text())
    del data["addressee"]
    (folder / "policydraft.yaml").write_text(json.dumps(data))
    assert run("render", folder, "--to", "pdf", "--out", tmp_path / "o").returncode == 0
    assert "Docket Management Facility" in pdf_text(next((tmp_path / "o").glob("*.pdf")))


@pytest.mark.parametrize(
    ("profile_text", "expected"),
    [
        ("title: T\nagency: A\ncolour: red\n", "my.yaml:3:1: error PD601: unknown key 'colour'"),
        (
            "title: T\nagency: A\nrules:\n  - rule: pagez\n    source: s\n",
            "my.yaml:4:11: error PD601: unknown rule 'pagez' in profile 'my'; did you mean",
        ),
        (
            "title: T\nagency: A\nrules:\n  - rule: pages\n    max: many\n    source: s\n",
            "my.yaml:5:10: error PD601: 'max' in rule #1 (pages) of profile 'my' must be a",
        ),
        ("title: [T\n", "my.yaml:2:1: error PD601: profile: invalid YAML"),
    ],
)
def test_own_profile_errors_point_into_its_file(
    tmp_path: Path, profile_text: str, expected: str
) -> None:
    folder = write_submission(tmp_path, {"profile": "./my.yaml"})
    (folder / "my.yaml").write_text(profile_text)
    result = run("check", folder)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr


def test_unknown_profile(tmp_path: Path) -> None:
    result = run("check", write_submission(tmp_path, {"profile": "ostp"}))
    assert (
        "error PD600: profile 'ostp' not found (built-in profiles: copyright-office"
        in result.stderr
    )


def test_own_profile_extends_a_built_in_one(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"profile": "./mine.yaml", "docket": "AGENCY-2025-0001"})
    (folder / "mine.yaml").write_text(
        "title: Mine\nagency: Example Agency\nextends: regulations-gov\nrules:\n"
        "  - rule: pages\n    max: 1\n    source: Example Notice\n"
    )
    result = run("check", folder)
    assert (
        "error PD610: the PDF has 2 pages; mine allows at most 1 (Example Notice)" in result.stderr
    )


# --- package ------------------------------------------------------------------------------


def test_package_lists_every_file_with_its_hash(package: tuple[Path, str]) -> None:
    out, _ = package
    manifest = json.loads((out / "manifest.json").read_text())
    names = sorted(p.name for p in out.iterdir())
    # the manifest lists the filed files; the filing record lists them and the manifest
    assert names == sorted(
        [*(f["name"] for f in manifest["files"]), "manifest.json", "filing.json"]
    )
    for entry in manifest["files"]:
        content = (out / entry["name"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
        assert entry["size"] == len(content)
    pdf = next(f for f in manifest["files"] if f["name"].endswith(".pdf"))
    assert pdf["pages"] == len(PdfReader(out / pdf["name"]).pages)
    assert manifest["profile"] == "ostp-ai-action-plan"
    assert (manifest["docket"], manifest["date"], manifest["signatories"]) == (
        "NSF_FRDOC_0001",
        "2025-03-15",
        420,
    )


def test_package_comment_fits_and_ends_on_a_sentence(package: tuple[Path, str]) -> None:
    comment = (package[0] / "comment.txt").read_text()
    assert len(comment) <= 5000
    summary = comment.split("\n\n")[-2]
    assert summary.endswith((".", "?", "!", ".”"))
    assert comment.rstrip().endswith(
        "The full comment is attached: ostp-ai-action-plan-open-letter.pdf."
    )


def test_package_holds_no_email_address(package: tuple[Path, str]) -> None:
    out, stdout = package
    assert EMAIL.search((EXAMPLE / "signatories.csv").read_text()), "the example has e-mails"
    agency = {"ostp-ai-rfi@nitrd.gov"}  # the .eml's To: public, from the profile (90 FR 9088)
    for path in out.iterdir():
        text = pdf_text(path) if path.suffix == ".pdf" else path.read_text()
        assert not set(EMAIL.findall(text)) - agency, path.name
    assert "'AI Action Plan' in the subject line" in stdout


def test_short_comment_box_cuts_at_a_sentence(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path / "s",
        {
            "profile": "./box.yaml",
            "introduction": "First sentence is here. Second one follows. " * 20,
        },
    )
    (folder / "box.yaml").write_text(
        "title: Box\nagency: A\nrules:\n  - rule: comment-box\n    max_characters: 400\n"
        "    source: s\n"
    )
    assert run("package", folder, "--out", tmp_path / "p").returncode == 0
    comment = (tmp_path / "p" / "comment.txt").read_text()
    assert len(comment) <= 400
    assert "follows.\n\nThe full comment is attached" in comment or "here.\n\nThe full" in comment


def test_package_too_long_writes_nothing(tmp_path: Path) -> None:
    folder = long_letter(tmp_path / "s")
    result = run("package", folder, "--out", tmp_path / "p")
    assert result.returncode == 1 and "PD610" in result.stderr
    assert not (tmp_path / "p").exists() or list((tmp_path / "p").iterdir()) == []


# --- reproducible outputs -----------------------------------------------------------------


def render_bytes(folder: Path, out: Path, epoch: str | None) -> dict[str, bytes]:
    env = {} if epoch is None else {"SOURCE_DATE_EPOCH": epoch}
    result = run("render", folder, "--out", out, env=env)
    assert result.returncode == 0, result.stderr
    return {p.suffix: p.read_bytes() for p in out.iterdir()}


def test_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "s")
    first = render_bytes(folder, tmp_path / "a", None)
    assert render_bytes(folder, tmp_path / "b", None) == first
    epoch = render_bytes(folder, tmp_path / "c", "1700000000")
    assert render_bytes(folder, tmp_path / "d", "1700000000") == epoch
    assert epoch[".pdf"] != first[".pdf"] and epoch[".docx"] != first[".docx"]


def test_source_date_epoch_sets_the_embedded_date(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "s")
    render_bytes(folder, tmp_path / "a", "1700000000")  # 2023-11-14 UTC
    pdf = next((tmp_path / "a").glob("*.pdf"))
    assert str(PdfReader(pdf).metadata["/CreationDate"]).startswith("D:20231114")
    with zipfile.ZipFile(next((tmp_path / "a").glob("*.docx"))) as docx:
        assert "2023-11-14" in docx.read("docProps/core.xml").decode()
    render_bytes(folder, tmp_path / "b", None)
    pdf = next((tmp_path / "b").glob("*.pdf"))
    assert str(PdfReader(pdf).metadata["/CreationDate"]).startswith("D:20250315")  # date:


# --- profiles and templates commands ------------------------------------------------------


def test_profiles_list() -> None:
    result = run("profiles", "list")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["copyright-office", "nhtsa", "ostp-ai-action-plan", "regulations-gov"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "ostp-ai-action-plan",
            "- pages: at most 15 pages (every page)\n      source: 90 Fed. Reg. 9088",
        ),
        ("ostp-ai-action-plan", "reading: The notice does not say whether a signatory list"),
        ("regulations-gov", "- comment-box: comment box text of at most 5,000 characters"),
        ("copyright-office", "- file-size: each attached file at most 6 MB"),
        ("nhtsa", "- pages: at most 15 pages (pages before the appendix)\n      source: 49 C.F.R."),
        ("nhtsa", "- attachments: at most 20 attached files"),  # from regulations-gov
    ],
)
def test_profiles_show(name: str, expected: str) -> None:
    result = run("profiles", "show", name)
    assert result.returncode == 0
    assert expected in result.stdout


def test_profiles_show_every_rule_has_a_source() -> None:
    for name in ("ostp-ai-action-plan", "regulations-gov", "copyright-office", "nhtsa"):
        stdout = run("profiles", "show", name).stdout
        assert stdout.count("\n  - ") == stdout.count("      source: ")


def test_profiles_show_unknown() -> None:
    result = run("profiles", "show", "nope")
    assert result.returncode == 1 and "PD600" in result.stderr


def test_templates_list() -> None:
    result = run("templates", "list")
    assert result.stdout.splitlines()[0].startswith("comment-letter   a formal comment")
    assert "open-letter" in result.stdout


def test_templates_copy_overrides_and_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "s")
    assert run("templates", "copy", "comment-letter", folder).returncode == 0
    copied = folder / "templates" / "comment-letter" / "letter.md.j2"
    copied.write_text(copied.read_text().replace("::: closing\n", "Our own line.\n\n::: closing\n"))
    result = run("templates", "copy", "comment-letter", folder)
    assert result.returncode == 1 and "error PD120" in result.stderr
    assert "Our own line." in copied.read_text()
    assert run("render", folder, "--to", "pdf", "--out", tmp_path / "o").returncode == 0
    assert "Our own line." in pdf_text(next((tmp_path / "o").glob("*.pdf")))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            ("{{ title }}", "{{ titel }}"),
            r"letter\.md\.j2:\d+:1: error PD303: .*'titel' is undefined",
        ),
        (
            ("{% endif %}", "{% endfi %}"),
            r"letter\.md\.j2:\d+:1: error PD302: template syntax error",
        ),
    ],
)
def test_template_mistakes_point_at_their_line(
    tmp_path: Path, edit: tuple[str, str], expected: str
) -> None:
    folder = write_submission(tmp_path / "s")
    run("templates", "copy", "comment-letter", folder)
    copied = folder / "templates" / "comment-letter" / "letter.md.j2"
    text = copied.read_text()
    line = text[: text.index(edit[0])].count("\n") + 1
    copied.write_text(text.replace(edit[0], edit[1], 1))
    result = run("check", folder)
    assert result.returncode == 1
    match = re.search(expected, result.stderr)
    assert match, result.stderr
    assert f"letter.md.j2:{line}:" in result.stderr


def test_own_template_without_the_statement_block_fails(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "s", OSTP)
    run("templates", "copy", "comment-letter", folder)
    copied = folder / "templates" / "comment-letter" / "letter.md.j2"
    copied.write_text(copied.read_text().replace("profile.statements", "[]"))
    result = run("check", folder)
    assert result.returncode == 1 and "error PD616: the PDF lacks the statement" in result.stderr
