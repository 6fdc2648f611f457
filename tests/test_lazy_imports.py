"""Imports inside functions only where they keep `listkit --help`, and commands that need no heavy package, fast.

An import written inside a function defers a cost, and used to hide an import cycle (there are none now:
test_import_cycles.py counts function-level imports too). listkit keeps one only where it pays:

1. Of listkit's own modules: only in a module that `listkit --help` loads (HELP, measured here in a subprocess), of
   a module it does not load — hoisting the import would load that module for --help. Every other one is at the
   top. (``listkit --version`` loads the same listkit modules: every command pays for HELP's.)
2. Of any other package, the standard library's included: only of a package in LAZY_PACKAGES, which are heavy —
   at least ~10 ms by ``python -X importtime -c "import X"`` and not loaded by every run (``listkit --version``).
   Every other one is at the top; and a heavy package is never imported at a module's top, where it would load
   for every importer of that module.

Imports under ``if TYPE_CHECKING:`` never run and are not counted. KEPT names the listkit imports left in a
function although rule 1 would hoist them, each with its reason.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SOURCE / "listkit"

# Heavy packages, imported only inside the functions that use them. Figures: median of 15 runs of
# `python -X importtime -c "import X"` (the module's cumulative time), then in brackets what X adds to what
# `listkit --version` has loaded already (the self times of X's modules it had not) — 2026-12-02, the dev box.
# A light package (under ~10 ms) is imported at the top; measured so: re2 6.5 ms [3.4], queue 4.0 [0.6],
# python_calamine 0.9 [1.0]; pathlib, json, shutil, tempfile, threading, io, contextvars and typer every run loads.
LAZY_PACKAGES: dict[str, str] = {
    "polars": "168 ms [128]: the columnar paths (canonical files, large sheets, validate); `--help`, `schema` and"
    " a workbook read cell by cell never load it",
    "numpy": "67 ms [44]: diff's fuzzy matching and the print layout's column widths only",
    "scipy": "461 ms [408] (scipy.optimize): the one-to-one choice among fuzzy candidates in diff only",
    "openpyxl": "188 ms [147]: the xlsx list and validate's annotated copy only",
    "xlsxwriter": "71 ms [35]: the change-order, check and template workbooks only",
    "rvgsrust_xlsxwriter": "2 ms: the print-ready publication only (a compiled extension: cheap to load, but it is"
    " the writer of one command's one format)",
    "jinja2": "53 ms [25]: the html pages only",
    "jsonschema": "83 ms [46]: checking a schema document itself, not the records",
    "referencing": "46 ms [24]: resolving a schema's $refs, with jsonschema",
    "jsonschema_specifications": "65 ms [35]: the meta-schemas a schema is checked against, with jsonschema",
    "rich": "42 ms [21] (rich.console; rich.progress 63 [38]): terminal output and progress bars. `listkit --help`"
    " loads it only because Typer draws the help with it; `--version`, -o files and json output never need it"
    " (hoisted into schema_cmd.py it cost `listkit --version` 25 ms)",
    "rapidfuzz": "24 ms [11]: diff's and check's fuzzy matching only; apply imports listkit.diff without matching",
    "xlrd": "42 ms [9]: .xls files only, though hidden.py, which imports it, is loaded by every read",
    "fastexcel": "29 ms [7]: large .xlsx sheets read as columns only",
    "fastjsonschema": "17 ms [3]: validate's record-by-record schema check only, though listkit.schema, which"
    " imports it, is loaded by every command",
    "orjson": "22 ms [1]: canonical json reads and writes. Heavy by the rule's figure, though its own cost is ~1 ms"
    " (the rest is dataclasses, uuid … that listkit has loaded): it could go to the top at no real cost",
    # Lists as published (one run each, 2026-12-02): read only when such a file is given.
    "lxml": "39 ms (lxml.html): web pages only",
    "docx": "86 ms (python-docx): Word documents only",
    "pdfplumber": "113 ms: PDF files only",
    "pdfminer": "pdfplumber's parser, with it: PDF files only",
    "pypdfium2": "pdfplumber's renderer, with it: PDF files only",
    "msoffcrypto": "24 ms (msoffcrypto-tool): workbooks locked with a password only",
    "olefile": "28 ms: telling an OLE file's kind (.xls or a Word document) by its streams only",
}

# listkit imports rule 1 would hoist, left inside a function: (file under src/, module imported) → why.
KEPT: dict[tuple[str, str], str] = {}

# Loaded by `listkit --help` though listed above: Typer's help formatter imports them, not listkit.
HELP_FORMATTER_PACKAGES = frozenset({"rich"})

# listkit's layers, none of which --help may load.
LAYERS = ("read", "write", "render", "validate", "diff", "check")

_PROBE = """
import contextlib, io, json, sys
from listkit.cli.app import run
with contextlib.redirect_stdout(io.StringIO()):
    code = run(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]))
"""


@cache
def loaded_by(*argv: str) -> frozenset[str]:
    """The modules a fresh interpreter holds after ``listkit *argv``."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, (argv, done.stderr)
    return frozenset(modules)


def help_modules() -> frozenset[str]:
    return loaded_by("--help")


class Import(NamedTuple):
    file: str  # under src/, e.g. listkit/cli/app.py
    line: int
    module: str  # the module the import is written in
    target: str  # a listkit module, or the top-level package of anything else
    statement: str
    in_function: bool

    @property
    def own(self) -> bool:
        return _own(self.target)

    @property
    def where(self) -> str:
        return f"src/{self.file}:{self.line}: `{self.statement}`"


def _own(name: str) -> bool:
    return name == "listkit" or name.startswith("listkit.")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement under ``node`` with whether a function holds it; none under ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for statement in child.orelse:
                yield from _import_nodes_of(statement, in_function)
            continue
        yield from _import_nodes_of(child, in_function)


def _import_nodes_of(node: ast.AST, in_function: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node, in_function
    inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    yield from _import_nodes(node, inner)


def imports(file: str, module: str, is_package: bool, source: str, modules: set[str]) -> list[Import]:
    """The imports of a module's source, each with what it imports: a listkit module as test_import_cycles.py
    resolves one (``from listkit.a import b`` is listkit.a.b if that is a module, else listkit.a), or the
    top-level package of anything else."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node, in_function in _import_nodes(ast.parse(source)):
        statement = ast.unparse(node)
        if isinstance(node, ast.Import):
            targets = [alias.name if _own(alias.name) else alias.name.split(".")[0] for alias in node.names]
        else:
            base = node.module or ""
            if node.level:  # relative: '.' is the package itself, '..' its parent
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if _own(base):
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names
                ]
            else:
                targets = [base.split(".")[0]]
        for target in dict.fromkeys(targets):
            found.append(Import(file, node.lineno, module, target, statement, in_function))
    return found


def all_imports() -> list[Import]:
    paths = sorted(PACKAGE.rglob("*.py"))
    names = {}
    for path in paths:
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[path] = ".".join(parts)
    modules = set(names.values())
    return [
        found
        for path in paths
        for found in imports(
            path.relative_to(SOURCE).as_posix(),
            names[path],
            path.name == "__init__.py",
            path.read_text(encoding="utf-8"),
            modules,
        )
    ]


def offence(found: Import, help_loads: frozenset[str]) -> str | None:
    """Why an import breaks the policy, or None."""
    if not found.in_function:
        if not found.own and found.target in LAZY_PACKAGES:
            return (
                f"{found.where} at the top of {found.module}: {found.target} is heavy (LAZY_PACKAGES) and loads here"
                " for every importer of the module — import it inside the functions that use it"
            )
        return None
    if found.own:
        if (found.file, found.target) in KEPT:
            return None
        if found.module not in help_loads:
            return (
                f"{found.where} inside a function: `listkit --help` does not load {found.module}, so importing"
                f" {found.target} late saves --help nothing (rule 1) — import it at the top"
            )
        if found.target in help_loads:
            return (
                f"{found.where} inside a function: `listkit --help` loads {found.target} anyway (rule 1) — import"
                " it at the top"
            )
        return None
    if found.target in LAZY_PACKAGES:
        return None
    return (
        f"{found.where} inside a function: {found.target} is not in LAZY_PACKAGES (rule 2) — a light package is"
        " imported at the top; a heavy one is measured and added there, with its figure and reason"
    )


def test_imports_inside_functions_follow_the_policy() -> None:
    help_loads = help_modules()
    found = [message for imported in all_imports() if (message := offence(imported, help_loads))]
    assert not found, "\n".join(found)


def test_help_loads_no_layer_and_no_heavy_package() -> None:
    help_loads = help_modules()
    layers = sorted(m for m in help_loads if m.split(".")[:2] in [["listkit", layer] for layer in LAYERS])
    assert not layers, f"`listkit --help` loads {', '.join(layers)}"
    heavy = sorted({m.split(".")[0] for m in help_loads} & (set(LAZY_PACKAGES) - HELP_FORMATTER_PACKAGES))
    assert not heavy, f"`listkit --help` loads {', '.join(heavy)} (LAZY_PACKAGES)"


def test_no_heavy_package_is_loaded_by_every_run() -> None:
    """A package `listkit --version` loads is loaded by every command: importing it late would save nothing."""
    every_run = {m.split(".")[0] for m in loaded_by("--version")}
    assert not every_run & set(LAZY_PACKAGES), sorted(every_run & set(LAZY_PACKAGES))
    assert every_run & HELP_FORMATTER_PACKAGES == set()
    assert {m for m in help_modules() if m.startswith("listkit")} == {
        m for m in loaded_by("--version") if m.startswith("listkit")
    }


def test_every_entry_is_still_needed() -> None:
    """No stale entries: each heavy package is still imported late somewhere, each KEPT import still exists and
    would break rule 1 without its entry."""
    found = all_imports()
    late = {imported.target for imported in found if imported.in_function and not imported.own}
    assert set(LAZY_PACKAGES) <= late, sorted(set(LAZY_PACKAGES) - late)
    help_loads = help_modules()
    for key in KEPT:
        matches = [i for i in found if i.in_function and (i.file, i.target) == key]
        assert matches, f"KEPT {key}: no such import inside a function any more"
        assert all(i.module not in help_loads or i.target in help_loads for i in matches), f"KEPT {key} is not needed"


MODULES = {"listkit", "listkit.a", "listkit.a.b", "listkit.c"}


def _imports(source: str, module: str = "listkit.a.x") -> list[tuple[int, str, bool]]:
    return [(i.line, i.target, i.in_function) for i in imports("f.py", module, False, source, MODULES)]


def test_the_walker_resolves_and_places_each_import() -> None:
    source = """
from typing import TYPE_CHECKING
import polars as pl
if TYPE_CHECKING:
    import numpy
else:
    import orjson
def f():
    from listkit.a import b, name
    import xml.etree.ElementTree
    from . import b
    from .. import c
    class Inner:
        def g(self):
            import listkit.a.b
    return lambda: __import__("json")
async def h():
    from rich.text import Text
"""
    assert _imports(source) == [
        (2, "typing", False),
        (3, "polars", False),
        (7, "orjson", False),
        (9, "listkit.a.b", True),
        (9, "listkit.a", True),  # 'name' is not a module
        (10, "xml", True),
        (11, "listkit.a.b", True),
        (12, "listkit.c", True),
        (15, "listkit.a.b", True),
        (18, "rich", True),
    ]


@pytest.mark.parametrize(
    ("source", "module", "broken"),
    [
        ("def f():\n    from listkit.a import b", "listkit.c", True),  # --help does not load listkit.c
        ("def f():\n    from listkit.a import name", "listkit", True),  # --help loads listkit.a anyway
        ("def f():\n    from listkit.a import b", "listkit.a", False),  # the one lazy import that pays
        ("def f():\n    import polars", "listkit.c", False),
        ("def f():\n    import json", "listkit.a", True),
        ("def f():\n    from re2 import Options", "listkit.c", True),
        ("import polars", "listkit.c", True),  # heavy, at a module's top
        ("import json\nfrom listkit.a import b", "listkit.c", False),
        ("if TYPE_CHECKING:\n    import polars", "listkit.c", False),
    ],
)
def test_each_rule_is_seen(source: str, module: str, broken: bool) -> None:
    help_loads = frozenset({"listkit", "listkit.a"})
    found = imports("f.py", module, module == "listkit", source, MODULES)
    assert any(offence(i, help_loads) for i in found) is broken, [offence(i, help_loads) for i in found]
