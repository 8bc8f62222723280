"""reporters-db's list of reporters, read from the package's own data file.

Importing ``reporters_db`` loads all of its tables (reporters, laws, journals, regexes) and
turns every date in them into a ``datetime``: about 55 ms, a tenth of a small letter's whole
check. A case's reporter needs only the reporters' table, so it is read here from the same
file (``reporters_db/data/reporters.json``), without running the package's ``__init__``:
about 10 ms. Dates stay as reporters-db writes them ("1875-01-01T00:00:00"); ``year`` reads
one. Should the file not be where reporters-db keeps it, the package's own table is used.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

PACKAGE = "reporters_db"


@functools.cache
def reporters() -> dict[str, list[dict[str, Any]]]:
    """reporters-db's ``REPORTERS``: each reporter's series, editions and variants."""
    spec = importlib.util.find_spec(PACKAGE)  # finds the package without importing it
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    for folder in folders:
        data = Path(folder) / "data" / "reporters.json"
        if data.is_file():
            table: dict[str, list[dict[str, Any]]] = json.loads(data.read_text("utf-8"))
            return table
    from reporters_db import REPORTERS  # type: ignore[import-untyped]  # as a last resort

    found: dict[str, list[dict[str, Any]]] = REPORTERS
    return found


def year(value: Any) -> int | None:
    """The year of a reporters-db date: its text ("1875-01-01T00:00:00"), or a datetime as
    the package's own table has it; None for an open end."""
    if value is None:
        return None
    if isinstance(value, str):
        return int(value[:4])
    return int(value.year)
