"""listkit cat FILE — a list as canonical text on stdout, one record per line: a git textconv driver."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Lang, PasswordOpt, SchemaOpt, use_lang


def cat(
    file: Annotated[str, typer.Argument(help="A list file (xlsx, xls, ods, csv, jsonl …).", show_default=False)],
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """以规范文本输出清单，每条记录一行（可作 git textconv）。 Print a list as canonical text, one record per line."""
    from listkit.cli.console import write_data
    from listkit.read.git_revision import read_as_named
    from listkit.render.cat_text import cat_text

    language = use_lang(lang)
    write_data(cat_text(read_as_named(Path(file), schema, password=password), language))
