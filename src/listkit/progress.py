"""Progress as a wrapper the core just calls: ``with track(t("progress.read", where=f), total) as advance: advance(n)``.

The core never knows whether anyone is watching. By default nothing is shown; the CLI installs a reporter that
draws a bar on stderr when stderr is a terminal, the work is long, and neither --quiet nor CI asked for silence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar

Advance = Callable[[int], None]
Reporter = Callable[[str, int | None], AbstractContextManager[Advance]]


@contextmanager
def _silent(_label: str, _total: int | None) -> Iterator[Advance]:
    yield lambda _n: None


_reporter: ContextVar[Reporter] = ContextVar("listkit_progress", default=_silent)


def set_reporter(reporter: Reporter) -> None:
    _reporter.set(reporter)


def track(label: str, total: int | None = None) -> AbstractContextManager[Advance]:
    return _reporter.get()(label, total)
