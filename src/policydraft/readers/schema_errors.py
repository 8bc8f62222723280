"""Turn pydantic validation errors into diagnostics that point into the YAML file.

pydantic knows *what* is wrong (its error ``loc`` is a path like ``("arguments", 1, "file")``)
and ruamel knows *where* that path was written; this module joins the two and rewrites
pydantic's wording ("Input should be a valid string") into what a legal team can act on.
The same wording serves the bibliography, whose entries are validated one at a time under a
``SchemaScope`` that names the entry and gives its problems the PD5xx code.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from policydraft.diagnostics import Diagnostics, Location
from policydraft.readers.yaml_source import Segment

_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of names to values",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
}


class Locator(Protocol):
    """Where the keys and values of validated data were written (``YamlDocument`` is one)."""

    def key_location(self, path: Sequence[Segment]) -> Location: ...

    def value_location(self, path: Sequence[Segment]) -> Location: ...


@dataclass(frozen=True)
class SchemaScope:
    """What the validated mapping is called and which codes its problems get.

    ``name`` None is policydraft.yaml itself, whose top-level keys need no qualifier; a
    bibliography entry is named (e.g. "source 'campbell'") and reports everything as PD504.
    """

    name: str | None = None
    noun: str = "key"
    unknown_code: str = "PD102"
    missing_code: str = "PD103"
    value_code: str = "PD104"


SUBMISSION_SCOPE = SchemaScope()


def report_schema_errors(
    error: ValidationError,
    model: type[BaseModel],
    document: Locator,
    diags: Diagnostics,
    scope: SchemaScope = SUBMISSION_SCOPE,
) -> None:
    """Add one diagnostic for every problem pydantic found (it reports them all at once)."""
    for detail in error.errors(include_url=False):
        code, message, where = _explain(detail, model, document, scope)
        diags.error(code, message, where)


def _explain(
    detail: ErrorDetails, model: type[BaseModel], document: Locator, scope: SchemaScope
) -> tuple[str, str, Location]:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    if kind in ("extra_forbidden", "invalid_key"):
        return scope.unknown_code, _unknown_key(loc, model, scope), document.key_location(loc)
    if kind == "missing":
        message = f"missing required {scope.noun} '{loc[-1]}' in {_context(loc[:-1], scope)}"
        return scope.missing_code, message, document.key_location(loc[:-1])
    if kind == "body_or_file":
        return _body_or_file(loc, detail["input"], document)
    message = _wrong_value(detail, loc, model, scope)
    return scope.value_code, message, document.value_location(loc)


def _unknown_key(loc: tuple[Segment, ...], model: type[BaseModel], scope: SchemaScope) -> str:
    key = str(loc[-1])
    message = f"unknown {scope.noun} '{key}' in {_context(loc[:-1], scope)}"
    owner = model_at(model, loc[:-1])
    if owner is None:
        return message
    valid = list(owner.model_fields)
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    return f"{message}; valid {scope.noun}s are {', '.join(valid)}"


def _body_or_file(
    loc: tuple[Segment, ...], value: Any, document: Locator
) -> tuple[str, str, Location]:
    argument = _context(loc)
    if isinstance(value, dict) and "body" in value and "file" in value:
        message = f"{argument} has both body: and file:; keep one of them"
        return "PD106", message, document.key_location((*loc, "file"))
    message = f"{argument} needs body: (Markdown text) or file: (a Markdown file)"
    return "PD106", message, document.key_location(loc)


def _wrong_value(
    detail: ErrorDetails, loc: tuple[Segment, ...], model: type[BaseModel], scope: SchemaScope
) -> str:
    kind, value, subject = detail["type"], detail["input"], _subject(loc, scope)
    if kind == "iso_date":
        return _bad_date(subject, value)
    if kind == "literal_error":
        return _bad_choice(subject, value, str(detail.get("ctx", {}).get("expected", "")))
    if kind in ("model_type", "model_attributes_type"):
        owner = model_at(model, loc)
        keys = ", ".join(f"{name}:" for name in owner.model_fields) if owner else ""
        expected = f"a mapping with keys such as {keys}" if keys else "a mapping"
    else:
        expected = _EXPECTED.get(kind, "")
    if not expected:
        return f"{subject}: {_reword(detail['msg'])}"
    if value is None:
        return f"{subject} is empty; it must be {expected}"
    return f"{subject} must be {expected}, not {describe(value)}"


def _bad_date(subject: str, value: Any) -> str:
    if isinstance(value, dt.datetime):
        return f"{subject} must be a date without a time, written YYYY-MM-DD"
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
        return f"{subject} is not a real calendar date: '{value.strip()}'"
    if value is None:
        return f"{subject} is empty; it must be a date written YYYY-MM-DD (e.g. 2025-03-15)"
    return f"{subject} must be a date written YYYY-MM-DD (e.g. 2025-03-15), not {describe(value)}"


def _bad_choice(subject: str, value: Any, expected: str) -> str:
    choices = re.findall(r"'([^']*)'", expected)
    listing = ", ".join(f"'{choice}'" for choice in choices) or expected
    message = f"{subject} must be one of {listing}, not {describe(value)}"
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    return f"{message}; did you mean '{close[0]}'?" if close else message


def _reword(message: str) -> str:
    """pydantic's fallback wording, minus its jargon."""
    return message.replace("Input should be", "must be").replace("Value error, ", "")


def describe(value: Any) -> str:
    """A short, human description of a YAML value, for 'must be X, not Y' messages."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def _context(path: Sequence[Segment], scope: SchemaScope = SUBMISSION_SCOPE) -> str:
    """Where in the submission a path leads, e.g. 'arguments #2' or 'signatories'."""
    if not path:
        return scope.name or "submission"
    text = ""
    for segment in path:
        if isinstance(segment, int):
            text += f" #{segment + 1}"
        else:
            text += f".{segment}" if text else str(segment)
    return text


def _subject(loc: tuple[Segment, ...], scope: SchemaScope = SUBMISSION_SCOPE) -> str:
    """The thing that is wrong, e.g. "'sort' in signatories" or "item #2 of 'address'"."""
    if not loc:
        return scope.name or "the submission"
    *parent, last = loc
    if isinstance(last, int):
        return f"item #{last + 1} of {_subject(tuple(parent), scope)}"
    if last == "[key]" and len(parent) >= 2:  # a mapping's key itself is wrong
        return f"the key in {_context(parent[:-1], scope)}"
    if not parent:
        return f"'{last}' in {scope.name}" if scope.name else f"'{last}'"
    return f"'{last}' in {_context(parent, scope)}"


def model_at(model: type[BaseModel], path: Sequence[Segment]) -> type[BaseModel] | None:
    """The pydantic model describing the mapping at ``path``, if there is one."""
    annotation: Any = model
    for segment in path:
        annotation = _unwrap_optional(annotation)
        if isinstance(segment, int) and get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(segment))
            if field is None:
                return None
            annotation = field.annotation
        else:
            return None
    annotation = _unwrap_optional(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _unwrap_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation
