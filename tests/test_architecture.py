"""The layers stay apart (issue #17): diff/ compares lists and applies change orders, and nothing else.

Reading a change order is read/'s work, writing one write/'s, reporting render/'s. diff/ neither imports them
(not even inside a function, where a cycle would hide) nor touches a file, so it can be tested, and reused,
on records alone.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src"
PURE_PACKAGE = SOURCE / "listkit" / "diff"
FORBIDDEN_PACKAGES = ("listkit.read", "listkit.write", "listkit.render")
FILE_CALLS = frozenset({"open", "read_text", "read_bytes", "write_text", "write_bytes"})


def _package_of(module: Path) -> list[str]:
    parts = list(module.relative_to(SOURCE).with_suffix("").parts)
    return parts if module.name == "__init__.py" else parts[:-1]


def _imported(node: ast.Import | ast.ImportFrom, package: list[str]) -> list[str]:
    """The absolute names an import statement brings in, a relative one resolved against its package."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = package[: len(package) - node.level + 1] if node.level else []
    stem = ".".join([*base, node.module] if node.module else base)
    # `from listkit import read` imports listkit.read as surely as `import listkit.read` does.
    return [stem, *(f"{stem}.{alias.name}" for alias in node.names)]


def _is_forbidden(name: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in FORBIDDEN_PACKAGES)


def impurities(source: str, package: list[str]) -> list[str]:
    """What in a module's source breaks diff/'s purity: imports of the I/O layers and file calls, by line."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            found += [f"line {node.lineno}: imports {name}" for name in _imported(node, package) if _is_forbidden(name)]
        elif isinstance(node, ast.Call):
            name = _callee_name(node)
            if name in FILE_CALLS:
                found.append(f"line {node.lineno}: calls {name}()")
            elif name in ("import_module", "__import__"):
                named = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
                found += [f"line {node.lineno}: imports {module}" for module in named if _is_forbidden(module)]
    return found


def _callee_name(call: ast.Call) -> str:
    """'open' for open(...), path.open(...) and io.open(...) alike: who is called, whatever it is called on."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else ""


DIFF_MODULES = sorted(PURE_PACKAGE.rglob("*.py"))


def test_there_are_diff_modules_to_check() -> None:
    assert len(DIFF_MODULES) > 3, PURE_PACKAGE


@pytest.mark.parametrize("module", DIFF_MODULES, ids=lambda path: path.relative_to(PURE_PACKAGE).as_posix())
def test_diff_is_pure(module: Path) -> None:
    assert impurities(module.read_text(encoding="utf-8"), _package_of(module)) == []


@pytest.mark.parametrize(
    "source",
    [
        "import listkit.read",
        "import listkit.write.canonical as canonical",
        "from listkit import render",
        "from listkit.render.diff_text import render",
        "from ..read import read_bytes",
        "from .. import write",
        "def later():\n    from listkit.read.canonical import record_from_object",
        "if TYPE_CHECKING:\n    from listkit.write import atomic",
        "importlib.import_module('listkit.read.sniff')",
        "open('order.json')",
        "Path('order.json').read_text()",
        "path.write_bytes(data)",
        "with path.open() as file:\n    pass",
    ],
)
def test_the_check_sees_each_impurity(source: str) -> None:
    assert impurities(source, ["listkit", "diff"]), source


@pytest.mark.parametrize(
    "source",
    [
        "from listkit.diff.model import Change",
        "from .model import Change",
        "import listkit.readers",
        "reader.open_sheet()",
    ],
)
def test_the_check_lets_the_rest_be(source: str) -> None:
    assert impurities(source, ["listkit", "diff"]) == []


# The column paths that mirror a record path (ARCHITECTURE.md): each must say, at its top, the measured figure
# that keeps it, and how to measure it again.
COLUMN_TWINS = (
    "read/column_rows.py",
    "read/column_body.py",
    "read/canonical_table.py",
    "write/canonical_columns.py",
    "validate/columnar.py",
)


@pytest.mark.parametrize("twin", COLUMN_TWINS)
def test_each_column_twin_states_the_figure_that_justifies_it(twin: str) -> None:
    import ast
    import re

    from tests.conftest import ROOT

    path = ROOT / "src" / "listkit" / twin
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert "Why a second path" in docstring and "benchmarks/bench_twins.py" in docstring, twin
    assert len(re.findall(r"\d+\.\d+ s", docstring)) >= 2, f"{twin}: both paths' times"
    switch = twin.rsplit("/", 1)[1].removesuffix(".py")
    assert f"--without {switch}" in docstring.replace("\n", " ").replace("[--without ", "--without "), twin
