"""listkit export FILE -o OUT — publishable catalogues: print-ready xlsx, static html, json, csv, md."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.format_option import format_option
from listkit.cli.options import Files, Lang, PasswordOpt, SchemaOpt, use_lang
from listkit.formats import names


class GroupBy(StrEnum):
    type = "type"
    department = "department"


def export(
    files: Files,
    output: Annotated[str, typer.Option("-o", "--output", help="The publication to write.")],
    format: Annotated[
        str | None,
        format_option("export", note="Default: from the -o suffix.", output_required=True, show_default=False),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title (default: the list's own, e.g. XX区权责清单（2023年版）).")
    ] = None,
    group_by: Annotated[
        GroupBy, typer.Option("--group-by", help="One xlsx sheet per power type or per department.")
    ] = GroupBy.type,
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """发布：生成可直接打印的 Excel、离线 HTML 目录与开放数据。 Publish a list as a catalogue."""
    from listkit.cli.inputs import read_inputs
    from listkit.cli.written import noting_controls
    from listkit.write import format_from_path
    from listkit.write.atomic import check_output, write_bytes_atomic
    from listkit.write.export import publication

    language = use_lang(lang)
    target = Path(output)
    fmt = format or format_from_path(target, names("export"))
    check_output(target, files)
    items = read_inputs(files, schema, password)
    with noting_controls(str(target)):
        data = publication(items, fmt, title=title, group_by=group_by.value, lang=language)
        write_bytes_atomic(target, data, files)
