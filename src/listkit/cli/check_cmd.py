"""listkit check LIST... --against REF... — a list held against the catalogue it must follow."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from listkit import __version__
from listkit.cli.format_option import format_option
from listkit.cli.options import Files, Lang, Output, PasswordOpt, SchemaOpt, split_rules, use_lang
from listkit.errors import EXIT_FINDINGS, UsageError
from listkit.formats import renderer


class Scope(StrEnum):
    both = "both"
    covers = "covers"
    within = "within"


class CheckBy(StrEnum):
    department = "department"


def check(
    files: Files,
    against: Annotated[
        list[str],
        typer.Option(
            "--against", help="The catalogue the list must follow (repeat for several files).", show_default=False
        ),
    ],
    level: Annotated[
        str | None,
        typer.Option(
            "--level", help="The list's level, e.g. 县级 (default: from its level column).", show_default=False
        ),
    ] = None,
    scope: Annotated[
        Scope,
        typer.Option("--scope", help="covers: what the catalogue requires; within: what the list has beyond it; both."),
    ] = Scope.both,
    by: Annotated[CheckBy | None, typer.Option("--by", help="Also count per department.", show_default=False)] = None,
    compare: Annotated[
        list[str] | None,
        typer.Option(
            "--compare", help="Also compare these fields (comma-separated; body, office …).", show_default=False
        ),
    ] = None,
    cancelled: Annotated[
        list[str] | None,
        typer.Option(
            "--cancelled", help="Items cancelled since the catalogue was published (repeatable).", show_default=False
        ),
    ] = None,
    format: Annotated[str, format_option("check")] = "text",
    output: Output = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when items have these statuses (default: differs,missing,extra,out-of-level).",
            show_default=False,
        ),
    ] = None,
    no_fuzzy: Annotated[bool, typer.Option("--no-fuzzy", help="Only exact matches (code, identity).")] = False,
    min_score: Annotated[float, typer.Option("--min-score", help="Lowest similarity (0–1) for a fuzzy match.")] = 0.8,
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    against_schema: Annotated[
        str | None,
        typer.Option(
            "--against-schema",
            help="The catalogue's schema where it is another list's (a derived list's master); default: --schema, "
            "else detected. LIST's schema: --schema, else the catalogue's own schema file, else detected.",
            show_default=False,
        ),
    ] = None,
    lang: Lang = None,
) -> None:
    """对照目录：承接一致、不一致、未承接、超出目录、层级不符。 Hold a list against its catalogue."""
    from listkit.check import check_lists, list_schema_for
    from listkit.check.model import FAILING_BY_DEFAULT, STATUSES
    from listkit.cli.console import err
    from listkit.cli.deliver import deliver
    from listkit.cli.inputs import read_inputs
    from listkit.formats.options import RenderOptions
    from listkit.render.check_text import headline, title

    language = use_lang(lang)
    entry = renderer("check", format)
    failing = tuple(split_rules(fail_on)) or FAILING_BY_DEFAULT
    unknown = [status for status in failing if status not in STATUSES]
    if unknown:
        raise UsageError("bad-option", option="--fail-on", reason=f"{', '.join(unknown)} ∉ {', '.join(STATUSES)}")
    target = Path(output) if output else None
    inputs = [*files, *against, *(cancelled or [])]
    if entry.needs_file and target is None:
        raise UsageError("output-required")
    if target is not None:
        from listkit.write.atomic import check_output

        check_output(target, inputs)
    reference = read_inputs(against, against_schema or schema, password)
    items = read_inputs(files, schema or list_schema_for(reference.schema_name), password)
    gone = read_inputs(cancelled, reference.schema_name, password) if cancelled else None
    result = check_lists(
        items,
        reference,
        level=level,
        scope=scope.value,
        compare=split_rules(compare),
        cancelled=gone,
        fuzzy=not no_fuzzy,
        min_score=min_score,
    )
    heading = title(result, language, names_only=True)
    options = RenderOptions(lang=language, version=__version__, title=heading, by_department=by is not None)
    deliver(entry, result, options, str(target) if target else None, inputs)
    err().print(headline(result, language), markup=False)
    if result.fails_on(failing):
        raise typer.Exit(EXIT_FINDINGS)
