"""listkit's modules import one another without a cycle, counting imports inside functions too.

A cycle held apart by an import inside a function still ties its modules together: neither can be read, tested or
moved without the other, and the first caller to hoist the import breaks the program at import time. So every
``import`` and ``from … import`` of a listkit module is an edge here, wherever it is written, except under
``if TYPE_CHECKING:`` (those are for the type checker only and never run).

Edges: ``import listkit.a.b`` and ``from listkit.a import b`` (b a module) lead to ``listkit.a.b``; ``from
listkit.a import name`` (name not a module) leads to ``listkit.a``. Importing a submodule also runs its package's
``__init__`` first; that implicit step is not an edge, or every package whose ``__init__`` uses its own submodules
would count as a cycle. Imports by name at run time (``importlib.import_module``) are not seen.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SOURCE / "listkit"


class Edge(NamedTuple):
    target: str
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement under ``node``, at any depth, but none in the body of ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for statement in child.orelse:
                yield from _import_nodes_of(statement)
            continue
        yield from _import_nodes_of(child)


def _import_nodes_of(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    yield from _import_nodes(node)


def _edges(module: str, is_package: bool, source: str, modules: set[str]) -> list[Edge]:
    package = module if is_package else module.rpartition(".")[0]
    edges = []
    for node in _import_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            edges.extend(Edge(alias.name, node.lineno) for alias in node.names if alias.name in modules)
            continue
        base = node.module or ""
        if node.level:  # relative: '.' is the package itself, '..' its parent
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*anchor, base] if base else anchor)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            if submodule in modules:
                edges.append(Edge(submodule, node.lineno))
            elif base in modules:
                edges.append(Edge(base, node.lineno))
    return edges


def import_graph() -> dict[str, list[Edge]]:
    paths = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
    modules = set(paths)
    return {
        module: _edges(module, path.name == "__init__.py", path.read_text(encoding="utf-8"), modules)
        for module, path in paths.items()
    }


def find_cycle(graph: dict[str, list[Edge]]) -> list[tuple[str, int]] | None:
    """A cycle as (module, line of its import of the next module) steps, the first module repeated at the end with
    line 0; None when the graph has none. Depth-first, without recursion (the graph is a few hundred modules)."""
    done: set[str] = set()
    for root in sorted(graph):
        if root in done:
            continue
        path: list[tuple[str, int]] = []
        on_path: dict[str, int] = {}  # module → its index in path
        stack: list[tuple[str, Iterator[Edge]]] = [(root, iter(graph[root]))]
        on_path[root] = 0
        path.append((root, 0))
        while stack:
            module, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                stack.pop()
                path.pop()
                del on_path[module]
                done.add(module)
                continue
            path[-1] = (module, edge.line)
            if edge.target in on_path:
                return [*path[on_path[edge.target] :], (edge.target, 0)]
            if edge.target not in done:
                on_path[edge.target] = len(path)
                path.append((edge.target, 0))
                stack.append((edge.target, iter(graph[edge.target])))
    return None


def _describe(cycle: list[tuple[str, int]]) -> str:
    steps = [f"{module} (line {line})" for module, line in cycle[:-1]]
    return " -> ".join([*steps, cycle[-1][0]])


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, f"import cycle: {_describe(cycle)}"


def test_every_import_is_an_edge_but_type_checking_ones() -> None:
    source = """
from typing import TYPE_CHECKING
import listkit.b
if TYPE_CHECKING:
    from listkit import c
else:
    from listkit import d
def f():
    from listkit.e import thing
    from . import f
import json
"""
    modules = {"listkit", *(f"listkit.{name}" for name in "abcdef")}
    assert _edges("listkit.a", False, source, modules) == [
        Edge("listkit.b", 3),
        Edge("listkit.d", 7),
        Edge("listkit.e", 9),  # 'thing' is a name in listkit.e, not a module
        Edge("listkit.f", 10),
    ]


def test_a_cycle_is_reported_with_its_path() -> None:
    graph = {
        "a": [Edge("b", 3)],
        "b": [Edge("c", 5)],
        "c": [Edge("a", 7), Edge("d", 8)],
        "d": [],
    }
    cycle = find_cycle(graph)
    assert cycle is not None
    assert _describe(cycle) == "a (line 3) -> b (line 5) -> c (line 7) -> a"
    assert find_cycle({"a": [Edge("b", 1)], "b": [], "c": [Edge("a", 2)]}) is None
