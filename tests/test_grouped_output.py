"""Readable at any size: repeated findings of one code are grouped in text output.

The summary still counts every finding, ``--json`` still lists every one, and exit codes do
not change. The scale tests run the real CLI on a generated 20,000-row list.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest

from policydraft.cli.display import SHOWN, diagnostic_lines
from policydraft.diagnostics import Diagnostic, Severity
from tests.helpers import run_cli, write_submission

PEOPLE = 10_000  # each signs twice, the second time with the e-mail in capitals: a duplicate


run = partial(run_cli, timeout=300)


def _finding(code: str, line: int, severity: Severity = "warning") -> Diagnostic:
    return Diagnostic("list.csv", line, 1, severity, code, f"finding at line {line}")


def _findings(*runs: tuple[str, int]) -> list[Diagnostic]:
    """Findings of each (code, count), interleaved by line as ``Diagnostics.sorted`` gives."""
    found = [_finding(code, 2 + i * len(runs) + n) for n, (code, count) in enumerate(runs)
             for i in range(count)]  # fmt: skip
    return sorted(found, key=Diagnostic.sort_key)


@pytest.mark.parametrize(
    ("runs", "printed"),
    [
        ([("PD407", 1)], 1),
        ([("PD407", SHOWN)], SHOWN),
        ([("PD407", SHOWN + 1)], SHOWN + 1),  # one more would take a line to say so: shown
        ([("PD407", SHOWN + 2)], SHOWN + 1),
        ([("PD407", 20_000)], SHOWN + 1),
        ([("PD407", 20_000), ("PD408", 3)], SHOWN + 1 + 3),
        ([("PD407", 20_000), ("PD408", 9), ("PD201", 50)], 3 * (SHOWN + 1)),
        ([], 0),
    ],
)
def test_each_code_prints_at_most_its_first_findings_and_a_count(
    runs: list[tuple[str, int]], printed: int
) -> None:
    lines = list(diagnostic_lines(_findings(*runs), "--json"))
    assert len(lines) == printed
    for code, count in runs:
        shown = [line for line in lines if f" {code}: " in line]
        assert len(shown) == (count if count <= SHOWN + 1 else SHOWN)


def test_the_count_follows_the_codes_last_shown_finding_and_names_the_rest() -> None:
    lines = list(diagnostic_lines(_findings(("PD407", 100), ("PD201", 2)), "--json"))
    fifth = max(i for i, line in enumerate(lines) if " PD407: " in line)
    assert lines[fifth + 1] == (
        "... and 95 more PD407 warnings like these; `policydraft signatories stats` lists them all"
    )


@pytest.mark.parametrize(
    ("code", "severities", "full_listing", "said"),
    [
        ("PD401", ["error"], "--json", "... and 7 more PD401 errors like these; "
         "`policydraft signatories stats` lists them all"),
        ("PD410", ["note"], "--json", "... and 7 more PD410 notes like these; "
         "rerun with --json to list them all"),
        ("PD410", ["note"], None, "... and 7 more PD410 notes like these"),
        ("PD610", ["error", "warning"], "--json", "... and 7 more PD610 findings like these; "
         "rerun with --json to list them all"),
        ("PD201", ["warning"], "--format json", "... and 7 more PD201 warnings like these; "
         "rerun with --format json to list them all"),
    ],
)  # fmt: skip
def test_the_count_says_what_the_rest_are_and_where_to_see_them(
    code: str, severities: list[Severity], full_listing: str | None, said: str
) -> None:
    items = [_finding(code, line, severities[line % len(severities)]) for line in range(2, 14)]
    lines = list(diagnostic_lines(items, full_listing))
    assert lines[-1] == said
    assert len(lines) == SHOWN + 1


@pytest.fixture(scope="module")
def big_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 rows: 10,000 people, each signing a second time (a duplicate by e-mail)."""
    rows = ["Name,Organization,Email"]
    rows += [f"Person {i} Example,Org {i % 97},p{i}@example.org" for i in range(PEOPLE)]
    rows += [f"Person {i} Example,Org {i % 97},P{i}@EXAMPLE.ORG" for i in range(PEOPLE)]
    folder = tmp_path_factory.mktemp("big") / "letter"
    return write_submission(folder, signatories="\n".join(rows) + "\n")


def test_check_on_a_big_list_prints_a_few_lines_and_counts_everything(big_list: Path) -> None:
    result = run("check", big_list)
    lines = result.stderr.splitlines()
    assert result.returncode == 0  # warnings only, as before grouping
    assert len(lines) <= 10, result.stderr
    assert sum(" PD407: " in line for line in lines) == SHOWN
    assert f"... and {PEOPLE - SHOWN:,} more PD407 warnings like these" in result.stderr
    assert lines[-1] == f"0 errors, {PEOPLE:,} warnings"


def test_check_json_still_lists_every_finding(big_list: Path) -> None:
    result = run("check", big_list, "--json")
    found = json.loads(result.stdout)
    assert result.returncode == 0
    assert sum(d["code"] == "PD407" for d in found) == PEOPLE
    assert result.stderr == ""


def test_strict_groups_the_findings_it_turns_into_errors(tmp_path: Path) -> None:
    rows = ["name,email"] + ["Ada Lovelace,ada@example.org"] * 13
    folder = write_submission(tmp_path / "letter", signatories="\n".join(rows) + "\n")
    result = run("check", folder, "--strict")
    assert result.returncode == 1
    assert result.stderr.count("error PD407") == SHOWN
    assert "... and 7 more PD407 errors like these" in result.stderr
    assert result.stderr.splitlines()[-1] == "12 errors, 0 warnings"


def test_errors_are_grouped_too_and_stats_lists_each(tmp_path: Path) -> None:
    nameless = 40
    rows = ["name,organization"] + [f",Org {i}" for i in range(nameless)] + ["Ada Lovelace,X"]
    folder = write_submission(tmp_path / "letter", signatories="\n".join(rows) + "\n")
    result = run("check", folder)
    assert result.returncode == 1
    assert result.stderr.count("error PD401") == SHOWN
    assert f"... and {nameless - SHOWN} more PD401 errors like these" in result.stderr
    assert result.stderr.splitlines()[-1] == f"{nameless} errors, 0 warnings"
    stats = run("signatories", "stats", folder)
    assert stats.stdout.count(": no name") == nameless
    assert stats.returncode == 1


@pytest.mark.parametrize("count", [0, 1, SHOWN + 1])
def test_few_findings_print_as_before(tmp_path: Path, count: int) -> None:
    rows = ["name,email"] + ["Ada Lovelace,ada@example.org"] * (count + 1)
    folder = write_submission(tmp_path / "letter", signatories="\n".join(rows) + "\n")
    result = run("check", folder)
    assert result.stderr.count("warning PD407") == count
    assert "more PD407" not in result.stderr
    assert result.returncode == 0
