"""listkit: read, validate, diff and publish China's administrative item lists.

The library API is importable without the terminal layer::

    from listkit import read_list, validate_list
    items = read_list(["samples/district-power-list.xlsx"])
    report = validate_list(items)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from listkit.check import check_lists
    from listkit.read import read_list
    from listkit.stats import compute_stats
    from listkit.validate import validate_list

__all__ = ["__version__", "check_lists", "compute_stats", "read_list", "validate_list"]


def __getattr__(name: str) -> Any:
    # Lazy so that `import listkit` (and `listkit --help`) stays cheap.
    if name == "read_list":
        from listkit.read import read_list

        return read_list
    if name == "validate_list":
        from listkit.validate import validate_list

        return validate_list
    # Not `check`: that name is the listkit.check package, which importing it sets on this module.
    if name == "check_lists":
        from listkit.check import check_lists

        return check_lists
    if name == "compute_stats":
        from listkit.stats import compute_stats

        return compute_stats
    raise AttributeError(name)
