"""A command's result, rendered in the format chosen (listkit/formats), delivered: into the -o file, else on stdout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from listkit.cli.console import out, plain_text, write_data
from listkit.cli.written import noting_controls
from listkit.write.atomic import write_bytes_atomic

if TYPE_CHECKING:
    from rich.console import RenderableType

    from listkit.formats.options import RenderOptions
    from listkit.formats.registry import Rendered, Renderer


def deliver(entry: Renderer, result: object, options: RenderOptions, output: str | None, inputs: Sequence[str]) -> None:
    """``result`` as ``entry`` renders it, written to ``output`` (atomically; never over one of ``inputs``) or to
    stdout. A terminal renderer's text is coloured when stdout is a colour terminal, and plain in a file. A cell
    written with a control character is counted and warned about (written.py)."""
    render = entry.renderer()
    with noting_controls(output or "-"):
        if entry.terminal and output is None:
            console = out()
            color = console.is_terminal and not console.no_color
            for part in _renderables(render(result, replace(options, color=color))):
                console.print(part)
            return
        rendered = render(result, replace(options, color=False))
        data = _bytes(plain_text(_renderables(rendered)) if entry.terminal else rendered)
        if output is not None:
            write_bytes_atomic(Path(output), data, inputs)
        elif data:  # an empty rendering (github, no findings) prints nothing, not an empty line
            write_data(data.decode("utf-8"))


def _renderables(rendered: Rendered) -> Sequence[RenderableType]:
    if isinstance(rendered, str | bytes):
        raise TypeError("a renderer registered as terminal=True gave text, not renderables")
    return rendered


def _bytes(rendered: Rendered) -> bytes:
    if isinstance(rendered, bytes):
        return rendered
    if isinstance(rendered, str):
        return rendered.encode("utf-8")
    raise TypeError("renderables from a renderer not registered as terminal=True")
