"""Outputs appear whole or not at all: written to a temporary file beside the target, then renamed over it.

An interrupted or failing run leaves the previous output intact, and an input is never overwritten.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import queue
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from listkit.errors import InputError, OutputError, UsageError


def check_output(path: Path, inputs: Iterable[str | Path] = ()) -> None:
    target = path.resolve()
    for source in inputs:
        with contextlib.suppress(OSError):
            # The same file under another name too: a symbolic or a hard link to an input.
            if Path(source).resolve() == target or (target.exists() and os.path.samefile(source, target)):
                raise UsageError("output-is-input", file=str(path))
    if path.is_dir():
        raise InputError("is-directory", file=str(path))
    if target.exists() and not target.is_file():
        # '/dev/stdout', a pipe: renaming a finished file over it would replace the device itself.
        raise OutputError("output-not-a-file", file=str(path))
    if not target.parent.is_dir():
        raise InputError("output-dir-missing", file=str(path), directory=str(path.parent))


@contextlib.contextmanager
def atomic_output(path: Path, inputs: Iterable[str | Path] = ()) -> Iterator[IO[bytes]]:
    """A temporary file beside the output (beside the file a symbolic link points to: a rename never crosses
    file systems), renamed over it once written whole. Whatever fails or interrupts, it is removed."""
    check_output(path, inputs)
    target = path.resolve()
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 — closed or removed below, on every path
            dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
        )
    except OSError as exc:
        raise OutputError("output-failed", file=str(path), reason=exc.strerror or str(exc)) from None
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        # A temporary file is private (0600); the output gets the mode a plain new file would have, or
        # keeps the mode of the file it replaces.
        os.chmod(handle.name, _mode_for(target))
        os.replace(handle.name, target)
    except BaseException as exc:
        handle.close()
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        if isinstance(exc, OSError):  # a full disk, a file system gone read-only, a quota
            raise OutputError("output-failed", file=str(path), reason=exc.strerror or str(exc)) from None
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_bytes_atomic(path: Path, data: bytes | Iterable[bytes], inputs: Iterable[str | Path] = ()) -> None:
    """``data`` whole, or in chunks as a writer makes them (a million-line file is never held twice); the next
    chunk is made while this one is written."""
    with atomic_output(path, inputs) as handle:
        if isinstance(data, bytes):
            handle.write(data)
        else:
            for chunk in made_ahead(data):
                handle.write(chunk)


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_END = object()


def made_ahead(chunks: Iterable[bytes], depth: int = 2) -> Iterator[bytes]:
    """``chunks``, made in a helper thread up to ``depth`` ahead of the consumer. Writing a chunk and making
    the next (polars, orjson) both release the GIL, so on two cores they overlap. An error raised while making
    them is raised here; stopping early stops the helper."""
    made: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                made.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for chunk in chunks:
                if not put(chunk):
                    return
            put(_END)
        except BaseException as error:  # handed to the consumer, who raises it
            put(_Failed(error))

    # The helper sees this thread's context: the progress reporter and language live in context variables.
    helper = threading.Thread(target=contextvars.copy_context().run, args=(make,), daemon=True)
    helper.start()
    try:
        while (item := made.get()) is not _END:
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        helper.join()
