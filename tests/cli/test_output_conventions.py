"""Where output goes and how it ends (issue 16, item 4): results on stdout, diagnostics and a
summary line on stderr, colour only on a terminal, ``--json=v2``, and exit status 3 for a bug
(tests/test_cli.py: test_internal_errors_show_no_traceback_without_debug)."""

from __future__ import annotations

import hashlib
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import run_cli, write_submission

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ostp-ai-action-plan"
WARNING = {"conclusion": "Text.\n\n[^unused]: Never referenced.\n"}  # PD202, a warning
ERROR_LIST = "name,title\nAda,A\n,B\n"  # PD401, an error at line 3

STDERR_LINE = re.compile(
    r"^(\S.*:\d+:\d+: (error|warning|note) PD\d{3}: .*"
    r"|\.\.\. and [\d,]+ more PD\d{3} .*"
    r"|[\d,]+ errors?, [\d,]+ warnings?)$"
)
"""What a command may print on stderr besides its usage messages: diagnostics, the line
counting a code's other findings, and the summary."""


def test_a_clean_check_says_so(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    result = run_cli("check", folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "0 errors, 0 warnings"


def test_the_summary_counts_every_finding_on_one_line(tmp_path: Path) -> None:
    """``render`` displays the check's findings, then writes: one summary for the run."""
    folder = write_submission(tmp_path / "sub", WARNING)
    result = run_cli("render", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    summaries = [line for line in result.stderr.splitlines() if "errors, " in line]
    assert summaries == ["0 errors, 1 warning"]
    assert result.stderr.splitlines()[-1] == "0 errors, 1 warning"


def test_json_has_no_summary_and_v1_is_json(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", signatories=ERROR_LIST)
    plain = run_cli("check", folder, "--json")
    v1 = run_cli("check", folder, "--json=v1")
    assert plain.returncode == v1.returncode == 1
    assert plain.stdout == v1.stdout
    assert plain.stderr == v1.stderr == ""
    assert [d["code"] for d in json.loads(plain.stdout)] == ["PD401"]


def test_json_v2_check_is_one_object(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", WARNING, signatories=ERROR_LIST)
    result = run_cli("check", folder, "--json=v2")
    assert result.returncode == 1
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert list(report) == ["version", "diagnostics", "totals", "files"]
    assert report["version"] == 2
    assert sorted(d["code"] for d in report["diagnostics"]) == ["PD202", "PD401"]
    assert report["totals"] == {"errors": 1, "warnings": 1, "notes": 0}
    assert report["files"] == []
    assert set(report["diagnostics"][0]) == {
        "file", "line", "column", "severity", "code", "message"
    }  # fmt: skip


def test_json_v2_render_lists_the_files_with_hashes_and_pages(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", WARNING)
    out = tmp_path / "out"
    result = run_cli("render", folder, "--out", out, "--json=v2", "--strict")
    assert result.returncode == 1  # --strict: the warning is an error; nothing written
    assert json.loads(result.stdout)["files"] == [] and not out.exists()
    result = run_cli("render", folder, "--out", out, "--json=v2")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["totals"] == {"errors": 0, "warnings": 1, "notes": 0}
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert sorted(files) == ["sub.docx", "sub.pdf"]
    for name, entry in files.items():
        data = (out / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
        assert entry["format"] == name.rsplit(".", 1)[1]
    assert files["sub.pdf"]["pages"] == len(PdfReader(out / "sub.pdf").pages)
    assert files["sub.docx"]["pages"] is None  # no layout counted the DOCX's pages
    assert "wrote " in result.stderr  # the lines are kept, away from the JSON


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", ".", "--json=v3"], "--json takes v1 or v2 (--json=v2), not 'v3'"),
        (["check", ".", "--json="], "--json takes v1 or v2 (--json=v2), not ''"),
        (["sources", "list", ".", "--json=v2"], "--json=v2 is for check, package, render"),
        (["signatories", "stats", ".", "--json=v2"], "--json=v2 is for check"),
        (["version", "--json=v2"], "--json=v2 is for check"),
        (["profiles", "list", "--json"], "No such option: --json"),
    ],
)
def test_bad_json_versions_are_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_an_argument_after_double_dash_is_not_an_option(tmp_path: Path) -> None:
    result = run_cli("check", "--json=v2", "--", "--json=v9", cwd=tmp_path)
    assert result.returncode == 2
    assert "no such submission folder: --json=v9" in result.stderr


@pytest.mark.parametrize(
    ("args", "stdout"),
    [
        (["sources", "list", EXAMPLE], "  full:  "),
        (["signatories", "stats", EXAMPLE], " printed, "),
        (["profiles", "show", "ostp-ai-action-plan"], "rules:"),
        (["profiles", "list"], "ostp-ai-action-plan"),
        (["templates", "list"], "open-letter"),
        (["version"], "policydraft "),
        (["check", EXAMPLE], ""),
    ],
)
def test_results_on_stdout_diagnostics_on_stderr(args: list[str], stdout: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert stdout in result.stdout
    if not stdout:
        assert result.stdout == ""
    for line in result.stderr.splitlines():
        assert STDERR_LINE.match(line), line


def test_written_files_and_started_folders_are_results(tmp_path: Path) -> None:
    started = run_cli("init", tmp_path / "new")
    assert started.returncode == 0, started.stderr
    assert "new" in started.stdout
    folder = write_submission(tmp_path / "sub")
    rendered = run_cli("render", folder, "--out", tmp_path / "out")
    assert re.findall(r"^wrote \S+sub\.(docx|pdf) ", rendered.stdout, re.M) == ["pdf", "docx"]
    assert all(STDERR_LINE.match(line) for line in rendered.stderr.splitlines())
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text("name\nAda Lovelace\n", encoding="utf-8")
    b.write_text("name\nAda Lovelace\nGrace Hopper\n", encoding="utf-8")
    diff = run_cli("signatories", "diff", a, b)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.splitlines()[0] == "+ Grace Hopper"


SGR = re.compile(r"\x1b\[[0-9;]*m")
"""A terminal's colour and style sequence."""


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """``policydraft ARGS`` with stderr on a pseudo-terminal; its exit status and stderr."""
    main, terminal = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    process = subprocess.Popen(
        [sys.executable, "-m", "policydraft", *args],
        stdout=subprocess.DEVNULL, stderr=terminal, env={**environment, **env},
    )  # fmt: skip
    os.close(terminal)
    said = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the terminal's other side closed
            break
        if not chunk:
            break
        said += chunk
    os.close(main)
    return process.wait(timeout=120), said.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"TERM": "xterm"}, True),
        ({"TERM": "xterm", "NO_COLOR": "1"}, False),
        ({"TERM": "xterm", "NO_COLOR": "0"}, False),  # any non-empty value
        ({"TERM": "xterm", "NO_COLOR": ""}, True),  # empty is unset
        ({"TERM": "dumb"}, False),
    ],
)
def test_severities_in_colour_only_on_a_terminal(
    env: dict[str, str], coloured: bool, tmp_path: Path
) -> None:
    folder = write_submission(tmp_path / "sub", WARNING, signatories=ERROR_LIST)
    status, said = run_on_a_terminal(["check", str(folder)], env)
    assert status == 1
    ours = [line for line in said.splitlines() if " PD" in line or "1 error, " in line]
    assert len(ours) == 3, said  # (a progress bar may draw on the terminal above them)
    assert all(bool(SGR.search(line)) is coloured for line in ours), said
    plain = SGR.sub("", said)
    assert ": error PD401: " in plain and ": warning PD202: " in plain
    assert "1 error, 1 warning" in plain


def test_no_colour_in_a_pipe(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", WARNING, signatories=ERROR_LIST)
    result = run_cli("check", folder, env={"TERM": "xterm"})
    assert result.returncode == 1
    assert "\x1b[" not in result.stderr + result.stdout


@pytest.mark.parametrize("option", ["-o", "--output"])
def test_export_to_stdout(option: str, tmp_path: Path) -> None:
    """``-o -`` writes the CSV on stdout (no file named ``-``), the count on stderr."""
    folder = write_submission(tmp_path / "sub", signatories="name,email\nAda Lovelace,a@x.org\n")
    to_file = run_cli("signatories", "export", folder, "-o", tmp_path / "list.csv")
    assert to_file.returncode == 0, to_file.stderr
    result = run_cli("signatories", "export", folder, option, "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    csv = (tmp_path / "list.csv").read_text(encoding="utf-8")  # text: \r\n read as \n
    assert result.stdout == csv
    assert "wrote 1 signatories to standard output" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv", "sub"]


def test_json_v2_package_lists_its_files(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub")
    out = tmp_path / "filing"
    result = run_cli("package", folder, "--out", out, "--json=v2")
    assert result.returncode == 0, result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert sorted(files) == sorted(p.name for p in out.iterdir())
    for name, entry in files.items():
        assert entry["sha256"] == hashlib.sha256((out / name).read_bytes()).hexdigest()
