"""Suite-wide set-up: policydraft's bytecode compiled once, before any command test runs.

About a thousand tests run ``policydraft`` in a fresh interpreter, as users do. Where
PYTHONDONTWRITEBYTECODE is set (some CI images and sandboxes set it), no interpreter writes
the .pyc files, so each of those runs compiled every imported module of policydraft from
source again: about half a second each, minutes for the suite. Compiling the package once
here, in the controlling process, leaves .pyc files every later interpreter reads (the
variable stops writing them, not reading them).
"""

from __future__ import annotations

import compileall
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "policydraft"


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the controller compiled already
        return
    compileall.compile_dir(PACKAGE, quiet=1)
