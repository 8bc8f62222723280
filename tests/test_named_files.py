"""Files a submission names stay inside its folder; what cannot be read is said without its content.

Through the real CLI: a submission folder is often received from someone else, so an argument's
``file:``, the signatory list, ``sources:`` and a source's local copy must resolve (symbolic
links followed) inside the submission folder, or the file outside would be printed into the
letter or quoted in a message. Profiles may live outside (teams share them), but a file that is
not a profile is never quoted; and a device where a file should be is named as such.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import run_cli, write_submission

CANARY = "CANARY-named-files-7Qx"
WEB = (
    "- id: site\n  type: web\n  title: A page\n  url: https://example.org\n  accessed: 2025-01-01\n"
)
REPORT = "- id: site\n  type: report\n  author: A\n  title: R\n  date: 2020-01-01\n  file: {}\n"


run = run_cli


def argument_file(name: str) -> dict[str, object]:
    return {"arguments": [{"heading": "From a file", "file": name}]}


def quoting(copy: str) -> dict[str, object]:
    """A bibliography whose one report has the local copy ``copy``, quoted by the body."""
    body = "The report says “a passage the copy lacks”.[@site]\n"
    return {"sources": "sources.yaml", "arguments": [{"heading": "Q", "body": body}]}


Setup = Callable[[Path], None]


def outside(name: str, text: str) -> Setup:
    """A private file next to the submission folder, as in a home folder."""

    def setup(folder: Path) -> None:
        (folder.parent / name).write_text(text, encoding="utf-8")

    return setup


def link(name: str, target: str, text: str | None = None) -> Setup:
    """``name`` in the folder as a symbolic link to ``target`` (relative to the folder)."""

    def setup(folder: Path) -> None:
        if text is not None:
            (folder / target).parent.mkdir(parents=True, exist_ok=True)
            (folder / target).write_text(text, encoding="utf-8")
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target)

    return setup


def both(*setups: Setup) -> Setup:
    def setup(folder: Path) -> None:
        for one in setups:
            one(folder)

    return setup


def sources(text: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / "sources.yaml").write_text(text, encoding="utf-8")

    return setup


PRIVATE_LIST = f"name,title,organization\n{CANARY},Analyst,Engines Ltd\n"
PRIVATE_SOURCES = WEB.replace("A page", CANARY)
PRIVATE_COPY = f"The report says {CANARY} and more.\n"

# (id, overrides of policydraft.yaml, setup, code, the key whose value the error points at)
ESCAPES = [
    ("argument-absolute", argument_file("/etc/passwd"), None, "PD105", '"file"'),
    (
        "argument-dotdot",
        argument_file("../private.md"),
        outside("private.md", CANARY),
        "PD105",
        '"file"',
    ),
    (
        "argument-deep-dotdot",
        argument_file("a/../../private.md"),
        outside("private.md", CANARY),
        "PD105",
        '"file"',
    ),
    (
        "argument-link-out",
        argument_file("a.md"),
        both(outside("private.md", CANARY), link("a.md", "../private.md")),
        "PD105",
        '"file"',
    ),
    (
        "list-dotdot",
        {"signatories": {"file": "../private.csv"}},
        outside("private.csv", PRIVATE_LIST),
        "PD105",
        '"file"',
    ),
    (
        "list-link-out",
        {},
        both(outside("private.csv", PRIVATE_LIST), link("signatories.csv", "../private.csv")),
        "PD105",
        '"file"',
    ),
    (
        "sources-dotdot",
        {"sources": "../private.yaml"},
        outside("private.yaml", PRIVATE_SOURCES),
        "PD500",
        '"sources"',
    ),
    (
        "sources-link-out",
        {"sources": "sources.yaml"},
        both(outside("private.yaml", PRIVATE_SOURCES), link("sources.yaml", "../private.yaml")),
        "PD500",
        '"sources"',
    ),
    (
        "copy-dotdot",
        quoting("../private.txt"),
        both(outside("private.txt", PRIVATE_COPY), sources(REPORT.format("../private.txt"))),
        "PD522",
        None,
    ),
    (
        "copy-absolute",
        quoting("/etc/passwd"),
        sources(REPORT.format("/etc/passwd")),
        "PD522",
        None,
    ),
    (
        "copy-link-out",
        quoting("copy.txt"),
        both(
            outside("private.txt", PRIVATE_COPY),
            sources(REPORT.format("copy.txt")),
            link("sources/copy.txt", "../../private.txt"),
        ),
        "PD522",
        None,
    ),
]


@pytest.mark.parametrize(
    ("overrides", "setup", "code", "key"),
    [case[1:] for case in ESCAPES],
    ids=[case[0] for case in ESCAPES],
)
@pytest.mark.parametrize("command", ["check", "render"])
def test_a_named_file_outside_the_folder_is_refused_unread(
    tmp_path: Path,
    command: str,
    overrides: dict[str, object],
    setup: Setup | None,
    code: str,
    key: str | None,
) -> None:
    folder = write_submission(tmp_path / "sub", overrides)
    if setup is not None:
        setup(folder)
    result = run(command, "sub", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    found = re.search(rf"^(\S+):(\d+):(\d+): error {code}: (.*)$", result.stderr, re.M)
    assert found is not None, result.stderr
    assert "outside the submission folder" in found.group(4)
    if key is not None:  # at the file's name in policydraft.yaml
        lines = (folder / "policydraft.yaml").read_text(encoding="utf-8").splitlines()
        assert found.group(1) == "sub/policydraft.yaml"
        assert key in lines[int(found.group(2)) - 1]
    for text in (result.stdout, result.stderr):
        assert CANARY not in text and "root:x:0:0" not in text
    assert not (folder / "build").exists()


INSIDE = [
    ("argument", argument_file("a.md"), link("a.md", "texts/real.md", "Body text.\n")),
    ("list", {}, link("signatories.csv", "lists/real.csv", PRIVATE_LIST.replace(CANARY, "Ada"))),
    ("sources", {"sources": "sources.yaml"}, link("sources.yaml", "bib/real.yaml", WEB)),
]


@pytest.mark.parametrize(
    ("overrides", "setup"), [case[1:] for case in INSIDE], ids=[case[0] for case in INSIDE]
)
def test_a_link_that_stays_inside_the_folder_is_read(
    tmp_path: Path, overrides: dict[str, object], setup: Setup
) -> None:
    folder = write_submission(tmp_path / "sub", overrides)
    setup(folder)
    result = run("check", "sub", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# --- files that are not what they should be ---------------------------------------------------


def fifo(name: str) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / name
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return setup


def folder_at(name: str) -> Setup:
    def setup(folder: Path) -> None:
        path = folder / name
        if path.exists():
            path.unlink()
        path.mkdir()

    return setup


def profile_file(name: str, text: str) -> Setup:
    def setup(folder: Path) -> None:
        (folder / name).write_text(text, encoding="utf-8")

    return setup


PASSWD_LIKE = f"{CANARY}:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n"
HEAD = "title: Mine\nagency: Example Agency\n"

# (id, overrides, setup, code, where the error is (file), what the message says)
NOT_FILES = [
    (
        "yaml-link-to-device",
        {},
        link("policydraft.yaml", "/dev/zero"),
        "PD100",
        "sub/policydraft.yaml",
        "is not a regular file",
    ),
    (
        "yaml-fifo",
        {},
        fifo("policydraft.yaml"),
        "PD100",
        "sub/policydraft.yaml",
        "is not a regular file",
    ),
    (
        "yaml-folder",
        {},
        folder_at("policydraft.yaml"),
        "PD100",
        "sub/policydraft.yaml",
        "is a folder",
    ),
    (
        "profile-device",
        {"profile": "/dev/zero"},
        None,
        "PD600",
        "sub/policydraft.yaml",
        "is not a regular file",
    ),
    (
        "profile-fifo",
        {"profile": "./mine.yaml"},
        fifo("mine.yaml"),
        "PD600",
        "sub/policydraft.yaml",
        "is not a regular file",
    ),
    (
        "profile-folder",
        {"profile": "./profdir"},
        folder_at("profdir"),
        "PD600",
        "sub/policydraft.yaml",
        "is a folder",
    ),
    (
        "extends-device",
        {"profile": "./mine.yaml"},
        profile_file("mine.yaml", HEAD + "extends: /dev/zero\n"),
        "PD600",
        "sub/mine.yaml",
        "is not a regular file",
    ),
    (
        "profile-not-a-profile",
        {"profile": "./passwd"},
        profile_file("passwd", PASSWD_LIKE),
        "PD601",
        "sub/passwd",
        "not a profile",
    ),
    (
        "extends-not-a-profile",
        {"profile": "./mine.yaml"},
        both(
            profile_file("mine.yaml", HEAD + "extends: ./passwd\n"),
            profile_file("passwd", PASSWD_LIKE),
        ),
        "PD601",
        "sub/passwd",
        "not a profile",
    ),
    (
        "profile-a-list",
        {"profile": "./mine.yaml"},
        profile_file("mine.yaml", f"- {CANARY}\n"),
        "PD601",
        "sub/mine.yaml",
        "not a profile",
    ),
]


@pytest.mark.parametrize(
    ("overrides", "setup", "code", "file", "fragment"),
    [case[1:] for case in NOT_FILES],
    ids=[case[0] for case in NOT_FILES],
)
def test_what_is_not_a_file_or_not_a_profile_is_named_not_quoted(
    tmp_path: Path,
    overrides: dict[str, object],
    setup: Setup | None,
    code: str,
    file: str,
    fragment: str,
) -> None:
    folder = write_submission(tmp_path / "sub", overrides)
    if setup is not None:
        setup(folder)
    result = run("check", "sub", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    found = re.search(rf"^(\S+):\d+:\d+: error {code}: (.*)$", result.stderr, re.M)
    assert found is not None, result.stderr
    assert (found.group(1), fragment in found.group(2)) == (file, True), found.group(0)
    assert "not found" not in found.group(2)
    assert CANARY not in result.stderr and "/bin/bash" not in result.stderr


# --- size of a local copy, and the output name's length ----------------------------------------


@pytest.mark.parametrize(
    ("limit", "code"), [("1000000", None), ("100", "PD522")], ids=["within", "over"]
)
def test_a_local_copy_is_read_up_to_its_limit(tmp_path: Path, limit: str, code: str | None) -> None:
    body = "The report says “a passage here”.[@site]\n"
    folder = write_submission(
        tmp_path / "sub", {"sources": "sources.yaml", "arguments": [{"heading": "Q", "body": body}]}
    )
    (folder / "sources.yaml").write_text(REPORT.format("copy.txt"), encoding="utf-8")
    (folder / "sources").mkdir()
    (folder / "sources" / "copy.txt").write_text("It has a passage here. " * 20, encoding="utf-8")
    env = {"POLICYDRAFT_MAX_SOURCE_COPY_BYTES": limit}
    result = run("check", "sub", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    if code is None:
        assert "PD52" not in result.stderr
    else:
        assert f"warning {code}" in result.stderr
        assert "more than the limit of 100 bytes" in result.stderr
        assert "POLICYDRAFT_MAX_SOURCE_COPY_BYTES" in result.stderr


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("x" * 121, "is 121 characters long; at most 120 characters fit"),
        ("\u00e9" * 120, "is 240 bytes long in UTF-8; at most 200 bytes fit"),
        ("\U0001f600" * 60, "is 240 bytes long in UTF-8; at most 200 bytes fit"),
    ],
    ids=["characters", "two-byte", "emoji"],
)
def test_a_long_output_name_says_which_length_is_too_long(
    tmp_path: Path, name: str, fragment: str
) -> None:
    folder = write_submission(tmp_path / "sub", {"output": {"name": name}})
    result = run("check", folder, cwd=tmp_path)
    assert result.returncode == 1
    assert "error PD903" in result.stderr and fragment in result.stderr, result.stderr
