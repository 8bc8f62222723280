"""parse_yaml refuses heavy YAML with a located diagnostic and loads all below the limits."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft import limits
from policydraft.diagnostics import Diagnostics
from policydraft.readers import yaml_bounds
from policydraft.readers.bounded import control_character
from policydraft.readers.yaml_source import YamlDocument, parse_yaml, to_plain
from tests.hostile.harness import Case, base, run_case


def parse(tmp_path: Path, text: str | bytes) -> tuple[YamlDocument | None, Diagnostics]:
    path = tmp_path / "policydraft.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    return parse_yaml(path, "policydraft.yaml", diags), diags


def bomb(levels: int, width: int = 9) -> str:
    names = [f"l{i}" for i in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * width)}]"]
    for before, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{before}'] * width)}]")
    return "\n".join(lines) + "\n"


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides and isolates: refused like the control characters."""

# (id, YAML, code, line, column, words of the message)
REFUSED = [
    ("billion-laughs", bomb(9), "PD109", 7, 10, "expand to more than 1,000,000 values"),
    ("many-aliases", "x: &x 1\ny: [" + ", ".join(["*x"] * 101) + "]", "PD109", 2, 405, "than 100"),
    ("deep-flow", "x: " + "[" * 100 + "]" * 100, "PD110", 1, 67, "more than 64 levels"),
    ("deep-block", "".join("  " * i + f"k{i}:\n" for i in range(70)), "PD110", 64, 127, "64"),
    ("deep-flow-10000", "[" * 10_000 + "]" * 10_000, "PD110", 1, 65, "nested"),
    ("long-int", "volume: " + "9" * 5000, "PD111", 1, 9, "5,000 digits"),
    ("long-negative-int", "volume: -" + "9" * 101, "PD111", 1, 9, "101 digits"),
    ("long-float", "page: 1." + "5" * 200, "PD111", 1, 7, "201 digits"),
    ("escaped-nul", 'title: "a\\0b"\n', "PD112", 1, 8, "U+0000"),
    ("escaped-escape", 'title: "a\\e[2Jb"\n', "PD112", 1, 8, "U+001B"),
    ("bell-escape", 'title: "a\\ab"\n', "PD112", 1, 8, "U+0007"),
    ("escaped-c1", 'title: "a\\x85b"\n', "PD112", 1, 8, "U+0085"),
    ("lone-surrogate", 'title: "a\\ud800b"\n', "PD112", 1, 8, "U+D800"),
    ("surrogate-pair-escape", 'title: "\\ud83d\\ude00"\n', "PD112", 1, 8, "U+D83D"),
    ("control-in-key", '"k\\x01": 1\n', "PD112", 1, 1, "U+0001"),
    ("raw-nul", "title: a\x00b\n", "PD101", 1, 9, "U+0000"),
    # bidirectional controls, which YAML allows raw, make a name read differently in print
    ("bidi-override", "name: Jane \u202eetacovdA\n", "PD112", 1, 7, "bidirectional control"),
    ("bidi-embedding", "name: 'a \u202ab'\n", "PD112", 1, 7, "U+202A"),
    ("bidi-pop", 'name: [x, "a\u202c"]\n', "PD112", 1, 11, "U+202C"),
    ("bidi-isolate-escape", 'title: "a\\u2066b\\u2069"\n', "PD112", 1, 8, "U+2066"),
    ("bidi-first-strong-isolate", "t: |\n  line\n  \u2068x\n", "PD112", 1, 4, "U+2068"),
    ("bidi-in-key", "\u202dname: x\n", "PD112", 1, 1, "U+202D"),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in REFUSED],
)
def test_heavy_yaml_is_refused_where_it_is_written(
    tmp_path: Path, text: str, code: str, line: int, column: int, words: str
) -> None:
    document, diags = parse(tmp_path, text)
    assert document is None
    [found] = diags.items
    assert (found.code, found.line, found.column) == (code, line, column), found
    assert words in found.message


ACCEPTED = [
    ("aliases-at-the-limit", "x: &x 1\ny: [" + ", ".join(["*x"] * 100) + "]\n"),
    ("nested-64", "x: " + "[" * 63 + "]" * 63),
    ("number-of-100-digits", "volume: " + "9" * 100),
    ("quoted-long-number", "volume: '" + "9" * 5000 + "'"),
    ("tab-and-newlines", 'title: "a\\tb\\nc\\r"\n'),
    ("merge-key", "base: &b {a: 1}\nmore:\n  <<: *b\n  c: 2\n"),
    ("folded-block", "d: >-\n  one\n  two\n\n  three\n"),
    ("emoji-escape", 'title: "\\U0001F600"\n'),
    ("bomb-of-two-levels", bomb(2)),
    # right-to-left text is text: letters, and the marks (not controls) that order it
    ("hebrew", "name: \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd\n"),
    ("arabic", "organization: \u0645\u0624\u0633\u0633\u0629 \u0627\u0644\u0646\u0648\u0631\n"),
    ("rtl-and-ltr-marks", 'name: "\u05d0\u200f (Tel Aviv)\u200e"\n'),
    ("arabic-letter-mark", "name: \u061c\u0645\n"),
]


@pytest.mark.parametrize("text", [pytest.param(c[1], id=c[0]) for c in ACCEPTED])
def test_what_real_files_do_still_loads(tmp_path: Path, text: str) -> None:
    document, diags = parse(tmp_path, text)
    assert document is not None, diags.items
    assert diags.items == []


def test_expansion_is_counted_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bomb(3) expands to 1 + 3*(1 + 9*(1 + 9*(1 + 9))) values: at that limit it loads."""
    size = 1 + 3 + (1 + 9) + (1 + 9 * 10) + (1 + 9 * 91)  # the mapping, its keys, each list
    monkeypatch.setattr(yaml_bounds, "YAML_NODES", limits.Limit("n", size, "nodes", "test"))
    document, diags = parse(tmp_path, bomb(3))
    assert document is not None, diags.items
    assert len(_flatten(to_plain(document.data))) == size - 1 - 3  # what a walker builds
    monkeypatch.setattr(yaml_bounds, "YAML_NODES", limits.Limit("n", size - 1, "nodes", "test"))
    document, diags = parse(tmp_path, bomb(3))
    assert document is None and [d.code for d in diags.items] == ["PD109"]


def _flatten(data: object) -> list[object]:
    """Every value below the top mapping, as a walker expands it."""
    out: list[object] = []
    stack = list(data.values()) if isinstance(data, dict) else []
    while stack:
        value = stack.pop()
        out.append(value)
        if isinstance(value, list):
            stack.extend(value)
    return out


def test_a_self_referencing_alias_is_cut_not_followed(tmp_path: Path) -> None:
    document, diags = parse(tmp_path, "loop: &loop [*loop, *loop, [*loop]]\n")
    assert document is not None and diags.items == []
    assert to_plain(document.data) == {"loop": [None, None, [None]]}


def test_an_oversize_file_names_its_size_the_limit_and_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYDRAFT_MAX_YAML_BYTES", "1000")
    document, diags = parse(tmp_path, "title: x\n" + "# comment\n" * 200)
    assert document is None
    [found] = diags.items
    assert (found.code, found.line) == ("PD108", 1)
    assert "2,009 bytes" in found.message and "1,000 bytes" in found.message
    assert "POLICYDRAFT_MAX_YAML_BYTES" in found.message


def test_raising_the_size_limit_lets_the_file_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYDRAFT_MAX_YAML_BYTES", "3000")
    document, diags = parse(tmp_path, "title: x\n" + "# comment\n" * 200)
    assert document is not None and diags.items == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(depth=st.integers(min_value=1, max_value=400), flow=st.booleans())
def test_any_depth_loads_or_is_refused_cleanly(tmp_path: Path, depth: int, flow: bool) -> None:
    """No depth gives a RecursionError: up to the limit it loads, past it it is PD110."""
    if flow:
        text = "x: " + "[" * depth + "]" * depth
    else:
        text = "".join("  " * i + f"k{i}:\n" for i in range(depth))
    document, diags = parse(tmp_path, text)
    levels = depth + 1  # every node counts: the top mapping, or the innermost key
    if levels <= limits.NESTING.value:
        assert document is not None and diags.items == []
    else:
        assert document is None and [d.code for d in diags.items] == ["PD110"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x3000), max_size=30))
def test_any_escaped_string_loads_or_names_its_control_character(
    tmp_path: Path, value: str
) -> None:
    text = "title: " + '"' + "".join(f"\\u{ord(c):04x}" for c in value) + '"\n'
    document, diags = parse(tmp_path, text)
    bad = [c for c in value if control_character(c) is not None or c in BIDI_CONTROLS]
    if bad:
        assert [d.code for d in diags.items] == ["PD112"]
        assert f"U+{ord(bad[0]):04X}" in diags.items[0].message
    else:
        assert document is not None and to_plain(document.data) == {"title": value}


# --- through the CLI: every YAML file a submission reads, with its own code ---------------

_WEB = "- id: site\n  type: web\n  title: {}\n  url: https://example.org\n  accessed: 2025-01-01\n"
_CITED = [{"heading": "Cited", "body": "As shown.[@site]\n"}]
_PROFILE = "title: Mine\nagency: Example Agency\ndescription: {}\n"
_RTL_NAME = "\u05e9\u05e8\u05d4 \u05dc\u05d5\u05d9"  # Hebrew: Sarah Levi
_RTL_ORG = "\u0645\u0624\u0633\u0633\u0629 \u0627\u0644\u0646\u0648\u0631"  # Arabic letters


# (id, files, code, exit status)
CLI = [
    (
        "override-in-commenter",
        base(commenter={"name": "Jane \u202eetacovdA", "organization": "Org"}),
        "PD112",
        1,
    ),
    (
        "isolate-in-sources-yaml",
        {
            **base(sources="sources.yaml", arguments=_CITED),
            "sources.yaml": _WEB.format("A \u2067page\u2069"),
        },
        "PD518",
        1,
    ),
    (
        "override-in-profile",
        {**base(profile="./mine.yaml"), "mine.yaml": _PROFILE.format("a \u202eb")},
        "PD607",
        1,
    ),
    (
        "right-to-left-commenter-and-source",
        {
            **base(
                commenter={"name": _RTL_NAME, "organization": "Example Coalition"},
                sources="sources.yaml",
                arguments=_CITED,
            ),
            "sources.yaml": _WEB.format(_RTL_NAME),
        },
        None,
        0,
    ),
    # Arabic letters pass as well: a bundled font draws them, shaped (docs/signatories.md)
    (
        "arabic-organization",
        base(commenter={"name": "Jane Advocate", "organization": _RTL_ORG}),
        None,
        0,
    ),
]


@pytest.mark.parametrize(
    ("files", "code", "status"), [pytest.param(*case[1:], id=case[0]) for case in CLI]
)
def test_bidirectional_controls_are_refused_by_the_cli(
    tmp_path: Path, files: dict[str, str | bytes], code: str | None, status: int
) -> None:
    runs = run_case(Case("bidi", files, code, exit=status), tmp_path)
    for run in runs:
        said = "bidirectional control character" in run.stdout + run.stderr
        assert said is (code in ("PD112", "PD518", "PD607"))
