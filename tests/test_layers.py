"""The import graph of backend/: feature folders (backend/<area>/) import each other one way
only, the shared modules beside them (backend/*.py) import no feature, and
docs/architecture.md draws the graph as it is."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parent.parent / "backend"
ARCHITECTURE = BACKEND.parent / "docs" / "architecture.md"
# The composition roots: they put the features together, so they may name every one.
ROOTS = {"__init__", "cli"}


def _unit(path: Path) -> str:
    """A feature folder's name, or ``backend/<module>.py``'s module name for the shared layer."""
    parts = path.relative_to(BACKEND).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _is_feature(name: str) -> bool:
    return (BACKEND / name).is_dir()


def _imported(path: Path) -> set[str]:
    """The units of backend/ a module imports, TYPE_CHECKING imports included."""
    units = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            if node.module == "backend":
                modules = [f"backend.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        units.update(m.split(".")[1] for m in modules if m.startswith("backend."))
    return units


def import_graph() -> dict[str, set[str]]:
    """unit -> the other units it imports."""
    graph: dict[str, set[str]] = {}
    for path in BACKEND.rglob("*.py"):
        if "_cypher" in path.parts:
            continue
        unit = _unit(path)
        graph.setdefault(unit, set()).update(_imported(path) - {unit})
    return graph


def feature_edges() -> set[tuple[str, str]]:
    return {
        (source, target)
        for source, targets in import_graph().items()
        if _is_feature(source)
        for target in targets
        if _is_feature(target)
    }


def test_no_two_feature_folders_import_each_other():
    edges = feature_edges()
    assert edges, "the graph has edges: the test reads the imports"
    assert sorted((a, b) for a, b in edges if (b, a) in edges) == []


def test_the_feature_folders_import_one_way_no_cycle_through_several():
    edges, order = feature_edges(), []
    remaining = {unit for edge in edges for unit in edge}
    while remaining:  # peel off the folders that import no remaining folder
        leaves = {u for u in remaining if not any((u, t) in edges for t in remaining)}
        assert leaves, f"a cycle among {sorted(remaining)}"
        order += sorted(leaves)
        remaining -= leaves
    assert order


def test_the_shared_layer_names_no_feature():
    named = {
        unit: sorted(filter(_is_feature, targets))
        for unit, targets in import_graph().items()
        if not _is_feature(unit) and unit not in ROOTS
    }
    assert "app_services" in named
    assert {unit: features for unit, features in named.items() if features} == {}


def _documented_edges() -> set[tuple[str, str]]:
    """The ``folder → folder, folder`` lines of the import graph in docs/architecture.md."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    block = re.search(r"<!-- import graph -->\n```\n(.*?)```", text, re.S)
    assert block, "docs/architecture.md has the import graph block"
    edges = set()
    for line in block[1].splitlines():
        source, arrow, targets = line.partition("→")
        if arrow:
            edges |= {(source.strip(), t.strip()) for t in targets.split(",") if t.strip()}
    return edges


def test_the_documented_import_graph_is_the_code_s():
    assert _documented_edges() == feature_edges()


@pytest.mark.parametrize(
    "source, imports",
    [
        ("from backend.network import views\n", {"network"}),
        ("import backend.people.service\n", {"people"}),
    ],
)
def test_the_reader_sees_both_import_forms(tmp_path, source, imports):
    module = tmp_path / "m.py"
    module.write_text(source)
    assert _imported(module) == imports
