"""Checking a submission whose letter template is given as text, for the sandbox tests."""

from __future__ import annotations

from pathlib import Path

from policydraft.diagnostics import Diagnostics
from policydraft.pipeline import check
from tests.helpers import write_submission


def check_template(tmp_path: Path, source: str, **files: str | bytes) -> Diagnostics:
    """Check a submission whose letter template is ``source`` (line 1 of the file)."""
    folder = write_submission(tmp_path / "s", {"template": "./mine"})
    mine = folder / "mine"
    mine.mkdir(exist_ok=True)
    (mine / "letter.md.j2").write_text(source, encoding="utf-8")
    for name, content in files.items():
        path = mine / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    diags = Diagnostics()
    check(folder, diags, render_checks=False)
    return diags


def error_codes(diags: Diagnostics) -> list[tuple[str, str, int]]:
    """(code, file name, line) of each error, in the order they are printed."""
    return [(d.code, Path(d.file).name, d.line) for d in diags.sorted() if d.severity == "error"]
