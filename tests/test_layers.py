"""Imports run one way: the layering of docs/architecture.md, checked over every package.

The import graph is read from the source with ``ast`` (every import, including those inside
functions and under ``TYPE_CHECKING``: a lazy import is still a dependency), so the test needs
nothing imported. Then:

- no cycle between files, and none between packages (a package is a folder under
  ``src/policydraft``; a top-level module such as ``model.py`` is its own unit);
- each package imports only from the units its row of ``ALLOWED`` names;
- the writers see only the document tree, the typography and Word's XML (``wordml``);
- ``wordml``'s readers of Word's XML use lxml alone: only the reference reader builds a typography;
- nothing imports the command line.

The checker is a pure function of a graph, so the tests at the bottom also show that it fails
on a deliberate upward import and on a cycle, without editing the source.
"""

from __future__ import annotations

import ast
import graphlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "policydraft"

BASE = frozenset({"diagnostics", "codes", "limits", "resources", "gc_pause", "forked", "numerals"})
"""Units anything may use: diagnostics and their codes, bounds, where data lives, the GC pause,
work shared with forked processes, Roman numerals."""

ALLOWED: dict[str, frozenset[str] | None] = {
    # the meeting point and what both writers share
    "model": BASE,
    "typography": BASE,
    "review": frozenset(),  # a review copy's marks: writers take them as they take typography
    "wordml": BASE | {"typography"},  # Word's own XML, as Word reads it; a reference as type
    "writers": frozenset({"model", "typography", "review", "wordml"}),
    # generic stages, and the subjects the submission is made of
    "readers": BASE | {"model"},
    "templating": BASE,
    "signatories": BASE,  # below the submission, which embeds its signatories: settings
    "submission": BASE | {"readers", "signatories"},
    "outputs": BASE | {"model", "typography", "review", "writers", "submission"},
    # subjects, each owning its vertical
    "citations": BASE | {"model", "readers", "templating", "submission"},
    "profiles": BASE | {"model", "readers", "submission", "typography", "wordml"},
    "checks": BASE | {"model", "submission", "signatories", "typography", "writers"},
    "compose": BASE | {"model", "readers", "templating", "submission", "signatories", "profiles"},
    # what the commands share, then the commands
    "plan": BASE | {"model", "typography", "outputs", "submission", "profiles"},
    "pipeline": BASE
    | {
        "model",
        "typography",
        "review",
        "wordml",
        "readers",
        "templating",
        "submission",
        "outputs",
        "citations",
        "signatories",
        "profiles",
        "checks",
        "compose",
        "plan",
    },
    # two versions compared, as tracked changes and a PDF blackline (set with the PDF writer's
    # fonts and styles; the signatory list summarised as ``signatories diff`` compares it)
    "redline": BASE | {"model", "typography", "signatories", "writers", "outputs", "pipeline"},
    "packaging": BASE
    | {"model", "readers", "submission", "outputs", "profiles", "pipeline", "plan", "policydraft"},
    "cli": None,  # the top: may import anything
    "__main__": frozenset({"cli"}),
}
"""What each unit may import, besides itself. ``policydraft`` is the package's own
``__init__`` (its version). A unit missing from this table is reported, so a new package has
to take its place in the layering."""

for _unit in BASE:
    ALLOWED.setdefault(_unit, BASE)
ALLOWED.setdefault("policydraft", frozenset())


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def unit_of(module: str) -> str:
    """The package (folder) or top-level module a module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE


def _imported(path: Path, module: str) -> Iterable[str]:
    """Every policydraft module ``path`` imports (a name imported from a package that is a
    submodule counts as that submodule)."""
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == PACKAGE)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                yield candidate if _exists(candidate) else target


def _exists(module: str) -> bool:
    path = SRC.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def import_graph() -> dict[str, set[str]]:
    """Module -> the policydraft modules it imports."""
    graph: dict[str, set[str]] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        module = module_name(path)
        graph[module] = {m for m in _imported(path, module) if m != module}
    return graph


def unit_graph(graph: Mapping[str, set[str]]) -> dict[str, set[str]]:
    units: dict[str, set[str]] = defaultdict(set)
    for module, imports in graph.items():
        units[unit_of(module)].update(unit_of(m) for m in imports)
        units[unit_of(module)].discard(unit_of(module))
    return dict(units)


def cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        return list(error.args[1])
    return None


def layering_faults(
    graph: Mapping[str, set[str]], allowed: Mapping[str, frozenset[str] | None]
) -> list[str]:
    """Each import the layering forbids, as 'module imports module (unit -> unit)'."""
    faults = []
    for module, imports in sorted(graph.items()):
        unit = unit_of(module)
        if unit not in allowed:
            faults.append(f"{unit} is a new unit: give it a row in ALLOWED")
            continue
        may = allowed[unit]
        for target in sorted(imports):
            other = unit_of(target)
            if other == unit or may is None:
                continue
            if other not in may:
                faults.append(f"{module} imports {target} ({unit} -> {other})")
    return sorted(set(faults))


def test_no_cycle_between_files() -> None:
    assert cycle(import_graph()) is None


def test_no_cycle_between_packages() -> None:
    assert cycle(unit_graph(import_graph())) is None


def test_every_import_follows_the_layering() -> None:
    assert layering_faults(import_graph(), ALLOWED) == []


def test_writers_see_only_the_tree_and_their_settings() -> None:
    """The tree, the typography and review marks they are given, and Word's own XML."""
    graph = import_graph()
    writers = {m: i for m, i in graph.items() if unit_of(m) == "writers"}
    used = {unit_of(target) for imports in writers.values() for target in imports}
    assert used <= {"writers", "model", "typography", "review", "wordml"}


WORD_READERS = ("styles", "running_text", "package", "minimum_size")
"""The ``wordml`` modules that read and change Word's XML: lxml over the base alone."""


@pytest.mark.parametrize("name", WORD_READERS)
def test_wordml_reads_word_without_the_typography(name: str) -> None:
    """Word's styles, running text, package and sizes are read without any policydraft type:
    only the reference reader (``reference_format`` and its helpers) builds a typography."""
    imports = import_graph()[f"policydraft.wordml.{name}"]
    assert {unit_of(target) for target in imports} - {"wordml"} <= BASE


def test_nothing_imports_the_command_line() -> None:
    graph = import_graph()
    importers = {m for m, imports in graph.items() for t in imports if unit_of(t) == "cli"}
    assert importers <= {"policydraft.__main__"} | {m for m in graph if unit_of(m) == "cli"}


# --- the checker itself fails when it should --------------------------------------------------


@pytest.mark.parametrize(
    ("module", "target", "fault"),
    [
        ("policydraft.model", "policydraft.pipeline", "model -> pipeline"),
        ("policydraft.writers.pdf.blocks", "policydraft.citations.resolve", "writers -> citations"),
        ("policydraft.readers.markdown", "policydraft.templating.sandbox", "readers -> templating"),
        ("policydraft.profiles.schema", "policydraft.cli.app", "profiles -> cli"),
        ("policydraft.citations.format", "policydraft.compose.letter", "citations -> compose"),
        ("policydraft.wordml.styles", "policydraft.writers.docx", "wordml -> writers"),
        ("policydraft.wordml.styles", "policydraft.model", "wordml -> model"),
    ],
)
def test_a_deliberate_upward_import_is_caught(module: str, target: str, fault: str) -> None:
    graph = {m: set(i) for m, i in import_graph().items()}
    graph[module].add(target)
    assert any(fault in line for line in layering_faults(graph, ALLOWED))


def test_a_file_cycle_is_caught() -> None:
    graph = {m: set(i) for m, i in import_graph().items()}
    graph["policydraft.writers.pdf.notes"].add("policydraft.writers.pdf.noted_paragraph")
    found = cycle(graph)
    assert found is not None and "policydraft.writers.pdf.notes" in found


def test_a_new_unit_must_take_its_place() -> None:
    graph = {"policydraft.html.page": {"policydraft.model"}}
    assert layering_faults(graph, ALLOWED) == ["html is a new unit: give it a row in ALLOWED"]


def test_lazy_imports_count(tmp_path: Path) -> None:
    """An import inside a function is still a dependency (the notes/splitting loop hid so)."""
    path = tmp_path / "mod.py"
    path.write_text("def f():\n    from policydraft.cli import app\n    return app\n")
    assert set(_imported(path, "policydraft.checks.mod")) == {"policydraft.cli.app"}


def test_docs_architecture_shows_the_same_layering() -> None:
    """Each row of docs/architecture.md's package table that names what a package may import
    says what ``ALLOWED`` says (rows saying "everything below" or "anything" are not lists)."""
    doc = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)(?:/|\.py)` \| [^|]+ \| ([^|]+) \|$", doc, re.M)
    shown: dict[str, set[str]] = {}
    for unit, may in rows:
        may = may.strip()
        if may in ("(base only)", "nothing else"):
            shown[unit] = set()
        elif re.fullmatch(r"[a-z_]+(, [a-z_]+)*", may):
            shown[unit] = set(may.split(", "))
    assert len(shown) >= 12
    for unit, names in shown.items():
        allowed = ALLOWED[unit]
        assert allowed is not None and names == set(allowed - BASE), unit
