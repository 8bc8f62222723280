"""Through the real CLI: consent as forms ask it, nobody printed, and the signatory commands
on bare files read with a folder's settings.

The lists are shaped as a Google Forms download is (its documented response sheet: a
"Timestamp" column, then one column per question headed by the question's text, each cell the
text of the option chosen), with the form's own consent question and answers mapped in
policydraft.yaml, as a team that kept its form's headers would.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import write_submission
from tests.signatories.test_commands import run

QUESTION = "May we list your name on the letter?"
MAPPED = {
    "file": "signatories.csv",
    "columns": {"name": "Your name (as it should appear)", "consent": QUESTION},
    "consent_values": {"yes": ["Bien sûr"], "no": ["Pas cette fois"]},
}
HEADER = f'Timestamp,Your name (as it should appear),Organisation,"{QUESTION}"\n'
LAST_FILING = (
    HEADER + "2025/03/13 9:00:00 AM GMT-4,Ada Lovelace,Engines Ltd,Bien sûr\n"
    "2025/03/13 9:05:12 AM GMT-4,Grace Hopper,Navy,Bien sûr\n"
    "2025/03/13 9:07:40 AM GMT-4,Wanda Withdrawn,,Bien sûr\n"
)
NOW = (
    HEADER + "2025/03/13 9:00:00 AM GMT-4,Ada Lovelace,Engines Ltd,Bien sûr\n"
    "2025/03/13 9:05:12 AM GMT-4,Grace Hopper,Navy,Bien sûr\n"
    "2025/03/13 9:07:40 AM GMT-4,Wanda Withdrawn,,Pas cette fois\n"
    "2025/03/14 10:00:00 AM GMT-4,Katherine Johnson,NASA,Bien sûr\n"
)


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    """A submission folder that maps its form's headers and consent answers."""
    return write_submission(tmp_path / "letter", {"signatories": MAPPED}, NOW)


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "last-filing.csv"
    path.write_text(LAST_FILING, encoding="utf-8")
    return path


def _diff(*args: str | Path) -> dict[str, list[dict[str, object]]]:
    result = run("signatories", "diff", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _names(report: dict[str, list[dict[str, object]]], key: str) -> list[object]:
    return [row["name"] for row in report[key]]


def test_diff_reads_a_file_with_the_folders_settings(letter: Path, old_file: Path) -> None:
    report = _diff(old_file, letter)
    assert _names(report, "added") == ["Katherine Johnson"]
    assert _names(report, "removed") == ["Wanda Withdrawn"]
    assert report["changed"] == []


def test_diff_the_other_way_round(letter: Path, old_file: Path) -> None:
    report = _diff(letter, old_file)
    assert _names(report, "added") == ["Wanda Withdrawn"]
    assert _names(report, "removed") == ["Katherine Johnson"]


def test_diff_two_files_with_settings(letter: Path, old_file: Path) -> None:
    report = _diff(old_file, letter / "signatories.csv", "--settings", letter)
    assert _names(report, "added") == ["Katherine Johnson"]
    assert _names(report, "removed") == ["Wanda Withdrawn"]


def test_diff_two_files_without_settings_cannot_read_the_mapped_headers(
    letter: Path, old_file: Path
) -> None:
    result = run("signatories", "diff", old_file, letter / "signatories.csv")
    assert result.returncode == 1
    assert "PD402" in result.stderr


def test_diff_two_folders_each_with_its_own_settings(tmp_path: Path, letter: Path) -> None:
    plain = write_submission(tmp_path / "plain", None, "name\nAda Lovelace\nGrace Hopper\n")
    report = _diff(plain, letter)
    assert _names(report, "added") == ["Katherine Johnson"]
    assert report["removed"] == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["{letter}", "{letter}", "--settings", "{letter}"], 2, "--settings is for a bare"),
        (["{old}", "{letter}", "--settings", "{old}"], 2, "--settings takes a submission folder"),
        (["{old}", "{old}", "--settings", "{tmp}/nowhere"], 2, "takes a submission folder"),
        (["{old}", "{old}", "--settings", "{tmp}/bare"], 1, "PD103"),
        (["{old}", "{old}", "--settings", "{tmp}/broken"], 1, "PD104"),
        (["{old}", "{tmp}/missing.csv"], 2, "no such submission folder or signatory file"),
    ],
)
def test_diff_bad_settings(
    tmp_path: Path, letter: Path, old_file: Path, args: list[str], code: int, message: str
) -> None:
    write_submission(tmp_path / "bare", None, None)  # a submission without signatories:
    broken = {**MAPPED, "consent_values": {"yes": ["Oui"], "no": ["oui"]}}
    write_submission(tmp_path / "broken", {"signatories": broken}, NOW)
    filled = [a.format(letter=letter, old=old_file, tmp=tmp_path) for a in args]
    result = run("signatories", "diff", *filled)
    assert result.returncode == code, result.stderr
    assert message in result.stderr


def test_bad_consent_values_are_pd104_at_their_line(tmp_path: Path) -> None:
    broken = {**MAPPED, "consent_values": {"yes": ["Oui"], "no": ["OUI"]}}
    folder = write_submission(tmp_path / "broken", {"signatories": broken}, NOW)
    result = run("check", folder)
    assert result.returncode == 1
    (line,) = [line for line in result.stderr.splitlines() if "PD104" in line]
    assert "policydraft.yaml:" in line
    assert "'consent_values' in signatories: 'oui' is listed under both yes: and no:" in line


# stats and export on a bare file, with recognised headers or a folder's settings.

PLAIN = "name,organization,email,consent\nAda Lovelace,Engines Ltd,ada@example.org,yes\n" + (
    "Grace Hopper,Navy,grace@example.org,Yes - include my name\n"
    "Wanda Withdrawn,,wanda@example.org,No\n"
)


def test_stats_on_a_bare_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(PLAIN, encoding="utf-8")
    result = run("signatories", "stats", path, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["rows"], report["printed"], report["excluded"]) == (3, 2, {"withdrawn": 1})
    assert "@" not in result.stdout + result.stderr


def test_stats_on_a_bare_file_with_settings(letter: Path, old_file: Path) -> None:
    result = run("signatories", "stats", old_file, "--json", "--settings", letter)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["printed"] == 3


def test_export_a_bare_file(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(PLAIN, encoding="utf-8")
    out = tmp_path / "printed.csv"
    result = run("signatories", "export", path, "-o", out)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["name"] for row in rows] == ["Grace Hopper", "Ada Lovelace"]  # by surname


def test_export_a_bare_file_with_settings(letter: Path, old_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "printed.csv"
    result = run("signatories", "export", old_file, "-o", out, "--settings", letter)
    assert result.returncode == 0, result.stderr
    assert "Wanda Withdrawn" in out.read_text(encoding="utf-8")


def test_export_with_settings_for_a_folder_is_a_usage_error(letter: Path, tmp_path: Path) -> None:
    result = run("signatories", "export", letter, "-o", tmp_path / "x.csv", "--settings", letter)
    assert result.returncode == 2
    assert not (tmp_path / "x.csv").exists()


# Consent answers through check and render.

NOBODY = "name,consent\nAda Lovelace,\nGrace Hopper,\n"


def test_check_fails_when_nobody_would_be_printed(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", {"template": "open-letter"}, NOBODY)
    result = run("check", folder)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if " error " in line]
    assert len(errors) == 1 and "error PD423: nobody in " in errors[0]
    assert "all 2 rows are left out (consent unclear 2)" in errors[0]
    assert result.stderr.count("PD405") == 1  # one warning for both empty answers


def test_render_writes_nothing_and_keeps_the_earlier_files(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path / "sub", {"template": "open-letter"}, "name,consent\nAda Lovelace,Yes\n"
    )
    out = tmp_path / "out"
    assert run("render", folder, "--out", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert before
    (folder / "signatories.csv").write_text(NOBODY, encoding="utf-8")
    result = run("render", folder, "--out", out)
    assert result.returncode == 1
    assert "PD423" in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_export_writes_nothing_when_nobody_would_be_printed(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(NOBODY, encoding="utf-8")
    result = run("signatories", "export", path, "-o", tmp_path / "printed.csv")
    assert result.returncode == 1
    assert "PD423" in result.stderr
    assert not (tmp_path / "printed.csv").exists()


def test_a_list_with_only_its_header_is_not_an_error(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", {"template": "open-letter"}, "name,consent\n")
    result = run("check", folder)
    assert result.returncode == 0, result.stderr
    assert "PD423" not in result.stderr


@pytest.mark.parametrize(
    ("answers", "printed"),
    [
        (["Yes, list my name", "Yes, you may list my name", "I agree", "✓", "TRUE"], 5),
        (["Yes, list my name", "No, keep my name private", "Do not list"], 1),
    ],
)
def test_form_answers_print_through_check(tmp_path: Path, answers: list[str], printed: int) -> None:
    rows = "".join(f'Signer {n},"{a}"\n' for n, a in enumerate(answers))
    folder = write_submission(
        tmp_path / "sub", {"template": "open-letter"}, "name,consent\n" + rows
    )
    result = run("check", folder)
    assert result.returncode == 0, result.stderr
    stats = run("signatories", "stats", folder, "--json")
    assert json.loads(stats.stdout)["printed"] == printed


def test_unknown_answers_are_one_error_through_check(tmp_path: Path) -> None:
    rows = "".join(f"Signer {n},{'Bien sûr' if n % 3 else 'Peut-être'}\n" for n in range(30))
    folder = write_submission(
        tmp_path / "sub", {"template": "open-letter"}, "name,consent\n" + rows
    )
    result = run("check", folder)
    assert result.returncode == 1
    assert result.stderr.count("PD422") == 1
    assert '"Bien sûr" (20 rows, first on line 3), "Peut-être" (10 rows, first on line 2)' in (
        result.stderr
    )
    assert '      yes: ["Bien sûr", "Peut-être"]\n' in result.stderr
    assert "PD423" not in result.stderr  # PD422 already says why nobody is printed
