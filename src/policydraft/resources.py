"""Where the built-in templates and sample lists live, installed or in a checkout.

In a wheel they are packaged under ``policydraft/_data``; in an editable install or a source
checkout they are the repository's top-level ``templates/``, ``signatories/`` and
``profiles/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder of built-in ``name`` data ("templates", "signatories" or "profiles")."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / name


def builtin_templates() -> dict[str, Path]:
    """Built-in template folders by name (a folder holding ``letter.md.j2``)."""
    root = data_dir("templates")
    if not root.is_dir():
        return {}
    return {p.name: p for p in sorted(root.iterdir()) if (p / "letter.md.j2").is_file()}


def builtin_profiles() -> dict[str, Path]:
    """Built-in agency profiles by name (the YAML file's stem)."""
    root = data_dir("profiles")
    if not root.is_dir():
        return {}
    return {p.stem: p for p in sorted(root.glob("*.yaml"))}
