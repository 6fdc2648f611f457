"""Options shared by every command, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

from listkit.i18n import Lang as Language
from listkit.i18n import resolve_lang, set_lang
from listkit.schema_bundled import BUNDLED

Lang = Annotated[
    str | None,
    typer.Option("--lang", envvar="LISTKIT_LANG", help="Message language: zh (default) or en.", show_default=False),
]
SchemaOpt = Annotated[
    str | None,
    typer.Option(
        "--schema",
        help=f"Bundled schema name ({', '.join(BUNDLED)}) or a JSON Schema file; default: from the headers.",
        show_default=False,
    ),
]
PasswordOpt = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar="LISTKIT_PASSWORD",
        help="The password that opens locked workbooks (xlsx, xls).",
        show_default=False,
    ),
]
Files = Annotated[list[str], typer.Argument(help="List files: xlsx, xls, csv, jsonl, json.", show_default=False)]
Output = Annotated[str | None, typer.Option("-o", "--output", help="Write to this file.", show_default=False)]


def split_rules(values: list[str] | None) -> list[str]:
    """'--select a,b --select c' → ['a', 'b', 'c']."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def use_lang(value: str | None) -> Language:
    """Settle the message language for this command (option, else LISTKIT_LANG, else zh)."""
    lang = resolve_lang(value)
    set_lang(lang)
    return lang
