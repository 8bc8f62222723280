"""The template sandbox: known escapes refused, values bounded, faults located.

The end-to-end rows (through the real CLI, ``check`` and ``render``) are in
tests/hostile/cases_templates.py; this table runs the same kinds of template in-process,
many more of them, and also checks the line each diagnostic points at.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policydraft.compose.letter import template_context
from policydraft.diagnostics import Diagnostics
from policydraft.submission.load import load_submission
from policydraft.templating.plain import Helper, Markdown, plain_context
from policydraft.templating.templates import Template, render_template
from tests.helpers import write_submission
from tests.templating.template_helpers import check_template as _check
from tests.templating.template_helpers import error_codes as _codes

ESCAPES = [
    ("''.__class__.__mro__[1].__subclasses__()", "PD305"),
    ("''.__class__", "PD305"),
    ("cycler.__init__.__globals__", "PD305"),
    ("joiner.__init__.__globals__", "PD305"),
    ("namespace.__init__.__globals__", "PD305"),
    ("lipsum.__globals__", "PD305"),
    ("lipsum()", "PD303"),
    ("cycler('a', 'b')", "PD303"),
    ("dict(a=1)", "PD303"),
    ("self._TemplateReference__context", "PD305"),
    ("commenter.parse_raw('{}')", "PD303"),
    ("commenter.parse_file('/etc/passwd')", "PD303"),
    ("commenter.model_copy()", "PD303"),
    ("commenter.model_dump()", "PD303"),
    ("commenter.__dict__", "PD305"),
    ("commenter.copy()", "PD305"),
    ("commenter.__class__.__init__", "PD305"),
    ("signature.clear()", "PD303"),
    ("arguments.append(1)", "PD303"),
    ("arguments.__class__", "PD305"),
    ("'{0.__class__}'.format(title)", "PD305"),
    ("'{x}'.format_map({'x': title})", "PD305"),
    ("title.format()", "PD305"),
    ("title.encode('utf-8')", "PD305"),
    ("title | attr('__class__')", "PD305"),
    ("title | attr('format')", "PD305"),
    ("arguments | map(attribute='__class__') | list", "PD305"),
    ("arguments | map('attr', '__class__') | list", "PD305"),
    ("arguments | sort(attribute='__class__') | list", "PD305"),
    ("date.today()", "PD305"),
    ("date.__class__.today()", "PD305"),
    ("date.replace(year=1)", "PD305"),
    ("signatories.more_than._function", "PD305"),
    ("signatories.more_than.__call__.__globals__", "PD305"),
    ("profile.statements.__class__", "PD305"),
    ("range.__self__", "PD305"),
    ("lines.__globals__", "PD305"),
    ("(1).real", "PD305"),
    ("[1, 2] | random", "PD302"),
    ("title | tojson", "PD302"),
    ("title | safe", "PD302"),
    ("title | xmlattr", "PD302"),
]


@pytest.mark.parametrize(("expression", "code"), ESCAPES)
def test_known_escapes_are_refused(tmp_path: Path, expression: str, code: str) -> None:
    diags = _check(tmp_path, f"Line one\n{{{{ {expression} }}}}\n")
    assert _codes(diags) == [(code, "letter.md.j2", 2)]


STATEMENTS = [
    ("{% set x = [] %}{{ x.append(1) }}", "PD305"),
    ("{% set d = {} %}{{ d.update({'a': 1}) }}", "PD305"),
    ("{% set d = {} %}{{ d.pop('a') }}", "PD305"),
    ("{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}", "PD305"),
    ("{% macro m() %}{% endmacro %}{{ m.arguments }}", "PD305"),
    ("{% for a in arguments %}{{ loop.__class__ }}{% endfor %}", "PD305"),
    ("{% for a in arguments %}{{ loop._iterator }}{% endfor %}", "PD305"),
    ("{% set ns = namespace() %}{{ ns.__init__ }}", "PD305"),
    ("{% set j = joiner() %}{{ j.sep }}", "PD305"),
    ("{% set s = signature %}{{ s.pop() }}", "PD303"),
]


@pytest.mark.parametrize(("source", "code"), STATEMENTS)
def test_mutating_and_private_reaches_are_refused(tmp_path: Path, source: str, code: str) -> None:
    diags = _check(tmp_path, f"Line one\n{source}\n")
    assert _codes(diags) == [(code, "letter.md.j2", 2)]


ALLOWED = [
    ("{{ commenter.name | upper }}", "JANE ADVOCATE"),
    ("{{ commenter['name'].split(' ')[0] }}", "Jane"),
    ("{{ commenter.get('nickname', 'none') }}", "none"),
    ("{{ commenter.items() | list | length }}", "5"),
    ("{{ title.startswith('Comment') }}", "True"),
    ("{{ ', '.join(['a', 'b']) }}", "a, b"),
    ("{{ date.year }}-{{ date.isoformat() }}-{{ date.strftime('%B') }}", "2025-2025-03-15-March"),
    (
        "{{ arguments[0].number }}. {{ arguments | map(attribute='heading') | join }}",
        "I. The first argument",
    ),
    ("{% for a in arguments %}{{ loop.index }}{{ loop.cycle('x', 'y') }}{% endfor %}", "1x"),
    (
        "{% set ns = namespace(n=0) %}{% for a in arguments %}{% set ns.n = ns.n + 2 %}"
        "{% endfor %}{{ ns.n }}",
        "2",
    ),
    ("{% set sep = joiner(';') %}{% for a in 'ab' %}{{ sep() }}{{ a }}{% endfor %}", "a;b"),
    ("{% macro m(x) %}({{ x }}){% endmacro %}{{ m('y') }}", "(y)"),
    (
        "{% macro m2() %}[{{ caller(1) }}]{% endmacro %}{% call(x) m2() %}{{ x }}{% endcall %}",
        "[1]",
    ),
    ("{{ signatories.more_than(1) }}", "0"),
    ("{{ profile.statements | length }} {{ profile.name }}", "0"),
    (
        "{{ 7 | roman }} {{ '%05d' | format(42) }} {{ 'ab' * 2 }} {{ 2 ** 10 }}",
        "VII 00042 abab 1024",
    ),
    ("{{ range(3) | sum }} {{ [3, 1, 2] | sort | first }}", "3 1"),
]


@pytest.mark.parametrize(("source", "expected"), ALLOWED)
def test_what_templates_may_do(tmp_path: Path, source: str, expected: str) -> None:
    folder = write_submission(tmp_path, {"template": "./mine"})
    (folder / "mine").mkdir()
    (folder / "mine" / "letter.md.j2").write_text(source)
    diags = Diagnostics()
    loaded = load_submission(folder, diags)
    assert loaded is not None
    template = Template("mine", (folder / "mine",))
    rendered = render_template(template, template_context(loaded, []), diags)
    assert rendered is not None, diags.sorted()
    assert rendered[0].strip() == expected


def test_blocks_imports_and_recursive_loops(tmp_path: Path) -> None:
    folder = write_submission(tmp_path, {"template": "./mine"})
    mine = folder / "mine"
    mine.mkdir()
    (mine / "base.j2").write_text("{% block a %}A{% endblock %}|{% block b %}B{% endblock %}")
    (mine / "macros.j2").write_text("{% macro hello(x) %}hi {{ x }}{% endmacro %}")
    (mine / "letter.md.j2").write_text(
        "{% extends 'base.j2' %}{% import 'macros.j2' as m %}"
        "{% block a %}{{ super() }}{{ m.hello('y') }}{% endblock %}"
        "{% block b %}{{ self.a() }}"
        "{% for x in [1, [2, 3]] recursive %}{% if x is iterable %}{{ loop(x) }}"
        "{% else %}{{ x }}{% endif %}{% endfor %}{% endblock %}"
    )
    diags = Diagnostics()
    loaded = load_submission(folder, diags)
    assert loaded is not None
    rendered = render_template(Template("mine", (mine,)), template_context(loaded, []), diags)
    assert rendered is not None, diags.sorted()
    assert rendered[0] == "Ahi y|Ahi y123"


PLAIN_TYPES = (str, bool, int, float, dt.date, type(None), Markdown, Helper)


def _walk(value: object) -> list[type]:
    if isinstance(value, MappingProxyType):
        return [type(value), *(t for item in value.values() for t in _walk(item))]
    if isinstance(value, tuple):
        return [tuple, *(t for item in value for t in _walk(item))]
    return [type(value)]


def test_templates_are_given_plain_read_only_data(tmp_path: Path) -> None:
    folder = write_submission(
        tmp_path,
        {"signature": [{"name": "A", "address": ["1 Main St"]}], "addressee": {"name": "B"}},
    )
    diags = Diagnostics()
    loaded = load_submission(folder, diags)
    assert loaded is not None
    context = plain_context(template_context(loaded, []))
    kinds = {kind for value in context.values() for kind in _walk(value)}
    assert kinds <= {*PLAIN_TYPES, MappingProxyType, tuple}, kinds
    assert isinstance(context["commenter"], MappingProxyType)
    with pytest.raises(TypeError):
        context["commenter"]["name"] = "changed"  # type: ignore[index]


FRAGMENTS = st.sampled_from(
    [
        "title", "commenter", "commenter.name", "signature", "arguments", "date", "profile",
        "signatories", "''", "1", "10**9", "range(5)", "lipsum", "cycler", "self", "namespace",
        "loop", "caller", "x",
    ]
)  # fmt: skip
SUFFIXES = st.sampled_from(
    [
        "", ".__class__", ".__globals__", ".format", ".parse_raw('x')", ".copy()", ".upper()",
        ".items()", "[0]", "['name']", " * 10**9", " ~ title", " | join", " | attr('mro')",
        " | map(attribute='_x') | list", "()", ".year", ".count", " + []", " / 0",
    ]
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(head=FRAGMENTS, tails=st.lists(SUFFIXES, max_size=3))
def test_any_expression_is_a_letter_or_a_template_diagnostic(
    tmp_path: Path, head: str, tails: list[str]
) -> None:
    """Whatever a template writes, the result is output or PD3xx diagnostics, never a crash."""
    expression = head + "".join(tails)
    diags = _check(tmp_path, f"{{{{ {expression} }}}}\n")
    assert all(code.startswith("PD3") for code, _, _ in _codes(diags)), diags.sorted()
