"""docs/threat-model.md lists every limit with its default and setting, as limits.py has it."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft import limits

DOC = Path(__file__).resolve().parent.parent / "docs" / "threat-model.md"


def limit_row(limit: limits.Limit) -> str:
    """The documented row of one limit (bytes shown in MB or KB when whole)."""
    default = f"{limit.default:,} {limit.unit}"
    for size, unit in ((limits.MB, "MB"), (1024, "KB")):
        if limit.unit == "bytes" and limit.default % size == 0:
            default = f"{limit.default // size:,} {unit}"
            break
    setting = f"`{limit.env}`" if limit.env else "fixed"
    return f"| `{limit.name}` | {default} | {setting} | {limit.why} |"


def test_every_limit_is_documented_as_it_is() -> None:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    assert rows == [limit_row(limit) for limit in limits.ALL]


def test_limits_are_raised_only_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A positive whole number raises a limit; anything else keeps the default."""
    raisable = next(limit for limit in limits.ALL if limit.env)
    assert raisable.env is not None
    for raw, expected in (
        ("5", 5),
        ("0", raisable.default),
        ("-3", raisable.default),
        ("lots", raisable.default),
        ("9" * 20, raisable.default),
    ):
        monkeypatch.setenv(raisable.env, raw)
        assert raisable.value == expected, raw
