"""``policydraft init``: a starter that checks clean, renders, lists its sources, and says what
it is; ``templates copy`` of a template the submission does not use is refused (PD122)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.helpers import run_cli, write_submission

STARTER_TYPES = {
    "case",
    "statute",
    "regulation",
    "federal-register",
    "report",
    "article",
    "web",
}


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "my-comment"
    result = run_cli("init", folder)
    assert result.returncode == 0, result.stderr
    return folder


def test_init_writes_the_starter_files(starter: Path) -> None:
    written = sorted(str(p.relative_to(starter)) for p in starter.rglob("*") if p.is_file())
    assert written == [
        ".gitignore",
        "README.md",
        "arguments/costs.md",
        "policydraft.yaml",
        "signatories.csv",
        "sources.yaml",
    ]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (("check",), r"^0 errors, 0 warnings$"),
        (("sources", "list"), r"^notice \(federal-register, .*sources\.yaml:\d+\)$"),
        (("render", "--to", "pdf"), r"^wrote .*my-comment\.pdf \(\d+ pages?, [\d,]+ KB\)$"),
    ],
    ids=["check", "sources-list", "render"],
)
def test_the_starter_checks_lists_and_renders(
    starter: Path, tmp_path: Path, command: tuple[str, ...], expected: str
) -> None:
    extra = ("--out", str(tmp_path / "out")) if command[0] == "render" else ()
    result = run_cli(*command, starter, *extra)
    assert result.returncode == 0, result.stderr
    assert " error " not in result.stderr and " warning " not in result.stderr, result.stderr
    assert re.search(expected, result.stdout + result.stderr, re.M), result.stdout + result.stderr


def test_the_starter_bibliography_has_each_common_type_and_cites_every_entry(
    starter: Path,
) -> None:
    entries = YAML(typ="safe").load((starter / "sources.yaml").read_text(encoding="utf-8"))
    assert {entry["type"] for entry in entries} == STARTER_TYPES
    assert len(entries) == len(STARTER_TYPES)  # one example of each
    listing = run_cli("sources", "list", starter)
    assert listing.returncode == 0, listing.stderr
    assert "never cited" not in listing.stdout
    for entry in entries:
        assert f"{entry['id']} ({entry['type']}," in listing.stdout


def test_the_gitignore_keeps_the_output_folder_out(starter: Path) -> None:
    settings = YAML(typ="safe").load((starter / "policydraft.yaml").read_text(encoding="utf-8"))
    ignored = (starter / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert f"/{settings['output']['dir']}/" in ignored
    assert ".policydraft/" in ignored  # the filing key, as before


def test_the_readme_says_what_the_files_are_and_the_two_commands(starter: Path) -> None:
    text = (starter / "README.md").read_text(encoding="utf-8")
    for name in ("policydraft.yaml", "sources.yaml", "signatories.csv", ".gitignore"):
        assert f"`{name}`" in text
    assert "policydraft check" in text and "policydraft render" in text


@pytest.mark.parametrize("template", ["comment-letter", "open-letter"])
def test_init_with_either_template_checks_clean(tmp_path: Path, template: str) -> None:
    folder = tmp_path / "s"
    assert run_cli("init", folder, "--template", template).returncode == 0
    result = run_cli("check", folder)
    assert result.returncode == 0, result.stderr
    assert " warning " not in result.stderr, result.stderr


def test_init_refuses_over_a_sources_file_of_ours(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "sources.yaml").write_text("[]\n", encoding="utf-8")
    result = run_cli("init", folder)
    assert result.returncode == 1
    assert re.search(r"sources\.yaml.*error PD120", result.stderr), result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["sources.yaml"]
    assert (folder / "sources.yaml").read_text(encoding="utf-8") == "[]\n"


# --- templates copy: only a template the submission uses, unless --force ------------------

# (the submission's template: line, or None for none written; the copied template;
#  the exit status; what the output says)
COPIES = [
    pytest.param("comment-letter", "comment-letter", 0, "copied template", id="the-one-used"),
    pytest.param(
        "comment-letter",
        "open-letter",
        1,
        r"policydraft\.yaml:\d+:\d+: error PD122: this submission uses template 'comment-letter', "
        r"so a copy of 'open-letter' would never be used; to switch, set 'template: open-letter'",
        id="another",
    ),
    pytest.param(
        None,
        "open-letter",
        1,
        r"error PD122: this submission uses the default template 'comment-letter' \(it has no "
        r"template: key\).*add 'template: open-letter' to policydraft\.yaml",
        id="another-than-the-default",
    ),
    pytest.param(None, "comment-letter", 0, "copied template", id="the-default"),
    pytest.param("open-letter", "supplement", 0, "copied template", id="supplement-always"),
]


@pytest.mark.parametrize(("used", "name", "status", "said"), COPIES)
def test_templates_copy_only_what_the_submission_uses(
    tmp_path: Path, used: str | None, name: str, status: int, said: str
) -> None:
    folder = write_submission(tmp_path / "s", {"template": used} if used else {})
    if used is None:
        text = (folder / "policydraft.yaml").read_text(encoding="utf-8")
        text = re.sub(r'\s*"template": "[^"]*",', "", text)
        (folder / "policydraft.yaml").write_text(text, encoding="utf-8")
    result = run_cli("templates", "copy", name, folder)
    assert result.returncode == status, result.stderr
    assert re.search(said, result.stdout + result.stderr), result.stdout + result.stderr
    assert (folder / "templates" / name).is_dir() == (status == 0)


def test_templates_copy_with_force_copies_a_template_not_used(tmp_path: Path) -> None:
    folder = write_submission(tmp_path / "s")
    result = run_cli("templates", "copy", "open-letter", folder, "--force")
    assert result.returncode == 0, result.stderr
    assert (folder / "templates" / "open-letter" / "letter.md.j2").is_file()
    assert "template: open-letter" in result.stdout  # how it gets used


@pytest.mark.parametrize(
    "yaml",
    ["template: [open-letter]\n", "title: [unclosed\n", None],
    ids=["broken-template-key", "broken-yaml", "no-policydraft-yaml"],
)
def test_templates_copy_where_the_template_cannot_be_told(tmp_path: Path, yaml: str | None) -> None:
    """Check reports those problems; copy does not guess that the template is unused."""
    folder = tmp_path / "s"
    folder.mkdir()
    if yaml is not None:
        (folder / "policydraft.yaml").write_text(yaml, encoding="utf-8")
    result = run_cli("templates", "copy", "open-letter", folder)
    assert result.returncode == 0, result.stderr
    assert "PD122" not in result.stderr
