"""The redline aligned by structure: arguments by heading (a moved one is a move), notes by
their references and what they cite (an added note is one insertion, a changed pin cite one
small change), formatting changes as w:rPrChange; Accept All gives NEW and Reject All OLD,
body and notes, through the real command.

The cases cited are real: Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569 (1994); Loving v.
Virginia, 388 U.S. 1 (1967); Brown v. Board of Education, 347 U.S. 483 (1954).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from policydraft.diagnostics import Diagnostics
from policydraft.redline import blackline, change_of, checked_version, docx_bytes, note_cites
from policydraft.redline.compare import Comparison
from policydraft.redline.docx import docx_comparison, tracked_docx
from policydraft.redline.summary import is_argument
from tests.helpers import run_cli, write_submission
from tests.redline.tracked import resolve, shown
from tests.writers.ooxml_validation import package_errors, read_parts, schema_errors

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
RELS = "word/_rels/document.xml.rels"
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}
BODY, NOTES = "word/document.xml", "word/footnotes.xml"
SOURCES = """\
- id: campbell
  type: case
  name: Campbell v. Acuff-Rose Music, Inc.
  volume: 510
  reporter: U.S.
  page: 569
  year: 1994
- id: loving
  type: case
  name: Loving v. Virginia
  volume: 388
  reporter: U.S.
  page: 1
  year: 1967
- id: brown
  type: case
  name: Brown v. Board of Education
  volume: 347
  reporter: U.S.
  page: 483
  year: 1954
"""
TASK = "The task is not simple.[@loving, 12]"
STANDARD = "The agency should adopt a clear standard."
EXPLAIN = "It should also explain itself."
FAIR = {"heading": "Fair use is decided case by case", "body": f"{TASK} {STANDARD}\n\n{EXPLAIN}\n"}
DATA = {"heading": "Data", "body": "The agency should also publish its data.[@brown, 495]\n"}
COSTS = {"heading": "Costs", "body": "The costs are low.\n"}


def version(fair: dict | None = None, data: dict | None = None, order: str = "fdc") -> dict:
    arguments = {"f": fair or FAIR, "d": data or DATA, "c": COSTS}
    return {
        "sources": "sources.yaml",
        "introduction": "We submit these comments.[@campbell, 579]\n",
        "arguments": [arguments[k] for k in order],
    }


def body(text: str) -> dict:
    return {**FAIR, "body": text}


PIN_CHANGED = version(fair=body(f"{TASK.replace('12', '11')} {STANDARD}\n\n{EXPLAIN}\n"))
NOTE_ADDED = version(fair=body(f"{TASK} {STANDARD}[@campbell, 580]\n\n{EXPLAIN}\n"))
ITALIC = version(fair=body(f"{TASK} {STANDARD.replace('clear', '*clear*')}\n\n{EXPLAIN}\n"))
BOLD = version(data={**DATA, "body": "The agency should also publish **its data**.[@brown, 495]\n"})
MOVED_EDITED = version(
    data={**DATA, "body": "It should publish its data.[@brown, 495]\n"}, order="dfc"
)
REWORDED = version(fair={**FAIR, "heading": "Fair use is decided case by case, always"})
TABLE = "| Year | Cost |\n|---|---|\n| 2025 | $1[@brown, 494] |\n"
TABLED = {"heading": "Costs", "body": f"The costs are low.\n\n{TABLE}"}
JOBS = {"heading": "Jobs", "body": "Jobs matter.[@brown, 494]\n"}
CASES = [  # (case, NEW)
    ("word edit", version(data={**DATA, "body": DATA["body"].replace("publish", "release")})),
    ("footnote added mid-letter", NOTE_ADDED),
    ("pin cite changed", PIN_CHANGED),
    ("argument moved", version(order="dfc")),
    ("argument moved and edited", MOVED_EDITED),
    ("italic", ITALIC),
    ("bold", BOLD),
    ("paragraph removed", version(fair=body(f"{TASK} {STANDARD}\n"))),
    ("argument added", {**version(), "arguments": [FAIR, DATA, JOBS, COSTS]}),
    ("argument removed", {**version(), "arguments": [FAIR, COSTS]}),
    ("heading reworded", REWORDED),
    ("table added", {**version(), "arguments": [FAIR, DATA, TABLED]}),

]  # fmt: skip


def _submission(folder: Path, data: dict, signers: str | None = None) -> Path:
    write_submission(folder, data, *([signers] if signers is not None else []))
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _dated(monkeypatch: pytest.MonkeyPatch) -> None:
    """The versions are dated as the CLI's runs below are (ENV)."""
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)


@dataclass(frozen=True)
class Versions:
    """A redline's DOCX parts and each version's own, as ``render`` writes it."""

    tracked: dict[str, bytes]
    old: dict[str, bytes]
    new: dict[str, bytes]


def _versions(
    tmp_path: Path, old: dict, new: dict, signers: tuple[str, str] | None = None
) -> Versions:
    """The redline made in this process, as ``policydraft redline`` makes it (the CLI's own
    path is tested by test_the_change_count_is_printed and tests/redline/test_redline.py):
    a table of cases pays for two checks, not for six command runs."""
    diags = Diagnostics()
    before = checked_version(_submission(tmp_path / "old", old, signers and signers[0]), diags)
    after = checked_version(_submission(tmp_path / "new", new, signers and signers[1]), diags)
    assert before is not None and after is not None, [str(d) for d in diags]
    old_docx, new_docx = docx_bytes(before), docx_bytes(after)
    change = change_of(after, "A. Reviewer")
    data, _ = tracked_docx(old_docx, new_docx, change, note_cites(before), note_cites(after))
    return Versions(read_parts(data), read_parts(old_docx), read_parts(new_docx))


def _redline(
    tmp_path: Path, old: dict, new: dict, signers: tuple[str, str] | None = None
) -> dict[str, bytes]:
    return _versions(tmp_path, old, new, signers).tracked


def _marks(xml: bytes, local: str) -> list[etree._Element]:
    return list(etree.fromstring(xml).iter(f"{W}{local}"))


def _marked_text(xml: bytes, local: str) -> list[str]:
    return ["".join(mark.itertext()) for mark in _marks(xml, local)]


WITH_TABLE = {**version(), "arguments": [FAIR, DATA, TABLED]}
RETABLED = {**TABLED, "body": TABLED["body"].replace("$1", "$2")}
PAIRS = [(case, version(), new) for case, new in CASES] + [  # (case, OLD, NEW)
    ("table removed", WITH_TABLE, version()),
    ("table moved", WITH_TABLE, {**version(), "arguments": [TABLED, FAIR, DATA]}),
    ("table edited", WITH_TABLE, {**version(), "arguments": [FAIR, DATA, RETABLED]}),
]  # fmt: skip


SIGNERS = "name,title,organization\n"
ADA, BOB = "Ada Lovelace,Analyst,Engines Ltd\n", "Bob Byrne,Writer,Example Guild\n"
ZOE = "Zoe Zimmer,Composer,Example Guild\n"
SECTION_ENDS = [  # (case, OLD's signatory list, NEW's): the appendix's last rows changed
    ("signers added at the end", SIGNERS + ADA, SIGNERS + ADA + BOB + ZOE),
    ("signers removed at the end", SIGNERS + ADA + BOB + ZOE, SIGNERS + ADA),
    ("last signer replaced", SIGNERS + ADA + BOB, SIGNERS + ADA + ZOE),
    ("last signer corrected", SIGNERS + ADA + BOB, SIGNERS + ADA + BOB.replace("Writer", "Poet")),
    ("every signer replaced", SIGNERS + ADA, SIGNERS + BOB + ZOE),
]  # fmt: skip


def _sections(parts: dict[str, bytes]) -> list[list[str]]:
    """The body's paragraphs' texts, section by section (cut after each w:sectPr)."""
    found: list[list[str]] = [[]]
    for paragraph in etree.fromstring(parts[BODY]).iter(f"{W}p"):
        found[-1].append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
        if paragraph.find(f"{W}pPr/{W}sectPr") is not None:
            found.append([])
    return found


@pytest.mark.parametrize(
    ("case", "before", "after"), SECTION_ENDS, ids=[c[0] for c in SECTION_ENDS]
)
def test_a_section_ends_where_it_did_accepted_and_rejected(
    tmp_path: Path, case: str, before: str, after: str
) -> None:
    """The paragraph mark that carries a section break (the appendix's last) is never the
    one tracked: accepted or rejected, each section holds its version's paragraphs."""
    made = _versions(tmp_path, version(), version(), (before, after))
    parts = made.tracked
    assert schema_errors(parts) == [] and package_errors(parts) == []
    for paragraph in etree.fromstring(parts[BODY]).iter(f"{W}p"):
        if paragraph.find(f"{W}pPr/{W}sectPr") is not None:
            assert paragraph.find(f"{W}pPr/{W}rPr/{W}ins") is None
            assert paragraph.find(f"{W}pPr/{W}rPr/{W}del") is None
    for keep, expected in (("ins", made.new), ("del", made.old)):
        resolved = {**parts, BODY: resolve(parts[BODY], keep), NOTES: resolve(parts[NOTES], keep)}
        assert _sections(resolved) == _sections(expected), keep
        assert shown(parts, keep) == shown(expected)


def _arguments_and_notes(compared: Comparison) -> tuple[list[tuple[str, str]], list[str]]:
    sections = [s for s in compared.sections if is_argument(compared, s)]
    return [(s.kind, " ".join(s.heading.split())) for s in sections], [
        n.kind for n in compared.notes
    ]


@pytest.mark.parametrize(("case", "old", "new"), PAIRS, ids=[c[0] for c in PAIRS])
def test_the_blackline_compares_as_the_docx_does(
    tmp_path: Path, case: str, old: dict, new: dict
) -> None:
    """One comparison for both files: arguments added, removed, moved, changed and notes
    added, removed, changed alike in the DOCX's and the blackline's (and so its summary)."""
    diags = Diagnostics()
    before = checked_version(_submission(tmp_path / "old", old), diags)
    after = checked_version(_submission(tmp_path / "new", new), diags)
    assert before is not None and after is not None, [str(d) for d in diags]
    drawn = blackline.compare(before, after).comparison
    tracked = docx_comparison(
        docx_bytes(before), docx_bytes(after), note_cites(before), note_cites(after)
    )
    assert _arguments_and_notes(drawn) == _arguments_and_notes(tracked)


@pytest.mark.parametrize(("case", "old", "new"), PAIRS, ids=[c[0] for c in PAIRS])
def test_accept_all_is_new_and_reject_all_is_old(
    tmp_path: Path, case: str, old: dict, new: dict
) -> None:
    made = _versions(tmp_path, old, new)
    parts, old_parts, new_parts = made.tracked, made.old, made.new
    assert schema_errors(parts) == [] and package_errors(parts) == []
    assert shown(parts, "ins") == shown(new_parts)
    assert shown(parts, "del") == shown(old_parts)
    assert shown(old_parts) != shown(new_parts)  # the case changes something


def test_a_changed_pin_cite_is_one_small_change(tmp_path: Path) -> None:
    parts = _redline(tmp_path, version(), PIN_CHANGED)
    assert _marked_text(parts[NOTES], "del") == ["12"]
    assert _marked_text(parts[NOTES], "ins") == ["11"]
    assert _marks(parts[BODY], "ins") == _marks(parts[BODY], "del") == []


def test_an_added_note_is_one_inserted_note_and_later_notes_are_unmarked(tmp_path: Path) -> None:
    parts = _redline(tmp_path, version(), NOTE_ADDED)
    notes = [
        n for n in etree.fromstring(parts[NOTES]).iter(f"{W}footnote") if n.get(f"{W}type") is None
    ]
    marked = [
        n for n in notes if n.find(f".//{W}ins") is not None or n.find(f".//{W}del") is not None
    ]
    assert len(notes) == 4 and len(marked) == 1
    assert "580" in "".join(marked[0].itertext()) and marked[0].find(f".//{W}del") is None
    assert [m.find(f".//{W}footnoteReference") is not None for m in _marks(parts[BODY], "ins")] == [
        True
    ]


@pytest.mark.parametrize("order", ["dfc", "cfd", "fcd"])
def test_a_moved_argument_is_a_move(tmp_path: Path, order: str) -> None:
    parts = _redline(tmp_path, version(), version(order=order))
    xml = parts[BODY]
    assert _marks(xml, "ins") == _marks(xml, "del") == []
    assert _marks(xml, "moveFrom") and _marks(xml, "moveTo")
    starts = {m.get(f"{W}name"): m.get(f"{W}id") for m in _marks(xml, "moveFromRangeStart")}
    arrivals = {m.get(f"{W}name"): m.get(f"{W}id") for m in _marks(xml, "moveToRangeStart")}
    assert len(starts) == 1 and starts.keys() == arrivals.keys()
    ends = {
        m.get(f"{W}id") for m in _marks(xml, "moveFromRangeEnd") + _marks(xml, "moveToRangeEnd")
    }
    assert ends == set(starts.values()) | set(arrivals.values())
    moved_heading = "".join(_marked_text(xml, "moveTo"))
    assert moved_heading.startswith(("Data", "Costs", "Fair use"))
    notes = parts[NOTES]
    assert _marks(notes, "ins") == _marks(notes, "del") == []


def test_italics_are_a_formatting_change(tmp_path: Path) -> None:
    parts = _redline(tmp_path, version(), ITALIC)
    changes = _marks(parts[BODY], "rPrChange")
    assert len(changes) == 1
    run = changes[0].getparent().getparent()
    assert "".join(t.text for t in run.iter(f"{W}t")) == "clear"
    assert run.find(f"{W}rPr/{W}i") is not None and changes[0].find(f"{W}rPr/{W}i") is None
    assert _marks(parts[BODY], "ins") == _marks(parts[BODY], "del") == []


def test_the_change_count_is_printed(tmp_path: Path) -> None:
    _submission(tmp_path / "old", version())
    _submission(tmp_path / "new", version(order="dfc"))
    done = run_cli("redline", tmp_path / "old", tmp_path / "new", "--out", tmp_path / "out",
                   "--author", "A. Reviewer", env=ENV)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert re.search(r"\(1 tracked change\)", done.stdout), done.stdout


LINKED = {"heading": "Links", "body": "See [the agency's page](https://example.org/rule).\n"}


@pytest.mark.parametrize("order", ["fldc", "dcfl"])  # the link's argument removed; moved
def test_a_link_put_back_from_old_points_where_it_did(tmp_path: Path, order: str) -> None:
    arguments = {"f": FAIR, "l": LINKED, "d": DATA, "c": COSTS}
    old = {**version(), "arguments": [FAIR, LINKED, DATA, COSTS]}
    new = {**version(), "arguments": [arguments[k] for k in order if k != "l" or order == "dcfl"]}
    parts = _redline(tmp_path, old, new)
    assert schema_errors(parts) == [] and package_errors(parts) == []
    rels = {
        r.get("Id"): r.get("Target")
        for r in etree.fromstring(parts["word/_rels/document.xml.rels"])
    }
    links = list(etree.fromstring(parts[BODY]).iter(f"{W}hyperlink"))
    assert links and all(rels[link.get(f"{R}id")] == "https://example.org/rule" for link in links)
