"""stats' formats behind the format registry (listkit/formats): each takes the Stats and RenderOptions."""

from __future__ import annotations

from json import dumps
from typing import TYPE_CHECKING

from listkit.formats.options import RenderOptions
from listkit.render.stats_text import render, render_csv
from listkit.stats import Stats

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(stats: Stats, options: RenderOptions) -> list[RenderableType]:
    return [render(stats, options.title, options.lang)]


def json(stats: Stats, _options: RenderOptions) -> str:
    return dumps(stats.as_json(), ensure_ascii=False, indent=2)


def csv(stats: Stats, options: RenderOptions) -> str:
    return render_csv(stats, options.lang)
