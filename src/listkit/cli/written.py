"""What the CLI says about an output once it is written: how many cells held control characters (cells.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from listkit.cells import tallied
from listkit.cli.console import err
from listkit.i18n import t


@contextmanager
def noting_controls(target: str) -> Iterator[None]:
    """Around the writing of ``target`` (a path, or '-' for stdout): a warning on stderr if any cell written
    held a control character. Nothing is said when the write fails: its error is the message."""
    with tallied() as tally:
        yield
    if tally.controls:
        text = t("warn.control-chars", file=target, cells=f"{tally.controls:,}")
        err().print(text, style="yellow", markup=False, highlight=False)
