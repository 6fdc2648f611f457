"""Bulk work without garbage-collector pauses.

Reading or checking a large list allocates hundreds of thousands of small containers that all stay alive;
CPython's cyclic collector would rescan them again and again (measured: read and validate ~1.5–2× slower).
Nothing in these passes creates reference cycles worth collecting early, so the collector waits until the
pass is over.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk(*, freeze: bool = True) -> Iterator[None]:
    """``freeze=False`` for a pass whose allocations die with it (writing an output)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            # What a pass leaves alive (the records) lives on for the rest of the run: move it out of the
            # collector's sight, or its first full collection afterwards rescans it all (2.7 s at a million records).
            gc.freeze()
        if enabled:
            gc.enable()
