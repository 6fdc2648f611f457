"""listkit schema list | show NAME — the bundled schemas and their fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Lang, use_lang
from listkit.i18n import t

app = typer.Typer(help="模式：内置清单模式。 Bundled list schemas.", no_args_is_help=True)


@app.command("list")
def list_schemas(lang: Lang = None) -> None:
    """列出内置模式。 List the bundled schemas."""
    from listkit.cli.console import write_data
    from listkit.schema import bundled_schemas

    language = use_lang(lang)
    lines = [f"{s.name}\t{s.title if language == 'zh' else s.title_en}" for s in bundled_schemas()]
    write_data("\n".join(lines))


@app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="Schema name or JSON Schema file.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the JSON Schema document itself.")] = False,
    lang: Lang = None,
) -> None:
    """显示模式的字段、表头别名与约束。 Show a schema's fields, header aliases and constraints."""
    from listkit.cli.console import out, write_data
    from listkit.schema import load_schema

    language = use_lang(lang)
    schema = load_schema(name)
    if json_out:
        write_data(json.dumps(schema.document, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(
        title=f"{schema.name} · {schema.title if language == 'zh' else schema.title_en}", title_justify="left"
    )
    for header in ("field", "title", "aliases", "required", "identity", "constraint"):
        table.add_column(t(f"schema.{header}", language), overflow="fold")
    for f in schema.fields:
        constraint = "enum: " + "、".join(f.enum) if f.enum else (f"pattern: {f.pattern}" if f.pattern else "")
        table.add_row(
            f.key,
            f.display_title(language),
            "、".join(f.aliases),
            "✓" if f.required else "",
            "✓" if f.identity else "",
            constraint,
        )
    out().print(table)


@app.command("template")
def template(
    name: Annotated[str, typer.Argument(help="Schema name or JSON Schema file.")],
    output: Annotated[str, typer.Option("-o", "--output", help="The empty workbook to write (.xlsx).")],
    lang: Lang = None,
) -> None:
    """生成空白填报模板（表头批注、下拉选项）。 An empty Excel template with the schema's headers and drop-downs."""
    from listkit.cli.written import noting_controls
    from listkit.schema import load_schema
    from listkit.write import format_from_path
    from listkit.write.atomic import write_bytes_atomic
    from listkit.write.template_xlsx import template_bytes

    use_lang(lang)
    target = Path(output)
    format_from_path(target, ("xlsx",))
    with noting_controls(output):
        write_bytes_atomic(target, template_bytes(load_schema(name)))
