"""The terminal face of listkit.progress: a rich bar on stderr, only for long work people are watching."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from listkit.cli.console import err
from listkit.progress import Advance, set_reporter

SHOW_AFTER_SECONDS = 0.5


def wanted(quiet: bool) -> bool:
    """Bars are for people at a terminal: never in CI, never with --quiet, never into a pipe or file."""
    if quiet or os.environ.get("LISTKIT_QUIET") or os.environ.get("CI"):
        return False
    return sys.stderr.isatty()


@contextmanager
def _bar(label: str, total: int | None) -> Iterator[Advance]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.monotonic()
    progress: Progress | None = None
    task = None
    done = 0

    def advance(n: int) -> None:
        nonlocal progress, task, done
        done += n
        if progress is None and time.monotonic() - started >= SHOW_AFTER_SECONDS:
            progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err(),
                transient=True,
            )
            progress.start()
            task = progress.add_task(label, total=total, completed=done)
        elif progress is not None and task is not None:
            progress.update(task, completed=done)

    try:
        yield advance
    finally:
        if progress is not None:
            progress.stop()


def install(quiet: bool) -> None:
    if wanted(quiet):
        set_reporter(_bar)
