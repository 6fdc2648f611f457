"""The two streams: data goes to stdout, messages and progress to stderr."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


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

    # soft_wrap: a message is one line however long its paths are — wrapped at the width, a CI log broke a file
    # name or a word in two, and grep no longer found it.
    return Console(file=sys.stderr, width=_width(sys.stderr.isatty()), highlight=False, soft_wrap=True)


def write_data(text: str) -> None:
    """Machine-readable output, byte for byte, to stdout."""
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


def plain_text(parts: Iterable[RenderableType]) -> str:
    """Rich renderables as plain text for a file: no colour codes, a comfortable width."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=140, no_color=True, highlight=False, color_system=None)
    for part in parts:
        console.print(part)
    return buffer.getvalue()
