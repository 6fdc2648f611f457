"""The two streams: data goes to stdout, messages and progress to stderr."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def _width(stream_is_tty: bool) -> int | None:
    # Piped output is read in CI logs and files: don't squeeze Chinese text into 80 columns.
    if stream_is_tty:
        return None
    return int(os.environ.get("COLUMNS", "140"))


def out() -> Console:
    from rich.console import Console

    return Console(file=sys.stdout, width=_width(sys.stdout.isatty()), highlight=False, soft_wrap=False)


def err() -> Console:
    from rich.console import Console

    return Console(file=sys.stderr, width=_width(sys.stderr.isatty()), highlight=False)


def write_data(text: str) -> None:
    """Machine-readable output, byte for byte, to stdout."""
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
