"""listkit apply BASE CHANGES -o NEW — replay a change order (diff's json, or a 调整情况表 workbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Lang, PasswordOpt, SchemaOpt, use_lang
from listkit.i18n import t


def apply(
    base: Annotated[str, typer.Argument(help="The list to change.", show_default=False)],
    changes: Annotated[str, typer.Argument(help="Change order: diff --format json or xlsx.", show_default=False)],
    output: Annotated[str, typer.Option("-o", "--output", help="Write the new list here (jsonl, json, csv, xlsx).")],
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """应用变更单，生成新版本（任一变更不符合底本时不写出任何文件）。 Apply a change order to a base list."""
    from listkit.cli.console import err
    from listkit.cli.written import noting_controls
    from listkit.diff.apply import apply_entries
    from listkit.read import read_list
    from listkit.read.change_order import read_change_order
    from listkit.write import canonical_chunks, format_from_path
    from listkit.write.atomic import check_output, write_bytes_atomic

    language = use_lang(lang)
    target = Path(output)
    fmt = format_from_path(target)
    check_output(target, [base, changes])
    items = read_list([base], schema, password=password)
    entries = read_change_order(Path(changes), items.schema_name)
    result = apply_entries(items, entries)
    with noting_controls(str(target)):
        write_bytes_atomic(target, canonical_chunks(fmt)(result), [base, changes])
    err().print(t("apply.done", language, changes=len(entries), before=len(items.records), after=len(result.records)))
