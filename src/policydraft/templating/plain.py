"""What templates are given: plain, read-only data built for them, never library objects.

A template may come from another organization, so it must not reach anything with methods
that do more than format: pydantic models carry loaders (``parse_file`` reads any file,
``parse_raw`` can unpickle bytes) and copy/mutate helpers, and a list can be emptied. Every
value a template sees is therefore converted here, in one place, into read-only mappings,
tuples, text, numbers and dates. The sandbox (``templating.sandbox``) then allows only a short
list of pure methods on exactly these types.

A record keeps its field names as mapping keys: Jinja falls back from ``commenter.name`` to
``commenter["name"]``, so templates read fields as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from pydantic import BaseModel

Plain = Any
"""A value built of the types listed in ``SCALARS``, ``Record``, tuples and ``Helper``."""

Record = MappingProxyType
"""A read-only mapping of field names to plain values."""

SCALARS: tuple[type, ...] = (str, bool, int, float, dt.date, type(None))


class Markdown(str):
    """Text that is already Markdown: printed by templates without escaping."""


class Helper:
    """A pure function a template may call (``signatories.more_than(100)``).

    The sandbox calls only helpers, a few pure methods of plain values and Jinja's own
    template machinery. A helper exposes no attributes to templates: the function it wraps
    (and whatever that function is bound to) stays out of reach.
    """

    __slots__ = ("_function",)

    def __init__(self, function: Callable[..., Any]) -> None:
        self._function = function

    def __call__(self, *args: Any, **kwargs: Any) -> Plain:
        return plain(self._function(*args, **kwargs))

    def __repr__(self) -> str:
        return "<helper>"


def plain(value: Any) -> Plain:
    """``value`` as plain read-only data; anything of another kind is a bug of ours."""
    if type(value) in SCALARS or isinstance(value, Markdown | Helper):
        return value
    if isinstance(value, str):  # a subclass with methods of its own: keep only the text
        return str.__str__(value)
    if isinstance(value, bool | int | float | dt.date):
        return value
    if isinstance(value, BaseModel):
        return Record({name: plain(getattr(value, name)) for name in type(value).model_fields})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _dataclass_record(value)
    if isinstance(value, Mapping):
        return Record({str(key): plain(item) for key, item in value.items()})
    if isinstance(value, list | tuple | frozenset | set):
        return tuple(plain(item) for item in value)
    raise TypeError(f"a template cannot be given a {type(value).__name__}")


def _dataclass_record(value: Any) -> Record[str, Plain]:
    fields = {field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    for name in getattr(type(value), "template_helpers", ()):
        fields[name] = Helper(getattr(value, name))
    return Record(fields)


def plain_context(context: Mapping[str, Any]) -> dict[str, Plain]:
    """A template's variables, each converted (the names themselves are ours)."""
    return {name: plain(value) for name, value in context.items()}
