"""Load the bibliography: ``sources.yaml``, or ``sources.json`` as CSL-JSON (a Zotero export).

Both become a list of entries with their lines, then go through one validation: each entry
must have a known ``type``, a unique ``id`` and exactly the fields its type takes. Every
problem is a PD5xx diagnostic at the entry's or the field's line, all reported in one run;
entries that fail are left out of the bibliography but their ids are remembered, so a
citation of one is not also reported as unknown.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from policydraft.citations.bibliography import Bibliography, LocatedSource
from policydraft.citations.source import MODELS, SOURCE_TYPES, BaseSource
from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.readers.bounded import TooLarge, read_bounded
from policydraft.readers.json_source import JsonListError, parse_json_list
from policydraft.readers.located import LocatedMapping
from policydraft.readers.schema_errors import SchemaScope, describe, report_schema_errors
from policydraft.readers.yaml_source import YamlDocument, parse_yaml, to_plain

YAML_SUFFIXES = (".yaml", ".yml")
JSON_SUFFIXES = (".json",)

HEAVY_CODES = {
    "PD108": "PD514",
    "PD109": "PD515",
    "PD110": "PD516",
    "PD111": "PD517",
    "PD112": "PD518",
}
"""The YAML reader's refusals of heavy input, as the bibliography's own codes."""


@dataclass(frozen=True)
class _Entry:
    """An entry ready for validation; ``ok`` is False when reading it already failed."""

    mapping: LocatedMapping
    label: str  # how messages name it: "source 'campbell'", "CSL item 'x' (book)"
    ok: bool = True


def load_bibliography(path: Path, diags: Diagnostics, where: Location) -> Bibliography:
    """Read ``path`` (YAML or CSL-JSON, by suffix); ``where`` is its name in policydraft.yaml.

    Always returns a bibliography, empty when the file cannot be read, so the citation
    stages can still run and report their own problems.
    """
    display = display_path(path)
    if not path.is_file():
        state = "is a folder" if path.is_dir() else "does not exist"
        if path.exists() and not path.is_dir():
            state = "is not a regular file (a device, a pipe or a socket)"
        diags.error("PD500", f"bibliography file '{display}' {state}", where)
        return Bibliography(file=display)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        entries = _json_entries(path, display, diags)
    elif suffix in YAML_SUFFIXES:
        entries = _yaml_entries(path, display, diags)
    else:
        message = f"bibliography '{display}' must be sources.yaml or CSL-JSON sources.json"
        diags.error("PD500", message, where)
        return Bibliography(file=display)
    return _bibliography(entries, display, diags)


# --- reading -----------------------------------------------------------------------------


def _yaml_entries(path: Path, display: str, diags: Diagnostics) -> list[_Entry]:
    document = _parse_yaml(path, display, diags)
    if document is None or document.data is None:
        return []
    if not isinstance(document.data, list):
        message = (
            f"a bibliography must be a list of entries ('- id: ...' with type: and its "
            f"fields), not {describe(to_plain(document.data))}"
        )
        diags.error("PD500", message, document.value_location(()))
        return []
    entries: list[_Entry] = []
    for index, item in enumerate(document.data):
        where = document.key_location((index,))
        if not isinstance(item, Mapping):
            message = f"source #{index + 1} must be a mapping of fields (id:, type:, ...), "
            diags.error("PD504", message + f"not {describe(to_plain(item))}", where)
            continue
        mapping = LocatedMapping({str(key): to_plain(value) for key, value in item.items()}, where)
        for key in item:
            mapping.keys[str(key)] = document.key_location((index, key))
            mapping.values[str(key)] = document.value_location((index, key))
        entries.append(_Entry(mapping, _label(mapping.data.get("id"), index)))
    return entries


def _parse_yaml(path: Path, display: str, diags: Diagnostics) -> YamlDocument | None:
    """The shared YAML reader, with its file-level codes (PD100/101/107) turned into PD500:
    for the bibliography, all of those mean "the file cannot be read as written". Its
    refusals of heavy input keep codes of their own (PD514-PD518)."""
    found = Diagnostics()
    document = parse_yaml(path, display, found)
    for item in found.items:
        code = HEAVY_CODES.get(item.code, "PD500")
        diags.add(item.severity, code, item.message, Location(item.file, item.line, item.column))
    return document


def _json_entries(path: Path, display: str, diags: Diagnostics) -> list[_Entry]:
    text = _read_text(path, display, diags)
    if text is None:
        return []
    try:
        items = parse_json_list(text, display)
    except JsonListError as error:
        diags.error(HEAVY_CODES.get(error.code, "PD500"), str(error), error.where)
        return []
    from policydraft.citations.csl import map_csl_item  # CSL-JSON only: sources.yaml never needs it

    entries: list[_Entry] = []
    for item in items:
        mapped = map_csl_item(item, diags)
        if mapped is not None:
            entries.append(_Entry(mapped.mapping, mapped.label, mapped.ok))
    return entries


def _read_text(path: Path, display: str, diags: Diagnostics) -> str | None:
    try:
        raw = read_bounded(path)
    except OSError as error:
        diags.error("PD500", f"cannot read the file: {error.strerror}", Location(display))
        return None
    if isinstance(raw, TooLarge):
        diags.error("PD514", raw.message(path.name), Location(display))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        diags.error("PD500", message, Location(display, line))
        return None


def _label(identifier: Any, index: int) -> str:
    if isinstance(identifier, str | int) and not isinstance(identifier, bool):
        return f"source '{identifier}'"
    return f"source #{index + 1}"


# --- validating --------------------------------------------------------------------------


def _bibliography(entries: list[_Entry], display: str, diags: Diagnostics) -> Bibliography:
    """Validate every entry; keep the first of each id, report the others (PD502)."""
    first_seen: dict[str, Location] = {}
    loaded: dict[str, LocatedSource] = {}
    invalid: set[str] = set()
    for entry in entries:
        identifier = _identifier(entry.mapping)
        source = _validate(entry, diags) if entry.ok else None
        if identifier is None:
            continue
        if identifier in first_seen:
            _duplicate(entry.mapping, identifier, first_seen[identifier], diags)
            continue
        first_seen[identifier] = entry.mapping.where
        if source is None:
            invalid.add(identifier)
        else:
            located = LocatedSource(source, entry.mapping.where, dict(entry.mapping.values))
            loaded[identifier] = located
    return Bibliography(loaded, display, frozenset(invalid))


def _identifier(mapping: LocatedMapping) -> str | None:
    """The id as the schema will read it (YAML reads id: 1984 as a number)."""
    value = mapping.data.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def _duplicate(
    mapping: LocatedMapping, identifier: str, first: Location, diags: Diagnostics
) -> None:
    message = f"duplicate source id '{identifier}' (first used by the entry at line {first.line})"
    diags.error("PD502", message, mapping.value_location(("id",)))


def _validate(entry: _Entry, diags: Diagnostics) -> BaseSource | None:
    model = _model(entry, diags)
    if model is None:
        return None
    scope = SchemaScope(entry.label, "field", "PD504", "PD504", "PD504")
    try:
        return model.model_validate(entry.mapping.data)
    except ValidationError as error:
        report_schema_errors(error, model, entry.mapping, diags, scope)
        return None


def _model(entry: _Entry, diags: Diagnostics) -> type[BaseSource] | None:
    """The model ``type:`` selects, or a PD504 that lists the valid types."""
    value = entry.mapping.data.get("type")
    if isinstance(value, str) and value in MODELS:
        return MODELS[value]
    valid = ", ".join(SOURCE_TYPES)
    if value is None:
        message = f"{entry.label} has no type; give type: with one of {valid}"
        diags.error("PD504", message, entry.mapping.where)
        return None
    message = f"unknown type {describe(value)} in {entry.label}"
    close = difflib.get_close_matches(str(value).lower(), SOURCE_TYPES, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    diags.error(
        "PD504", f"{message}{hint} (valid types: {valid})", entry.mapping.value_location(("type",))
    )
    return None
