"""``python -m policydraft``: the same as the ``policydraft`` command."""

from policydraft.cli import main

main()
