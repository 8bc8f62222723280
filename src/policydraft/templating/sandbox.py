"""The Jinja environment templates run in: an allowlist, not Jinja's default denylist.

Jinja's ``SandboxedEnvironment`` refuses private attributes and lets a template call any
other method of any object it reaches. Templates are shared between organizations, so here
the rule is turned around: a template reads fields of the plain data ``templating.plain`` built
for it and calls only what is listed below (a few pure methods of text, mappings, sequences
and dates, policydraft's helpers, and Jinja's own macros, loops and blocks). Everything else
is a ``SecurityError`` (PD305), or undefined (PD303) when no such field exists at all.
Operations that grow values are checked first (``templating.bounds``), the run has a deadline
(``templating.running``), and template files are read by ``TemplateFiles``, which refuses files
too large, not UTF-8 or linked from outside the template's folders.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference, Undefined
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Joiner, Namespace

from policydraft.templating import bounds
from policydraft.templating.plain import Helper
from policydraft.templating.safe_filters import template_filters, template_tests
from policydraft.templating.template_files import read_template_file

STR_METHODS = frozenset({
    "capitalize", "casefold", "center", "count", "endswith", "find", "index", "isalnum",
    "isalpha", "isascii", "isdecimal", "isdigit", "islower", "isnumeric", "isspace", "istitle",
    "isupper", "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix",
    "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split",
    "splitlines", "startswith", "strip", "swapcase", "title", "upper", "zfill",
})  # fmt: skip
"""Pure str methods; ``format`` and ``format_map`` are not (they reach any attribute)."""
MAPPING_METHODS = frozenset({"get", "items", "keys", "values"})
SEQUENCE_METHODS = frozenset({"count", "index"})
DATE_METHODS = frozenset({"isoformat", "strftime", "weekday", "isoweekday"})
DATE_FIELDS = frozenset({"year", "month", "day"})
LOOP_FIELDS = frozenset({
    "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
    "previtem", "nextitem",
})  # fmt: skip
LOOP_METHODS = frozenset({"cycle", "changed"})
MAX_STRFTIME = 100
"""Characters of a date format: each directive prints a few characters, so output stays small."""


class Method:
    """A pure method of a plain value, checked against ``templating.bounds`` when it is called."""

    __slots__ = ("_name", "_owner")

    def __init__(self, owner: Any, name: str) -> None:
        self._owner = owner
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        owner, name = self._owner, self._name
        if isinstance(owner, str):
            if name == "join" and len(args) == 1 and not kwargs:
                return bounds.text_join(args[0], owner)
            bounds.check_str_method(owner, name, args)
        elif (
            isinstance(owner, dt.date)
            and name == "strftime"
            and len(bounds.as_text(args[:1])) > MAX_STRFTIME
        ):
            raise bounds.ValueTooLarge(f"a date format longer than {MAX_STRFTIME} characters")
        return getattr(owner, name)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<method {self._name}>"


class BoundedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` to the environment's checked join (Jinja cannot intercept ``~``),
    and folds no output into a constant at compile time except literal template text: folding
    runs filters on literals (``{{ 'x'|center(8000000)|urlencode }}``) while compiling, where
    no limit applies and a limit's error would be swallowed."""

    def _output_child_to_const(self, node: nodes.Expr, frame: Frame, finalize: Any) -> str:
        if not isinstance(node, nodes.TemplateData):
            raise nodes.Impossible()
        return super()._output_child_to_const(node, frame, finalize)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_str_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class TemplateFiles(jinja2.BaseLoader):
    """Finds a template file in the folders, the user's first, and reads it with
    ``read_template_file``; ``..`` in a name is refused by Jinja's ``split_template_path``."""

    def __init__(self, folders: Sequence[Path]) -> None:
        self.folders = tuple(folder.resolve() for folder in folders)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if path.is_file():
                text = read_template_file(path, self.folders)
                return text, str(path), _unchanged(path)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path) -> Callable[[], bool]:
    """Jinja's check that a compiled template is still current."""
    mtime = path.stat().st_mtime
    return lambda: path.is_file() and path.stat().st_mtime == mtime


class LetterSandbox(SandboxedEnvironment):
    """The sandbox of letter and citation templates (see the module's docstring)."""

    intercepted_binops = frozenset(bounds.BINOPS)
    code_generator_class = BoundedCodeGenerator
    concat = staticmethod(bounds.concat)

    def __init__(self, folders: Sequence[Path], **options: Any) -> None:
        # optimized=False: Jinja's optimizer evaluates expressions of literals while it
        # compiles, outside the time and size limits, and swallows the limits' errors.
        super().__init__(
            loader=TemplateFiles(folders), autoescape=False, optimized=False, **options
        )
        self.filters = template_filters()
        self.tests = template_tests()
        self.globals = {
            "range": bounds.bounded_range,
            "namespace": bounds.BoundedNamespace,
            "joiner": Joiner,
        }
        self.deadline: float | None = None
        """``time.monotonic()`` past which the run stops (``templating.running`` sets it)."""

    def check_deadline(self) -> None:
        """The time limit where no alarm signal can fire (a thread other than the main one)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise bounds.TemplateTimeout()

    def bounded_str_join(self, parts: Sequence[Any]) -> str:
        self.check_deadline()
        return bounds.str_join(parts)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        self.check_deadline()
        bounds.BINOPS[operator](left, right)
        return self.binop_table[operator](left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False  # every lookup goes through ``getattr`` and ``getitem`` below

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Helper | Method | Macro | BlockReference | LoopContext | Joiner):
            return True
        return any(obj is value for value in self.globals.values() if callable(value))

    def call(
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        __self.check_deadline()
        if isinstance(__obj, Undefined):
            return __obj(*args, **kwargs)  # raises: strict undefined
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"{_kind(__obj)} cannot be called in a template")
        return __context.call(__obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.check_deadline()
        if attribute.startswith("_"):
            raise SecurityError(f"private attribute '{attribute}' is not available to templates")
        if isinstance(obj, Undefined):
            return getattr(obj, attribute)  # raises: strict undefined
        found = _lookup(obj, attribute)
        if found is not _MISSING:
            return found
        if hasattr(obj, attribute):
            raise SecurityError(f"'{attribute}' of {_kind(obj)} is not available to templates")
        return self.undefined(
            hint=f"{_kind(obj)} has no field '{attribute}'", obj=obj, name=attribute
        )

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.check_deadline()
        if isinstance(obj, Undefined):
            return obj[argument]  # raises: strict undefined
        if isinstance(obj, Mapping):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                pass
        elif isinstance(obj, str | tuple | list | range) and isinstance(argument, int | slice):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=_key(argument))
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=_key(argument))


_MISSING = object()


def _lookup(obj: Any, name: str) -> Any:
    """``obj.name`` when the allowlist has it, else ``_MISSING``."""
    if isinstance(obj, Mapping):
        if name in obj:
            return obj[name]
        return Method(obj, name) if name in MAPPING_METHODS else _MISSING
    if isinstance(obj, Namespace | TemplateModule):
        return getattr(obj, name, _MISSING)
    if isinstance(obj, TemplateReference):
        try:
            return obj[name]
        except KeyError:
            return _MISSING
    if isinstance(obj, BlockReference):
        return obj.super if name == "super" else _MISSING
    if isinstance(obj, LoopContext):
        if name in LOOP_FIELDS:
            return getattr(obj, name)
        return Method(obj, name) if name in LOOP_METHODS else _MISSING
    return _plain_method(obj, name)


def _plain_method(obj: Any, name: str) -> Any:
    if isinstance(obj, str):
        allowed = STR_METHODS
    elif isinstance(obj, tuple | list):
        allowed = SEQUENCE_METHODS
    elif isinstance(obj, dt.date):
        if name in DATE_FIELDS:
            return getattr(obj, name)
        allowed = DATE_METHODS
    else:
        return _MISSING
    return Method(obj, name) if name in allowed else _MISSING


def _key(argument: Any) -> str:
    """A subscript as messages show it: a long list as a key is named, not printed."""
    if isinstance(argument, int | slice):
        return str(argument)
    return f"{_kind(argument)} key"


def _kind(obj: Any) -> str:
    """How messages name a value's kind, in a template writer's words."""
    if isinstance(obj, str):
        return "a text"
    if isinstance(obj, Mapping):
        return "a record"
    if isinstance(obj, tuple | list):
        return "a list"
    if isinstance(obj, bool | int | float):
        return "a number"
    if isinstance(obj, dt.date):
        return "a date"
    return f"a {type(obj).__name__} object"
