"""listkit validate FILE... — schema checks and list-level rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from listkit import __version__
from listkit.cli.format_option import format_option
from listkit.cli.options import Files, Lang, Output, PasswordOpt, SchemaOpt, split_rules, use_lang
from listkit.errors import EXIT_FINDINGS, UsageError
from listkit.formats import renderer

if TYPE_CHECKING:
    from listkit.read import ReadSource


def validate(
    files: Files,
    format: Annotated[str, format_option("validate")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings also fail (exit 1).")] = False,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rule ids (comma-separated, repeatable).")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Skip these rule ids (comma-separated, repeatable).")
    ] = None,
    max_errors: Annotated[
        int | None, typer.Option("--max-errors", min=0, help="List at most N errors (counts stay complete).")
    ] = None,
    output: Output = None,
    schema: SchemaOpt = None,
    password: PasswordOpt = None,
    lang: Lang = None,
) -> None:
    """校验清单：模式检查与清单级规则。 Validate lists against their schema and list-level rules."""
    from listkit.cli.console import err
    from listkit.cli.deliver import deliver
    from listkit.cli.inputs import read_each
    from listkit.formats.options import RenderOptions
    from listkit.render import validate_text
    from listkit.schema import candidate_schemas
    from listkit.validate import combine, resolve_rules, validate_list
    from listkit.write.atomic import check_output

    language = use_lang(lang)
    entry = renderer("validate", format)
    selected, ignored = split_rules(select), split_rules(ignore)
    if selected or ignored:  # unknown rule ids fail before any file is read (a schema may declare rules)
        resolve_rules(selected, ignored, candidate_schemas(schema))
    if entry.needs_file and output is None:
        raise UsageError("output-required")
    if entry.copies_input and len(files) != 1:
        raise UsageError("bad-option", option=f"--format {format}", reason="one input file at a time")
    if output is not None:
        check_output(Path(output), files)  # before the work: a wrong path should not cost a long read
    # A copy of the input is made from what the read parsed: kept only for a format that makes one.
    sources: list[ReadSource] | None = [] if entry.copies_input else None
    # Each file is its own list (own schema, own duplicates); the report covers them all.
    report = combine(
        (
            validate_list(items, select=selected, ignore=ignored)
            for items in read_each(files, schema, keep=sources, password=password)
        ),
        strict=strict,
        max_errors=max_errors,
    )
    options = RenderOptions(lang=language, version=__version__, sources=tuple(sources or ()))
    deliver(entry, report, options, output, files)
    err().print(validate_text.summary(report, language), style="green" if report.valid else "red")
    if not report.valid:
        raise typer.Exit(EXIT_FINDINGS)
