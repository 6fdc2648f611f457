"""办事指南完备度: the share of records that fill each optional field (info, one finding per field)."""

from __future__ import annotations

from collections.abc import Iterator

from listkit.validate.context import Context
from listkit.validate.report import Finding
from listkit.validate.rules import RuleInfo

RULES = (RuleInfo("completeness", "info"),)


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.table
    total = table.height
    if not total:
        return
    for spec in ctx.schema.fields:
        if spec.required or spec.role in ("seq", "type"):
            continue
        count = total - table.column(spec.key).null_count()
        yield ctx.finding(
            "completeness",
            "info",
            None,
            spec.key,
            title=spec.title,
            filled=count,
            total=total,
            percent=f"{count / total:.1%}",
        )
