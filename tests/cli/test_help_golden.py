"""The help as printed (issue 16): ``policydraft --help`` and every group's and command's
``--help``, compared with tests/cli/golden/help.txt.

The help is click's plain text (no rich), at 100 columns, without colour; a change to an
option, a docstring or an example changes this file, on purpose. To regenerate it after such
a change, run

    POLICYDRAFT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/cli/test_help_golden.py -n 0

and read the diff of tests/cli/golden/help.txt before committing it (docs/cli.md describes
the same commands and options: keep it in step).
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli.commands import HELP_ENV, paths
from tests.helpers import run_cli

GOLDEN = Path(__file__).resolve().parent / "golden" / "help.txt"


def help_text(tmp_path: Path) -> str:
    """Every help screen, each under the command that prints it."""
    sections = []
    for path in ["", *paths(groups=True)]:
        args = [*path.split(), "--help"]
        result = run_cli(*args, cwd=tmp_path, env=HELP_ENV)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        sections.append(f"$ policydraft {' '.join(args)}\n{result.stdout}")
    return "\n".join(sections)


def test_help_matches_the_golden_file(tmp_path: Path) -> None:
    text = help_text(tmp_path)
    if os.environ.get("POLICYDRAFT_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert text == expected, "the help changed: see this file's docstring to regenerate it"
