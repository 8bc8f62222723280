"""The Jinja filters templates may use: Jinja's own pure ones, with the growing ones bounded.

Filters are called by the compiled template directly, not through the sandbox's ``call``,
so a filter that could build a huge value (``center(10**9)``, ``join`` of a list holding one
long text 100,000 times) or leave the letter's world (``random`` breaks reproducible output;
``tojson``, ``xmlattr``, ``urlize`` and the escaping filters make HTML) is either replaced by
a checked version here or not offered at all: an unknown filter is PD302.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sized
from typing import Any

from jinja2 import filters as jinja
from jinja2.environment import Environment
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.filters import make_attrgetter
from jinja2.nodes import EvalContext
from jinja2.tests import TESTS as JINJA_TESTS
from jinja2.utils import pass_environment, pass_eval_context

from policydraft.templating.bounds import (
    CONTAINERS,
    as_text,
    check_items,
    check_percent,
    check_text,
    replace_size,
    text_join,
)

PURE = frozenset({
    "abs", "batch", "capitalize", "center", "count", "d", "default", "dictsort",
    "filesizeformat", "first", "float", "format", "groupby", "indent", "int", "items", "join",
    "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "replace",
    "reverse", "round", "select", "selectattr", "slice", "sort", "string", "sum", "title",
    "trim", "truncate", "unique", "upper", "urlencode", "wordcount", "wordwrap",
})  # fmt: skip
"""Jinja's built-in filters a letter template can use (``attr`` is added, sandbox-aware)."""


@pass_environment
def attr(environment: Environment, value: Any, name: str) -> Any:
    """``x|attr("name")`` looks up exactly as ``x.name`` does, through the sandbox."""
    return environment.getattr(value, name)


@pass_eval_context
def join(
    eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: str | int | None = None
) -> str:
    if attribute is not None:
        value = map(make_attrgetter(eval_ctx.environment, attribute), value)
    return text_join(value, as_text(d))


@pass_eval_context
def replace(eval_ctx: EvalContext, s: str, old: str, new: str, count: int | None = None) -> str:
    check_text(replace_size(as_text(s), as_text(old), as_text(new), count))
    return jinja.do_replace(eval_ctx, s, old, new, count)


def center(value: str, width: int = 80) -> str:
    check_text(width)
    return jinja.do_center(value, width)


def indent(s: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    pad = width if isinstance(width, int) else len(as_text(width))
    text = as_text(s)
    check_text(len(text) + (text.count("\n") + 1) * max(pad, 0))
    return jinja.do_indent(s, width, first, blank)


@pass_environment
def wordwrap(
    environment: Environment,
    s: str,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    check_text(len(as_text(s)) * (1 + len(wrapstring or environment.newline_sequence)))
    return jinja.do_wordwrap(environment, s, width, break_long_words, wrapstring, break_on_hyphens)


def format_(value: str, *args: Any, **kwargs: Any) -> str:
    check_percent(as_text(value), kwargs or args)
    return jinja.do_format(value, *args, **kwargs)


def batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    check_items(linecount)
    return jinja.do_batch(value, linecount, fill_with)


@pass_eval_context
def slice_(eval_ctx: EvalContext, value: Any, slices: int, fill_with: Any = None) -> Any:
    check_items(slices)
    return jinja.do_slice(eval_ctx, value, slices, fill_with)


@pass_environment
def sum_(
    environment: Environment,
    iterable: Iterable[Any],
    attribute: str | int | None = None,
    start: Any = 0,
) -> Any:
    """Numbers add up as in Jinja; lists and texts only as far as the limits allow."""
    if attribute is not None:
        iterable = map(make_attrgetter(environment, attribute), iterable)
    items = list(iterable)
    check_items(len(items))
    if isinstance(start, str | list | tuple):
        total = len(start) + sum(
            len(item) for item in items if isinstance(item, str | list | tuple)
        )
        (check_text if isinstance(start, str) else check_items)(total)
    return sum(items, start)


TEXT_FIRST = frozenset({
    "capitalize", "lower", "string", "title", "trim", "truncate", "upper", "wordcount",
})  # fmt: skip
"""Jinja filters that turn their value into text first (checked by ``text_first``); the text
they return is checked and counted too, so ``[big] * 200 | map('upper')`` cannot build
gigabytes outside the limits."""


def text_first(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a filter or test), with a container value made text by ``as_text`` first:
    Jinja would call ``str()`` on it, which for a list of long texts is unbounded."""
    passes = getattr(function, "jinja_pass_arg", None)
    position = 0 if passes is None else 1

    def checked(*args: Any, **kwargs: Any) -> Any:
        if len(args) > position and isinstance(args[position], CONTAINERS):
            args = (*args[:position], as_text(args[position]), *args[position + 1 :])
        result = function(*args, **kwargs)
        if isinstance(result, str):
            check_text(len(result))
        return result

    if passes is not None:
        checked.jinja_pass_arg = passes  # type: ignore[attr-defined]
    checked.__name__ = getattr(function, "__name__", "filter")
    return checked


def list_(value: Any) -> list[Any]:
    """``x|list``: a text of 8 million characters would be 8 million items; a generator
    (``map``, ``select``) is counted as it is consumed, since it has no length to check first."""
    iterable: Iterable[Any] = value
    if isinstance(value, Sized):
        check_items(len(value))
        return list(iterable)
    items: list[Any] = []
    for item in iterable:
        items.append(item)
        if len(items) % 1024 == 0:
            check_items(len(items), stored=False)
    check_items(len(items))
    return items


def urlencode(value: Any) -> str:
    """``x|urlencode`` as Jinja does it (mappings and pairs as query strings), bounded: each
    character can become up to twelve (a four-byte character, each byte as ``%XX``)."""
    if isinstance(value, str):
        check_text(len(value) * 12)
    elif isinstance(value, CONTAINERS):
        as_text(value)  # refuses a container whose text would be too long
    result: str = JINJA_FILTERS["urlencode"](value)
    check_text(len(result))
    return result


BOUNDED: dict[str, Callable[..., Any]] = {
    "list": list_,
    "urlencode": urlencode,
    "attr": attr,
    "join": join,
    "replace": replace,
    "center": center,
    "indent": indent,
    "wordwrap": wordwrap,
    "format": format_,
    "batch": batch,
    "slice": slice_,
    "sum": sum_,
}


def template_filters() -> dict[str, Callable[..., Any]]:
    """The filters of a sandboxed environment (policydraft's own helpers are added to it)."""
    allowed = {name: JINJA_FILTERS[name] for name in PURE}
    allowed.update({name: text_first(JINJA_FILTERS[name]) for name in TEXT_FIRST})
    allowed.update(BOUNDED)
    return allowed


def template_tests() -> dict[str, Any]:
    """Jinja's tests, all pure; ``lower`` and ``upper`` turn their value into text."""
    tests: dict[str, Any] = dict(JINJA_TESTS)
    for name in ("lower", "upper"):
        tests[name] = text_first(tests[name])
    return tests
