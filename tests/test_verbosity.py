"""Verbosity (-q, default, -v), a profile's readings on one line, --ignore and the
``diagnostics: {ignore: [...]}`` setting, and the progress bar (issue 16, items 2 and 5).

Through the real command line: a submission under the OSTP profile (five readings, PD690,
and its e-mail subject note, PD691) with ``table_of_authorities: true`` and no authorities
(one warning, PD131) shows each level. The progress bar is looked for on a pseudo-terminal
and in a pipe. Nothing is timed.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydraft.codes import CODES
from policydraft.diagnostics import Diagnostic
from policydraft.profiles.readings import collapse_readings, reading_note
from policydraft.submission.ignoring import count_ignored, ignore_problem, split_codes
from tests.helpers import run_cli, write_submission

OSTP: dict[str, object] = {
    "profile": "ostp-ai-action-plan",
    "docket": "NSF_FRDOC_0001",
    "table_of_authorities": True,  # cites nothing: warning PD131
}
STAGES = ("load", "profile", "signatories", "bibliography", "compose", "cite", "checks")
ONE_LINE = (
    "note PD690: ostp-ai-action-plan reads 5 rules in a stated way: `-v` or "
    "`policydraft profiles show ostp-ai-action-plan` prints them"
)


def letter(folder: Path, extra: dict[str, object] | None = None) -> Path:
    return write_submission(folder, {**OSTP, **(extra or {})})


Args = Callable[[Path], list[str | Path]]
"""A command's arguments, given a folder holding the letter at ``letter/``."""

COMMANDS: dict[str, tuple[Args, bool]] = {
    # name: (arguments, whether -v prints the stages' times)
    "check": (lambda tmp: ["check", tmp / "letter"], True),
    "render": (lambda tmp: ["render", tmp / "letter", "--out", tmp / "out"], True),
    "package": (lambda tmp: ["package", tmp / "letter", "--out", tmp / "package"], True),
    "redline": (lambda tmp: ["redline", tmp / "letter", tmp / "letter", "--out", tmp / "r"], False),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("level", "warning", "one_line", "readings", "times"),
    [
        pytest.param("-q", False, False, 0, False, id="quiet"),
        pytest.param(None, True, True, 0, False, id="default"),
        pytest.param("-v", True, False, 5, True, id="verbose"),
    ],
)
def test_what_each_level_prints(
    tmp_path: Path,
    command: str,
    level: str | None,
    warning: bool,
    one_line: bool,
    readings: int,
    times: bool,
) -> None:
    letter(tmp_path / "letter")
    args, timed = COMMANDS[command]
    result = run_cli(*args(tmp_path), *([level] if level else []))
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert ("warning PD131:" in err) is warning
    assert (ONE_LINE in err) is one_line
    # redline checks both versions, the same folder twice: the same lines, printed once
    assert len(set(re.findall(r".* reads its [\w-]+ rule so: .*", err))) == readings
    assert ("note PD691:" in err) is (level != "-q")
    assert "1 warning" in err  # the summary counts what -q does not print
    assert bool(re.search(r"^time: ", err, re.M)) is (times and timed)


def test_verbose_times_each_stage_in_order(tmp_path: Path) -> None:
    letter(tmp_path / "letter")
    result = run_cli("render", tmp_path / "letter", "--out", tmp_path / "out", "-v")
    assert result.returncode == 0, result.stderr
    names = re.findall(r"^time: ([\w ,]+): \d+\.\d{3} s$", result.stderr, re.M)
    assert names == [*STAGES, "write pdf,docx", "total"]


def test_json_lists_every_reading_at_any_level(tmp_path: Path) -> None:
    letter(tmp_path / "letter")
    for level in ("-q", "-v", None):
        result = run_cli("check", tmp_path / "letter", "--json", *([level] if level else []))
        codes = [d["code"] for d in json.loads(result.stdout)]
        assert codes.count("PD690") == 5, level


def test_quiet_and_verbose_together_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", letter(tmp_path / "letter"), "-q", "-v")
    assert result.returncode == 2
    assert "Invalid value for -q/-v: give one or the other, not both" in result.stderr


@pytest.mark.parametrize(
    ("ignore", "hidden", "shown"),
    [
        (["--ignore", "PD131"], {"PD131"}, {"PD690", "PD691"}),
        (["--ignore", "pd131,PD690"], {"PD131", "PD690"}, {"PD691"}),
        (["--ignore", "PD131", "--ignore", "PD691"], {"PD131", "PD691"}, {"PD690"}),
        (["--ignore", "PD131, PD690 ,PD691"], {"PD131", "PD690", "PD691"}, set()),
    ],
)
def test_ignored_findings_are_not_printed(
    tmp_path: Path, ignore: list[str], hidden: set[str], shown: set[str]
) -> None:
    result = run_cli("check", letter(tmp_path / "letter"), *ignore)
    assert result.returncode == 0, result.stderr
    printed = set(re.findall(r": (?:note|warning) (PD\d+):", result.stderr))
    assert printed == shown
    assert not printed & hidden


@pytest.mark.parametrize(
    ("args", "status"),
    [
        pytest.param([], 0, id="warning"),
        pytest.param(["--strict"], 1, id="strict makes it an error"),
        pytest.param(["--strict", "--ignore", "PD131"], 0, id="ignored: not counted"),
    ],
)
def test_ignored_warnings_do_not_count(tmp_path: Path, args: list[str], status: int) -> None:
    result = run_cli("check", letter(tmp_path / "letter"), *args)
    assert result.returncode == status, result.stderr
    if "--ignore" in args:
        assert " warning PD" not in result.stderr
        assert "0 errors, 0 warnings" in result.stderr


def test_ignored_findings_are_left_out_of_json(tmp_path: Path) -> None:
    result = run_cli("check", letter(tmp_path / "letter"), "--json", "--ignore", "PD690")
    codes = {d["code"] for d in json.loads(result.stdout)}
    assert codes == {"PD131", "PD691"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("PD999", "'PD999' is not a policydraft code (a typo?)"),
        ("PD13", "'PD13' is not a policydraft code (a typo?)"),
        ("W605", "'W605' is not a policydraft code (a typo?)"),
        ("PD101", "PD101 is always an error, and errors cannot be ignored"),
        ("PD131,PD610x", "'PD610X' is not a policydraft code"),
    ],
)
def test_a_bad_code_on_the_command_line_is_a_usage_error(
    tmp_path: Path, value: str, message: str
) -> None:
    result = run_cli("check", letter(tmp_path / "letter"), "--ignore", value)
    assert result.returncode == 2
    assert f"Invalid value for --ignore: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_setting_ignores_as_the_option_does(tmp_path: Path) -> None:
    folder = letter(tmp_path / "letter", {"diagnostics": {"ignore": ["PD131", "pd690"]}})
    result = run_cli("check", folder, "--strict")
    assert result.returncode == 0, result.stderr
    assert set(re.findall(r": (?:note|warning) (PD\d+):", result.stderr)) == {"PD691"}


def test_the_setting_and_the_option_add_up(tmp_path: Path) -> None:
    folder = letter(tmp_path / "letter", {"diagnostics": {"ignore": ["PD131"]}})
    result = run_cli("check", folder, "--ignore", "PD691")
    assert set(re.findall(r": (?:note|warning) (PD\d+):", result.stderr)) == {"PD690"}


@pytest.mark.parametrize(
    ("codes", "item", "message"),
    [
        (["PD999"], 1, "'PD999' is not a policydraft code (a typo?)"),
        (["PD131", "PD4O4"], 2, "'PD4O4' is not a policydraft code (a typo?)"),
        (["PD101"], 1, "PD101 is always an error, and errors cannot be ignored"),
    ],
)
def test_a_bad_code_in_the_setting_is_located(
    tmp_path: Path, codes: list[str], item: int, message: str
) -> None:
    folder = write_submission(tmp_path / "letter", {"diagnostics": {"ignore": codes}})
    result = run_cli("check", folder)
    assert result.returncode == 1
    lines = (folder / "policydraft.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if f'"{codes[item - 1]}"' in text)
    found = re.search(
        rf"policydraft\.yaml:{line}:\d+: error PD104: .*{re.escape(message)}", result.stderr
    )
    assert found, result.stderr


@pytest.mark.parametrize(
    "setting",
    [{"ignore": "PD131"}, {"ignore": [131]}, {"ignroe": ["PD131"]}, ["PD131"]],
    ids=["text", "number", "typo", "list"],
)
def test_a_malformed_setting_is_an_error(tmp_path: Path, setting: object) -> None:
    folder = write_submission(tmp_path / "letter", {"diagnostics": setting})
    result = run_cli("check", folder)
    assert result.returncode == 1
    assert re.search(r"policydraft\.yaml:\d+:\d+: error PD10[24]: ", result.stderr), result.stderr


def test_errors_are_never_ignored(tmp_path: Path) -> None:
    """PD210 is an error (too many cells) or a warning (too few): only its warnings go."""
    body = "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n"
    folder = write_submission(
        tmp_path / "letter", {"arguments": [{"heading": "Table", "body": body}]}
    )
    result = run_cli("check", folder, "--ignore", "PD210")
    assert result.returncode == 1
    assert re.search(r"error PD210: ", result.stderr), result.stderr
    assert not re.search(r"warning PD210: ", result.stderr), result.stderr
    plain = run_cli("check", folder)
    assert re.search(r"warning PD210: ", plain.stderr), plain.stderr


def test_package_records_what_it_ignored(tmp_path: Path) -> None:
    folder = letter(tmp_path / "letter")
    out = tmp_path / "package"
    result = run_cli("package", folder, "--out", out, "--ignore", "PD131,PD690")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["ignored"] == {"PD131": 1, "PD690": 5}
    assert "ignored 6 findings: PD131 (1), PD690 (5); manifest.json records them" in result.stderr


def test_package_records_the_setting_too(tmp_path: Path) -> None:
    folder = letter(tmp_path / "letter", {"diagnostics": {"ignore": ["PD691"]}})
    out = tmp_path / "package"
    result = run_cli("package", folder, "--out", out, "--json")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["ignored"] == {"PD691": 1}
    assert "ignored 1 finding: PD691 (1)" in result.stderr
    assert json.loads(result.stdout)  # stdout is still the diagnostics list


def test_package_without_ignoring_has_no_ignored_entry(tmp_path: Path) -> None:
    out = tmp_path / "package"
    result = run_cli("package", letter(tmp_path / "letter"), "--out", out)
    assert result.returncode == 0, result.stderr
    assert "ignored" not in json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "ignored" not in result.stderr


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ([], {"PD404"}),
        (["-q"], set()),
        (["--ignore", "PD404"], set()),
    ],
)
def test_signatories_stats_takes_the_options(
    tmp_path: Path, args: list[str], shown: set[str]
) -> None:
    listing = tmp_path / "list.csv"
    listing.write_bytes("name;organization\nZoë Ångström;Café\n".encode("cp1252"))
    result = run_cli("signatories", "stats", listing, *args)
    assert result.returncode == 0, result.stderr
    assert set(re.findall(r": note (PD\d+):", result.stderr)) == shown


# -- the progress bar -----------------------------------------------------------------------


def on_a_terminal(*args: str | Path) -> tuple[int, str]:
    """``policydraft ARGS`` with stdout and stderr on a pseudo-terminal: its status and all
    it wrote there."""
    main, child = pty.openpty()
    environment = {
        k: v for k, v in os.environ.items() if k not in ("POLICYDRAFT_DEBUG", "NO_COLOR")
    }
    environment.update(COLUMNS="100", LINES="40", TERM="xterm")
    process = subprocess.Popen(
        [sys.executable, "-m", "policydraft", *map(str, args)],
        stdin=child, stdout=child, stderr=child, env=environment, close_fds=True,
    )  # fmt: skip
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


BAR = "━"
"""What rich draws a bar with."""


@pytest.mark.parametrize(
    ("args", "bar"),
    [
        pytest.param([], True, id="terminal"),
        pytest.param(["--json"], False, id="json"),
        pytest.param(["-q"], False, id="quiet"),
    ],
)
def test_progress_bar_only_on_a_terminal(tmp_path: Path, args: list[str], bar: bool) -> None:
    folder = letter(tmp_path / "letter")
    status, screen = on_a_terminal("render", folder, "--out", tmp_path / "out", *args)
    assert status == 0, screen
    assert (BAR in screen) is bar, screen
    assert ("checking: " in screen) is bar, screen


@pytest.mark.parametrize("command", ["check", "render", "package"])
def test_no_progress_bar_in_a_pipe(tmp_path: Path, command: str) -> None:
    folder = letter(tmp_path / "letter")
    out = [] if command == "check" else ["--out", tmp_path / "out"]
    result = run_cli(command, folder, *out)
    assert result.returncode == 0, result.stderr
    assert BAR not in result.stderr + result.stdout
    assert "\r" not in result.stderr + result.stdout
    assert "\x1b[" not in result.stderr + result.stdout


_MODULES = """
import sys
from policydraft.cli import main
sys.argv = ["policydraft", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(" ".join(sorted(m for m in sys.modules if m == "rich" or m.startswith("rich."))))
"""


def test_rich_is_imported_only_to_draw_a_bar(tmp_path: Path) -> None:
    folder = letter(tmp_path / "letter")
    found = subprocess.run(
        [sys.executable, "-c", _MODULES, "check", str(folder)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert found.stdout.strip() == "", found.stdout


# -- the pieces: readings collapsed, codes checked ------------------------------------------


def reading(rule: str, file: str = "a/policydraft.yaml", profile: str = "nhtsa") -> Diagnostic:
    return Diagnostic(file, 2, 10, "note", "PD690", reading_note(profile, rule, "So read."))


def nhtsa_line(rules: str, them: str) -> str:
    shown_by = "`-v` or `policydraft profiles show nhtsa`"
    return f"nhtsa reads {rules} in a stated way: {shown_by} prints {them}"


@pytest.mark.parametrize(
    ("items", "lines"),
    [
        pytest.param([], [], id="none"),
        pytest.param([reading("pages")], [nhtsa_line("1 rule", "it")], id="one"),
        pytest.param(
            [reading("pages"), reading("font-size"), reading("submitter")],
            [nhtsa_line("3 rules", "them")],
            id="three",
        ),
        pytest.param(
            [reading("pages"), reading("pages", "b/policydraft.yaml")],
            [nhtsa_line("1 rule", "it")] * 2,
            id="two folders",
        ),
    ],
)
def test_readings_collapse_to_one_line_per_profile(
    items: list[Diagnostic], lines: list[str]
) -> None:
    other = Diagnostic("a/policydraft.yaml", 1, 1, "warning", "PD131", "no authorities")
    collapsed = collapse_readings([other, *items])
    assert collapsed[0] == other
    assert [d.message for d in collapsed[1:]] == lines
    assert all(d.code == "PD690" and d.severity == "note" for d in collapsed[1:])


def test_a_note_that_is_not_a_reading_stays() -> None:
    item = Diagnostic("f", 1, 1, "note", "PD690", "something else entirely")
    assert collapse_readings([item]) == [item]


@given(st.text(max_size=12))
def test_any_code_given_is_accepted_or_refused_with_a_reason(text: str) -> None:
    problem = ignore_problem(text)
    declared = CODES.get(text)
    accepted = declared is not None and declared.severities != {"error"}
    assert (problem is None) is accepted
    if problem is not None:
        assert "policydraft code" in problem or "cannot be ignored" in problem


@given(st.lists(st.text(alphabet="PD0123456789, pd", max_size=20), max_size=5))
def test_split_codes_never_keeps_blanks(values: list[str]) -> None:
    codes = split_codes(values)
    assert all(code and code == code.strip().upper() and "," not in code for code in codes)


def test_errors_are_never_counted_as_ignored() -> None:
    items = [
        Diagnostic("f", 1, 1, "error", "PD210", "too many cells"),
        Diagnostic("f", 2, 1, "warning", "PD210", "too few cells"),
        Diagnostic("f", 3, 1, "warning", "PD131", "no authorities"),
    ]
    assert count_ignored(items, frozenset({"PD210"})) == {"PD210": 1}
