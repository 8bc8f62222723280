"""Start-up: a command imports only what it uses (issue 17, item 4).

Every call of ``policydraft`` starts a fresh interpreter, so what the command line imports
before it does anything is paid on each call: ``--help`` once imported the whole pipeline,
pypdf and reportlab's layout engine (about 0.6 s). Here each command runs, in a fresh
interpreter, through the console entry point, and the modules loaded by its end are compared
with the heavy libraries it has no use for. Nothing is timed (``bench/startup.py`` measures).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = frozenset({"reportlab", "pypdf", "docx", "lxml", "eyecite", "jinja2", "openpyxl"})
"""The libraries that make start-up slow: the writers', the PDF reader's, the citation
parser's, the templates', the spreadsheet reader's."""

WORK = frozenset({"policydraft.pipeline", "policydraft.writers", "policydraft.profiles.schema"})
"""policydraft's own heavy stages, which only a command that checks or writes needs."""

_DUMP = """
import json, sys
from policydraft.cli import main
out = sys.argv.pop(1)
sys.argv[0] = "policydraft"
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
with open(out, "w", encoding="utf-8") as file:
    json.dump({"status": code, "modules": sorted(sys.modules)}, file)
"""
"""Runs the command as the console script does, then writes its exit status and every
module loaded by then to the file named first."""


def imported_by(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    """The exit status of ``policydraft ARGS`` and the modules it had imported at its end."""
    dump = cwd / "modules.json"
    environment = {k: v for k, v in os.environ.items() if k != "POLICYDRAFT_DEBUG"}
    subprocess.run(
        [sys.executable, "-c", _DUMP, str(dump), *args],
        capture_output=True, text=True, cwd=cwd, env=environment, timeout=120, check=True,
    )  # fmt: skip
    found = json.loads(dump.read_text(encoding="utf-8"))
    return found["status"], set(found["modules"])


def loaded(modules: set[str], wanted: frozenset[str]) -> set[str]:
    """Which of ``wanted`` (packages or modules) are among ``modules``, a package counting
    as loaded when any of its submodules is."""
    return {w for w in wanted if any(m == w or m.startswith(f"{w}.") for m in modules)}


HELP = HEAVY | WORK


@pytest.mark.parametrize(
    ("args", "status", "not_imported"),
    [
        (["--help"], 0, HELP),
        (["--version"], 0, HELP),
        ([], 2, HELP),  # no arguments: the help, as a usage error
        (["check", "--help"], 0, HELP),
        (["render", "--help"], 0, HELP),
        (["init", "--help"], 0, HELP),
        (["package", "--help"], 0, HELP),
        (["verify", "--help"], 0, HELP),
        (["sources", "--help"], 0, HELP),
        (["profiles", "--help"], 0, HELP),
        (["templates", "--help"], 0, HELP),
        (["signatories", "--help"], 0, HELP),
        (["signatories", "stats", "--help"], 0, HELP),
        # listing the profiles reads them, but reads no PDF and writes nothing
        (["profiles", "list"], 0, HEAVY - {"jinja2"} | {"policydraft.pipeline"}),
        (["templates", "list"], 0, HEAVY - {"jinja2"} | WORK),
        # bad input fails before any work is imported
        (["no-such-command"], 2, HELP),
        (["check", "no-such-folder"], 2, HELP),
        (["render", "no-such-folder"], 2, HELP),
        (["package", "no-such-folder"], 2, HELP),
        (["render", "--no-such-option"], 2, HELP),
    ],
)
def test_a_command_imports_only_what_it_uses(
    args: list[str], status: int, not_imported: frozenset[str], tmp_path: Path
) -> None:
    code, modules = imported_by(args, tmp_path)
    assert code == status
    assert loaded(modules, not_imported) == set()


LIST_AND_CITATIONS = frozenset(
    {"openpyxl", "eyecite", "reporters_db", "citeproc", "policydraft.citations.csl"}
)
"""What only some submissions need: an .xlsx list, citations found in the prose, a CSL style,
a CSL-JSON bibliography."""


@pytest.mark.parametrize(
    ("command", "not_imported"),
    [
        # no profile: nothing reads a PDF back, nothing lays a DOCX out
        (["check"], LIST_AND_CITATIONS | {"pypdf", "policydraft.profiles.docx_pages", "docx"}),
        (["render", "--to", "docx"], LIST_AND_CITATIONS | {"pypdf"}),
        (["render", "--to", "pdf,docx"], LIST_AND_CITATIONS | {"policydraft.profiles.docx_pages"}),
    ],
)
def test_a_plain_submission_imports_no_reader_it_does_not_need(
    command: list[str], not_imported: frozenset[str], tmp_path: Path
) -> None:
    """A CSV list, no citations, no profile: no spreadsheet, citation or PDF reader."""
    from tests.helpers import write_submission

    folder = write_submission(tmp_path / "letter")
    args = [command[0], str(folder), *command[1:]]
    if command[0] == "render":
        args += ["--out", str(tmp_path / "out")]
    code, modules = imported_by(args, tmp_path)
    assert code == 0
    assert loaded(modules, not_imported) == set()


def test_a_sources_yaml_imports_no_csl_json_reader(tmp_path: Path) -> None:
    """The CSL-JSON reader (``citations.csl`` and its field mappers) is for a ``.json``
    bibliography; a ``sources.yaml`` one is read without it."""
    from tests.helpers import write_submission

    folder = write_submission(tmp_path / "letter", {"sources": "sources.yaml"})
    entry = "- id: rfi\n  type: federal-register\n  title: A Notice\n  volume: 90\n"
    entry += "  page: 9088\n  date: 2025-02-06\n"
    (folder / "sources.yaml").write_text(entry, encoding="utf-8")
    code, modules = imported_by(["check", str(folder)], tmp_path)
    assert code == 0
    assert "policydraft.citations.sources_file" in modules  # the bibliography was read
    assert loaded(modules, frozenset({"policydraft.citations.csl"})) == set()


def test_the_help_still_lists_every_command(tmp_path: Path) -> None:
    """Commands whose work is imported late are still registered with their help."""
    result = subprocess.run(
        [sys.executable, "-m", "policydraft", "--help"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=True,
    )  # fmt: skip
    for command in (
        "init", "check", "render", "package", "verify",
        "sources", "profiles", "templates", "signatories",
    ):  # fmt: skip
        assert command in result.stdout


@pytest.mark.parametrize(
    ("modules", "wanted", "found"),
    [
        ({"pypdf._page", "json"}, HEAVY, {"pypdf"}),
        ({"reportlab"}, HEAVY, {"reportlab"}),
        ({"docxcompose", "lxml_html_clean"}, HEAVY, set()),  # a shared prefix is no import
        ({"policydraft.writers.pdf.fonts"}, WORK, {"policydraft.writers"}),
        (set(), HEAVY, set()),
    ],
)
def test_loaded_counts_a_package_by_its_submodules(
    modules: set[str], wanted: frozenset[str], found: set[str]
) -> None:
    assert loaded(modules, wanted) == found
