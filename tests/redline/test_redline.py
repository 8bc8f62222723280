"""``policydraft redline OLD NEW`` through the real command: tracked changes that accept to
NEW's text and reject to OLD's, in the body and the footnotes, schema-valid.

The cited case is a real one, Loving v. Virginia, 388 U.S. 1 (1967) (its U.S. Reports
citation as the Court's reporter prints it); only its pin changes between the versions.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.helpers import run_cli, write_submission
from tests.writers.ooxml_validation import package_errors, read_parts, schema_errors

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENV = {"SOURCE_DATE_EPOCH": "1700000000"}
INTRO = "We submit these comments on the {rule} rule.[^a]\n\n[^a]: {cite}\n"
LOVING_12 = "Loving v. Virginia, 388 U.S. 1, 12 (1967)."  # the full form, pin 12
LOVING_11 = "Loving v. Virginia, 388 U.S. 1, 11 (1967)."
FIRST = {"heading": "The first argument", "body": "The agency should adopt a clear standard.\n"}
SECOND = {"heading": "Data", "body": "The agency should also publish its data.\n"}


def version(rule: str = "proposed", cite: str = LOVING_12, arguments: list | None = None) -> dict:
    return {
        "introduction": INTRO.format(rule=rule, cite=cite),
        "arguments": arguments if arguments is not None else [FIRST],
    }


BODY, NOTES = "word/document.xml", "word/footnotes.xml"
BOTH = [FIRST, SECOND]
CASES = [  # (case, OLD, NEW, a word NEW has and OLD lacks or the reverse, where)
    ("word in body", version(), version(rule="final"), "final", BODY),
    ("pin cite", version(), version(cite=LOVING_11), "11", NOTES),
    ("argument added", version(), version(arguments=BOTH), "publish", BODY),
    ("argument removed", version(arguments=BOTH), version(), "publish", BODY),
]  # fmt: skip


def _texts(xml: bytes) -> list[str]:
    """Each paragraph's text (w:t only: what Word shows once changes are resolved)."""
    root = etree.fromstring(xml)
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def _resolve(xml: bytes, keep: str) -> bytes:
    """Accept all (keep="ins") or reject all (keep="del") of the tracked changes in ``xml``."""
    drop = "del" if keep == "ins" else "ins"
    root = etree.fromstring(xml)
    for mark in list(root.iter(f"{W}pPr")):
        rpr = mark.find(f"{W}rPr")
        if rpr is not None and rpr.find(f"{W}{drop}") is not None:
            paragraph = mark.getparent()
            paragraph.getparent().remove(paragraph)  # the whole paragraph was the change
    for gone in list(root.iter(f"{W}{drop}")):
        gone.getparent().remove(gone)
    for kept in list(root.iter(f"{W}{keep}")):
        parent = kept.getparent()
        if parent.tag == f"{W}rPr":
            parent.remove(kept)
            continue
        for text in kept.iter(f"{W}delText"):
            text.tag = f"{W}t"
        index = parent.index(kept)
        for offset, child in enumerate(list(kept)):
            parent.insert(index + offset, child)
        parent.remove(kept)
    return etree.tostring(root)


def _render(folder: Path, out: Path) -> dict[str, bytes]:
    done = run_cli("render", folder, "--to", "docx", "--out", out, env=ENV)
    assert done.returncode == 0, done.stderr
    return read_parts((out / f"{folder.name}.docx").read_bytes())


@pytest.mark.parametrize(("case", "old", "new", "word", "part"), CASES, ids=[c[0] for c in CASES])
def test_accept_gives_new_and_reject_gives_old(
    tmp_path: Path, case: str, old: dict, new: dict, word: str, part: str
) -> None:
    write_submission(tmp_path / "old", old)
    write_submission(tmp_path / "new", new)
    done = run_cli("redline", tmp_path / "old", tmp_path / "new", "--out", tmp_path / "out",
                   "--author", "A. Reviewer", env=ENV)  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "out" / "new-redline.docx").read_bytes()
    parts = read_parts(data)
    assert schema_errors(parts) == [] and package_errors(parts) == []
    assert b'w:author="A. Reviewer"' in parts[part]
    assert b'w:date="2025-03-15T00:00:00Z"' in parts[part]
    assert word in "".join(_texts(parts[part])) or word.encode() in parts[part]
    old_parts = _render(tmp_path / "old", tmp_path / "o")
    new_parts = _render(tmp_path / "new", tmp_path / "n")
    for name in ("word/document.xml", "word/footnotes.xml"):
        assert _texts(_resolve(parts[name], "ins")) == _texts(new_parts[name]), name
        assert _texts(_resolve(parts[name], "del")) == _texts(old_parts[name]), name


def test_same_bytes_twice_and_unchanged_has_no_marks(tmp_path: Path) -> None:
    write_submission(tmp_path / "old", version())
    write_submission(tmp_path / "new", version())
    made = []
    for out in ("a", "b"):
        done = run_cli("redline", tmp_path / "old", tmp_path / "new", "--out", tmp_path / out,
                       "--author", "A. Reviewer", env=ENV)  # fmt: skip
        assert done.returncode == 0, done.stderr
        made.append((tmp_path / out / "new-redline.docx").read_bytes())
    assert made[0] == made[1]
    with zipfile.ZipFile(io.BytesIO(made[0])) as archive:
        assert b"<w:ins " not in archive.read("word/document.xml")


BAD = [  # (case, how OLD is made, what the error says)
    ("not a folder", None, "no such submission folder"),
    ("not a submission", {}, "policydraft.yaml"),
    ("does not check", {"date": "15 March 2025"}, "error"),
]


@pytest.mark.parametrize(("case", "old", "said"), BAD, ids=[c[0] for c in BAD])
def test_bad_versions_write_no_redline(
    tmp_path: Path, case: str, old: dict | None, said: str
) -> None:
    write_submission(tmp_path / "new", version())
    if old is not None and old:
        write_submission(tmp_path / "old", old)
    elif old is not None:
        (tmp_path / "old").mkdir()
    out = tmp_path / "out"
    done = run_cli("redline", tmp_path / "old", tmp_path / "new", "--out", out, env=ENV)
    assert done.returncode != 0
    assert said in done.stdout + done.stderr
    assert not out.exists()
