"""listkit stats FILE... — counts by type, department, level or any field; rates of yes/no fields."""

from __future__ import annotations

from typing import Annotated

import typer

from listkit import __version__
from listkit.cli.format_option import format_option
from listkit.cli.options import Files, Lang, PasswordOpt, SchemaOpt, use_lang
from listkit.formats import renderer


def stats(
    files: Files,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Group by type, department, level, or any schema field (its key or title, e.g. remark or 备注); "
            "default: type, or department for a list without types.",
            show_default=False,
        ),
    ] = None,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            help="FIELD or FIELD=VALUE: the share of records whose FIELD says yes (是, √, Y …) or equals VALUE, "
            "per group and in total. Repeatable.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[str, format_option("stats")] = "text",
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """统计：按权力类型、部门、层级或任一字段计数（含合计），并可计算比率。 Count records and items by type,
    department, level or any field; with --rate, the share of records whose field says yes."""
    from listkit.cli.deliver import deliver
    from listkit.cli.inputs import read_inputs
    from listkit.formats.options import RenderOptions
    from listkit.schema import load_schema
    from listkit.stats import compute_stats

    language = use_lang(lang)
    entry = renderer("stats", format)
    items = read_inputs(files, schema, password)
    result = compute_stats(items, by, rates=rate or ())
    loaded = load_schema(items.schema_name)
    title = items.meta.title or (loaded.title if language == "zh" else loaded.title_en)
    deliver(entry, result, RenderOptions(lang=language, version=__version__, title=title), None, files)
