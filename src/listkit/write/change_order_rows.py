"""The rows of the change-order workbook, which write/change_order_xlsx.py lays out and prints.

The workbook has two sheets. 调整情况表 is for people: 序号, 部门, 事项名称, 子项名称, 权力类型, 调整类型,
调整内容 and three columns left for the clerk (调整理由, 调整依据, 备注). 变更明细 is what `apply` reads: for
each change, the records before (原) and after (新), one row each, with the list's own headers — a clerk can
write one by hand the same way, and read/change_order_workbook.py reads it back.
"""

from __future__ import annotations

from listkit.diff.change_order import CHANGE_NO, SIDE
from listkit.diff.labels import ASPECT_LABELS, DIRECTION_LABELS, KIND_LABELS, label
from listkit.diff.model import Change, ChangeSet
from listkit.i18n import Lang, t
from listkit.record import Record
from listkit.schema import Schema
from listkit.vocabulary import NEW_MARKS, OLD_MARKS

# 调整情况表's name and headers are written in Chinese whatever --lang says (the words are the catalogue's); its
# columns are the catalogue's change-order.column.* and the schema's department column.
SUMMARY_SHEET = t("change-order.summary-sheet", "zh")
SUMMARY_COLUMNS = ("number", "department", "name", "sub-item", "type", "kind", "content", "reason", "basis", "remark")


def summary_headers(schema: Schema) -> list[str]:
    """调整情况表's headers, as written (in Chinese)."""
    return [
        schema.department_title("zh") if column == "department" else t(f"change-order.column.{column}", "zh")
        for column in SUMMARY_COLUMNS
    ]


def summary_rows(changes: ChangeSet, schema: Schema, lang: Lang) -> list[list[str]]:
    type_key, name_key, sub_key = schema.key_of("type"), schema.key_of("name"), schema.key_of("sub-item")
    rows = []
    for number, change in enumerate(changes.changes, start=1):
        subject = change.subject()
        kind = label(KIND_LABELS, change.kind, lang)
        if change.aspects:
            kind += "（" + "、".join(label(ASPECT_LABELS, a, lang) for a in change.aspects) + "）"
        rows.append(
            [
                str(number),
                subject.department or subject.get(schema.key_of("body")),
                subject.get(name_key),
                subject.get(sub_key),
                subject.get(type_key),
                kind,
                describe(change, schema, lang),
                "",
                "",
                "",
            ]
        )
    return rows


def describe(change: Change, schema: Schema, lang: Lang) -> str:
    """调整内容: what changed, field by field ('事项名称：旧 → 新'), and what was merged or split."""
    name_key = schema.key_of("name")
    lines = []
    sub_key = schema.key_of("sub-item")
    separator = "、" if lang == "zh" else ", "

    def named(records: list[Record]) -> str:
        # A split into sub-items keeps the name: the sub-items are what tell the pieces apart.
        return separator.join(
            f"“{r.get(name_key)}" + (f"（{r.get(sub_key)}）”" if r.get(sub_key) else "”") for r in records
        )

    if "merged" in change.aspects:
        lines.append(t("diff.merged-into", lang, names=named(change.olds), name=named(change.news)))
    if "split" in change.aspects:
        lines.append(t("diff.split-into", lang, name=named(change.olds), names=named(change.news)))
    for field in change.fields:
        spec = schema.by_key.get(field.field)
        title = spec.display_title(lang) if spec else field.field
        empty = t("diff.empty", lang)
        arrow = f"{field.old or empty} → {field.new or empty}"
        if field.direction:
            arrow += f"（{label(DIRECTION_LABELS, field.direction, lang)}）"
        lines.append(f"{title}：{arrow}")
    return "\n".join(lines)


def detail_rows(changes: ChangeSet, schema: Schema, show_cosmetic: bool) -> tuple[list[str], list[list[str]]]:
    """变更明细: its header and, for each change, its old records then its new ones, every field as it is."""
    keys = [f.key for f in schema.fields]
    extras: dict[str, None] = {}
    listed = changes.changes + (changes.cosmetic if show_cosmetic else [])
    for change in listed:
        for record in (*change.olds, *change.news):
            extras.update(dict.fromkeys(record.extra))
    header = [CHANGE_NO, SIDE, *(schema.by_key[k].title for k in keys), schema.department_title("zh"), *extras]
    rows = []
    for number, change in enumerate(listed, start=1):
        for side, records in ((OLD_MARKS[0], change.olds), (NEW_MARKS[0], change.news)):
            for record in records:
                rows.append(
                    [
                        str(number),
                        side,
                        *(record.get(k) for k in keys),
                        record.department or "",
                        *(record.extra.get(h, "") for h in extras),
                    ]
                )
    return header, rows
