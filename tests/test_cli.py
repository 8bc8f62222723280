"""Command tests through the real CLI (a subprocess): output, exit codes, files written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"


run = run_cli


@pytest.fixture(scope="module")
def rendered_example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("example")
    result = run("render", EXAMPLE, "--out", out)
    assert result.returncode == 0, result.stderr
    return out, result.stdout


def test_render_example_writes_both_formats(rendered_example: tuple[Path, str]) -> None:
    out, stdout = rendered_example
    pdf = out / "ostp-ai-action-plan-open-letter.pdf"
    docx = out / "ostp-ai-action-plan-open-letter.docx"
    pages = len(PdfReader(pdf).pages)
    assert f"wrote {pdf} ({pages} pages" in stdout
    # never the PDF's count; the profile files the PDF alone, so the DOCX is not laid out
    # and no page count is claimed for it: Word may break its pages elsewhere
    assert re.search(rf"^wrote {re.escape(str(docx))} \([\d,]+ KB\)$", stdout, re.M), stdout
    assert docx.stat().st_size > 10_000
    assert sorted(p.name for p in out.iterdir()) == [docx.name, pdf.name]  # no temporaries


def test_check_example_is_clean() -> None:
    result = run("check", EXAMPLE)
    assert result.returncode == 0
    # only the notes of the example's agency profile (its readings), then the summary line
    *notes, summary = result.stderr.splitlines()
    assert all(" note PD69" in line for line in notes), result.stderr
    assert summary == "0 errors, 0 warnings"


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("title: [unclosed\n", "policydraft.yaml:2:1: error PD101"),
        ("title: a: b\n", "policydraft.yaml:1:9: error PD101"),
        ("titel: X\n", "error PD102: unknown key 'titel'"),
        ("title: X\ndate: 2025-02-30\ncommenter: {name: A}\n", "policydraft.yaml:2:7: error PD104"),
        ("title: X\ndate: 2025-03-01\n", "error PD103"),
    ],
)
def test_bad_yaml_is_a_diagnostic(tmp_path: Path, yaml_text: str, expected: str) -> None:
    (tmp_path / "policydraft.yaml").write_text(yaml_text, encoding="utf-8")
    result = run("check", tmp_path)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_all_problems_at_once_sorted_by_file_and_line(tmp_path: Path) -> None:
    write_submission(
        tmp_path,
        {"titel": "typo", "arguments": [{"heading": "H", "file": "missing.md"}]},
        signatories="name,title\nAda,Analyst\n,Nameless\n",
    )
    result = run("check", tmp_path)
    assert result.returncode == 1
    codes = [
        line.split(" error ")[1][:5] for line in result.stderr.splitlines() if " error " in line
    ]
    assert "PD102" in codes
    assert "2 errors" in result.stderr or "3 errors" in result.stderr


def test_missing_markdown_file(tmp_path: Path) -> None:
    write_submission(tmp_path, {"arguments": [{"heading": "H", "file": "arguments/gone.md"}]})
    result = run("check", tmp_path)
    assert result.returncode == 1
    assert "error PD105" in result.stderr
    assert "arguments/gone.md" in result.stderr


def test_json_diagnostics(tmp_path: Path) -> None:
    write_submission(tmp_path, signatories="name\nAda\n,\n\n")
    (tmp_path / "signatories.csv").write_text("name,title\nAda,A\n,B\n", encoding="utf-8")
    result = run("check", tmp_path, "--json")
    assert result.returncode == 1
    (item,) = json.loads(result.stdout)
    assert item == {
        "file": item["file"],
        "line": 3,
        "column": 1,
        "severity": "error",
        "code": "PD401",
        "message": item["message"],
    }
    assert item["file"].endswith("signatories.csv")


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    write_submission(tmp_path, {"conclusion": "Text.\n\n[^unused]: Never referenced.\n"})
    assert run("check", tmp_path).returncode == 0
    strict = run("check", tmp_path, "--strict")
    assert strict.returncode == 1
    assert "error PD202" in strict.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("check", "no-such-folder"),
        ("render", "no-such-folder"),
        ("render", ".", "--to", "odt"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_failed_render_leaves_earlier_outputs_intact(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    out = tmp_path / "out"
    assert run("render", folder, "--out", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (folder / "signatories.csv").write_text("name\n,\nAda\n\n,x\n", encoding="utf-8")
    (folder / "signatories.csv").write_text("title\nAda\n", encoding="utf-8")
    result = run("render", folder, "--out", out)
    assert result.returncode == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_markup_characters_in_signatories_print_literally(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path / "sub",
        {"template": "open-letter"},
        signatories='name,organization\n"Tom *Star* Baxter","Hart & Hart <LLC>"\n',
    )
    out = tmp_path / "out"
    assert run("render", folder, "--out", out).returncode == 0
    text = "".join(page.extract_text() for page in PdfReader(out / "sub.pdf").pages)
    assert "Tom *Star* Baxter" in text
    assert "Hart & Hart <LLC>" in text
    import zipfile

    xml = zipfile.ZipFile(out / "sub.docx").read("word/document.xml").decode()
    assert "Tom *Star* Baxter" in xml
    assert "Hart &amp; Hart &lt;LLC&gt;" in xml


def test_init_then_render(tmp_path: Path) -> None:
    folder = tmp_path / "starter"
    result = run("init", folder, "--template", "open-letter")
    assert result.returncode == 0, result.stderr
    rendered = run("render", folder)
    assert rendered.returncode == 0, rendered.stderr
    assert (folder / "build" / "starter.pdf").is_file()
    again = run("init", folder)
    assert again.returncode == 1
    assert "error PD120" in again.stderr


def test_init_names_every_file_it_would_overwrite_and_writes_none(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "signatories.csv").write_text("name\nOur Signer\n")
    (folder / "policydraft.yaml").write_text("title: ours\n")
    result = run("init", folder)
    assert result.returncode == 1, result.stderr
    named = sorted(line.split(":")[0] for line in result.stderr.splitlines() if "PD120" in line)
    assert [Path(n).name for n in named] == ["policydraft.yaml", "signatories.csv"]
    assert sorted(p.name for p in folder.iterdir()) == ["policydraft.yaml", "signatories.csv"]
    assert (folder / "signatories.csv").read_text() == "name\nOur Signer\n"
    forced = run("init", folder, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Our Signer" not in (folder / "signatories.csv").read_text()


def test_init_with_force_replaces_a_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("not to be touched\n")
    folder = tmp_path / "linked"
    folder.mkdir()
    (folder / "signatories.csv").symlink_to(elsewhere)
    assert run("init", folder, "--force").returncode == 0
    assert elsewhere.read_text() == "not to be touched\n"
    assert not (folder / "signatories.csv").is_symlink()


def test_a_folder_in_the_way_of_the_pdf_replaces_nothing_and_says_so(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    build = folder / "build"
    (build / "sub.pdf").mkdir(parents=True)
    (build / "sub.docx").write_bytes(b"the earlier DOCX")
    result = run("render", folder)
    assert result.returncode == 1
    assert "error PD901: cannot publish sub.pdf" in result.stderr
    assert "no output was replaced" in result.stderr
    assert (build / "sub.docx").read_bytes() == b"the earlier DOCX"
    assert sorted(p.name for p in build.iterdir()) == ["sub.docx", "sub.pdf"]


def test_a_render_removes_leftovers_of_killed_renders(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    build = folder / "build"
    build.mkdir()
    stale = [".sub.pdf.99999999.abcd1234.tmp", ".sub.docx.99999999.abcd1234.old"]
    kept = [".other.pdf.99999999.abcd1234.tmp", "notes.tmp"]
    for name in stale + kept:
        (build / name).write_bytes(b"left over")
    assert run("render", folder).returncode == 0
    assert sorted(p.name for p in build.iterdir()) == sorted([*kept, "sub.docx", "sub.pdf"])


def test_a_refused_render_leaves_no_build_folder(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", {"profile": "./agency.yaml"})
    (folder / "agency.yaml").write_text(
        "title: T\nagency: A\nrules:\n  - rule: words\n    max: 5\n    source: S\n"
    )
    result = run("render", folder)
    assert result.returncode == 1 and "PD619" in result.stderr
    assert not (folder / "build").exists()


@pytest.mark.parametrize(
    ("output", "code"),
    [
        ({"name": "../../x"}, "PD903"),
        ({"name": "/tmp/x"}, "PD903"),
        ({"name": "a\u202eb"}, "PD112"),  # the YAML reader refuses it before the name check
        ({"dir": "../out"}, "PD904"),
        ({"dir": "/tmp/out"}, "PD904"),
    ],
)
def test_outputs_stay_in_the_folder(tmp_path: Path, output: dict[str, str], code: str) -> None:
    folder = write_submission(tmp_path / "sub", {"output": output})
    result = run("render", folder)
    assert result.returncode == 1
    assert "policydraft.yaml:" in result.stderr and f"error {code}" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]


def test_render_one_format(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    result = run("render", folder, "--to", "docx", "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["sub.docx"]
    assert re.search(r"^wrote .*sub\.docx \([\d,]+ KB\)$", result.stdout, re.M), result.stdout


def test_internal_errors_show_no_traceback_without_debug(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    shutil.copy(folder / "policydraft.yaml", tmp_path / "copy.yaml")
    code = (
        "import sys, policydraft.pipeline as p\n"
        "def boom(*a, **k): raise RuntimeError('kaboom')\n"
        "p.load_submission = boom\n"
        "from policydraft.cli import main\n"
        "sys.argv = ['policydraft', *sys.argv[1:]]\nmain()\n"
    )
    plain = subprocess.run(
        [sys.executable, "-c", code, "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert plain.returncode == 3  # EXIT_INTERNAL: a bug, not the user's files
    assert "internal error: RuntimeError: kaboom" in plain.stderr
    assert "This is a bug in policydraft" in plain.stderr and "--debug" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = subprocess.run(
        [sys.executable, "-c", code, "--debug", "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" in debug.stderr


def test_undrawable_character_is_reported_at_its_row(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path, signatories="name,title\nAda,Analyst\nSam \U0001f3ac Lee,Director\n"
    )
    result = run("check", folder)
    assert result.returncode == 1
    assert "signatories.csv:3:1: error PD902" in result.stderr
    assert "U+1F3AC" in result.stderr


def test_unwritable_output_is_a_diagnostic(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be", encoding="utf-8")
    result = run("render", folder, "--out", blocker / "out")
    assert result.returncode == 1
    assert "error PD901: cannot write the output" in result.stderr
    assert "Traceback" not in result.stderr


def test_render_json_keeps_stdout_a_diagnostics_list(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    result = run("render", folder, "--json", "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "wrote " in result.stderr


@pytest.mark.parametrize(
    "profile", ["ostp-ai-action-plan", "regulations-gov", "copyright-office", "nhtsa"]
)
def test_init_with_a_profile_checks_clean(tmp_path: Path, profile: str) -> None:
    folder = tmp_path / "starter"
    assert run("init", folder, "--profile", profile).returncode == 0
    text = (folder / "policydraft.yaml").read_text(encoding="utf-8")
    assert f"profile: {profile}\n" in text
    assert "docket:" not in text  # the profile's own docket applies
    result = run("check", folder)
    assert result.returncode == 0, result.stderr


def test_init_with_an_unknown_profile_is_a_usage_error(tmp_path: Path) -> None:
    result = run("init", tmp_path / "x", "--profile", "nonesuch")
    assert result.returncode == 2
    assert "unknown profile 'nonesuch'" in result.stderr


@pytest.mark.parametrize("command", ["check", "render", "package"])
def test_malformed_source_date_epoch_is_a_usage_error(tmp_path: Path, command: str) -> None:
    folder = write_submission(tmp_path / "sub")
    out = [] if command == "check" else ["--out", str(tmp_path / "o")]
    args = [sys.executable, "-m", "policydraft", command, str(folder), *out]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "yesterday"}
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH must be whole seconds since 1970, not 'yesterday'" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("signatories", "expected"),
    [
        ({"file": "signatories.csv", "columns": {"nmae": "Full Name"}},
         "error PD104: the key in signatories.columns must be one of 'name'"),
        ({"file": "signatories.csv", "columns": {"organization": "Company"}},
         "signatories.csv:1:1: error PD414: signatories.columns maps 'organization' to the "
         "header 'Company'"),
        ({"file": "signatories.csv", "group_by": "region"},
         "error PD104: 'group_by' in signatories must be one of 'category'"),
    ],
)  # fmt: skip
def test_signatory_options_that_would_drop_data_are_errors(
    tmp_path: Path, signatories: dict[str, object], expected: str
) -> None:
    """A mapping to a missing header, or grouping by an unknown column, silently emptied a
    column before; now each is an error at its place."""
    folder = write_submission(tmp_path, {"signatories": signatories},
                              signatories="name,title\nAda Lovelace,Analyst\n")  # fmt: skip
    result = run("check", folder)
    assert result.returncode == 1
    assert expected in result.stderr
