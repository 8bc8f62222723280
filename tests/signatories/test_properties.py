"""Any CSV cell goes read -> dedupe -> order -> appendix -> writers cleanly or is diagnosed."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.checks.glyphs import check_signatory_glyphs
from policydraft.compose.appendix import build_appendix, more_than
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Document, Metadata
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import select_printed
from policydraft.writers.docx import write_docx
from policydraft.writers.pdf import write_pdf

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
WHERE = Location("policydraft.yaml", 30, 9)
cells = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
rows = st.lists(st.tuples(cells, cells, cells, st.sampled_from(["yes", "no", "", "Y"])), max_size=6)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows)
def test_any_cells_read_and_print_or_are_diagnosed(
    tmp_path: Path, rows: list[tuple[str, ...]]
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "organization", "email", "consent"])
    writer.writerows(rows)
    path = tmp_path / "list.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, WHERE)
    selection = select_printed(listing, diags)
    # nothing lost: every non-blank row is printed or accounted for
    assert listing.rows == len(selection.printed) + len(selection.excluded)
    for signer in selection.printed:
        assert signer.name and signer.name == signer.name.strip()
        printed = signer.name + signer.affiliation
        assert not any(unicodedata.category(c) == "Cc" or c in BIDI for c in printed)
    check_signatory_glyphs(selection.printed, diags)
    if any(d.code == "PD902" for d in diags.items):
        return  # a clear diagnostic at the row instead of a box in the PDF
    appendix = build_appendix(selection.printed, None)
    entries = [e for g in appendix.groups for e in g.entries]
    assert sorted(e.name for e in entries) == sorted(s.name for s in selection.printed)
    document = Document(Metadata(title="T", author="A"), (appendix,))
    write_pdf(document, io.BytesIO())
    write_docx(document, io.BytesIO())


def test_more_than() -> None:
    cases = [(7, None, "7"), (423, None, "more than 420"), (420, None, "more than 410"),
             (423, 100, "more than 400"), (100_000, None, "more than 90,000"),
             (104_321, 10_000, "more than 100,000"), (11, None, "more than 10")]  # fmt: skip
    assert [more_than(n, step) for n, step, _ in cases] == [text for _, _, text in cases]


def test_template_view_in_the_sandbox() -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from policydraft.compose.appendix import signatories_view
    from policydraft.signatories.signatory import Signatory, SignatoryList
    from policydraft.templating.templates import Markdown

    signers = [Signatory(name=f"N{i}", where=WHERE, category="Actors" if i % 3 else "Writers")
               for i in range(423)]  # fmt: skip
    config = SignatoriesConfig(group_by="category", group_order=["Writers"])
    printed = select_printed(SignatoryList("list.csv", tuple(signers)), Diagnostics()).printed
    view = signatories_view(printed, config, Markdown(""))
    text = (
        SandboxedEnvironment()
        .from_string(
            "{{ s.more_than() }}|{{ s.more_than(100) }}|"
            "{% for g in s.groups %}{{ g.heading }}={{ g.count }};{% endfor %}"
        )
        .render(s=view)
    )
    assert text == "more than 420|more than 400|Writers=141;Actors=282;"
