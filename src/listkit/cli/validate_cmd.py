"""listkit validate FILE... — schema checks and list-level rules."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Files, Lang, Output, SchemaOpt, split_rules


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    xlsx = "xlsx"


def validate(
    files: Files,
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="Output format.")] = ValidateFormat.text,
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
    lang: Lang = None,
) -> None:
    """校验清单：模式检查与清单级规则。 Validate lists against their schema and list-level rules."""
    from listkit import __version__
    from listkit.cli.console import emit, err, out, plain_text
    from listkit.cli.inputs import read_each
    from listkit.cli.options import use_lang
    from listkit.errors import EXIT_FINDINGS, UsageError
    from listkit.render import validate_text
    from listkit.validate import combine, resolve_rules, validate_list
    from listkit.write.atomic import check_output

    language = use_lang(lang)
    selected, ignored = split_rules(select), split_rules(ignore)
    resolve_rules(selected, ignored)  # unknown rule ids fail before any file is read
    if format is ValidateFormat.xlsx and output is None:
        raise UsageError("output-required")
    if format is ValidateFormat.xlsx and len(files) != 1:
        raise UsageError("bad-option", option="--format xlsx", reason="one input file at a time")
    if output is not None:
        check_output(Path(output), files)  # before the work: a wrong path should not cost a long read
    # Each file is its own list (own schema, own duplicates); the report covers them all.
    report = combine(
        (validate_list(items, select=selected, ignore=ignored) for items in read_each(files, schema)),
        strict=strict,
        max_errors=max_errors,
    )
    if format is ValidateFormat.json:
        import json

        emit(json.dumps(report.as_json(language, __version__), ensure_ascii=False, indent=2), output, files)
    elif format is ValidateFormat.xlsx:
        from listkit.cli.written import noting_controls
        from listkit.write.annotated import annotated_bytes
        from listkit.write.atomic import write_bytes_atomic

        assert output is not None
        with noting_controls(output):
            write_bytes_atomic(Path(output), annotated_bytes(Path(files[0]), report, language), files)
    elif format is ValidateFormat.github:
        from listkit.render import github

        text = github.render(report, language)
        if text or output:
            emit(text, output, files)
    elif output is not None:
        emit(plain_text(validate_text.render(report, language)), output, files)
    else:
        console = out()
        for part in validate_text.render(report, language):
            console.print(part)
    err().print(validate_text.summary(report, language), style="green" if report.valid else "red")
    if not report.valid:
        raise typer.Exit(EXIT_FINDINGS)
