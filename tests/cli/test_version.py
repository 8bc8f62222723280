"""``policydraft --version`` and ``policydraft version`` (issue 16, item 1)."""

from __future__ import annotations

import json
import struct
import tomllib
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from hypothesis import given
from hypothesis import strategies as st

from policydraft.cli.version import FONTS, LIBRARIES, sfnt_names, short_version
from tests.helpers import run_cli
from tests.test_startup import HEAVY, WORK, imported_by, loaded

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.mark.parametrize("args", [["--version"], ["--debug", "--version"]])
def test_version_option_prints_the_projects_version(args: list[str], tmp_path: Path) -> None:
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"policydraft {VERSION}\n"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args", [["--version"], ["-h"], ["version", "-h"], ["check", "-h"], ["--show-completion"]]
)
def test_version_and_help_import_no_work(args: list[str], tmp_path: Path) -> None:
    """Fast: neither the pipeline nor a heavy library, nor rich (the help is plain text)."""
    status, modules = imported_by(args, tmp_path)
    assert status == 0
    assert loaded(modules, HEAVY | WORK | {"rich"}) == set()


def test_version_command_names_libraries_and_fonts(tmp_path: Path) -> None:
    result = run_cli("version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"policydraft {VERSION}"
    assert lines[1].startswith("Python 3.")
    for library in ("python-docx", "reportlab", "lxml", "jinja2", "pydantic"):
        assert any(line.split()[:1] == [library] for line in lines), library
    assert any("LiberationSerif-Regular.ttf" in line and "Liberation Serif" in line
               for line in lines)  # fmt: skip


def test_version_json_is_complete(tmp_path: Path) -> None:
    result = run_cli("version", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["policydraft"] == VERSION
    assert list(report["libraries"]) == list(LIBRARIES)
    assert all(report["libraries"][name] for name in ("python-docx", "reportlab", "lxml"))
    files = sorted(p.name for p in FONTS.glob("*.ttf"))
    assert [font["file"] for font in report["fonts"]] == files
    for font in report["fonts"]:
        assert font["version"] != "unknown" and len(font["sha256"]) == 64


@pytest.mark.parametrize("path", sorted(FONTS.glob("*.ttf")), ids=lambda p: p.name)
def test_font_names_agree_with_fonttools(path: Path) -> None:
    names = sfnt_names(path.read_bytes())
    table = TTFont(path, lazy=True)["name"]
    assert names[4] == table.getDebugName(4)
    assert names[5] == table.getDebugName(5)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Version 2.1.5", "2.1.5"),
        ("Version 2.001; ttfautohint (v1.8.3) -l 8", "2.001"),
        ("2.004; ttfautohint (v1.8.3)", "2.004"),
        ("Version 1.103; Beta1; all basic design good", "1.103"),
        ("", "unknown"),
        ("Version ", "unknown"),
    ],
)
def test_short_version(text: str, short: str) -> None:
    assert short_version(text) == short


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a font at all",
        struct.pack(">IHHHH", 0x00010000, 1, 0, 0, 0),  # one table record promised, none there
        struct.pack(">IHHHH", 0x00010000, 1, 0, 0, 0)
        + struct.pack(">4sIII", b"name", 0, 1_000_000, 10),  # the name table out of the file
    ],
)
def test_a_broken_font_has_no_names(data: bytes) -> None:
    assert sfnt_names(data) == {}


@given(st.binary(max_size=512))
def test_any_bytes_give_names_or_none_never_an_exception(data: bytes) -> None:
    assert isinstance(sfnt_names(data), dict)
