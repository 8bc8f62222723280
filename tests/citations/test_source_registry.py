"""The registry of source types: every type is declared once, and every declared type works.

``policydraft.citations.source.SOURCES`` is the only list of source types. These tests hold
each type to what a type must have: a Bluebook template printing its full, short and *Id.*
forms, a row in docs/sources.md whose fields are the class's, an entry in the docs' example
``sources.yaml``, and, when it declares CSL types, a CSL field mapper. A throwaway type shows
that one registered without a template or a docs row is caught.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Literal, get_args

import pytest

import policydraft
from policydraft.citations.csl import CSL_TYPES, FIELD_MAPPERS
from policydraft.citations.format import CitationFormatter, Form
from policydraft.citations.source import (
    MODELS,
    SOURCE_TYPES,
    SOURCES,
    BaseSource,
    Source,
    source_type,
)
from policydraft.citations.sources_file import load_bibliography
from policydraft.diagnostics import Diagnostics, Location
from policydraft.model import Emph, Text
from policydraft.submission.schema import IsoDate

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
YAML_SECTION = DOCS.split("## sources.yaml", 1)[1].split("## sources.json", 1)[0]
ROW = re.compile(r"^\| `([\w-]+)` \| ([^|]*) \| ([^|]*) \|$", re.MULTILINE)
COMMON = ("id", "type", "file", "short")  # every type's fields, described above the table
FORMS: tuple[Form, ...] = ("full", "short", "id")
ID_ALONE = (Emph((Text("Id."),)),)


def docs_rows() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """docs/sources.md's table of types: type -> (required fields, optional fields)."""
    rows = ROW.findall(YAML_SECTION)
    return {kind: (_names(required), _names(optional)) for kind, required, optional in rows}


def _names(cell: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in cell.split(",") if name.strip())


def docs_problems(kind: type[BaseSource]) -> list[str]:
    """What docs/sources.md gets wrong about ``kind`` ([] when its row matches the class)."""
    name = source_type(kind)
    row = docs_rows().get(name)
    if row is None:
        return [f"docs/sources.md has no row for `{name}`"]
    own = {field: info.is_required() for field, info in kind.model_fields.items()}
    fields = {field: needed for field, needed in own.items() if field not in COMMON}
    required = tuple(field for field, needed in fields.items() if needed)
    optional = tuple(field for field, needed in fields.items() if not needed)
    if row != (required, optional):
        return [f"`{name}` row lists {row}, the class has {(required, optional)}"]
    return []


def template_problems(entry: BaseSource) -> list[str]:
    """What is wrong with the built-in template of ``entry``'s type ([] when it prints every
    form: a full form, a different short form unless the type has none, and *Id.* alone or
    with the pin)."""
    diags = Diagnostics()
    formatter = CitationFormatter(diags)
    shown = {(form, pin): formatter.format(entry, form, pin) for form in FORMS for pin in ("", "9")}
    problems = [item.format() for item in diags]
    if type(entry).short_form and shown["full", ""] == shown["short", ""]:
        problems.append(f"{entry.type}: the short form is the full form")
    if shown["id", ""] != ID_ALONE:
        problems.append(f"{entry.type}: the Id. form without a pin is {shown['id', '']}")
    if shown["id", "9"][:1] != ID_ALONE or len(shown["id", "9"]) < 2:
        problems.append(f"{entry.type}: the Id. form drops the pin: {shown['id', '9']}")
    return problems


def docs_examples(tmp_path: Path) -> dict[str, BaseSource]:
    """The example sources.yaml of docs/sources.md, loaded by the real reader: type -> entry."""
    (block,) = re.findall(r"```yaml\n(.*?)```", YAML_SECTION, re.DOTALL)
    path = tmp_path / "sources.yaml"
    path.write_text(block, encoding="utf-8")
    diags = Diagnostics()
    bibliography = load_bibliography(path, diags, Location("policydraft.yaml", 1))
    assert [item.format() for item in diags] == []
    return {located.source.type: located.source for located in bibliography.values()}


def test_the_registry_is_the_only_list() -> None:
    assert tuple(source_type(kind) for kind in SOURCES) == SOURCE_TYPES
    assert len(set(SOURCE_TYPES)) == len(SOURCES)
    assert tuple(MODELS.values()) == SOURCES
    union, _discriminator = get_args(Source)
    assert get_args(union) == SOURCES


def test_every_source_class_is_registered() -> None:
    for module in pkgutil.walk_packages(policydraft.__path__, "policydraft."):
        if not module.name.endswith(".__main__"):  # runs the command line when imported
            importlib.import_module(module.name)
    found, pending = set(), [BaseSource]
    while pending:
        for kind in pending.pop().__subclasses__():
            if kind.__module__.startswith("policydraft."):
                found.add(kind)
                pending.append(kind)
    assert found == set(SOURCES)


def test_docs_list_every_type_in_the_registry_order() -> None:
    assert tuple(docs_rows()) == SOURCE_TYPES


@pytest.mark.parametrize("kind", SOURCES, ids=SOURCE_TYPES)
def test_the_docs_row_has_the_class_fields(kind: type[BaseSource]) -> None:
    assert docs_problems(kind) == []


def test_the_docs_example_has_one_entry_of_each_type(tmp_path: Path) -> None:
    assert tuple(docs_examples(tmp_path)) == SOURCE_TYPES


def test_every_type_has_a_template_with_every_form(tmp_path: Path) -> None:
    examples = docs_examples(tmp_path)
    assert [problem for entry in examples.values() for problem in template_problems(entry)] == []


def test_csl_types_are_each_imported_as_one_type() -> None:
    declared = [csl for kind in SOURCES for csl in kind.csl_types]
    assert sorted(declared) == sorted(CSL_TYPES)
    assert all(CSL_TYPES[csl] == source_type(kind) for kind in SOURCES for csl in kind.csl_types)


def test_every_type_with_csl_types_has_a_mapper_and_every_mapper_a_type() -> None:
    importable = {source_type(kind) for kind in SOURCES if kind.csl_types}
    # federal-register has no CSL type of its own: a legislation or regulation item whose
    # code is the Federal Register becomes one (csl._target_type).
    assert set(FIELD_MAPPERS) == importable | {"federal-register"}


def test_a_type_registered_without_template_or_docs_row_is_caught() -> None:
    class Throwaway(BaseSource):  # a type someone declared and forgot to finish
        type: Literal["throwaway"]
        title: str
        date: IsoDate

    entry = Throwaway(id="t", type="throwaway", title="T", date=dt.date(2025, 3, 4))
    problems = template_problems(entry)
    assert "no citation template for sources of type 'throwaway'" in problems[0]
    assert docs_problems(Throwaway) == ["docs/sources.md has no row for `throwaway`"]
