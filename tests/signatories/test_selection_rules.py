"""Rules found with outside exports: the row signed first wins a duplicate, Microsoft Forms'
"anonymous" is no e-mail address, and a consent question the column table does not know is
reported rather than read as everybody's yes."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostics, Location
from policydraft.signatories.config import SignatoriesConfig
from policydraft.signatories.read import read_signatory_list
from policydraft.signatories.select import Selection, select_printed
from tests.helpers import write_submission
from tests.signatories.test_commands import run

WHERE = Location("policydraft.yaml", 30, 9)


def _select(tmp_path: Path, text: str) -> tuple[Selection, Diagnostics]:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    listing = read_signatory_list(path, SignatoriesConfig(), diags, WHERE)
    return select_printed(listing, diags), diags


@pytest.mark.parametrize(
    ("rows", "printed_line", "message_end"),
    [
        # the later row in the file signed earlier (zones compared as instants): it is printed
        (
            "Ada,a@x.org,2025-03-13 10:00:00 GMT-4\nAda L.,a@x.org,2025-03-13 13:30:00 UTC",
            3,
            "only line 3 signed earlier is printed",
        ),
        # same instant written two ways: the first in the file wins
        (
            "Ada,a@x.org,2025-03-13T14:00:00Z\nAda L.,a@x.org,3/13/2025 10:00:00 AM EDT",
            2,
            "only line 2 is printed",
        ),
        # an unreadable time never comes first
        ("Ada,a@x.org,soon\nAda L.,a@x.org,2025-03-13", 3, "only line 3 signed earlier is printed"),
        # no times at all: file order, as before
        ("Ada,a@x.org,\nAda L.,a@x.org,", 2, "only line 2 is printed"),
    ],
)
def test_the_row_signed_first_is_printed(
    tmp_path: Path, rows: str, printed_line: int, message_end: str
) -> None:
    selection, diags = _select(tmp_path, "name,email,signed\n" + rows + "\n")
    assert [s.where.line for s in selection.printed] == [printed_line]
    (duplicate,) = [d for d in diags.items if d.code == "PD407"]
    assert duplicate.message.endswith(message_end), duplicate.message
    assert duplicate.line == 5 - printed_line


@pytest.mark.parametrize("placeholder", ["anonymous", "Anonymous", "N/A", "-"])
def test_an_email_cell_without_an_at_sign_is_no_address(tmp_path: Path, placeholder: str) -> None:
    rows = "".join(f"{name},{placeholder}\n" for name in ("Ada Lovelace", "Bo Li", "Cy Young"))
    selection, diags = _select(tmp_path, "name,email\n" + rows)
    assert [s.name for s in selection.printed] == ["Ada Lovelace", "Bo Li", "Cy Young"]
    assert not [d for d in diags.items if d.code == "PD407"]


@pytest.mark.parametrize(
    ("header", "reported"),
    [
        ("I agree to have my name listed publicly", True),
        ("Do you give permission to publish your name?", True),
        ("May we add your name to the letter?", True),
        ("Consent to be named", True),
        ("Show my name publicly", True),
        ("Comments", False),
        ("Favourite colour", False),
        ("List my name", False),  # a header the column table knows: read as consent
    ],
)
def test_an_unknown_consent_question_is_reported(
    tmp_path: Path, header: str, reported: bool
) -> None:
    text = f'name,email,"{header}"\nAda Lovelace,ada@example.org,No\nBo Li,bo@example.org,Yes\n'
    selection, diags = _select(tmp_path, text)
    warnings = [d for d in diags.items if d.code == "PD424"]
    if reported:
        (warning,) = warnings
        assert warning.severity == "warning" and warning.line == 1
        assert f'signatories: {{columns: {{consent: "{header}"}}}}' in warning.message
        assert len(selection.printed) == 2
    else:
        assert not warnings


def test_unknown_consent_question_through_the_cli(tmp_path: Path) -> None:
    """A Jotform-style export whose consent question is worded freely: stats warns, and the
    mapping the warning offers makes the "No" count."""
    listing = tmp_path / "jotform.csv"
    listing.write_text(
        "Submission Date,Full Name,E-mail,I agree to have my name listed publicly\n"
        "2025-03-13 09:05:12,Ada Lovelace,ada@example.org,No\n"
        "2025-03-13 09:07:40,Bo Li,bo@example.org,Yes\n",
        encoding="utf-8",
    )
    result = run("signatories", "stats", listing)
    assert result.returncode == 0
    assert "warning PD424" in result.stderr and "2 printed" in result.stdout
    assert "example.org" not in result.stdout + result.stderr


def test_sort_signed_orders_zoned_times_as_instants(tmp_path: Path) -> None:
    """Google Forms and Microsoft Forms times with zones, through ``signatories export``:
    printed in the order people signed, not the order the clock faces read."""
    rows = [
        ("Cy Young", "2025/03/13 9:30:00 AM GMT-4"),  # 13:30 UTC
        ("Ada Lovelace", "3/13/2025 8:05:12 AM EST"),  # 13:05 UTC
        ("Bo Li", "2025-03-13T14:00:00+02:00"),  # 12:00 UTC
        ("Di Prince", "2025-03-13 13:15:00Z"),  # 13:15 UTC
        ("Ed Norton", "3/13/2025 6:20:00 AM PDT"),  # 13:20 UTC
    ]
    text = "Full name,Timestamp\n" + "".join(f'{n},"{t}"\n' for n, t in rows)
    folder = write_submission(tmp_path / "letter", {"signatories": {"sort": "signed"}}, text)
    out = tmp_path / "printed.csv"
    result = run("signatories", "export", folder, "-o", out)
    assert result.returncode == 0, result.stderr
    printed = [line.split(",")[0] for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert printed == ["Bo Li", "Ada Lovelace", "Di Prince", "Ed Norton", "Cy Young"]
