"""listkit stats FILE... — counts by type, department or level."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from listkit import __version__
from listkit.cli.format_option import format_option
from listkit.cli.options import Files, Lang, SchemaOpt, use_lang
from listkit.formats import renderer


class StatsBy(StrEnum):
    type = "type"
    department = "department"
    level = "level"


def stats(
    files: Files,
    by: Annotated[StatsBy, typer.Option("--by", help="Group by type, department or level.")] = StatsBy.type,
    format: Annotated[str, format_option("stats")] = "text",
    schema: SchemaOpt = None,
    lang: Lang = None,
) -> None:
    """统计：按权力类型、部门或层级计数（含合计）。 Count records and items by type, department or level."""
    from listkit.cli.deliver import deliver
    from listkit.cli.inputs import read_inputs
    from listkit.formats.options import RenderOptions
    from listkit.schema import load_schema
    from listkit.stats import compute_stats

    language = use_lang(lang)
    entry = renderer("stats", format)
    items = read_inputs(files, schema)
    result = compute_stats(items, by.value)
    loaded = load_schema(items.schema_name)
    title = items.meta.title or (loaded.title if language == "zh" else loaded.title_en)
    deliver(entry, result, RenderOptions(lang=language, version=__version__, title=title), None, files)
