"""Load an agency profile (built-in by name, or a submission's own YAML file) into a ``Profile``.

Profiles are written by people, like policydraft.yaml, so their mistakes get the same
treatment: YAML errors, unknown keys and bad values are diagnostics at the profile file's
line (all PD601), found in one pass. Rules are validated one at a time by the model their
``rule:`` names, so an error inside rule #3 points at rule #3's key, not at the list.

Profiles are also shared between organizations, so a profile is read as untrusted input: the
YAML reader's limits apply (with the profile's own codes PD603-PD607), an ``extends:`` chain
is followed in a loop, at most ``limits.PROFILE_CHAIN`` files long (1,500 files was a
RecursionError), and ``docket_pattern`` must compile in RE2, whose matching time is linear
in the docket's length whatever the pattern (PD609).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from policydraft.diagnostics import Diagnostics, Location, display_path
from policydraft.limits import PROFILE_CHAIN
from policydraft.profiles.rules import RULE_TYPES, BaseRule
from policydraft.profiles.schema import Profile, ProfileDefaults, docket_matcher
from policydraft.readers.bounded import not_regular
from policydraft.readers.schema_errors import SchemaScope, describe, report_schema_errors
from policydraft.readers.yaml_source import Segment, YamlDocument, parse_yaml, to_plain
from policydraft.resources import builtin_profiles

CODE = "PD601"
HEAVY_CODES = {
    "PD108": "PD603",
    "PD109": "PD604",
    "PD110": "PD605",
    "PD111": "PD606",
    "PD112": "PD607",
}
"""The YAML reader's refusals of heavy input, as the profile's own codes."""


def find_profile(name: str, folder: Path) -> Path | None:
    """A path (``./my-profile.yaml``, relative to the submission) or a built-in name."""
    if _is_path(name):
        path = (folder / name).resolve()
        return path if path.is_file() else None
    return builtin_profiles().get(name)


def _is_path(name: str) -> bool:
    return "/" in name or name.startswith(".") or name.endswith((".yaml", ".yml"))


def _not_found(name: str, folder: Path) -> str:
    """Why no profile ``name`` could be opened: not there, or there but not a file."""
    if _is_path(name):
        path = folder / name
        problem = not_regular(path) if path.exists() else None
        if problem is not None:
            return f"profile '{name}' {problem}; a profile is a YAML file"
    known = ", ".join(sorted(builtin_profiles())) or "none"
    return f"profile '{name}' not found (built-in profiles: {known}; or give a path)"


def load_profile(name: str, folder: Path, diags: Diagnostics, where: Location) -> Profile | None:
    """The profile ``name`` with what it ``extends`` merged in; None after diagnostics.

    The chain is followed in a loop (each profile's ``extends:`` read from the folder of the
    profile that names it), then merged from the far end: the base first, ``name`` last.
    """
    chain: list[Profile] = []
    seen: list[Path] = []
    while True:
        path = _chain_link(name, folder, seen, diags, where)
        if path is None:
            return None
        document = _parse(path, diags)
        profile = None if document is None else _validate(document, path, diags)
        if document is None or profile is None:
            return None
        chain.append(profile)
        if profile.extends is None:
            break
        name, folder = profile.extends, path.parent
        where = document.value_location(("extends",))
    merged = chain.pop()
    while chain:
        merged = merge(merged, chain.pop())
    return merged


def _chain_link(
    name: str, folder: Path, seen: list[Path], diags: Diagnostics, where: Location
) -> Path | None:
    """The file of the next profile of the chain, after the chain's own checks."""
    path = find_profile(name, folder)
    if path is None:
        diags.error("PD600", _not_found(name, folder), where)
        return None
    if path in seen:
        diags.error(CODE, f"profile '{name}' extends itself (through {path.name})", where)
        return None
    if len(seen) >= PROFILE_CHAIN.value:
        message = (
            f"profile '{name}' would be profile number {len(seen) + 1} of an extends: chain; "
            f"a chain may be at most {PROFILE_CHAIN.value} profiles long"
        )
        diags.error("PD608", message, where)
        return None
    seen.append(path)
    return path


def merge(base: Profile, child: Profile) -> Profile:
    """``child`` on top of ``base``: keys the child sets win, rules add up (base's first)."""
    fields = {key: getattr(child, key) for key in child.model_fields_set - {"rules", "defaults"}}
    defaults = base.defaults.model_copy(
        update={key: getattr(child.defaults, key) for key in child.defaults.model_fields_set}
    )
    return base.model_copy(
        update={
            **fields,
            "name": child.name,
            "defaults": defaults,
            "rules": base.rules + child.rules,
        }
    )


def _parse(path: Path, diags: Diagnostics) -> YamlDocument | None:
    """Parse YAML, reporting its syntax errors and duplicate keys as profile errors."""
    found = Diagnostics()
    document = parse_yaml(path, display_path(path), found)
    for item in found.items:
        code = HEAVY_CODES.get(item.code, CODE)
        diags.add(item.severity, code, f"profile: {item.message}", _at(item.file, item.line))
    if document is not None and not isinstance(document.data, Mapping):
        # The file may be anything (`profile: /etc/passwd`): say what it holds, never quote it.
        message = (
            f"'{path.name}' is not a profile: it holds {_kind(document.data)}, and a profile "
            "is a mapping of keys such as title: and rules:"
        )
        diags.error(CODE, message, document.value_location(()))
        return None
    return None if found.has_errors else document


def _kind(data: Any) -> str:
    """What a YAML document that is not a mapping holds, without a word of its content."""
    if data is None:
        return "nothing"
    if isinstance(data, str):
        return "text"
    if isinstance(data, list | tuple):
        return "a list"
    if isinstance(data, bool):
        return "true or false"
    if isinstance(data, int | float):
        return "a number"
    return "a single value"


def _at(file: str, line: int) -> Location:
    return Location(file, line, 1)


def _validate(document: YamlDocument, path: Path, diags: Diagnostics) -> Profile | None:
    data = to_plain(document.data)
    scope = SchemaScope(f"profile '{path.stem}'", "key", CODE, CODE, CODE)
    rules_data = data.pop("rules", [])
    header = _model(Profile, {**data, "rules": []}, document, diags, scope)
    if not isinstance(rules_data, list):
        message = f"'rules' in profile '{path.stem}' must be a list, not {describe(rules_data)}"
        diags.error(CODE, message, document.value_location(("rules",)))
        return None
    rules = [
        _rule(item, index, document, diags, path.stem) for index, item in enumerate(rules_data)
    ]
    runs = header is not None and _pattern_runs(header, document, diags)
    if header is None or any(rule is None for rule in rules) or not runs:
        return None
    return header.model_copy(update={"name": path.stem, "rules": rules})


def _pattern_runs(profile: Profile, document: YamlDocument, diags: Diagnostics) -> bool:
    """Whether ``docket_pattern`` compiles in RE2; PD609 at its line when it does not."""
    if profile.docket_pattern is None:
        return True
    try:
        docket_matcher(profile.docket_pattern)
    except ValueError as error:
        diags.error("PD609", str(error), document.value_location(("docket_pattern",)))
        return False
    return True


def _rule(
    item: Any, index: int, document: YamlDocument, diags: Diagnostics, profile: str
) -> BaseRule | None:
    """One rule, validated by the model its ``rule:`` names."""
    here = _Prefixed(document, ("rules", index))
    kind = item.get("rule") if isinstance(item, dict) else None
    model = RULE_TYPES.get(str(kind)) if kind is not None else None
    if model is None:
        diags.error(CODE, _unknown_rule(kind, index, profile), here.value_location(("rule",)))
        return None
    scope = SchemaScope(
        f"rule #{index + 1} ({kind}) of profile '{profile}'", "key", CODE, CODE, CODE
    )
    return _model(model, item, here, diags, scope)


def _unknown_rule(kind: Any, index: int, profile: str) -> str:
    names = sorted(RULE_TYPES)
    if kind is None:
        return f"rule #{index + 1} of profile '{profile}' needs 'rule:', one of {', '.join(names)}"
    message = f"unknown rule '{kind}' in profile '{profile}'"
    close = difflib.get_close_matches(str(kind), names, n=1, cutoff=0.6)
    return (
        f"{message}; did you mean '{close[0]}'?"
        if close
        else f"{message}; rules are {', '.join(names)}"
    )


M = TypeVar("M", bound=BaseModel)


def _model(
    model: type[M], data: Any, where: Any, diags: Diagnostics, scope: SchemaScope
) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        report_schema_errors(error, model, where, diags, scope)
        return None


@dataclass(frozen=True)
class _Prefixed:
    """A locator for one rule: its paths are relative to ``rules[index]``."""

    document: YamlDocument
    prefix: tuple[Segment, ...]

    def key_location(self, path: Sequence[Segment]) -> Location:
        return self.document.key_location((*self.prefix, *path))

    def value_location(self, path: Sequence[Segment]) -> Location:
        return self.document.value_location((*self.prefix, *path))


__all__ = ["Profile", "ProfileDefaults", "find_profile", "load_profile", "merge"]
