"""Shared profiles as untrusted input: extends chains, RE2 docket patterns, file_name patterns."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from policydraft import limits
from policydraft.diagnostics import Diagnostics, Location
from policydraft.profiles.load import load_profile
from policydraft.profiles.schema import Profile, docket_matcher

HEAD = "title: Mine\nagency: Example Agency\n"
WHERE = Location("policydraft.yaml", 1, 1)


def load(folder: Path, files: dict[str, str]) -> tuple[Profile | None, Diagnostics]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    diags = Diagnostics()
    return load_profile("./mine.yaml", folder, diags, WHERE), diags


def chain(length: int) -> dict[str, str]:
    """mine.yaml -> p1.yaml -> ... : ``length`` profiles in all, the last extending nothing."""
    names = ["mine.yaml", *(f"p{i}.yaml" for i in range(1, length))]
    files = {name: HEAD + f"extends: ./{after}\n" for name, after in itertools.pairwise(names)}
    files[names[-1]] = HEAD + "docket_pattern: '^X-\\d+$'\n"
    return files


def test_a_chain_at_the_limit_loads_and_merges(tmp_path: Path) -> None:
    profile, diags = load(tmp_path, chain(limits.PROFILE_CHAIN.value))
    assert diags.items == []
    assert profile is not None and profile.docket_pattern == "^X-\\d+$"


@pytest.mark.parametrize("length", [limits.PROFILE_CHAIN.value + 1, 1500])
def test_a_longer_chain_is_refused_at_the_extends_that_goes_too_far(
    tmp_path: Path, length: int
) -> None:
    profile, diags = load(tmp_path, chain(length))
    assert profile is None
    [found] = diags.items
    last = limits.PROFILE_CHAIN.value - 1
    assert (found.code, found.file.endswith(f"p{last}.yaml"), found.line) == ("PD608", True, 3)
    assert f"at most {limits.PROFILE_CHAIN.value} profiles" in found.message


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({"mine.yaml": HEAD + "extends: ./mine.yaml\n"}, id="itself"),
        pytest.param(
            {"mine.yaml": HEAD + "extends: ./b.yaml\n", "b.yaml": HEAD + "extends: ./mine.yaml\n"},
            id="two",
        ),
    ],
)
def test_a_cycle_is_pd601(tmp_path: Path, files: dict[str, str]) -> None:
    profile, diags = load(tmp_path, files)
    assert profile is None and [d.code for d in diags] == ["PD601"]
    assert "extends itself" in diags.items[0].message


# (pattern, docket, matches)
MATCHES = [
    ("^NHTSA-\\d{4}-\\d{4}$", "NHTSA-2024-0001", True),
    ("^NHTSA-\\d{4}-\\d{4}$", "NHTSA-2024-00011", False),
    ("NSF_FRDOC_\\d+", "NSF_FRDOC_0001", True),
    ("NSF_FRDOC_\\d+", "xNSF_FRDOC_0001", False),  # the whole docket must match
    ("(a+)+$", "a" * 100_000 + "!", False),  # exponential for a backtracking engine
    ("(a|aa)+$", "a" * 100_000 + "b", False),
    ("COLC-\\d{4}-\\d{4}", "COLC-2023-0006", True),
]


@pytest.mark.parametrize(("pattern", "docket", "matches"), MATCHES)
def test_docket_patterns_match_whole_dockets(pattern: str, docket: str, matches: bool) -> None:
    assert docket_matcher(pattern)(docket) is matches


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("(a)\\1", "invalid escape"),
        ("(?=a)b", "perl operator"),
        ("(?<!a)b", "perl operator"),
        ("((a{1000}){1000}){1000}", "repetition"),
        ("[unclosed", "missing ]"),
    ],
)
def test_patterns_re2_cannot_run_are_pd609(tmp_path: Path, pattern: str, words: str) -> None:
    quoted = pattern.replace("'", "''")
    profile, diags = load(tmp_path, {"mine.yaml": HEAD + f"docket_pattern: '{quoted}'\n"})
    assert profile is None
    [found] = diags.items
    assert (found.code, found.line, found.column) == ("PD609", 3, 17)
    assert words in found.message


@pytest.mark.parametrize(
    ("file_name", "words"),
    [
        ("{stem", "not a valid pattern"),
        ("stem}", "not a valid pattern"),
        ("{stem:>999999999}", "no format or conversion"),
        ("{stem!r}", "no format or conversion"),
        ("{stem.__class__}", "unknown placeholder(s) stem.__class__"),
        ("{stem[0]}", "unknown placeholder(s) stem[0]"),
        ("{0}", "unknown placeholder(s) 0"),
        ("{}", "unknown placeholder(s) "),
        ("{nope}", "unknown placeholder(s) nope"),
    ],
)
def test_a_malformed_file_name_is_pd601(tmp_path: Path, file_name: str, words: str) -> None:
    profile, diags = load(tmp_path, {"mine.yaml": HEAD + f"file_name: '{file_name}'\n"})
    assert profile is None
    [found] = diags.items
    assert (found.code, found.line) == ("PD601", 3)
    assert words in found.message


@pytest.mark.parametrize("file_name", ["{stem}", "{docket}-{date}", "Comment of {commenter}", "x"])
def test_well_formed_file_names_load(tmp_path: Path, file_name: str) -> None:
    profile, diags = load(tmp_path, {"mine.yaml": HEAD + f"file_name: '{file_name}'\n"})
    assert profile is not None and diags.items == []
