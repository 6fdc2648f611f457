"""listkit: read, validate, diff and publish China's administrative item lists.

The library for scripts (listkit/api.py), importable without the terminal layer; each function returns the
object the matching command renders::

    import listkit
    items = listkit.read_list("samples/county-list.xlsx")
    report = listkit.validate_list(items)                     # listkit validate
    result = listkit.check(items, "samples/city-catalogue.xlsx")  # listkit check
    listkit.export(items, "县清单.xlsx")                        # listkit export

``read_list``, ``validate_list``, ``diff``, ``apply``, ``check``, ``compute_stats`` and ``export`` are loaded on first
use, so that ``import listkit`` (and ``listkit --help``) stays cheap.

``listkit.diff`` and ``listkit.check`` are also the core's subpackages (``from listkit.diff import diff_lists``). One
attribute cannot hold two objects, and both are reached through it: Python's import system sets
``listkit.diff = <the package>`` whenever the package is first imported, ``import listkit.diff as d`` and
``monkeypatch.setattr("listkit.diff.…")`` look the package up by that attribute. So the attribute stays the
package, and the package is made callable as the library's function: ``listkit.diff(old, new)`` and ``from
listkit import diff; diff(old, new)`` call ``listkit.api.diff``, ``listkit.diff.diff_lists`` is still the core's.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from listkit.api import apply, check, compute_stats, diff, export, read_list, validate_list
    from listkit.check import check_lists

__all__ = [
    "__version__",
    "apply",
    "check",
    "check_lists",
    "compute_stats",
    "diff",
    "export",
    "read_list",
    "validate_list",
]

# The library's functions whose names are free on this module: looked up in listkit.api on first use.
_API = frozenset({"read_list", "validate_list", "apply", "compute_stats", "export"})
# The library's functions whose names are subpackages as well: the subpackage itself answers the call.
_CALLABLE_PACKAGES = frozenset({"diff", "check"})


class _CallablePackage(ModuleType):
    """listkit.diff and listkit.check: the core's subpackages, callable as the library's diff() and check()."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _api_function(self.__name__)(*args, **kwargs)

    @property
    def __wrapped__(self) -> Any:
        # inspect.signature() (and the tools built on it) follows __wrapped__: the call's parameters are the
        # library function's. A property, so that only asking for them loads listkit.api.
        return _api_function(self.__name__)


def _api_function(package: str) -> Any:
    from listkit import api  # on the first call only: listkit.api loads every layer

    return getattr(api, package.rpartition(".")[2])


class _Listkit(ModuleType):
    """This module's class: it turns listkit.diff and listkit.check into callable packages as they are set.

    The import system sets a subpackage on its parent as the last step of importing it, whichever way it is
    imported (``import listkit.diff.match``, ``from listkit.diff import x``, importlib), before any code can use
    the attribute; so hooking that assignment covers every route, with nothing to import ahead of time."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLABLE_PACKAGES and type(value) is ModuleType:
            value.__class__ = _CallablePackage  # the same module object: sys.modules and its globals keep it
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Listkit


def __getattr__(name: str) -> Any:
    # Lazy so that `import listkit` (and `listkit --help`) stays cheap.
    if name in _API:
        from listkit import api

        return getattr(api, name)
    if name == "diff":
        import listkit.diff as diff_package  # its import sets (and so makes callable) the attribute: see _Listkit

        return diff_package
    if name == "check":
        import listkit.check as check_package

        return check_package
    if name == "check_lists":  # the core function, exposed before listkit.check() was
        from listkit.check import check_lists

        return check_lists
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
