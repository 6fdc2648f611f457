"""The human report: one table per rule (errors first), the completeness table, then a summary line."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from listkit.i18n import Lang, t
from listkit.validate.report import SEVERITY_ORDER, Finding, Report
from listkit.validate.rules import RuleInfo
from listkit.validate.rules.registry import all_rules

if TYPE_CHECKING:
    from rich.console import RenderableType

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MAX_VALUE = 40


def render(report: Report, lang: Lang) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    infos: dict[str, RuleInfo] = {
        rule: RuleInfo(rule, title.severity, (title.zh, title.en)) for rule, title in report.declared.items()
    }
    infos.update(all_rules())
    groups: dict[str, list[Finding]] = defaultdict(list)
    completeness: list[Finding] = []
    for finding in report.findings:
        (completeness if finding.rule == "completeness" else groups[finding.rule]).append(finding)
    parts: list[RenderableType] = []
    # A canonical copy of a city's lists is one file, but its findings point into many workbooks.
    multi_file = len(report.files) > 1 or len({f.file for f in report.findings}) > 1
    for rule in sorted(groups, key=lambda r: (SEVERITY_ORDER[infos[r].severity], r)):
        findings = groups[rule]
        info = infos[rule]
        title = f"{rule} · {info.title(lang)} · {len(findings)}"
        table = Table(title=title, title_justify="left", title_style=_STYLE[info.severity], expand=False)
        if multi_file:
            table.add_column(t("col.file", lang), overflow="fold")
        table.add_column(t("col.cell", lang), no_wrap=True)
        table.add_column(t("col.severity", lang), no_wrap=True)
        table.add_column(t("col.message", lang), overflow="fold")
        table.add_column(t("col.value", lang), overflow="fold", max_width=MAX_VALUE)
        for f in findings:
            value = (f.value or "").replace("\n", " ")
            if len(value) > MAX_VALUE:
                value = value[: MAX_VALUE - 1] + "…"
            row: list[RenderableType] = [
                f.location(lang) or "-",
                Text(t(f"severity.{f.severity}", lang), style=_STYLE[f.severity]),
                f.message(lang),
                value,
            ]
            table.add_row(*([f.file or ""] if multi_file else []), *row)
        parts.append(table)
    if completeness:
        parts.append(_completeness(completeness, lang))
    if report.truncated_at is not None:
        parts.append(Text(t("validate.truncated", lang, limit=report.truncated_at), style="yellow"))
    return parts


def _completeness(findings: list[Finding], lang: Lang) -> RenderableType:
    from rich.table import Table

    table = Table(title=t("validate.completeness", lang), title_justify="left", title_style="cyan")
    if len({f.file for f in findings}) > 1:
        table.add_column(t("col.file", lang))
    table.add_column(t("col.field", lang))
    table.add_column(t("col.filled", lang), justify="right")
    table.add_column(t("col.count", lang), justify="right")
    multi = len(table.columns) == 4
    for f in findings:
        cells = [str(f.params["title"]), str(f.params["percent"]), f"{f.params['filled']}/{f.params['total']}"]
        table.add_row(*([f.file or ""] if multi else []), *cells)
    return table


def summary(report: Report, lang: Lang) -> str:
    verdict = t("validate.ok" if report.valid else "validate.failed", lang)
    counts = t(
        "validate.summary",
        lang,
        files=len(report.files),
        records=report.records,
        errors=report.errors,
        warnings=report.warnings,
    )
    return f"{verdict}：{counts}" if lang == "zh" else f"{verdict}: {counts}"
