"""The check result as a clerk reads it: the summary in the clerk's words, then the items by status."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from listkit.check.model import STATUSES, CheckItem, CheckResult
from listkit.diff.labels import ASPECT_LABELS, label
from listkit.i18n import Lang, t
from listkit.render.diff_text import inline
from listkit.render.record_label import record_label
from listkit.schema import Schema, load_schema

if TYPE_CHECKING:
    from rich.console import RenderableType

STATUS_STYLE = {
    "conforming": "green",
    "differs": "yellow",
    "missing": "red",
    "extra": "magenta",
    "out-of-level": "cyan",
    "cancelled": "dim",
}
# Listed item by item; conforming items only counted (they are most of a list).
LISTED = tuple(status for status in STATUSES if status != "conforming")


def headline(result: CheckResult, lang: Lang) -> str:
    summary = result.summary
    if result.referring is not None:
        return t(
            "check.headline-references",
            lang,
            listed=summary.taken_up + summary.extra + summary.out_of_level,
            resolved=summary.taken_up,
            differs=summary.differs,
            extra=summary.extra,
            out_of_level=summary.out_of_level,
        )
    text = t(
        "check.headline",
        lang,
        reference=summary.reference,
        taken=summary.taken_up,
        differs=summary.differs,
        missing=summary.missing,
        extra=summary.extra,
        out_of_level=summary.out_of_level,
    )
    if summary.cancelled:
        text += t("check.headline-cancelled", lang, cancelled=summary.cancelled)
    return text


def title(result: CheckResult, lang: Lang, *, names_only: bool = False) -> str:
    """'清单对照：LIST ↔ REF（level）'; with ``names_only`` the files' names without their folders (a printed title)."""

    def files(paths: list[str]) -> str:
        return ", ".join(Path(p).name if names_only else p for p in paths)

    level = result.level or t("check.every-level", lang)
    return t("check.title", lang, list=files(result.list_files), reference=files(result.reference_files), level=level)


def status_label(status: str, lang: Lang) -> str:
    return t(f"check.status.{status}", lang)


def aspects_text(item: CheckItem, lang: Lang) -> str:
    return "、".join(label(ASPECT_LABELS, aspect, lang) for aspect in item.aspects)


def department_table(result: CheckResult, lang: Lang) -> RenderableType:
    from rich.table import Table

    table = Table()
    table.add_column(t("by.department", lang))
    table.add_column(t("check.reference-count", lang), justify="right")
    for status in STATUSES:
        table.add_column(status_label(status, lang), justify="right", style=STATUS_STYLE[status])
    for row in result.departments:
        table.add_row(
            row.department or t("unspecified", lang),
            str(row.summary.reference),
            *(str(row.summary.count(s)) for s in STATUSES),
        )
    table.add_section()
    table.add_row(
        t("total", lang),
        str(result.summary.reference),
        *(str(result.count(s)) for s in STATUSES),
        style="bold",
    )
    return table


def item_lines(
    item: CheckItem, schema: Schema, reference_schema: Schema, lang: Lang, color: bool
) -> list[RenderableType]:
    from rich.text import Text

    record, record_schema = (item.listed, schema) if item.listed else (item.reference, reference_schema)
    assert record is not None
    line = Text()
    line.append(f"[{status_label(item.status, lang)}] ", style=STATUS_STYLE[item.status])
    line.append(record_label(record, record_schema), style="bold")
    if record.department:
        line.append(f"  {record.department}", style="dim")
    if item.aspects:
        line.append(f"  ({aspects_text(item, lang)})", style="cyan")
    if item.match and item.match.by == "fuzzy":
        line.append(f"  ~{item.match.score:.2f}", style="dim")
    lines: list[RenderableType] = [line]
    if item.status == "out-of-level" and item.reference is not None:
        level = item.reference.get(reference_schema.key_of("level"))
        lines.append(Text(f"    {t('check.reference-level', lang, level=level or '-')}"))
    for field in item.fields:
        spec = schema.by_key.get(field.field)
        text = Text("    " + t("field-label", lang, title=spec.display_title(lang) if spec else field.field))
        text.append_text(inline(field.old or "", field.new or "", color))
        lines.append(text)
    return lines


def render(result: CheckResult, lang: Lang, color: bool, by_department: bool) -> list[RenderableType]:
    from rich.text import Text

    schema, reference_schema = load_schema(result.schema_name), load_schema(result.reference_schema)
    parts: list[RenderableType] = [Text(title(result, lang), style="bold"), Text(headline(result, lang))]
    if by_department:
        parts.append(department_table(result, lang))
    for item in result.items:
        if item.status in LISTED:
            parts.extend(item_lines(item, schema, reference_schema, lang, color))
    return parts
