"""The package's imports flow one way: no cycle anywhere in graph/ (imports inside functions and
under TYPE_CHECKING included), every module on the line of the package docstring's picture that
its imports allow, and the README's module map naming every module there is."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

import graph
from conftest import ROOT

PKG = ROOT / "graph"


def _name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(pkg: Path = PKG) -> nx.DiGraph:
    """Module → module it imports (within the package), each edge with the line it is on."""
    modules = {_name(p, pkg.parent): p for p in pkg.rglob("*.py")}
    top = pkg.name
    g = nx.DiGraph()
    g.add_nodes_from(modules)
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # every import, wherever it is
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(here.split(".")[:len(here.split(".")) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                targets = [base] + [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
            for t in targets:
                if (t == top or t.startswith(top + ".")) and t != name:
                    g.add_edge(name, t, line=f"{path.relative_to(pkg.parent)}:{node.lineno}")
    return g


def test_no_import_cycle_in_the_package():
    g = import_graph()
    cycles = list(nx.simple_cycles(g))
    assert not cycles, "import cycles:\n" + "\n".join(
        " → ".join(c + [c[0]]) + "  (" + ", ".join(g.edges[a, b]["line"] for a, b in zip(c, c[1:] + c[:1])) + ")"
        for c in cycles)


def test_the_walk_sees_imports_inside_functions_and_type_checking_blocks(tmp_path):
    # a cycle made only of such imports (the kind main had: build ↔ store) is found
    pkg = tmp_path / "graph"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from .b import g\n")
    (pkg / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import f\n")
    (pkg / "c.py").write_text("from . import a\n")
    assert sorted(map(sorted, nx.simple_cycles(import_graph(pkg)))) == [["graph.a", "graph.b"]]


def picture() -> list[list[str]]:
    """The module names on each line of the package docstring's picture, top line first."""
    doc = graph.__doc__
    block = doc[doc.index("(tests/test_imports.py"):].split("::", 1)[1]
    lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
    return [re.split(r"\s{3,}", ln, maxsplit=1)[0].split() for ln in lines]


def _unit(module: str) -> str:
    """The name the picture uses: graph.extract.places → extract."""
    return module.split(".")[1] if "." in module else module


def test_every_import_points_up_the_docstrings_picture():
    lines = picture()
    level = {name: i for i, names in enumerate(lines) for name in names}
    g = import_graph()
    units = {_unit(m) for m in g if m != "graph"}
    assert units <= set(level), f"modules missing from the picture in graph/__init__.py: {sorted(units - set(level))}"
    assert set(level) <= units, f"the picture names modules that do not exist: {sorted(set(level) - units)}"
    wrong = [f"{a} imports {b} ({d['line']})" for a, b, d in g.edges(data=True)
             if a != "graph" and _unit(a) != _unit(b) and level[_unit(b)] >= level[_unit(a)]]
    assert not wrong, "imports that do not point up the picture in graph/__init__.py:\n" + "\n".join(wrong)


def test_the_readmes_module_map_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works"):]
    block = section[section.index("```") + 3:]
    block = block[:block.index("```")]
    order = re.findall(r"^graph/(\w+)(?:\.py|/)", block, re.M)
    g = import_graph()
    there = {_unit(m) for m in g if m != "graph"}
    assert set(order) == there, f"README's module map: missing {sorted(there - set(order))}, stale {sorted(set(order) - there)}"
    at = {name: i for i, name in enumerate(order)}  # the map says: a module imports only those listed above it
    wrong = [f"{a} imports {b}" for a, b in g.edges if a != "graph" and _unit(a) != _unit(b) and at[_unit(b)] > at[_unit(a)]]
    assert not wrong, "README's module map lists these the wrong way round:\n" + "\n".join(wrong)
