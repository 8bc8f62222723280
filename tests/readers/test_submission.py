"""load_submission: valid folders load; every mistake is a diagnostic at the right place."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from policydraft.diagnostics import Diagnostic, Diagnostics, Location
from policydraft.readers.markdown import read_markdown
from policydraft.readers.markdown_text import MarkdownText
from policydraft.submission.load import LoadedSubmission, load_submission

MINIMAL = """\
title: T
date: 2025-03-15
commenter:
  name: C
"""

FULL = """\
profile: ostp-ai-action-plan
template: open-letter
title: Comment on the Development of an AI Action Plan
date: 2025-03-15
docket: NSF_FRDOC_0001
responding_to: ostp-rfi-2025
commenter:
  name: The Undersigned Members of the Creative Community
addressee:
  name: Faisal D'Souza
  title: Technical Coordinator
  organization: Office of Science and Technology Policy
  address: [2415 Eisenhower Avenue, "Alexandria, VA 22314"]
salutation: "Dear Director Kratsios:"
introduction: |
  We write to you.
arguments:
  - heading: Copyright is the foundation
    body: |
      The industry supports 2.3 million jobs.
  - heading: Licensing works
    file: arguments/licensing.md
conclusion: Thank you.
closing: Respectfully submitted,
signature:
  - name: Jane Roe
    title: Counsel
signatories:
  file: signatories.csv
  columns: {name: "Full Name", organization: "Company"}
  group_by: category
  sort: surname
  note: Affiliations are listed for identification purposes only.
sources: sources.yaml
output:
  dir: build
  name: ostp-comment
"""


def load(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    yaml: str,
    files: dict[str, bytes] | None = None,
) -> tuple[LoadedSubmission | None, list[Diagnostic]]:
    """Write a submission folder 'sub' and load it from its parent, as a user in a shell."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "policydraft.yaml").write_text(yaml, encoding="utf-8")
    for name, content in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    loaded = load_submission(Path("sub"), diags)
    return loaded, diags.sorted()


def test_minimal_submission_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, diags = load(tmp_path, monkeypatch, MINIMAL)
    assert diags == []
    assert loaded is not None
    assert loaded.submission.title == "T"
    assert loaded.submission.date == dt.date(2025, 3, 15)
    assert loaded.submission.commenter.name == "C"
    assert loaded.introduction is None
    assert loaded.arguments == ()
    assert loaded.file == Path("sub/policydraft.yaml")


def test_full_submission_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"arguments/licensing.md": b"Licensing markets exist.\n"}
    loaded, diags = load(tmp_path, monkeypatch, FULL, files)
    assert diags == []
    assert loaded is not None
    submission = loaded.submission
    assert submission.addressee is not None
    assert submission.addressee.address == ["2415 Eisenhower Avenue", "Alexandria, VA 22314"]
    assert submission.signatories is not None
    assert submission.signatories.columns == {"name": "Full Name", "organization": "Company"}
    assert submission.output.name == "ostp-comment"
    assert [heading for heading, _ in loaded.arguments] == [
        "Copyright is the foundation",
        "Licensing works",
    ]
    assert loaded.arguments[0][1] == MarkdownText(
        "The industry supports 2.3 million jobs.\n", Location("sub/policydraft.yaml", 20, 7)
    )
    assert loaded.arguments[1][1] == MarkdownText(
        "Licensing markets exist.\n", Location("sub/arguments/licensing.md", 1, 1)
    )
    assert loaded.introduction == MarkdownText(
        "We write to you.\n", Location("sub/policydraft.yaml", 16, 3)
    )
    assert loaded.conclusion == MarkdownText("Thank you.", Location("sub/policydraft.yaml", 23, 13))


@pytest.mark.parametrize(
    ("path", "key", "expected"),
    [
        (("signatories", "file"), False, (29, 9)),
        (("signatories", "file"), True, (29, 3)),
        (("signatories", "nope"), False, (29, 3)),  # falls back to the parent mapping
        (("arguments", 1, "file"), False, (22, 11)),
        (("arguments", 1), False, (21, 5)),
        (("addressee", "address", 1), False, (13, 37)),
        ((), False, (1, 1)),
    ],
)
def test_locate(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    path: tuple[str | int, ...],
    key: bool,
    expected: tuple[int, int],
) -> None:
    loaded, _ = load(tmp_path, monkeypatch, FULL, {"arguments/licensing.md": b"x"})
    assert loaded is not None
    where = loaded.locate(*path, key=key)
    assert (where.file, where.line, where.column) == ("sub/policydraft.yaml", *expected)


def test_numbers_are_read_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, diags = load(tmp_path, monkeypatch, MINIMAL + "docket: 12345\n")
    assert diags == []
    assert loaded is not None
    assert loaded.submission.docket == "12345"


def test_quoted_date_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, diags = load(tmp_path, monkeypatch, MINIMAL.replace("2025-03-15", '"2025-03-15"'))
    assert diags == []
    assert loaded is not None
    assert loaded.submission.date == dt.date(2025, 3, 15)


ARGUMENTS = MINIMAL + "arguments:\n  - heading: A\n    body: x\n"

# (yaml, code, line, column, message fragment)
CASES = [
    pytest.param(
        "title: a: b\n", "PD101", 1, 9, "mapping values are not allowed here", id="syntax"
    ),
    pytest.param("title: T\n\tdate: x\n", "PD101", 2, 1, "indent with spaces", id="tab"),
    pytest.param("title: [a\n", "PD101", 2, 1, "invalid YAML", id="unclosed-list"),
    pytest.param("a: 1\n---\nb: 2\n", "PD101", 2, 1, "remove the extra '---'", id="two-docs"),
    pytest.param("a: \x07\n", "PD101", 1, 4, "control character U+0007", id="control-char"),
    pytest.param("title: *x\n", "PD101", 1, 8, "undefined alias 'x'", id="alias"),
    pytest.param(
        MINIMAL + "titel: X\n",
        "PD102",
        5,
        1,
        "unknown key 'titel' in submission; did you mean 'title'?",
        id="unknown-top",
    ),
    pytest.param(
        MINIMAL + "  organisation: O\n",
        "PD102",
        5,
        3,
        "unknown key 'organisation' in commenter; did you mean 'organization'?",
        id="unknown-commenter",
    ),
    pytest.param(
        MINIMAL + "signatories:\n  fiel: s.csv\n",
        "PD102",
        6,
        3,
        "unknown key 'fiel' in signatories; did you mean 'file'?",
        id="unknown-signatories",
    ),
    pytest.param(
        ARGUMENTS + "  - heading: B\n    body: y\n    hedaing: z\n",
        "PD102",
        10,
        5,
        "unknown key 'hedaing' in arguments #2; did you mean 'heading'?",
        id="unknown-argument",
    ),
    pytest.param(
        MINIMAL + "zzz: 1\n",
        "PD102",
        5,
        1,
        "unknown key 'zzz' in submission; valid keys are title, date,",
        id="unknown-no-suggestion",
    ),
    pytest.param(
        "date: 2025-03-15\ncommenter:\n  name: C\n",
        "PD103",
        1,
        1,
        "missing required key 'title' in submission",
        id="missing-title",
    ),
    pytest.param(
        "title: T\ndate: 2025-03-15\ncommenter:\n  title: X\n",
        "PD103",
        3,
        1,
        "missing required key 'name' in commenter",
        id="missing-nested",
    ),
    pytest.param(
        MINIMAL + "arguments:\n  - body: x\n",
        "PD103",
        6,
        5,
        "missing required key 'heading' in arguments #1",
        id="missing-in-item",
    ),
    pytest.param(
        MINIMAL.replace("2025-03-15", "March 15, 2025"),
        "PD104",
        2,
        7,
        "'date' must be a date written YYYY-MM-DD (e.g. 2025-03-15), not 'March 15, 2025'",
        id="bad-date",
    ),
    pytest.param(
        MINIMAL.replace("2025-03-15", "2025-02-30"),
        "PD104",
        2,
        7,
        "'date' is not a real calendar date: '2025-02-30'",
        id="impossible-date",
    ),
    pytest.param(
        MINIMAL.replace("2025-03-15", "20250315"),
        "PD104",
        2,
        7,
        "not the number 20250315",
        id="date-as-number",
    ),
    pytest.param(
        MINIMAL + "signatories:\n  sort: surnam\n",
        "PD104",
        6,
        9,
        "'sort' in signatories must be one of 'surname', 'given', 'as-listed', 'signed', "
        "not 'surnam'; did you mean 'surname'?",
        id="bad-sort",
    ),
    pytest.param(
        MINIMAL.replace("title: T", "title: [a, b]"),
        "PD104",
        1,
        8,
        "'title' must be text, not a list",
        id="list-for-text",
    ),
    pytest.param(
        MINIMAL.replace("title: T", "title:"),
        "PD104",
        1,
        1,
        "'title' is empty; it must be text",
        id="empty-title",
    ),
    pytest.param(
        "title: T\ndate: 2025-03-15\ncommenter: Bob\n",
        "PD104",
        3,
        12,
        "'commenter' must be a mapping with keys such as name:, title:",
        id="text-for-mapping",
    ),
    pytest.param(
        MINIMAL + "addressee:\n  name: A\n  address: [1st St, {x: 1}]\n",
        "PD104",
        7,
        21,
        "item #2 of 'address' in addressee must be text, not a mapping",
        id="list-item",
    ),
    pytest.param(
        "- a\n- b\n",
        "PD104",
        1,
        1,
        "policydraft.yaml must be a mapping of keys such as title:, date: and commenter:, "
        "not a list",
        id="top-level-list",
    ),
    pytest.param("just text\n", "PD104", 1, 1, "not 'just text'", id="top-level-text"),
    pytest.param(
        ARGUMENTS + "    file: a.md\n",
        "PD106",
        8,
        5,
        "arguments #1 has both body: and file:; keep one of them",
        id="body-and-file",
    ),
    pytest.param(
        MINIMAL + "arguments:\n  - heading: A\n",
        "PD106",
        6,
        5,
        "arguments #1 needs body: (Markdown text) or file: (a Markdown file)",
        id="neither",
    ),
    pytest.param(
        MINIMAL + "arguments:\n  - heading: A\n    file: args/missing.md\n",
        "PD105",
        7,
        11,
        "Markdown file 'args/missing.md' does not exist (looked for sub/args/missing.md)",
        id="missing-file",
    ),
    pytest.param(
        MINIMAL + "title: U\n",
        "PD107",
        5,
        1,
        "duplicate key 'title' (first given at line 1)",
        id="duplicate-key",
    ),
    pytest.param(
        MINIMAL + "  name: D\n",
        "PD107",
        5,
        3,
        "duplicate key 'name' (first given at line 4)",
        id="duplicate-nested-key",
    ),
]


@pytest.mark.parametrize(("yaml", "code", "line", "column", "fragment"), CASES)
def test_diagnostic(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    yaml: str,
    code: str,
    line: int,
    column: int,
    fragment: str,
) -> None:
    _, diags = load(tmp_path, monkeypatch, yaml)
    assert [(d.code, d.line, d.column) for d in diags] == [(code, line, column)], diags
    assert diags[0].file == "sub/policydraft.yaml"
    assert diags[0].severity == "error"
    assert fragment in diags[0].message
    assert "pydantic" not in diags[0].message
    assert "Input should be" not in diags[0].message


def test_empty_file_names_every_required_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded, diags = load(tmp_path, monkeypatch, "# nothing yet\n")
    assert loaded is not None  # placeholders stand in, so later stages still run
    assert loaded.broken == {"title", "date", "commenter"}
    assert [(d.code, d.line, d.column) for d in diags] == [("PD103", 1, 1)] * 3
    assert sorted(d.message for d in diags) == [
        "missing required key 'commenter' in submission",
        "missing required key 'date' in submission",
        "missing required key 'title' in submission",
    ]


def test_all_problems_are_reported_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    yaml = """\
titel: T
date: 15/03/2025
commenter:
  name: C
arguments:
  - heading: A
    file: a.md
  - heading: B
    file: b.md
signatories:
  sort: random
"""
    loaded, diags = load(tmp_path, monkeypatch, yaml)
    assert loaded is not None  # what could be loaded goes on to the later stages
    assert loaded.broken == {"titel", "title", "date", "signatories"}
    signatories = loaded.submission.signatories
    assert signatories is not None and signatories.sort == "surname"  # the default
    assert [heading for heading, _ in loaded.arguments] == ["A", "B"]
    assert [(d.code, d.line, d.column) for d in diags] == [
        ("PD102", 1, 1),
        ("PD103", 1, 1),
        ("PD104", 2, 7),
        ("PD105", 7, 11),
        ("PD105", 9, 11),
        ("PD104", 11, 9),
    ]


def test_missing_markdown_file_still_returns_the_submission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml = MINIMAL + "arguments:\n  - heading: A\n    file: gone.md\n"
    loaded, diags = load(tmp_path, monkeypatch, yaml)
    assert [d.code for d in diags] == ["PD105"]
    assert loaded is not None
    assert loaded.arguments[0][1].text == ""


@pytest.mark.parametrize(
    ("argument", "name"),
    [("    body:\n    file: a.md\n", "a.md"), ("    file: 2025\n", "2025")],
    ids=["null-body", "number-name"],
)
def test_markdown_file_edge_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argument: str, name: str
) -> None:
    yaml = MINIMAL + "arguments:\n  - heading: A\n" + argument
    loaded, diags = load(tmp_path, monkeypatch, yaml, {name: b"Body."})
    assert diags == []
    assert loaded is not None
    assert loaded.arguments[0][1] == MarkdownText("Body.", Location(f"sub/{name}", 1, 1))


def test_markdown_file_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    yaml = MINIMAL + "arguments:\n  - heading: A\n    file: a.md\n"
    _, diags = load(tmp_path, monkeypatch, yaml, {"a.md": "line\nCaf\u00e9\n".encode("cp1252")})
    assert [(d.code, d.line, d.column) for d in diags] == [("PD105", 7, 11)]
    assert "'a.md' is not UTF-8 text (byte 0xe9 on its line 2)" in diags[0].message


def test_markdown_file_with_bom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    yaml = MINIMAL + "arguments:\n  - heading: A\n    file: a.md\n"
    loaded, diags = load(tmp_path, monkeypatch, yaml, {"a.md": b"\xef\xbb\xbfText\n"})
    assert diags == []
    assert loaded is not None
    assert loaded.arguments[0][1].text == "Text\n"


def test_submission_file_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "policydraft.yaml").write_bytes(b"title: T\ncommenter: Caf\xe9\n")
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    assert load_submission(Path("sub"), diags) is None
    assert [(d.code, d.line, d.column) for d in diags] == [("PD101", 2, 15)]
    assert "not UTF-8" in diags.items[0].message


@pytest.mark.parametrize(
    ("make", "where", "fragment"),
    [
        (lambda root: None, "sub", "submission folder 'sub' does not exist"),
        (lambda root: (root / "sub").mkdir(), "sub/policydraft.yaml", "no policydraft.yaml in"),
        (lambda root: (root / "sub").write_text("x"), "sub", "'sub' is not a folder"),
    ],
)
def test_missing_folder_or_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: object,
    where: str,
    fragment: str,
) -> None:
    assert callable(make)
    make(tmp_path)
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    assert load_submission(Path("sub"), diags) is None
    assert [(d.code, d.file, d.line) for d in diags] == [("PD100", where, 1)]
    assert fragment in diags.items[0].message


# --- body origins: a Markdown problem points at the user's real file and line ---------------

ORIGIN_YAML = """\
title: T
date: 2025-03-15
commenter:
  name: C
introduction: "One line[^gone]."
arguments:
  - heading: Inline
    body: |
      First paragraph.

      Second, with a reference[^missing].
  - heading: From a file
    file: args/two.md
conclusion: |4
      Indented conclusion[^x].
"""


def test_markdown_diagnostics_point_into_the_right_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"args/two.md": b"# Two\n\nSome text.\n\nMore[^nope] text.\n"}
    loaded, diags = load(tmp_path, monkeypatch, ORIGIN_YAML, files)
    assert diags == []
    assert loaded is not None
    markdown_diags = Diagnostics()
    bodies = [loaded.introduction, *(body for _, body in loaded.arguments), loaded.conclusion]
    for body in bodies:
        assert body is not None
        read_markdown(body, markdown_diags)
    assert [(d.code, d.file, d.line, d.column) for d in markdown_diags] == [
        ("PD201", "sub/args/two.md", 5, 5),
        ("PD201", "sub/policydraft.yaml", 5, 24),
        ("PD201", "sub/policydraft.yaml", 11, 31),
        ("PD201", "sub/policydraft.yaml", 15, 26),
    ]


# --- files named by the submission stay inside its folder ------------------------------------

SECRET = "SECRET-outside-the-folder"


def _outside(root: Path) -> None:
    """A private file beside the submission folder, and a link to it inside."""
    (root / "private.md").write_text(f"{SECRET}\n", encoding="utf-8")
    (root / "sub" / "link.md").symlink_to(root / "private.md")


# (yaml added to MINIMAL, code, line, column, message fragment)
OUTSIDE = [
    ("arguments:\n  - heading: A\n    file: /etc/passwd\n", "PD105", 7, 11, "absolute path"),
    ("arguments:\n  - heading: A\n    file: ../private.md\n", "PD105", 7, 11, "leads outside"),
    ("arguments:\n  - heading: A\n    file: link.md\n", "PD105", 7, 11, "symbolic link"),
    ("signatories:\n  file: ../private.md\n", "PD105", 6, 9, "leads outside"),
    ("signatories:\n  file: link.md\n", "PD105", 6, 9, "symbolic link"),
    ("sources: /etc/passwd\n", "PD500", 5, 10, "absolute path"),
    ("sources: link.md\n", "PD500", 5, 10, "symbolic link"),
]


@pytest.mark.parametrize(("yaml", "code", "line", "column", "fragment"), OUTSIDE)
def test_a_named_file_outside_the_folder_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    yaml: str,
    code: str,
    line: int,
    column: int,
    fragment: str,
) -> None:
    (tmp_path / "sub").mkdir()
    _outside(tmp_path)
    (tmp_path / "sub" / "policydraft.yaml").write_text(MINIMAL + yaml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    loaded = load_submission(Path("sub"), diags)
    [found] = diags.sorted()
    assert (found.code, found.file, found.line, found.column) == (
        code,
        "sub/policydraft.yaml",
        line,
        column,
    )
    assert "outside the submission folder" in found.message and fragment in found.message
    assert SECRET not in found.message
    assert loaded is not None  # the submission is still returned, without the file
    if "arguments" in yaml:  # with an empty body
        assert loaded.arguments[0][1].text == ""
    else:  # without the key: later stages would open the file outside
        key = "signatories" if "signatories" in yaml else "sources"
        assert key in loaded.broken and getattr(loaded.submission, key) is None


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda sub: (sub / "policydraft.yaml").symlink_to("/dev/zero"), "is not a regular file"),
        (lambda sub: os.mkfifo(sub / "policydraft.yaml"), "is not a regular file"),
        (lambda sub: (sub / "policydraft.yaml").mkdir(), "is a folder"),
    ],
    ids=["link-to-device", "fifo", "folder"],
)
def test_a_policydraft_yaml_that_is_not_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: object, fragment: str
) -> None:
    assert callable(make)
    (tmp_path / "sub").mkdir()
    make(tmp_path / "sub")
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    assert load_submission(Path("sub"), diags) is None
    [found] = diags.sorted()
    assert (found.code, found.file) == ("PD100", "sub/policydraft.yaml")  # not the link's target
    assert f"policydraft.yaml {fragment}" in found.message
