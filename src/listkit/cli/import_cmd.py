"""listkit import FILE... -o OUT — many workbooks into one canonical list; --explain says what was understood."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.format_option import format_option
from listkit.cli.options import Files, Lang, Output, PasswordOpt, SchemaOpt, use_lang
from listkit.errors import UsageError
from listkit.formats import list_writer, names

STDOUT_FORMAT = "jsonl"


def import_(
    files: Files,
    output: Output = None,
    format: Annotated[
        str | None,
        format_option("import", note=f"Default: from the -o suffix; {STDOUT_FORMAT} on stdout.", show_default=False),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show, per sheet, the header, column mapping and rows read or skipped.")
    ] = False,
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """导入：把一个或多个清单文件规范化为一份清单（jsonl/csv/json/xlsx）。

    Normalise list files into one canonical list.
    """
    from listkit.cli.console import out, write_data
    from listkit.cli.inputs import read_inputs
    from listkit.cli.written import noting_controls
    from listkit.formats.options import WriteOptions
    from listkit.write import format_from_path, joined
    from listkit.write.atomic import check_output, write_bytes_atomic

    language = use_lang(lang)
    target = Path(output) if output else None
    entry = list_writer("import", format or (format_from_path(target, names("import")) if target else STDOUT_FORMAT))
    if target is None and entry.needs_file and not explain:
        raise UsageError("output-required")  # before the work: a binary list has nowhere to go
    if target is not None:
        check_output(target, files)  # before the work: a wrong path should not cost a long read
    items = read_inputs(files, schema, password)
    if explain:
        from listkit.render.explain import render

        out().print(render(items, language))
    write = entry.writer()
    if target is not None:
        with noting_controls(str(target)):
            write_bytes_atomic(target, write(items, WriteOptions(lang=language)), files)
    elif not explain:
        with noting_controls("-"):
            data = joined(write(items, WriteOptions(lang=language)))
        write_data(data.decode("utf-8-sig"))
