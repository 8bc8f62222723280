"""Help, examples and shell completion (issue 16, item 1): ``-h`` everywhere, an example per
command, flags shown as flags, completion scripts for bash, zsh and fish."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from policydraft.cli.examples import EXAMPLES
from tests.cli.commands import HELP_ENV, paths
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_every_command_has_one_example_and_every_example_a_command() -> None:
    assert sorted(EXAMPLES) == paths()


@pytest.mark.parametrize("path", sorted(EXAMPLES))
def test_an_example_runs_its_own_command(path: str) -> None:
    assert EXAMPLES[path].startswith(f"policydraft {path}")
    assert f"`{EXAMPLES[path]}`" in DOCS, "docs/cli.md shows each example"


@pytest.mark.parametrize("path", ["", *paths(groups=True)])
def test_h_is_help_and_flags_show_no_type(path: str, tmp_path: Path) -> None:
    """``-h`` is ``--help`` everywhere; a command's help ends with its example, whose options
    exist (click parses them all before the eager ``-h``: an unknown one would be exit 2)."""
    example = EXAMPLES.get(path)
    words = shlex.split(example)[1:] if example else path.split()
    short = run_cli(*words, "-h", cwd=tmp_path, env=HELP_ENV)
    long = run_cli(*path.split(), "--help", cwd=tmp_path, env=HELP_ENV)
    assert short.returncode == long.returncode == 0, short.stderr
    assert short.stdout == long.stdout
    assert "-h, --help" in long.stdout
    assert "<bool>" not in long.stdout
    if example:
        assert f"Example: {example}" in " ".join(long.stdout.split())


def test_the_top_help_offers_version_and_completion(tmp_path: Path) -> None:
    result = run_cli("--help", cwd=tmp_path, env=HELP_ENV)
    for option in ("--version", "--install-completion", "--show-completion", "--debug"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("bash", "complete -o default -F _policydraft_completion policydraft"),
        ("zsh", "compdef _policydraft_completion policydraft"),
        ("fish", "complete --command policydraft"),
    ],
)
def test_completion_scripts(shell: str, expected: str, tmp_path: Path) -> None:
    """The script ``--install-completion`` installs for each shell (CI generates all three
    here), as ``_POLICYDRAFT_COMPLETE=source_SHELL policydraft`` prints it."""
    result = run_cli(cwd=tmp_path, env={"_POLICYDRAFT_COMPLETE": f"source_{shell}"})
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert f"_POLICYDRAFT_COMPLETE=complete_{shell}" in result.stdout


def test_show_completion_prints_the_script_of_the_shell_it_runs_in(tmp_path: Path) -> None:
    result = run_cli("--show-completion", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "_POLICYDRAFT_COMPLETE=complete_" in result.stdout


BASH = "_POLICYDRAFT_COMPLETE"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("policydraft sig", ["signatories"]),
        ("policydraft p", ["package", "profiles"]),
        ("policydraft signatories e", ["export"]),
        ("policydraft profiles ", ["list", "show"]),
        ("policydraft re", ["redline", "render"]),
        ("policydraft render --ou", ["--out"]),
        ("policydraft ver", ["verify", "version"]),
    ],
)
def test_completion_of_a_prefix(words: str, expected: list[str], tmp_path: Path) -> None:
    split = words.split(" ")
    bash = run_cli(cwd=tmp_path, env={
        BASH: "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(split) - 1),
    })  # fmt: skip
    assert bash.returncode == 0, bash.stderr
    assert sorted(bash.stdout.split()) == expected
    fish = run_cli(cwd=tmp_path, env={
        BASH: "complete_fish", "_TYPER_COMPLETE_ARGS": words,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    })  # fmt: skip
    assert sorted(line.split("\t")[0] for line in fish.stdout.splitlines()) == expected
    zsh = run_cli(cwd=tmp_path, env={BASH: "complete_zsh", "_TYPER_COMPLETE_ARGS": words})
    assert all(f'"{name}"' in zsh.stdout for name in expected), zsh.stdout
