"""listkit export FILE -o OUT — publishable catalogues: print-ready xlsx, static html, json, csv, md."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from listkit.cli.options import Files, Lang, SchemaOpt, use_lang

if TYPE_CHECKING:
    from listkit.i18n import Lang as LangCode
    from listkit.model import ItemList


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    html = "html"
    json = "json"
    csv = "csv"
    md = "md"


class GroupBy(StrEnum):
    type = "type"
    department = "department"


def export(
    files: Files,
    output: Annotated[str, typer.Option("-o", "--output", help="The publication to write.")],
    format: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", help="xlsx, html, json, csv or md (default: from the -o suffix).", show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title (default: the list's own, e.g. XX区权责清单（2023年版）).")
    ] = None,
    group_by: Annotated[
        GroupBy, typer.Option("--group-by", help="One xlsx sheet per power type or per department.")
    ] = GroupBy.type,
    schema: SchemaOpt = None,
    lang: Lang = None,
) -> None:
    """发布：生成可直接打印的 Excel、离线 HTML 目录与开放数据。 Publish a list as a catalogue."""
    from listkit.cli.inputs import read_inputs
    from listkit.cli.written import noting_controls
    from listkit.schema import load_schema
    from listkit.write import format_from_path
    from listkit.write.atomic import check_output, write_bytes_atomic
    from listkit.write.title import publication_title

    language = use_lang(lang)
    target = Path(output)
    fmt = format.value if format else format_from_path(target, tuple(f.value for f in ExportFormat))
    check_output(target, files)
    items = read_inputs(files, schema)
    loaded = load_schema(items.schema_name)
    heading = title or publication_title(items.meta, loaded, language)
    with noting_controls(str(target)):
        data = _publication(items, fmt, heading, group_by.value, language)
    write_bytes_atomic(target, data, files)


def _publication(items: ItemList, fmt: str, heading: str, group_by: str, language: LangCode) -> bytes:
    if fmt == "xlsx":
        from listkit.write.publish_xlsx import workbook_bytes

        data = workbook_bytes(items, heading, group_by, language)
    elif fmt == "html":
        from listkit.write.catalogue_html import html_bytes

        data = html_bytes(items, heading)
    elif fmt == "json":
        from listkit.write.opendata import json_bytes

        data = json_bytes(items, heading)
    elif fmt == "md":
        from listkit.write.opendata import markdown_bytes

        data = markdown_bytes(items, heading)
    else:
        from listkit.write.table import csv_bytes

        data = csv_bytes(items)
    return data
