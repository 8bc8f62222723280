"""reporters-db's table read from its data file (``citations.reporters_file``) is the
package's own ``REPORTERS``, dates aside (text rather than datetimes, the same years), and the
package's table is used when the file cannot be found."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest
from reporters_db import REPORTERS  # type: ignore[import-untyped]

from policydraft.citations import reporters_file
from policydraft.citations.reporters_file import reporters, year


def _years(table: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, int, str], tuple[Any, ...]]:
    """Each edition of each reporter, as (key, position, edition) -> its years, and each
    reporter's other fields."""
    found: dict[tuple[str, int, str], tuple[Any, ...]] = {}
    for key, series in table.items():
        for position, reporter in enumerate(series):
            rest = {k: v for k, v in reporter.items() if k != "editions"}
            for name, dates in reporter["editions"].items():
                span = (year(dates.get("start")), year(dates.get("end")))
                found[(key, position, name)] = (span, repr(sorted(rest.items())))
    return found


def test_the_file_is_the_packages_table() -> None:
    read = reporters()
    assert read.keys() == REPORTERS.keys()
    assert _years(read) == _years(REPORTERS)
    assert len(_years(read)) > 1000  # every edition, not a few


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1875-01-01T00:00:00", 1875), ("2021-12-31T00:00:00", 2021), (None, None)],
)
def test_year(value: str | None, expected: int | None) -> None:
    assert year(value) == expected


def test_without_the_file_the_packages_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    reporters_file.reporters.cache_clear()
    try:
        assert reporters_file.reporters() is REPORTERS
    finally:
        reporters_file.reporters.cache_clear()
