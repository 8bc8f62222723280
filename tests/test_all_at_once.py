"""All errors at once: a broken key in policydraft.yaml no longer hides the other findings.

Loading leaves out (or defaults) only the broken parts; the later stages (signatories,
bibliography, arguments, citations, profile) run on what could be loaded and report their
own findings in the same run, and render still writes nothing. The README's own example is
run as printed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.diagnostics import Diagnostics
from policydraft.readers.schema_errors import model_at
from policydraft.submission.load import load_submission
from policydraft.submission.partial import PLACEHOLDERS
from policydraft.submission.schema import Submission
from tests.helpers import MINIMAL, run_cli

ROOT = Path(__file__).resolve().parent.parent

DROP = object()
"""An override that removes the key from the submission."""

SIGNATORIES = "name,organization\nAda Lovelace,Analytical Engines\n,Nobody Inc.\n"
"""Its row 3 has no name: PD401 at signatories.csv:3:1, found by the signatories stage."""

SOURCES = """\
- id: campbell
  type: case
  name: Campbell v. Acuff-Rose Music, Inc.
  volume: 510
  reporter: U.S.
  page: 569
  year: 1994
"""

BASE: dict[str, Any] = {
    **MINIMAL,
    "sources": "sources.yaml",
    "arguments": [
        {"heading": "First", "body": "Fair use is decided case by case.[@campbell, 577]\n"},
        {"heading": "Second", "body": "As the Court said.[@campbel, 579]\n"},  # PD501
    ],
    "signatories": {"file": "signatories.csv", "sort": "surname"},
}

LATER = ("PD501", "PD401")
"""The later stages' findings: an unknown citation key, a signatory row without a name."""


def write(folder: Path, overrides: dict[str, Any]) -> Path:
    folder.mkdir(parents=True)
    data = {key: value for key, value in {**BASE, **overrides}.items() if value is not DROP}
    (folder / "policydraft.yaml").write_text(json.dumps(data, indent=2), encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "signatories.csv").write_text(SIGNATORIES, encoding="utf-8")
    return folder


def codes(stderr: str) -> list[str]:
    return re.findall(r": error (PD\d+):", stderr)


# (overrides, the broken key's own code, the later findings still reported)
BROKEN = [
    pytest.param({"title": DROP, "titel": "T"}, "PD102", LATER, id="misspelt-top-level-key"),
    pytest.param({"date": "15/03/2025"}, "PD104", LATER, id="date-not-iso"),
    pytest.param({"commenter": "Jane Advocate"}, "PD104", LATER, id="commenter-not-a-mapping"),
    pytest.param(
        {"commenter": {"name": "J", "organisation": "O"}}, "PD102", LATER, id="misspelt-nested"
    ),
    pytest.param({"profile": ["x"]}, "PD104", LATER, id="profile-a-list"),
    pytest.param({"output": "build"}, "PD104", LATER, id="output-not-a-mapping"),
    pytest.param({"draft": "sometimes"}, "PD104", LATER, id="draft-not-a-choice"),
    pytest.param({"toc": {"a": 1}}, "PD104", LATER, id="toc-a-mapping"),
    pytest.param({"citations": {"supra": "bogus"}}, "PD104", LATER, id="nested-bad-choice"),
    pytest.param(
        {"signatories": {"file": "signatories.csv", "sort": "random"}},
        "PD104",
        LATER,
        id="signatories-bad-sort",
    ),
    pytest.param(
        {"arguments": [{"body": "No heading."}, *BASE["arguments"]]},
        "PD103",
        LATER,
        id="argument-without-heading",
    ),
    pytest.param(
        {"arguments": ["just text", *BASE["arguments"]]},
        "PD104",
        LATER,
        id="argument-not-a-mapping",
    ),
    pytest.param(
        {"arguments": [{**BASE["arguments"][1], "file": "b.md"}, BASE["arguments"][0]]},
        "PD106",
        LATER,
        id="argument-body-and-file",
    ),
    pytest.param({"signature": [{"title": "Counsel"}]}, "PD103", LATER, id="signer-without-name"),
    pytest.param({"exhibits": [{"file": "a.pdf"}]}, "PD103", LATER, id="exhibit-without-title"),
    # a broken template: nothing is composed (another template's findings would mislead),
    # so no citation is read; the signatories are
    pytest.param({"template": ["open-letter"]}, "PD104", ("PD401",), id="template-a-list"),
    # a broken sources: every citation would be "no such source": citations are not resolved
    pytest.param({"sources": ["sources.yaml"]}, "PD104", ("PD401",), id="sources-a-list"),
    # a named file outside the folder is never read; the rest is
    pytest.param({"sources": "/etc/passwd"}, "PD500", ("PD401",), id="sources-outside"),
]


@pytest.mark.parametrize(("overrides", "own", "later"), BROKEN)
def test_a_broken_key_does_not_hide_the_later_findings(
    tmp_path: Path, overrides: dict[str, Any], own: str, later: tuple[str, ...]
) -> None:
    folder = write(tmp_path / "sub", overrides)
    result = run_cli("check", folder)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    found = codes(result.stderr)
    assert own in found, result.stderr
    for code in later:
        assert code in found, result.stderr
    if "PD501" in later:  # at the citation's own line in policydraft.yaml
        assert re.search(
            r"policydraft\.yaml:\d+:\d+: error PD501: no source 'campbel'", result.stderr
        )
    if "PD401" in later:
        assert "signatories.csv:3:1: error PD401" in result.stderr


def test_the_found_errors_are_each_reported_once_at_their_line(tmp_path: Path) -> None:
    overrides = {
        "title": DROP,
        "titel": "T",
        "arguments": [{"body": "No heading."}, *BASE["arguments"]],
    }
    result = run_cli("check", write(tmp_path / "sub", overrides))
    lines = [line for line in result.stderr.splitlines() if ": error " in line]
    assert len(lines) == len(set(lines)), result.stderr
    # the argument after the one left out is still located at its own line
    text = (tmp_path / "sub" / "policydraft.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index(next(x for x in text.splitlines() if "campbel," in x)) + 1
    assert f"policydraft.yaml:{line}:" in result.stderr and "no source 'campbel'" in result.stderr


def test_render_with_a_broken_key_writes_nothing(tmp_path: Path) -> None:
    folder = write(tmp_path / "sub", {"date": "15/03/2025"})
    result = run_cli("render", folder, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert {"PD104", "PD501", "PD401"} <= set(codes(result.stderr))
    assert "wrote" not in result.stdout
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in folder.iterdir()) == [
        "policydraft.yaml",
        "signatories.csv",
        "sources.yaml",
    ]


def test_every_required_key_has_a_placeholder() -> None:
    required = {name for name, field in Submission.model_fields.items() if field.is_required()}
    assert required == set(PLACEHOLDERS)
    Submission.model_validate({**PLACEHOLDERS})  # and the placeholders validate


def test_the_readme_example_reproduces_as_printed() -> None:
    """README.md's "all at once" block is this folder's real output, line for line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n\$ (policydraft check my-comment)\n(.*?)```", readme, re.S)
    assert block, "the README's all-at-once example is missing"
    result = run_cli(*block.group(1).split()[1:], cwd=ROOT / "tests" / "readme_example")
    assert result.returncode == 1
    assert (result.stdout + result.stderr).splitlines() == block.group(2).splitlines()


# --- the loader never raises, whatever mapping it is given -----------------------------------


def _field_names() -> list[str]:
    names: set[str] = set()
    for path in ((), ("commenter",), ("signatories",), ("output",), ("citations",)):
        model = model_at(Submission, path)
        if model is not None:
            names.update(model.model_fields)
    from policydraft.submission.schema import Argument, DraftConfig, ExhibitConfig

    for model in (Argument, DraftConfig, ExhibitConfig):
        names.update(model.model_fields)
    return sorted(names)


KEYS = st.sampled_from(_field_names()) | st.text(min_size=1, max_size=8)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat)
    | st.sampled_from(["2025-03-15", "comment-letter", "surname", "build", "a.md", "x.csv"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)
MAPPINGS = st.dictionaries(KEYS, VALUES, max_size=10)

REFUSED_YAML = {"PD101", "PD107", "PD108", "PD109", "PD110", "PD111", "PD112"}
"""A file refused before it is read as a submission (a control character, say): no mapping."""


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MAPPINGS)
def test_loading_any_mapping_never_raises(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "policydraft.yaml").write_text(json.dumps(data), encoding="utf-8")
        diags = Diagnostics()
        loaded = load_submission(folder, diags)
        if loaded is None:  # else a mapping always loads, broken parts left out
            assert {item.code for item in diags.items} & REFUSED_YAML, diags.items
            return
        if loaded.broken:
            assert diags.has_errors  # nothing is left out silently
        for item in diags.items:
            assert item.line >= 1 and item.column >= 1
        for index in range(len(loaded.submission.arguments)):
            loaded.locate("arguments", index, "heading")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MAPPINGS.map(lambda extra: {**BASE, **extra}))
def test_the_later_stages_never_crash_on_a_partly_loaded_submission(data: dict[str, Any]) -> None:
    from policydraft.pipeline import check

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "policydraft.yaml").write_text(json.dumps(data), encoding="utf-8")
        (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
        (folder / "signatories.csv").write_text(SIGNATORIES, encoding="utf-8")
        diags = Diagnostics()
        checked = check(folder, diags, render_checks=False)
        if checked is None:
            assert {item.code for item in diags.items} & REFUSED_YAML, diags.items
        elif diags.has_errors:
            assert checked.plan is None  # so nothing could be rendered
