"""listkit diff OLD NEW — additions, cancellations and adjustments between two editions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from listkit import __version__
from listkit.cli.format_option import format_option
from listkit.cli.options import Lang, Output, PasswordOpt, SchemaOpt, split_rules, use_lang
from listkit.errors import EXIT_FINDINGS, UsageError
from listkit.formats import renderer
from listkit.i18n import t


def diff(
    old: Annotated[str, typer.Argument(help="The earlier edition (xlsx, xls, csv, jsonl, json).", show_default=False)],
    new: Annotated[str, typer.Argument(help="The later edition.", show_default=False)],
    format: Annotated[str, format_option("diff")] = "text",
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
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """比对两个版本：新增、取消、调整（更名、类型、依据、主体、层级、合并、拆分）。 Compare two editions."""
    from listkit.cli.console import err
    from listkit.cli.deliver import deliver
    from listkit.diff import diff_lists, same_schema
    from listkit.diff.model import KINDS
    from listkit.formats.options import RenderOptions
    from listkit.read.git_revision import read_revision_or_file
    from listkit.render import diff_text

    language = use_lang(lang)
    entry = renderer("diff", format)
    kinds = split_rules(fail_on)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UsageError("bad-option", option="--fail-on", reason=f"{', '.join(unknown)} ∉ {', '.join(KINDS)}")
    target = Path(output) if output else None
    if entry.needs_file and target is None:
        raise UsageError("output-required")
    if target is not None:
        from listkit.write.atomic import check_output

        check_output(target, [old, new])
    # Either may be a git revision (REV:path) as well as a file.
    before = read_revision_or_file(old, schema, password=password)
    after = read_revision_or_file(new, schema, password=password)
    same_schema(before, after)
    changes = diff_lists(before, after, key=key, fuzzy=not no_fuzzy, min_score=min_score, cosmetic=show_cosmetic)
    options = RenderOptions(
        lang=language,
        version=__version__,
        show_cosmetic=show_cosmetic,
        title=t("diff.title", language, old=Path(old).name, new=Path(new).name),
    )
    deliver(entry, changes, options, str(target) if target else None, [old, new])
    err().print(diff_text.headline(changes, language), markup=False)
    failing = changes.has_differences if exit_code else False
    if kinds and any(changes.count(k) for k in kinds):
        failing = True
    if failing:
        raise typer.Exit(EXIT_FINDINGS)
