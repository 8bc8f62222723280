"""The letter composed from a submission: the addressee's lines, the date, the appendix."""

from __future__ import annotations

from pathlib import Path

from policydraft.model import Appendix, plain_text
from tests.helpers import write_submission
from tests.templating.template_helpers import compose, part_text


def test_addressee_lines_and_date(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path,
        {"addressee": {"name": "Faisal D'Souza", "address": ["2415 Eisenhower Ave", "Alexandria"]}},
    )
    document, _ = compose(folder)
    assert document is not None
    assert part_text(document, "addressee") == "Faisal D'Souza\n2415 Eisenhower Ave\nAlexandria"
    assert part_text(document, "date") == "March 15, 2025"


def test_appendix_counts_and_note(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path,
        {"template": "open-letter", "signatories": {"file": "signatories.csv", "note": "For ID."}},
        signatories="name,consent\nAda,yes\nGrace,yes\nWithdrawn Person,no\n",
    )
    document, _ = compose(folder)
    assert document is not None
    (appendix,) = [b for b in document.blocks if isinstance(b, Appendix)]
    assert appendix.count == 2
    assert plain_text(appendix.heading) == "Signatories (2)"
    assert "For ID." in plain_text(appendix.intro[0].inlines)  # type: ignore[union-attr]
    names = [e.name for g in appendix.groups for e in g.entries]
    assert names == ["Ada", "Grace"]
