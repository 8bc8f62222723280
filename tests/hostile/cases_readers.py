"""Hostile YAML, JSON, Markdown and profiles: small files that would expand, recurse or hang.

Every row goes through ``check`` and ``render`` and must end with its located diagnostic
within the harness's time and memory guards: alias bombs, deep nesting in each format,
numbers too long for Python's int conversion, oversize files, nested and exponential
footnotes, long or circular ``extends:`` chains, a catastrophic ``docket_pattern``, a
malformed ``file_name`` and control characters. A few rows are valid input that must keep
working (a citation inside a footnote).
"""

from __future__ import annotations

import itertools
import json

from policydraft.limits import FILE_BYTES, YAML_BYTES
from tests.hostile.harness import Case, base

BOMB_LEVELS = "abcdefghi"


def _bomb_lines(indent: str = "") -> str:
    """A billion-laughs alias bomb as block YAML: nine levels, each nine aliases of the last."""
    lines = [f'{indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    for before, name in itertools.pairwise(BOMB_LEVELS):
        lines.append(f"{indent}{name}: &{name} [{','.join([f'*{before}'] * 9)}]\n")
    return "".join(lines)


def _submission_yaml(extra: str = "", **overrides: object) -> str:
    """policydraft.yaml as block YAML (JSON lines per key) with ``extra`` lines appended."""
    data = json.loads(str(base(**overrides)["policydraft.yaml"]))
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in data.items()]
    return "".join(lines) + extra


def _with(yaml_text: str, **files: str | bytes) -> dict[str, str | bytes]:
    return {**base(), "policydraft.yaml": yaml_text, **files}


def _markdown_file(text: str | bytes) -> dict[str, str | bytes]:
    arguments = [{"heading": "From a file", "file": "arguments/a.md"}]
    return {**base(arguments=arguments), "arguments/a.md": text}


def _body(text: str) -> dict[str, str | bytes]:
    return base(arguments=[{"heading": "Inline", "body": text}])


_WEB_SOURCE = (
    "- id: site\n  type: web\n  title: A page\n  url: https://example.org\n  accessed: 2025-01-01\n"
)
_CITED = "As shown.[@site]\n"


def _sources(name: str, text: str, body: str = _CITED) -> dict[str, str | bytes]:
    """A submission citing ``@site`` from the bibliography ``name`` holding ``text``."""
    return {**base(sources=name, arguments=[{"heading": "Inline", "body": body}]), name: text}


def _sources_yaml(text: str) -> dict[str, str | bytes]:
    return _sources("sources.yaml", text)


def _sources_json(text: str) -> dict[str, str | bytes]:
    return _sources("sources.json", text)


_CSL_ITEM = {
    "id": "site",
    "type": "webpage",
    "title": "A page",
    "URL": "https://example.org",
    "accessed": {"date-parts": [[2025, 1, 1]]},
}


def _profile(text: str, **more: str | bytes) -> dict[str, str | bytes]:
    return {**base(profile="./mine.yaml"), "mine.yaml": text, **more}


_PROFILE_HEAD = "title: Mine\nagency: Example Agency\n"


def _chain(length: int) -> dict[str, str | bytes]:
    """mine.yaml extends p1.yaml, which extends p2.yaml, ... ``length`` files in all."""
    files = _profile(_PROFILE_HEAD + "extends: ./p1.yaml\n")
    for index in range(1, length):
        files[f"p{index}.yaml"] = _PROFILE_HEAD + f"extends: ./p{index + 1}.yaml\n"
    files[f"p{length}.yaml"] = _PROFILE_HEAD
    return files


def _exponential_notes(levels: int) -> str:
    """Footnotes that each reference the next twice: 2**levels notes if expanded."""
    notes = "".join(f"[^n{i}]: x[^n{i + 1}] y[^n{i + 1}]\n\n" for i in range(levels))
    return f"Text.[^n0]\n\n{notes}[^n{levels}]: end.\n"


OVERSIZE = FILE_BYTES.value + 1024  # Markdown and JSON
OVERSIZE_YAML = YAML_BYTES.value + 1024
_PADDING_LINE = "# " + "x" * 98 + "\n"


def _padded(head: str, size: int = OVERSIZE) -> str:
    """``head`` followed by comment lines up to ``size`` bytes: valid, just too large."""
    return head + _PADDING_LINE * (size // len(_PADDING_LINE) + 1)


DEEP = 10_000
_CHECK = (("check",),)


def _openers(opener: str) -> str:
    """A paragraph of 20,000 ``opener`` and a note that is referenced (the plugin's rules
    only scan when a body defines a footnote)."""
    return opener * 20_000 + " and a note.[^n]\n\n[^n]: The note.\n"


CASES: list[Case] = [
    # --- alias bombs: refused before anything expands them --------------------------------
    Case(
        "yaml-alias-bomb-submission",
        _with(_submission_yaml("bomb:\n" + _bomb_lines("  "))),
        "PD109",
    ),
    Case(
        "yaml-alias-bomb-sources",
        _sources_yaml(_WEB_SOURCE + "  bomb:\n" + _bomb_lines("    ")),
        "PD515",
    ),
    Case(
        "yaml-alias-bomb-profile", _profile(_PROFILE_HEAD + "bomb:\n" + _bomb_lines("  ")), "PD604"
    ),
    Case(
        "yaml-too-many-aliases",
        _with(_submission_yaml("x: &x word\nmany: [" + ",".join(["*x"] * 500) + "]\n")),
        "PD109",
    ),
    Case(
        "yaml-self-referencing-alias",
        _with(_submission_yaml("loop: &loop [*loop, *loop, [*loop, *loop]]\n")),
        "PD102",
    ),
    # --- deep nesting -----------------------------------------------------------------------
    Case(
        "yaml-deep-flow", _with(_submission_yaml("x: " + "[" * DEEP + "]" * DEEP + "\n")), "PD110"
    ),
    Case(
        "yaml-deep-block",
        _with(_submission_yaml("x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)))),
        "PD110",
    ),
    Case("sources-yaml-deep", _sources_yaml("[" * DEEP + "]" * DEEP + "\n"), "PD516"),
    Case(
        "profile-yaml-deep",
        _profile(_PROFILE_HEAD + "x: " + "{a: " * DEEP + "1" + "}" * DEEP),
        "PD605",
    ),
    Case("csl-json-deep", _sources_json("[" * DEEP + "]" * DEEP), "PD516"),
    Case(
        "csl-json-deep-in-item",
        _sources_json(
            json.dumps([{**_CSL_ITEM, "note": "x"}])[:-2]
            + ', "deep": '
            + "[" * DEEP
            + "]" * DEEP
            + "}]"
        ),
        "PD516",
    ),
    Case("markdown-deep-blockquote", _markdown_file("> " * DEEP + "deep\n"), "PD206"),
    Case(
        "markdown-deep-emphasis", _markdown_file("*a " * 3000 + "x" + " a*" * 3000 + "\n"), "PD206"
    ),
    Case("markdown-deep-strong", _body("**a " * 3000 + "x" + " a**" * 3000 + "\n"), "PD206"),
    Case(
        "markdown-deep-list",
        _markdown_file("".join("  " * i + "- x\n" for i in range(2000))),
        "PD206",
    ),
    Case("markdown-moderate-blockquote", _markdown_file("> " * 25 + "kept\n"), None, exit=0),
    # --- numbers longer than Python converts ------------------------------------------------
    Case(
        "yaml-long-number-submission", _with(_submission_yaml("x: " + "9" * 5000 + "\n")), "PD111"
    ),
    Case(
        "yaml-long-volume-sources",
        _sources_yaml(
            "- id: site\n  type: article\n  author: A\n  title: T\n  journal: J\n"
            f"  volume: {'9' * 5000}\n  page: 1\n  year: 2020\n"
        ),
        "PD517",
    ),
    Case("yaml-long-number-profile", _profile(_PROFILE_HEAD + "x: " + "1" * 5000 + "\n"), "PD606"),
    Case(
        "csl-json-long-volume",
        _sources_json(
            json.dumps([{**_CSL_ITEM, "volume": 1}]).replace(
                '"volume": 1', '"volume": ' + "9" * 5000
            )
        ),
        "PD517",
    ),
    Case(
        "csl-json-long-float",
        _sources_json(
            json.dumps([{**_CSL_ITEM, "page": 1}]).replace('"page": 1', '"page": 1.' + "5" * 5000)
        ),
        "PD517",
    ),
    # --- oversize files -----------------------------------------------------------------------
    Case("oversize-submission", _with(_padded(_submission_yaml(), OVERSIZE_YAML)), "PD108"),
    Case("oversize-markdown-file", _markdown_file(_padded("Text.\n")), "PD108"),
    Case("oversize-sources-yaml", _sources_yaml(_padded(_WEB_SOURCE, OVERSIZE_YAML)), "PD514"),
    Case("oversize-sources-json", _sources_json(json.dumps([_CSL_ITEM]) + " " * OVERSIZE), "PD514"),
    Case("oversize-profile", _profile(_padded(_PROFILE_HEAD, OVERSIZE_YAML)), "PD603"),
    # --- footnotes inside footnotes --------------------------------------------------------------
    Case("footnote-in-footnote", _body("Text.[^a]\n\n[^a]: see[^b]\n\n[^b]: inner.\n"), "PD205"),
    Case("footnote-in-inline-note", _body("Text.^[see[^b]]\n\n[^b]: inner.\n"), "PD205"),
    Case("footnote-exponential-chain", _markdown_file(_exponential_notes(40)), "PD205"),
    Case(
        "citation-in-footnote-stays-allowed",
        _sources("sources.yaml", _WEB_SOURCE, "Text.[^a]\n\n[^a]: As shown.[@site]\n"),
        None,
        exit=0,
    ),
    # --- profiles -------------------------------------------------------------------------------
    Case("profile-extends-chain-1500", _chain(1500), "PD608"),
    Case(
        "profile-extends-cycle",
        _profile(
            _PROFILE_HEAD + "extends: ./other.yaml\n",
            **{"other.yaml": _PROFILE_HEAD + "extends: ./mine.yaml\n"},
        ),
        "PD601",
    ),
    Case("profile-extends-itself", _profile(_PROFILE_HEAD + "extends: ./mine.yaml\n"), "PD601"),
    Case(
        "profile-catastrophic-docket-pattern",
        {
            **_profile(_PROFILE_HEAD + "docket_pattern: '(a+)+$'\n"),
            "policydraft.yaml": _submission_yaml(profile="./mine.yaml", docket="a" * 5000 + "!"),
        },
        "PD602",
        seconds=30,
    ),
    Case(
        "profile-backreference-pattern",
        _profile(_PROFILE_HEAD + "docket_pattern: '(a)\\1'\n"),
        "PD609",
    ),
    Case(
        "profile-pattern-too-large",
        _profile(_PROFILE_HEAD + "docket_pattern: '((a{1000}){1000}){1000}'\n"),
        "PD609",
    ),
    Case("profile-file-name-unclosed", _profile(_PROFILE_HEAD + "file_name: '{stem'\n"), "PD601"),
    Case(
        "profile-file-name-format-spec",
        _profile(_PROFILE_HEAD + "file_name: '{stem:>999999999}'\n"),
        "PD601",
    ),
    Case(
        "profile-file-name-attribute",
        _profile(_PROFILE_HEAD + "file_name: '{stem.__class__}'\n"),
        "PD601",
    ),
    Case(
        "profile-file-name-positional", _profile(_PROFILE_HEAD + "file_name: '{0}-{}'\n"), "PD601"
    ),
    # --- control characters ---------------------------------------------------------------------
    Case(
        "yaml-nul-byte", _with(_submission_yaml().replace("Comment on", "Comment\x00 on")), "PD101"
    ),
    Case("yaml-escaped-nul", _with(_submission_yaml('closing: "Yours\\0 truly"\n')), "PD112"),
    Case("yaml-escaped-escape", _with(_submission_yaml('closing: "Yours\\e[2J truly"\n')), "PD112"),
    Case(
        "yaml-lone-surrogate", _with(_submission_yaml('closing: "Yours \\ud800 truly"\n')), "PD112"
    ),
    Case("markdown-nul-byte", _markdown_file(b"Text with a \x00 in it.\n"), "PD207"),
    Case("markdown-control-character", _markdown_file("Text \x1b[31m red.\n"), "PD207"),
    Case(
        "sources-yaml-escaped-nul",
        _sources_yaml(_WEB_SOURCE.replace("A page", '"A\\0 page"')),
        "PD518",
    ),
    Case(
        "csl-json-escaped-nul",
        _sources_json(json.dumps([_CSL_ITEM]).replace("A page", "A\\u0000 page")),
        "PD518",
    ),
    Case("profile-escaped-nul", _profile(_PROFILE_HEAD + 'description: "a\\0b"\n'), "PD607"),
    # --- quadratic corners of the Markdown reader (minutes before; seconds now) ----------------
    Case(
        "markdown-many-open-brackets", _markdown_file(_openers("[")), None, exit=0, commands=_CHECK
    ),
    Case(
        "markdown-many-citation-openers",
        _markdown_file(_openers("[@a ")),
        None,
        exit=0,
        commands=_CHECK,
    ),
    Case(
        "markdown-many-note-openers", _markdown_file(_openers("[^")), None, exit=0, commands=_CHECK
    ),
]
