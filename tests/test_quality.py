"""Project-wide checks: linters, type checker, documented diagnostic codes, packaging."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from policydraft.codes import CODES

ROOT = Path(__file__).resolve().parent.parent


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean() -> None:
    result = _tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = _tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_code_is_documented() -> None:
    documented = set(
        re.findall(r"^\| (PD\d{3}) \|", (ROOT / "docs" / "diagnostics.md").read_text(), re.M)
    )
    assert documented == set(CODES)


@pytest.mark.parametrize("path", sorted((ROOT / "src" / "policydraft").rglob("*.py")), ids=str)
def test_every_code_used_is_registered(path: Path) -> None:
    used = set(re.findall(r"\"(PD\d{3})\"", path.read_text(encoding="utf-8")))
    assert used <= set(CODES), f"{path.name} uses unregistered codes {used - set(CODES)}"


def test_imports_run_one_way() -> None:
    """Writers see only the model; nothing imports the CLI."""
    src = ROOT / "src" / "policydraft"
    for path in (src / "writers").rglob("*.py"):
        imports = re.findall(r"^\s*(?:from|import) (policydraft\.\w+)", path.read_text(), re.M)
        assert set(imports) <= {
            "policydraft.model",
            "policydraft.writers",
            "policydraft.typography",
        }, path
    for path in src.rglob("*.py"):
        if "cli" not in path.parts and path.name != "__main__.py":
            assert "policydraft.cli" not in path.read_text(), path
