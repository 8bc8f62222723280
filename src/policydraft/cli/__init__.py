"""The ``policydraft`` command: thin commands over ``policydraft.pipeline``."""

from policydraft.gc_pause import gc_paused


def main() -> None:
    """The console entry point (``policydraft.cli.app.main``), its modules imported with the
    cycle collector paused: importing makes only long-lived objects, nothing to collect."""
    with gc_paused():
        from policydraft.cli.app import main as run

    run()


__all__ = ["main"]
