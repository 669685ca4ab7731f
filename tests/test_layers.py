"""The house's shape, read from the code's own imports: the contract at the ground floor, no
circle, no import back up the layers, no import tucked into a function to dodge one, and views
that lay out the assessment instead of computing it."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The floors, from the ground up: a module imports only from lower floors and its own package.
LAYERS = {"questions": 1, "access": 1, "formats": 2, "i18n": 2, "logic": 3, "storage": 4,
          "report": 5, "ui": 6, "app": 7, "web": 7, "harness": 7, "bench": 8, "scripts": 8}
GROUND_MAY_IMPORT = {"pydantic", "yaml"}  # beside the standard library
COMPUTING = {"logic.engine", "logic.plan", "logic.whatif", "logic.compare", "logic.unknowns",
             "logic.reading"}  # what the assessment computes; views only lay it out


def _modules() -> dict[str, Path]:
    found = {"app": ROOT / "app.py"}
    for package in LAYERS:
        folder = ROOT / package
        if folder.is_dir():
            for path in folder.rglob("*.py"):
                parts = path.relative_to(ROOT).with_suffix("").parts
                found[".".join(p for p in parts if p != "__init__")] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module imported, whether the import sits inside a function) for each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(n) for n in ast.walk(node) if n is not node)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, id(node) in inside) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [f"{node.module}.{a.name}" for a in node.names]
            out += [(n if n in MODULES else node.module, id(node) in inside) for n in names]
    return out


def _project(name: str) -> str | None:
    """The project module an import names (a module, or the package it names), or None."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _top(module: str) -> str:
    return module.split(".")[0]


GRAPH = {module: sorted({p for name, _ in _imports(path) if (p := _project(name)) and
                         p != module})
         for module, path in MODULES.items()}


def test_the_ground_floor_imports_only_the_standard_library_pydantic_and_yaml():
    for module, path in MODULES.items():
        if _top(module) != "questions":
            continue
        for name, _ in _imports(path):
            root = name.split(".")[0]
            assert (root in sys.stdlib_module_names or root in GROUND_MAY_IMPORT
                    or root == "questions" or root == "__future__"), (module, name)


def test_no_import_runs_back_up_the_layers():
    """The command lines too: `python -m logic` knows nothing of storage."""
    upward = [(m, d) for m, deps in GRAPH.items() for d in deps
              if _top(d) != _top(m) and LAYERS[_top(d)] >= LAYERS[_top(m)]]
    assert upward == []


def test_no_circle():
    seen: dict[str, int] = {}  # 1 on the path, 2 done
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        seen[module] = 1
        stack.append(module)
        for dep in GRAPH.get(module, []):
            if seen.get(dep) == 1:
                circles.append(stack[stack.index(dep):] + [dep])
            elif dep not in seen:
                visit(dep)
        stack.pop()
        seen[module] = 2

    for module in sorted(GRAPH):
        if module not in seen:
            visit(module)
    assert circles == []


def test_no_project_import_is_tucked_into_a_function():
    """A function-local import of our own module is how a circle hides; only the benchmark and
    setup scripts may import late (they start a server first)."""
    late = [(module, name) for module, path in MODULES.items()
            if _top(module) not in ("scripts", "bench")
            for name, local in _imports(path) if local and _project(name)]
    assert late == []


@pytest.mark.parametrize("package", ["ui", "report"])
def test_views_lay_out_the_assessment_and_compute_nothing(package):
    computing = [(m, d) for m, deps in GRAPH.items() if _top(m) == package
                 for d in deps if d in COMPUTING]
    assert computing == []


def test_the_check_reads_real_imports():
    """The graph is not empty by accident: the layers it checks are there."""
    assert "questions.schema" in GRAPH["logic.knowledge_base"]
    assert "logic.assessment" in GRAPH["ui.results"]
