"""Pausing Python's cycle collector while a stage builds large, acyclic structures.

A 100,000-signer list becomes ~1.5 million long-lived objects (signers, locations, model
entries, laid-out lines), none of them in a reference cycle, so reference counting frees them
all. The cycle collector still scans them again and again as they accumulate: about a seventh
of a 100,000-signer render. Stages that build such structures run inside ``gc_paused``.

Re-enabling the collector alone would make its next young-generation pass walk every object
the stage made (~0.3 s at 100,000 signers), only to find them alive. So they are handed to
the oldest generation first (``gc.freeze`` then ``gc.unfreeze``, both constant-time): any
cyclic garbage made meanwhile is still collected, by the next full collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the body with the cycle collector off, restoring its state afterwards (nestable)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
