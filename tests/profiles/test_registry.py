"""The registry of profile rules: every rule is declared once, and every declared rule works.

``policydraft.profiles.rules.RULES`` is the only list of rules. These tests hold each rule to
what a rule must have: a line for ``profiles show``, at least one place where it is checked,
codes that are declared in codes.py and documented in docs/profiles.md, and, when it is
checked on the rendered files, a letter that keeps it and one that breaks it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any, Literal

import pytest

from policydraft.codes import CODES
from policydraft.diagnostics import Diagnostics
from policydraft.profiles import rules as registry
from policydraft.profiles.rendered import Rendered, check_rendered
from policydraft.profiles.rules import RULE_TYPES, RULES, BaseRule, SetUp, rule_name
from policydraft.profiles.rules.base import HOOKS
from policydraft.profiles.schema import Profile
from policydraft.typography import LETTER, at_least
from tests.profiles.test_rules import BREAKERS, FACTS, STATEMENT, WHERE, good_letter

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "profiles.md").read_text(encoding="utf-8")

EXAMPLES: dict[str, dict[str, Any]] = {
    "pages": {"max": 15},
    "words": {"max": 1000},
    "font-size": {"minimum": 12},
    "file-size": {"max_mb": 1},
    "file-types": {"allowed": ["pdf"]},
    "attachments": {"max": 1},
    "comment-box": {"max_characters": 5000},
    "statement": {"text": STATEMENT},
    "submitter": {"fields": ["name"]},
    "page-numbers": {},
    "not-copy-protected": {},
    "searchable-text": {},
    "email-subject": {"contains": "AI Action Plan"},
}
"""One rule of each kind, as a profile writes it (``rule:`` and ``source:`` added below).
A new rule needs its example here."""

RENDERED_HOOKS = {HOOKS["check_files"], HOOKS["check_pdf"]}


def example(name: str) -> BaseRule:
    return RULE_TYPES[name].model_validate({"rule": name, "source": "S", **EXAMPLES[name]})


def profile_of(rule: BaseRule, attach: list[str] | None = None) -> Profile:
    header = Profile(title="T", agency="A", name="mine", attach=attach or ["pdf"])
    return header.model_copy(update={"rules": [rule]})


NAMES = [rule_name(kind) for kind in RULES]


def test_every_rule_has_an_example() -> None:
    assert set(EXAMPLES) == set(NAMES)


def test_names_are_unique_and_the_schema_takes_each_rule() -> None:
    assert len(set(NAMES)) == len(RULES) == len(RULE_TYPES)
    for name in NAMES:
        data = {"rule": name, "source": "S", **EXAMPLES[name]}
        profile = Profile.model_validate({"title": "T", "agency": "A", "rules": [data]})
        assert type(profile.rules[0]) is RULE_TYPES[name]


@pytest.mark.parametrize("name", NAMES)
def test_every_rule_says_what_it_demands(name: str) -> None:
    kind = RULE_TYPES[name]
    assert kind.demands is not BaseRule.demands, f"{name} has no line for profiles show"
    line = example(name).demands()
    assert line.strip() and "None" not in line


@pytest.mark.parametrize("name", NAMES)
def test_every_rule_is_checked_somewhere(name: str) -> None:
    assert RULE_TYPES[name].checked_on(), f"{name} overrides no hook of BaseRule: never checked"


def _subclasses(kind: type) -> list[type]:
    found = []
    for sub in kind.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def unregistered(package: str) -> list[str]:
    """Rule classes defined in ``package`` that the registry does not list."""
    return sorted(
        kind.__name__
        for kind in _subclasses(BaseRule)
        if kind.__module__.startswith(package) and kind not in RULES
    )


def test_every_rule_class_is_registered() -> None:
    for module in pkgutil.iter_modules(registry.__path__, f"{registry.__name__}."):
        importlib.import_module(module.name)
    assert unregistered("policydraft.") == []


def test_a_rule_left_out_of_the_registry_is_caught() -> None:
    class MarginsRule(BaseRule):
        rule: Literal["margins"]

        def demands(self) -> str:
            return "one-inch margins"

    assert unregistered(__name__) == ["MarginsRule"]
    assert "margins" not in RULE_TYPES


def _codes_in_source(kind: type[BaseRule]) -> set[str]:
    return set(re.findall(r"\"(PD\d{3})\"", inspect.getsource(kind)))


@pytest.mark.parametrize("name", NAMES)
def test_codes_are_declared_documented_and_complete(name: str) -> None:
    kind = RULE_TYPES[name]
    assert set(kind.codes) <= set(CODES)
    assert _codes_in_source(kind) <= set(kind.codes), "a code raised but not in codes"
    (row,) = re.findall(rf"^\| `{re.escape(name)}` \|.*$", DOCS.split("### Every rule's")[1], re.M)
    assert all(code in row for code in kind.codes), f"docs/profiles.md's {name} row lacks a code"
    if set(kind.checked_on()) & (RENDERED_HOOKS | {HOOKS["check_setup"]}):
        assert kind.codes, f"{name} is checked but declares no code"
    for code in re.findall(r"broken\(\w+, \"(PD\d{3})\"", inspect.getsource(kind)):
        # any rule may be written with severity: warning, and a breach takes the rule's severity
        assert CODES[code].severities >= {"error", "warning"}, f"{code} cannot be a warning"


@pytest.mark.parametrize("name", NAMES)
def test_every_rule_is_in_the_docs(name: str) -> None:
    assert f"`{name}`" in DOCS


CHECKED_ON_FILES = [n for n in NAMES if set(RULE_TYPES[n].checked_on()) & RENDERED_HOOKS]


@pytest.mark.parametrize("name", CHECKED_ON_FILES)
def test_a_rule_checked_on_the_files_has_a_letter_that_keeps_it_and_one_that_breaks_it(
    tmp_path: Path, name: str
) -> None:
    rule = example(name)
    code, breaker = BREAKERS[name]  # a KeyError: add a breaker to test_rules.py
    assert code in rule.codes
    for pdf, wanted in [(good_letter(tmp_path / "good.pdf"), set()), (None, {code})]:
        path = breaker(tmp_path / "bad.pdf", rule) if pdf is None else pdf
        diags = Diagnostics()
        check_rendered(Rendered(profile_of(rule), {"pdf": path}, FACTS, diags, WHERE))
        assert {d.code for d in diags} == wanted


@pytest.mark.parametrize(
    "name", [n for n in NAMES if HOOKS["check_setup"] in RULE_TYPES[n].checked_on()]
)
def test_a_set_up_check_raises_its_codes(name: str) -> None:
    """Attaching both formats breaks the examples (one file, PDF only); e-mail is a note."""
    rule = example(name)
    diags = Diagnostics()
    rule.check_setup(SetUp(profile_of(rule, ["pdf", "docx"]), diags, WHERE))
    assert {d.code for d in diags} == set(rule.codes)
    assert all(d.message.endswith("(S)") for d in diags)


def test_the_strictest_comment_box_and_the_largest_type_win() -> None:
    def rules(*items: tuple[str, dict[str, Any]]) -> Profile:
        data = [{"rule": kind, "source": "S", **fields} for kind, fields in items]
        return Profile.model_validate({"title": "T", "agency": "A", "rules": data})

    boxes = rules(("comment-box", {"max_characters": 900}), ("comment-box", {"max_characters": 80}))
    assert boxes.comment_limit(5000) == 80
    assert rules().comment_limit(5000) == 5000
    sizes = rules(("font-size", {"minimum": 12}), ("font-size", {"minimum": 11}))
    assert sizes.typography(LETTER) == at_least(LETTER, 12)
    assert rules().typography(LETTER) is LETTER
