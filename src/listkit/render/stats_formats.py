"""stats' formats behind the format registry (listkit/formats): each takes the Stats and RenderOptions."""

from __future__ import annotations

from json import dumps
from typing import TYPE_CHECKING

from listkit.formats.options import RenderOptions
from listkit.render.stats_text import render, render_csv, render_rates
from listkit.stats import Stats

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(stats: Stats, options: RenderOptions) -> list[RenderableType]:
    tables: list[RenderableType] = [render(stats, options.title, options.lang)]
    if stats.rates:
        tables.append(render_rates(stats, options.title, options.lang))
    return tables


def json(stats: Stats, _options: RenderOptions) -> str:
    return dumps(stats.as_json(), ensure_ascii=False, indent=2)


def csv(stats: Stats, options: RenderOptions) -> str:
    return render_csv(stats, options.lang)
