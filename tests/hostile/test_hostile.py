"""The hostile-input table: every ``cases_*.py`` module's CASES, run through the real CLI.

Each row is a broken, hostile or heavy input and the diagnostic code that every command must
give for it (``check`` and ``render`` agree), with nothing written when the run is refused and
no secret leaked. Time and memory are bounded by the harness as hang guards; the figures are
measured by ``bench/hostile_table.py``, which also runs the rows marked heavy (valid inputs of
100,000 rows or paragraphs, minutes of the suite's time).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from tests.hostile.harness import Case, base, run_case


def all_cases() -> list[Case]:
    """Every row of every table, in a stable order."""
    cases: list[Case] = []
    for path in sorted(Path(__file__).parent.glob("cases_*.py")):
        module = importlib.import_module(f"tests.hostile.{path.stem}")
        area = path.stem.removeprefix("cases_")
        cases.extend(_named(case, area) for case in module.CASES)
    return cases


def _named(case: Case, area: str) -> Case:
    from dataclasses import replace

    return replace(case, id=f"{area}:{case.id}")


CASES = [case for case in all_cases() if not case.heavy]
"""The rows the suite runs; heavy but valid inputs (100,000 rows or paragraphs) are measured
by ``bench/hostile_table.py`` instead, which runs every row."""


def test_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)


def test_the_base_submission_renders(tmp_path: Path) -> None:
    """The harness itself: the base folder is valid, so a case's failure is its own input."""
    runs = run_case(Case("base", base(), None, exit=0), tmp_path)
    assert [run.returncode for run in runs] == [0, 0]
    built = sorted(p.suffix for p in (tmp_path / "submission" / "build").iterdir())
    assert built == [".docx", ".pdf"]


@pytest.mark.parametrize("printed", ["Engines Ltd", "Katherine Johnson"])
def test_the_harness_sees_a_leak(printed: str, tmp_path: Path) -> None:
    """Text that reaches the DOCX or PDF is found there: the leak check can fail."""
    with pytest.raises(AssertionError, match="leaked into"):
        run_case(Case("leak", base(), None, exit=0, secrets=(printed,)), tmp_path)


def test_the_harness_sees_a_write(tmp_path: Path) -> None:
    """A refused run that writes fails the case: the nothing-written check can fail."""
    with pytest.raises(AssertionError, match="changed files"):
        run_case(Case("writes", base(), None, exit=0, writes=False), tmp_path)


def test_the_harness_checks_where_and_what() -> None:
    """A code at another place, or a missing text, fails the case: those checks can fail."""
    import tempfile

    files = base(introduction="We submit these comments.[^gone]\n")
    at_line_one = Case("at", files, "PD201", at="policydraft.yaml:1:")
    wrong_text = Case("said", files, "PD201", said=("no such words",))
    for case, message in ((at_line_one, "not at"), (wrong_text, "not printed")):
        with tempfile.TemporaryDirectory() as tmp, pytest.raises(AssertionError, match=message):
            run_case(case, Path(tmp))
