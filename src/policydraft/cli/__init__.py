"""The ``policydraft`` command: thin commands over ``policydraft.pipeline``."""

from policydraft.cli.app import main

__all__ = ["main"]
