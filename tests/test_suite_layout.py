"""The suite's own layout: fixtures live in tests/conftest.py, which nothing imports; helpers
live once in tests/support; what the tests share with the benchmarks lives in harness/, so
no test imports bench/ and harness/ imports neither tests/ nor bench/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from backend.config import PROJECT_ROOT

TESTS = PROJECT_ROOT / "tests"
HARNESS = PROJECT_ROOT / "harness"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, absolute (``from . import x`` inside tests/ counts too)."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            modules.add(base if node.level == 0 else f"<relative>.{base}")
            modules.update(f"{base}.{alias.name}" for alias in node.names if base)
    return modules


def reaches(modules: set[str], package: str) -> set[str]:
    return {m for m in modules if m == package or m.startswith(package + ".")}


@pytest.mark.parametrize(
    "path", sorted(TESTS.rglob("*.py")), ids=lambda p: str(p.relative_to(PROJECT_ROOT))
)
def test_no_test_imports_conftest_another_test_or_bench(path):
    modules = imported_modules(path)
    assert not {m for m in modules if "conftest" in m}, "fixtures come from pytest, not imports"
    assert not reaches(modules, "bench"), "what tests and benchmarks share belongs in harness/"
    assert not {m for m in modules if m.startswith("<relative>")}, "import tests.support.x"
    assert not {m for m in modules if m.startswith("tests.test_")}, "shared: tests/support"


@pytest.mark.parametrize("path", sorted(HARNESS.glob("*.py")), ids=lambda p: p.name)
def test_the_harness_imports_neither_tests_nor_bench(path):
    modules = imported_modules(path)
    assert not reaches(modules, "tests") and not reaches(modules, "bench"), modules


def test_sign_up_and_acting_as_people_are_defined_once():
    """A helper written twice drifts apart (sign_up once returned an id, once a profile)."""
    defined: dict[str, list[str]] = {}
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith(
                "test_"
            ):
                defined.setdefault(node.name, []).append(path.name)
    assert defined["sign_up"] == ["auth.py"]
    assert defined["AuthActions"] == ["auth.py"]
