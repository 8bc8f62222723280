"""Bounds on what a template can build: no operation may make a value too big to hold.

A template of a few lines can otherwise ask for ``'x' * 10**9``, ``10 ** 10 ** 9`` or a text
that doubles at each of thirty ``{% set %}`` lines, and the run dies of memory before any
time limit fires (a single multiplication is one uninterruptible step). So every operation
that can grow a value is checked *before* it runs, against the size of the largest value a
letter could need: a text as long as the template output limit, a list as long as the loop
range limit, an integer of ``MAX_INT_BITS``. Each value being bounded is not enough (a loop
can keep a thousand of them alive), so what all checked operations of one run build is also
metered, up to ``BUILT_PER_OUTPUT`` times the output limit. A refused operation raises
``ValueTooLarge``, reported as PD308 at the template's line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, ItemsView, Iterable, KeysView, Mapping, ValuesView
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2.utils import Namespace

from policydraft import limits

MAX_INT_BITS = 10_000
"""About 3,000 decimal digits: more than any number a letter prints, far below what hangs."""
BUILT_PER_OUTPUT = 32
"""What one run may build in all, in output limits (256 MB by default); a letter builds KBs."""
ITEM_BYTES = 8
"""What one item of a list costs, for the meter: a pointer."""

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.DOTALL)


class TemplateLimitError(Exception):
    """A template went past one of the limits in ``policydraft.limits``."""


class ValueTooLarge(TemplateLimitError):
    """An operation would build a text, list or number larger than any letter needs."""


class TemplateTimeout(TemplateLimitError):
    """The template ran past ``limits.TEMPLATE_SECONDS`` (PD306)."""

    def __init__(self) -> None:
        seconds = limits.TEMPLATE_SECONDS
        super().__init__(
            f"the template ran longer than {seconds.value} seconds and was stopped "
            f"(the person running policydraft can allow more with {seconds.env})"
        )


class OutputTooLarge(TemplateLimitError):
    """The template printed more than ``limits.TEMPLATE_OUTPUT_BYTES`` (PD307)."""

    def __init__(self) -> None:
        super().__init__(
            f"the template printed more than {max_text():,} bytes and was stopped "
            "(bodies and the signatory appendix are not counted: they never pass through it)"
        )


@dataclass
class Meter:
    """What the checked operations of one run (or of one citation formatter) have built."""

    built: int = 0


METER: ContextVar[Meter | None] = ContextVar("template_meter", default=None)
"""The meter of the template running now (``templating.running`` sets it), if any."""


def _charge(size: int) -> None:
    meter = METER.get()
    if meter is None:
        return
    meter.built += size
    if meter.built > max_text() * BUILT_PER_OUTPUT:
        raise ValueTooLarge(
            f"the template builds more than {max_text() * BUILT_PER_OUTPUT:,} bytes of values "
            "in all (a loop that keeps building long texts or lists)"
        )


def max_text() -> int:
    return limits.TEMPLATE_OUTPUT_BYTES.value


def max_items() -> int:
    return limits.TEMPLATE_RANGE.value


def check_text(size: int) -> None:
    if size > max_text():
        raise ValueTooLarge(
            f"the template builds a text of {size:,} characters; the limit is {max_text():,}"
        )
    _charge(size)


def check_items(count: int, *, stored: bool = True) -> None:
    """``count`` items at most the limit; charged to the meter when they are ``stored``
    (a ``range`` is not: it holds three numbers, whatever its length)."""
    if count > max_items():
        raise ValueTooLarge(
            f"the template builds a sequence of {count:,} items; the limit is {max_items():,}"
        )
    if stored:
        _charge(count * ITEM_BYTES)


def check_int_bits(bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise ValueTooLarge(f"the template computes a number of more than {MAX_INT_BITS:,} bits")


def _size(value: Any) -> tuple[bool, int]:
    """(is text, length) of a text or sequence; (False, 0) for anything else."""
    if isinstance(value, str):
        return True, len(value)
    if isinstance(value, list | tuple):
        return False, len(value)
    return False, 0


def _check_grown(value: Any, size: int) -> None:
    if isinstance(value, str):
        check_text(size)
    elif isinstance(value, list | tuple):
        check_items(size)


def _check_multiply(left: Any, right: Any) -> None:
    if isinstance(left, int) and isinstance(right, int):
        check_int_bits(left.bit_length() + right.bit_length())
        return
    for sequence, count in ((left, right), (right, left)):
        if isinstance(count, int) and isinstance(sequence, str | list | tuple):
            _check_grown(sequence, len(sequence) * max(count, 0))


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0:
        check_int_bits(exponent * base.bit_length())


def _check_add(left: Any, right: Any) -> None:
    if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        _check_grown(left, len(left) + len(right))


def check_percent(text: str, values: Any) -> None:
    """``text % values`` (and the ``format`` filter): widths and arguments bound the result."""
    specs = _PERCENT_SPEC.findall(text)
    widths = [int(part) for spec in specs for part in spec[:2] if part.isdigit()]
    if any(part == "*" for spec in specs for part in spec[:2]):
        raise ValueTooLarge("a % format with * widths is not allowed in templates")
    if isinstance(values, dict):
        args: Iterable[Any] = values.values()
    else:
        args = values if isinstance(values, tuple) else (values,)
    longest = max((len(as_text(arg)) for arg in args), default=0)
    check_text(len(text) + len(specs) * (longest + max(widths, default=0)))


BINOPS: dict[str, Callable[[Any, Any], None]] = {
    "*": _check_multiply,
    "**": _check_power,
    "+": _check_add,
    "%": lambda left, right: check_percent(left, right) if isinstance(left, str) else None,
}
"""The operators a sandbox intercepts, each with the check run before it."""


def text_join(parts: Iterable[Any], separator: str = "") -> str:
    """``separator.join`` of the parts as text, refused before joining when too long."""
    texts = [as_text(part) for part in parts]
    check_text(sum(map(len, texts)) + len(separator) * max(len(texts) - 1, 0))
    return separator.join(texts)


CONTAINERS = (Mapping, list, tuple, set, frozenset, KeysView, ValuesView, ItemsView, Namespace)
"""Values whose text (``str()``, a ``repr``) holds the text of every value in them."""


def as_text(value: Any) -> str:
    """``str(value)``, refused first when the value is a container whose text would be too
    long: a list of 100,000 references to one long text is cheap, its ``repr`` is not."""
    if isinstance(value, CONTAINERS):
        _check_repr(value)
    return value if type(value) is str else str(value)


def _check_repr(value: Any) -> None:
    """Adds up the text of the values inside ``value``, stopping at the text limit."""
    pending: list[Any] = [value]
    size = 0
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            size += len(item) + 4  # quotes, comma, space
        elif isinstance(item, Namespace):
            pending.append(object.__getattribute__(item, "_Namespace__attrs"))
        elif isinstance(item, Mapping):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, CONTAINERS):
            pending.extend(item)
        else:
            size += 24  # a number, a date, a macro: a few characters of text
        if size > max_text():
            check_text(size)


def concat(parts: Iterable[str]) -> str:
    """What Jinja joins a macro's, block's or ``{% set %}`` block's output with."""
    return text_join(parts)


def str_join(parts: Iterable[Any]) -> str:
    """The ``~`` operator (Jinja's own ``str_join``, checked)."""
    return text_join(parts)


def bounded_range(*args: int) -> range:
    """Jinja's ``range`` global, refused past the loop range limit before any loop starts."""
    numbers = range(*args)
    if numbers.step > 0:
        count = (numbers.stop - numbers.start + numbers.step - 1) // numbers.step
    else:
        count = (numbers.start - numbers.stop - numbers.step - 1) // -numbers.step
    check_items(max(count, 0), stored=False)  # len() itself overflows on range(10**20)
    return numbers


class BoundedNamespace(Namespace):
    """``namespace()``: a value stored by ``{% set ns.x = ... %}`` is bounded like the rest,
    so a loop cannot double a text stored there at every pass."""

    def __setitem__(self, name: str, value: Any) -> None:
        is_text, size = _size(value)
        if is_text:
            check_text(size)
        elif size:
            check_items(size)
        super().__setitem__(name, value)


def check_str_method(text: str, name: str, args: tuple[Any, ...]) -> None:
    """The str methods that grow a text, checked against the text limit before they run
    (``join`` is run by ``text_join`` instead, which checks as it builds)."""
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str):
        check_text(replace_size(text, args[0], as_text(args[1]), *args[2:3]))
    elif name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        check_text(args[0])
    elif name in ("split", "rsplit", "splitlines"):
        check_items(_pieces(text, name, args))


def _pieces(text: str, name: str, args: tuple[Any, ...]) -> int:
    """At most how many items ``text.split(...)`` makes (each a new text object)."""
    if name == "splitlines":
        return text.count("\n") + text.count("\r") + 1
    separator = args[0] if args and isinstance(args[0], str) else None
    pieces = text.count(separator) + 1 if separator else len(text) // 2 + 1
    if len(args) > 1 and isinstance(args[1], int) and args[1] >= 0:
        pieces = min(pieces, args[1] + 1)
    return pieces


def replace_size(text: str, old: str, new: str, count: int | None = None) -> int:
    """The length ``text.replace(old, new, count)`` would have."""
    hits = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))
