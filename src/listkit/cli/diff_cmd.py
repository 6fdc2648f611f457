"""listkit diff OLD NEW — additions, cancellations and adjustments between two editions."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Lang, Output, SchemaOpt, split_rules, use_lang


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"


def diff(
    old: Annotated[str, typer.Argument(help="The earlier edition (xlsx, xls, csv, jsonl, json).", show_default=False)],
    new: Annotated[str, typer.Argument(help="The later edition.", show_default=False)],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    output: Output = None,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the editions differ.")] = False,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", help="Exit 1 when there are changes of these kinds: added,cancelled,adjusted."),
    ] = None,
    key: Annotated[
        str | None, typer.Option("--key", help="Match on this field first (default: the item code).")
    ] = None,
    no_fuzzy: Annotated[bool, typer.Option("--no-fuzzy", help="Only exact matches (code, identity).")] = False,
    min_score: Annotated[float, typer.Option("--min-score", help="Lowest similarity (0–1) for a fuzzy match.")] = 0.8,
    show_cosmetic: Annotated[
        bool, typer.Option("--show-cosmetic", help="Also list whitespace/width-only and 序号-only differences.")
    ] = False,
    schema: SchemaOpt = None,
    lang: Lang = None,
) -> None:
    """比对两个版本：新增、取消、调整（更名、类型、依据、主体、层级、合并、拆分）。 Compare two editions."""
    from listkit import __version__
    from listkit.cli.console import err, out, plain_text, write_data
    from listkit.diff import diff_lists, same_schema
    from listkit.diff.model import KINDS
    from listkit.errors import EXIT_FINDINGS, UsageError
    from listkit.read import read_list
    from listkit.render import diff_text

    language = use_lang(lang)
    kinds = split_rules(fail_on)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError("bad-option", option="--fail-on", reason=f"{', '.join(unknown)} ∉ {', '.join(KINDS)}")
    target = Path(output) if output else None
    if format in (DiffFormat.xlsx, DiffFormat.html) and target is None:
        raise UsageError("output-required")
    if target is not None:
        from listkit.write.atomic import check_output

        check_output(target, [old, new])
    before, after = read_list([old], schema), read_list([new], schema)
    same_schema(before, after)
    changes = diff_lists(before, after, key=key, fuzzy=not no_fuzzy, min_score=min_score, cosmetic=show_cosmetic)
    data: bytes | None = None
    if format is DiffFormat.json:
        import orjson

        from listkit.diff.changeorder import changeset_json

        # orjson: a province's change list is tens of thousands of records (json.dumps took seconds).
        data = orjson.dumps(changeset_json(changes, __version__, show_cosmetic), option=orjson.OPT_INDENT_2) + b"\n"
    elif format is DiffFormat.markdown:
        from listkit.render import diff_markdown

        data = diff_markdown.render(changes, language, show_cosmetic).encode("utf-8")
    elif format is DiffFormat.html:
        from listkit.render import diff_html

        data = diff_html.render(changes, language, show_cosmetic, __version__).encode("utf-8")
    elif format is DiffFormat.xlsx:
        from listkit.cli.written import noting_controls
        from listkit.i18n import t
        from listkit.write.change_order_xlsx import workbook_bytes

        title = t("diff.title", language, old=Path(old).name, new=Path(new).name)
        with noting_controls(str(target)):
            data = workbook_bytes(changes, language, show_cosmetic, title)
    elif target is not None:  # text into a file: plain, without colour
        data = plain_text(diff_text.render(changes, language, show_cosmetic, color=False)).encode("utf-8")
    if data is not None and target is not None:
        from listkit.write.atomic import write_bytes_atomic

        write_bytes_atomic(target, data, [old, new])
    elif data is not None:
        write_data(data.decode("utf-8"))
    else:
        console = out()
        color = console.is_terminal and not console.no_color
        for part in diff_text.render(changes, language, show_cosmetic, color):
            console.print(part)
    err().print(diff_text.headline(changes, language), markup=False)
    failing = changes.has_differences if exit_code else False
    if kinds and any(changes.count(k) for k in kinds):
        failing = True
    if failing:
        raise typer.Exit(EXIT_FINDINGS)
