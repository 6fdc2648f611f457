"""listkit stats FILE... — counts by type, department or level."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from listkit.cli.options import Files, Lang, SchemaOpt, use_lang


class StatsBy(StrEnum):
    type = "type"
    department = "department"
    level = "level"


class StatsFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


def stats(
    files: Files,
    by: Annotated[StatsBy, typer.Option("--by", help="Group by type, department or level.")] = StatsBy.type,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help="Output format.")] = StatsFormat.text,
    schema: SchemaOpt = None,
    lang: Lang = None,
) -> None:
    """统计：按权力类型、部门或层级计数（含合计）。 Count records and items by type, department or level."""
    from listkit.cli.console import out, write_data
    from listkit.cli.inputs import read_inputs
    from listkit.schema import load_schema
    from listkit.stats import compute_stats

    language = use_lang(lang)
    items = read_inputs(files, schema)
    result = compute_stats(items, by.value)
    if format is StatsFormat.json:
        import json

        write_data(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    elif format is StatsFormat.csv:
        from listkit.cli.written import noting_controls
        from listkit.render.stats_text import render_csv

        with noting_controls("-"):
            text = render_csv(result, language)
        write_data(text)
    else:
        from listkit.render.stats_text import render

        loaded = load_schema(items.schema_name)
        title = items.meta.title or (loaded.title if language == "zh" else loaded.title_en)
        out().print(render(result, title, language))
