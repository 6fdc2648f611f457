"""listkit import FILE... -o OUT — many workbooks into one canonical list; --explain says what was understood."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Files, Lang, Output, SchemaOpt, use_lang


class ImportFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def import_(
    files: Files,
    output: Output = None,
    format: Annotated[
        ImportFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: from the -o suffix; jsonl on stdout).", show_default=False
        ),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show, per sheet, the header, column mapping and rows read or skipped.")
    ] = False,
    schema: SchemaOpt = None,
    lang: Lang = None,
) -> None:
    """导入：把一个或多个清单文件规范化为一份清单（jsonl/csv/json/xlsx）。

    Normalise list files into one canonical list.
    """
    from listkit.cli.console import out, write_data
    from listkit.cli.inputs import read_inputs
    from listkit.cli.written import noting_controls
    from listkit.write import canonical_chunks, canonical_writer, format_from_path
    from listkit.write.atomic import check_output, write_bytes_atomic

    language = use_lang(lang)
    target = Path(output) if output else None
    fmt = format.value if format else (format_from_path(target) if target else "jsonl")
    if target is not None:
        check_output(target, files)  # before the work: a wrong path should not cost a long read
    items = read_inputs(files, schema)
    if explain:
        from listkit.render.explain import render

        out().print(render(items, language))
    if target is not None:
        with noting_controls(str(target)):
            write_bytes_atomic(target, canonical_chunks(fmt)(items), files)
    elif not explain:
        with noting_controls("-"):
            data = canonical_writer(fmt)(items)
        if fmt == "xlsx":
            from listkit.errors import UsageError

            raise UsageError("output-required")
        write_data(data.decode("utf-8-sig"))
