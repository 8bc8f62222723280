"""Diagnostic codes: declared once (codes.py), refused at run time when not, documented alike."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from policydraft.codes import CODES, Severity
from policydraft.diagnostics import Diagnostics, Location, UndeclaredCode
from tests.helpers import write_submission

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "policydraft"
HERE = Location("policydraft.yaml", 3, 1)

# (severity, code, accepted): what ``Diagnostics.add`` takes and what it refuses.
CASES: list[tuple[Severity, str, bool]] = [
    ("error", "PD100", True),
    ("warning", "PD202", True),
    ("note", "PD404", True),
    ("error", "PD505", True),  # an unknown reporter
    ("warning", "PD505", True),  # a variant spelling of a known one
    ("error", "PD610", True),  # a profile rule...
    ("warning", "PD610", True),  # ...or the same rule with `severity: warning`
    ("note", "PD532", True),
    ("warning", "PD532", True),
    ("error", "PD999", False),  # never declared
    ("error", "PD10", False),
    ("error", "pd100", False),
    ("error", "", False),
    ("warning", "PD100", False),  # declared, but only as an error
    ("error", "PD404", False),  # declared, but only as a note
    ("note", "PD610", False),
]


@pytest.mark.parametrize(("severity", "code", "accepted"), CASES)
def test_only_declared_codes_are_raised(severity: Severity, code: str, accepted: bool) -> None:
    diags = Diagnostics()
    if accepted:
        diags.add(severity, code, "message", HERE)
        assert [(d.severity, d.code) for d in diags] == [(severity, code)]
    else:
        with pytest.raises(UndeclaredCode, match=re.escape(repr(code)) + "|declared as"):
            diags.add(severity, code, "message", HERE)
        assert not diags.items


@pytest.mark.parametrize(("severity", "code", "accepted"), CASES)
def test_the_shorthands_check_alike(severity: Severity, code: str, accepted: bool) -> None:
    diags = Diagnostics()
    raise_it = {"error": diags.error, "warning": diags.warning, "note": diags.note}[severity]
    if accepted:
        raise_it(code, "message", HERE)
        assert len(diags) == 1
    else:
        with pytest.raises(UndeclaredCode):
            raise_it(code, "message", HERE)


def test_a_refusal_names_the_code_and_what_is_declared() -> None:
    with pytest.raises(UndeclaredCode) as undeclared:
        Diagnostics().warning("PD100", "message", HERE)
    assert (
        str(undeclared.value)
        == "PD100 is declared as error, not warning (see policydraft/codes.py)"
    )
    with pytest.raises(UndeclaredCode) as unknown:
        Diagnostics().error("PD999", "message", HERE)
    assert str(unknown.value).startswith("'PD999' is not a declared diagnostic code")


def test_an_undeclared_code_is_an_internal_error_without_traceback(tmp_path: Path) -> None:
    """A bug, not the user's mistake: the CLI says so plainly; --debug shows the traceback."""
    folder = write_submission(tmp_path / "sub")
    code = (
        "import sys, policydraft.pipeline as p\n"
        "from policydraft.diagnostics import Diagnostics, Location\n"
        "def buggy(*a, **k): Diagnostics().error('PD999', 'oops', Location('x'))\n"
        "p.load_submission = buggy\n"
        "from policydraft.cli import main\n"
        "sys.argv = ['policydraft', *sys.argv[1:]]\nmain()\n"
    )
    run = [sys.executable, "-c", code]
    plain = subprocess.run(
        [*run, "check", str(folder)], capture_output=True, text=True, check=False
    )
    assert plain.returncode == 3  # an internal error: not the user's files (1), nor usage (2)
    assert "internal error: UndeclaredCode: 'PD999' is not a declared" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = subprocess.run(
        [*run, "--debug", "check", str(folder)], capture_output=True, text=True, check=False
    )
    assert "Traceback" in debug.stderr


# --- the table, the documentation and the source agree ------------------------------------


def _documented() -> dict[str, frozenset[str]]:
    """Each code of docs/diagnostics.md with the severities its table gives it."""
    text = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (PD\d{3}) \| ([a-z /]+) \|", text, re.M)
    documented = {code: frozenset(severity.split(" / ")) for code, severity in rows}
    assert len(documented) == len(rows), "a code is documented twice"
    return documented


def test_every_declared_code_is_documented_and_every_documented_code_declared() -> None:
    documented = _documented()
    assert set(CODES) - set(documented) == set(), "declared in codes.py, not in diagnostics.md"
    assert set(documented) - set(CODES) == set(), "in diagnostics.md, not declared in codes.py"


def test_the_documentation_gives_the_declared_severities() -> None:
    documented = _documented()
    differ = {
        code: (sorted(declared.severities), sorted(documented[code]))
        for code, declared in CODES.items()
        if declared.severities != documented.get(code)
    }
    assert differ == {}, "codes.py severities vs diagnostics.md"


def _codes_written_in_the_source() -> dict[str, set[str]]:
    """Each code written as a literal in the source, with the files it is written in."""
    found: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        if path.name == "codes.py":
            continue
        for code in re.findall(r"\"(PD\d{3})\"", path.read_text(encoding="utf-8")):
            found.setdefault(code, set()).add(str(path.relative_to(SOURCE)))
    return found


def test_every_code_in_the_source_is_declared() -> None:
    written = _codes_written_in_the_source()
    assert {code: files for code, files in written.items() if code not in CODES} == {}


def test_every_declared_code_is_raised_somewhere() -> None:
    """No declared code is dead: each is written at the place that raises it."""
    assert set(CODES) - set(_codes_written_in_the_source()) == set()
