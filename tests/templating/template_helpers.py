"""Checking a submission whose letter template is given as text, and reading the letter
it composes: for the template and compose tests."""

from __future__ import annotations

from pathlib import Path

from policydraft.diagnostics import Diagnostics
from policydraft.model import Document, LetterPart, Para, plain_text
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


def compose(folder: Path) -> tuple[Document | None, Diagnostics]:
    """The letter a submission folder composes into (None after errors), and its diagnostics."""
    diags = Diagnostics()
    checked = check(folder, diags)
    return (checked.document if checked else None), diags


def part_text(document: Document, role: str) -> str:
    """The plain text of the first letter part ``role`` (``::: role``), a line a paragraph."""
    parts = [b for b in document.blocks if isinstance(b, LetterPart) and b.role == role]
    assert parts, f"no {role} part"
    return "\n".join(plain_text(p.inlines) for p in parts[0].blocks if isinstance(p, Para))
