"""Letters whose metadata is unusual but valid: they must render, not crash a writer.

Found while building the table: python-docx refuses core properties over 255 characters, so a
long title passed ``check`` and then failed ``render``.
"""

from __future__ import annotations

from tests.hostile.harness import Case, base

LONG_TITLE = "Comment on the Proposed Rule " + "concerning many matters " * 14

CASES: list[Case] = [
    Case("title-over-255-characters", base(title=LONG_TITLE), None, exit=0),
    Case(
        "commenter-over-255-characters",
        base(commenter={"name": "Coalition " * 40, "organization": "Alliance " * 40}),
        None,
        exit=0,
    ),
]
