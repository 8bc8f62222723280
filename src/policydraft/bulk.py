"""Pausing Python's cycle collector while a stage builds large, acyclic structures.

A 100,000-signer list becomes ~1.5 million long-lived objects (signers, locations, model
entries, laid-out lines), none of them in a reference cycle, so reference counting frees them
all. The cycle collector still scans them again and again as they accumulate: about a seventh
of a 100,000-signer render. Stages that build such structures run inside ``bulk_work``; any
cyclic garbage made meanwhile is collected as usual once it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk_work() -> Iterator[None]:
    """Run the body with the cycle collector off, restoring its state afterwards (nestable)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
