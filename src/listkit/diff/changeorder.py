"""The change order (调整情况表): as JSON (the diff report) and as a workbook a clerk can read, edit and sign.

The workbook has two sheets. 调整情况表 is for people: 序号, 部门, 事项名称, 子项名称, 权力类型, 调整类型,
调整内容 and three columns left for the clerk (调整理由, 调整依据, 备注). 变更明细 is what `apply` reads: for
each change, the records before (原) and after (新), one row each, with the list's own headers — a clerk can
write one by hand the same way. Their rows are made here; write/change_order_xlsx.py writes the workbook and
read/change_order.py reads 变更明细 back.
"""

from __future__ import annotations

from typing import Any

from listkit.diff.apply import Entry
from listkit.diff.labels import ASPECT_LABELS, DIRECTION_LABELS, KIND_LABELS, NEW_MARKS, OLD_MARKS, label
from listkit.diff.model import KINDS, Change, ChangeSet
from listkit.errors import InputError
from listkit.i18n import Lang, t
from listkit.model import Record
from listkit.schema import Schema, load_schema

DETAIL_SHEET = "变更明细"
SUMMARY_SHEET = "调整情况表"
CHANGE_NO = "变更序号"
SIDE = "原/新"
SUMMARY_HEADERS = (
    "序号",
    "部门",
    "事项名称",
    "子项名称",
    "权力类型",
    "调整类型",
    "调整内容",
    "调整理由",
    "调整依据",
    "备注",
)


# --- JSON ------------------------------------------------------------------------------------------------


def change_json(change: Change, schema: Schema) -> dict[str, Any]:
    from listkit.write.canonical import record_object

    body: dict[str, Any] = {
        "kind": change.kind,
        "aspects": change.aspects,
        "old": record_object(change.old, schema) if change.old else None,
        "new": record_object(change.new, schema) if change.new else None,
    }
    if len(change.olds) > 1:
        body["merged_from"] = [record_object(r, schema) for r in change.olds[1:]]
    if len(change.news) > 1:
        body["split_into"] = [record_object(r, schema) for r in change.news[1:]]
    body["fields"] = [f.model_dump(exclude_none=True) for f in change.fields]
    body["match"] = change.match.model_dump() if change.match else None
    return body


def changeset_json(changes: ChangeSet, version: str, show_cosmetic: bool) -> dict[str, Any]:
    schema = load_schema(changes.schema_name)
    type_spec = schema.role("type")
    order = type_spec.enum if type_spec and type_spec.enum else ()
    document: dict[str, Any] = {
        "listkit": version,
        "report_version": 1,
        "schema": changes.schema_name,
        "old": changes.old.model_dump(),
        "new": changes.new.model_dump(),
        "summary": changes.summary(schema.key_of("type"), order),
        "changes": [change_json(c, schema) for c in changes.changes],
    }
    if show_cosmetic:
        document["cosmetic"] = [change_json(c, schema) for c in changes.cosmetic]
    return document


def entries_from_json(document: Any, file: str, schema: Schema) -> list[Entry]:
    if not isinstance(document, dict) or not isinstance(document.get("changes"), list):
        raise InputError("not-a-change-order", file=file)
    entries = []
    for section in ("changes", "cosmetic"):
        for number, change in enumerate(document.get(section) or [], start=1):
            where = f"{file} {section}[{number}]"
            if not isinstance(change, dict):
                raise InputError("not-a-change-order", file=where)
            olds = _records(change, ("old", "merged_from"), number, file, where, schema)
            news = _records(change, ("new", "split_into"), number, file, where, schema)
            _check_kind(change.get("kind"), "cosmetic" if section == "cosmetic" else None, olds, news, where)
            entries.append(Entry(olds=olds, news=news, where=where))
    return entries


# What each kind of change takes out (old) and puts in (new).
_SHAPES = {"added": (False, True), "cancelled": (True, False), "adjusted": (True, True), "cosmetic": (True, True)}
_SHAPE_TEXT = {
    (False, True): ("只有新记录（new），没有原记录", "a new record and no old one"),
    (True, False): ("只有原记录（old），没有新记录", "an old record and no new one"),
    (True, True): ("既有原记录（old）也有新记录（new）", "both an old and a new record"),
}


def _check_kind(kind: Any, section_kind: str | None, olds: list[Record], news: list[Record], where: str) -> None:
    """A change says what it is: its kind must be known and its records must fit it (an 'added' change with
    "new": null, or with an old record, is not something apply can do)."""
    if section_kind is not None and kind is None:
        kind = section_kind
    if kind not in (KINDS if section_kind is None else (section_kind,)):
        raise InputError("apply-unknown-kind", where=where, kind=str(kind))
    shape = _SHAPES[kind]
    if (bool(olds), bool(news)) != shape:
        zh, en = _SHAPE_TEXT[shape]
        raise InputError("apply-shape", where=where, kind=kind, expected=zh, expected_en=en)


def _records(
    change: dict[str, Any], keys: tuple[str, str], number: int, file: str, where: str, schema: Schema
) -> list[Record]:
    from listkit.read.canonical import record_from_object

    single, many = change.get(keys[0]), change.get(keys[1]) or []
    objects = ([single] if single else []) + (list(many) if isinstance(many, list) else [many])
    if not all(isinstance(o, dict) for o in objects):
        raise InputError("not-a-change-order", file=where)
    return [record_from_object(o, number, file, schema) for o in objects]


# --- Workbook ---------------------------------------------------------------------------------------------


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
    keys = [f.key for f in schema.fields]
    extras: dict[str, None] = {}
    listed = changes.changes + (changes.cosmetic if show_cosmetic else [])
    for change in listed:
        for record in (*change.olds, *change.news):
            extras.update(dict.fromkeys(record.extra))
    header = [CHANGE_NO, SIDE, *(schema.by_key[k].title for k in keys), "部门", *extras]
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
