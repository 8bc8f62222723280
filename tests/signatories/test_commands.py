"""The signatories through the real CLI: privacy of every output, export, diff, stats."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject

from policydraft.signatories.export import neutralise
from tests.helpers import run_cli, write_submission

PRIVATE = [
    "ada.private@example.com",
    "GRACE.H@EXAMPLE.ORG",
    "555-0199-PRIVATE",
    "secret-note-7f3a",
    "withdrawn.person@example.net",
]
WITHDRAWN = "Wanda Withdrawn"  # named in reports (stats, diagnostics), never in an output
LIST = (
    "Name,Title,Organization,Email,Phone,Notes,Consent,Category\n"
    "Ada Lovelace,Analyst,Engines Ltd,ada.private@example.com,555-0199-PRIVATE,"
    "secret-note-7f3a,yes,Science\n"
    'Grace Hopper,Admiral,=HYPERLINK("http://x"),GRACE.H@EXAMPLE.ORG,,,Y,Navy\n'
    "Wanda Withdrawn,Writer,,withdrawn.person@example.net,,,no,Science\n"
    "Ada Lovelace,Analyst,Engines Ltd,ADA.PRIVATE@example.com ,,,yes,Science\n"
)


run = run_cli


def _texts_of(path: Path) -> list[bytes]:
    """Everything a reader of the file could find: raw bytes, unzipped parts, PDF streams."""
    data = path.read_bytes()
    found = [data]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as package:
            found += [package.read(name) for name in package.namelist()]
    if data.startswith(b"%PDF"):
        reader = PdfReader(path)
        found += [page.extract_text().encode() for page in reader.pages]
        for number in range(1, int(reader.trailer["/Size"])):
            try:
                obj = reader.get_object(number)
            except Exception:  # free or broken entries in the xref: nothing to read
                continue
            if isinstance(obj, StreamObject):
                found.append(obj.get_data())
    return found


def _assert_private(blobs: list[bytes], where: str, extra: tuple[str, ...] = ()) -> None:
    for value in (*PRIVATE, *extra):
        for needle in {value, value.lower(), value.upper()}:
            for encoding in ("utf-8", "utf-16-be"):
                assert all(needle.encode(encoding) not in b for b in blobs), (value, where)


def test_no_private_value_reaches_any_output(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path / "sub",
        {
            "template": "open-letter",
            "signatories": {"file": "signatories.csv", "group_by": "category"},
        },
        signatories=LIST,
    )
    out = tmp_path / "out"
    rendered = run("render", folder, "--out", out)
    assert rendered.returncode == 0, rendered.stderr
    exported = run("signatories", "export", folder, "-o", out / "printed.csv")
    assert exported.returncode == 0, exported.stderr
    logs = [rendered, exported]
    logs.append(run("check", folder, "--json"))
    logs.append(run("signatories", "stats", folder, "--json"))
    logs.append(run("signatories", "stats", folder))
    logs.append(run("signatories", "diff", folder / "signatories.csv", folder, "--json"))
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert {p.suffix for p in files} >= {".docx", ".pdf", ".csv"}
    pdf = next(p for p in files if p.suffix == ".pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Ada Lovelace" in text and "Grace Hopper" in text  # the names are there
    for path in files:
        _assert_private(_texts_of(path), str(path), (WITHDRAWN,))
    for result in logs:
        _assert_private([result.stdout.encode(), result.stderr.encode()], " ".join(result.args))


def test_export_is_in_printed_order_with_formulas_neutralised(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", signatories=LIST)
    target = tmp_path / "printed.csv"
    result = run("signatories", "export", folder, "-o", target)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and "(2 signatories)" in result.stdout
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0] == ["name", "title", "organization", "category", "location"]
    assert [r[0] for r in rows[1:]] == ["Grace Hopper", "Ada Lovelace"]
    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    assert not list(tmp_path.glob(".printed.csv.*"))  # no temporary left behind


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Ada = Analyst", "Ada = Analyst"),
        ("Mary-Kate", "Mary-Kate"),
        ("", ""),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_export_refuses_a_list_with_errors(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", signatories="name,title\nAda,A\n,B\n")
    result = run("signatories", "export", folder, "-o", tmp_path / "x.csv")
    assert result.returncode == 1 and "PD401" in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_diff_added_removed_changed(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    new = tmp_path / "new.csv"
    old.write_text(
        "name,title,email\nAda Lovelace,Analyst,ada@x.org\nGrace Hopper,Admiral,\n"
        "Bo Berg,,bo@x.org\n",
        encoding="utf-8",
    )
    new.write_text(
        "name,title,email\nAda King,Analyst,ADA@x.org\nGrace Hopper,Rear Admiral,g@x.org\n"
        "Cy Cole,,cy@x.org\nBo Berg,,bo2@x.org\n",
        encoding="utf-8",
    )
    result = run("signatories", "diff", old, new, "--json")
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)
    assert set(diff) == {"added", "removed", "changed"}
    assert [a["name"] for a in diff["added"]] == ["Cy Cole", "Bo Berg"]  # other e-mail: not him
    assert [r["name"] for r in diff["removed"]] == ["Bo Berg"]
    assert {c["name"]: c["changes"] for c in diff["changed"]} == {
        "Ada King": {"name": ["Ada Lovelace", "Ada King"]},  # matched by e-mail
        "Grace Hopper": {"title": ["Admiral", "Rear Admiral"]},  # by name: one had no e-mail
    }
    assert "@" not in result.stdout
    text = run("signatories", "diff", old, new)
    assert "+ Cy Cole" in text.stdout and "- Bo Berg" in text.stdout
    assert "2 added, 1 removed, 2 changed" in text.stdout


def test_stats(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path / "sub", {"signatories": {"file": "signatories.csv", "group_by": "category"}},
        signatories=LIST,
    )  # fmt: skip
    result = run("signatories", "stats", folder, "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert (stats["rows"], stats["printed"]) == (4, 2)
    assert stats["excluded"] == {"withdrawn": 1, "duplicate": 1}
    assert [(r["line"], r["reason"], r["other_line"]) for r in stats["excluded_rows"]] == [
        (4, "withdrawn", None),
        (5, "duplicate", 2),
    ]
    assert stats["groups"] == [{"heading": "Navy", "count": 1}, {"heading": "Science", "count": 1}]
    text = run("signatories", "stats", folder)
    assert "4 rows read, 2 printed, 2 left out" in text.stdout


def test_check_reports_the_summary(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "sub", signatories=LIST)
    result = run("check", folder)
    assert result.returncode == 0, result.stderr
    assert "note PD413" in result.stderr
    assert "4 rows read, 2 printed, 2 left out (withdrawn 1, duplicate 1)" in result.stderr


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert run("signatories", "stats", tmp_path / "nope").returncode == 2


BROKEN = 'name,organization\nAda,"Engines\nBo,x\n\nCy,y\n,no name\n'


def test_stats_counts_every_row_of_a_broken_list(tmp_path: Path) -> None:
    """An unclosed quote is an error at its line, and the rows after it are still counted."""
    path = tmp_path / "list.csv"
    path.write_text(BROKEN, encoding="utf-8")
    result = run("signatories", "stats", path, "--json")
    assert result.returncode == 1
    assert "list.csv:2:5: error PD415" in result.stderr
    stats = json.loads(result.stdout)
    assert (stats["rows"], stats["printed"]) == (4, 2)
    assert stats["excluded"] == {"no name": 1, "could not be read": 1}
    assert stats["rows"] == stats["printed"] + sum(stats["excluded"].values())


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        ("name\nAda\nBo\n", "name\nAda\nCy\n", 0),
        ("name\nAda\nBo\n,x\n", "name\nAda\nCy\n", 1),  # a row without a name in the old list
        ("name\nAda\nBo\n", BROKEN, 1),  # an unclosed quote in the new list
        ("name\n", "name\nAda\n", 0),  # an empty list is a list, not an error
    ],
)
def test_diff_exit_status(tmp_path: Path, old: str, new: str, status: int) -> None:
    (tmp_path / "old.csv").write_text(old, encoding="utf-8")
    (tmp_path / "new.csv").write_text(new, encoding="utf-8")
    result = run("signatories", "diff", tmp_path / "old.csv", tmp_path / "new.csv")
    assert result.returncode == status, result.stderr
    assert ("error PD" in result.stderr) is bool(status)
    assert "added" in result.stdout


@pytest.mark.parametrize("command", ["stats", "export"])
def test_signatory_bytes_limit_through_the_cli(tmp_path: Path, command: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name\n" + "Ada Lovelace\n" * 100, encoding="utf-8")
    env = {**os.environ, "POLICYDRAFT_MAX_SIGNATORY_BYTES": "1000"}
    env.pop("POLICYDRAFT_DEBUG", None)
    args = [sys.executable, "-m", "policydraft", "signatories", command, str(path)]
    if command == "export":
        args += ["-o", str(tmp_path / "out.csv")]
    result = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 1
    assert "error PD416" in result.stderr and "POLICYDRAFT_MAX_SIGNATORY_BYTES" in result.stderr
    assert not (tmp_path / "out.csv").exists()
