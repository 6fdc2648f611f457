"""What publication writers share: records grouped into sheets and items, the columns printed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from listkit.i18n import Lang, t
from listkit.identity import item_keys
from listkit.model import ItemList
from listkit.record import Record
from listkit.schema import Field, Schema
from listkit.stats import department_of
from listkit.write.sheet_names import SheetNames

# A publication's sheet names and department header are Chinese whatever --lang says (its summary follows the
# language): listkit reads a publication back, and finds a sheet's count in its name ('行政处罚（254项）').
PUBLICATION_LANG: Lang = "zh"
_LEADING_NUMBER = re.compile(r"\s*(\d+)")


@dataclass
class Column:
    key: str  # schema field key, or "department"
    title: str
    group: str | None
    spec: Field | None
    extra: bool = False  # a column kept from the inputs (record.extra): key and title are its header


def plan_columns(items: ItemList, schema: Schema, with_department: bool, with_extras: bool = False) -> list[Column]:
    """The schema's fields in schema order (leaving out optional ones no record fills; page_plan sizes them);
    with_extras, then the inputs' other columns (record.extra) under their own headers, in order of appearance."""
    columns: list[Column] = []
    for spec in schema.fields:
        if not spec.required and not any(r.values.get(spec.key) for r in items.records):
            continue  # a column nobody filled is noise on paper
        columns.append(Column(spec.key, spec.title, spec.group, spec))
        if with_department and spec.role == "seq":
            title = schema.department_title(PUBLICATION_LANG)
            columns.append(Column("department", title, None, None))
    if with_extras:
        headers = dict.fromkeys(header for r in items.records for header in r.extra)
        for header in headers:
            columns.append(Column(header, header, None, None, extra=True))
    return columns


def item_groups(records: Sequence[Record], schema: Schema) -> Iterator[list[Record]]:
    """Consecutive records of one main item (its sub-items) as one group."""
    group: list[Record] = []
    last: tuple[str, ...] | None = None
    key_of = item_keys(schema)
    for record in records:
        key = key_of(record)
        if group and key != last:
            yield group
            group = []
        group.append(record)
        last = key
    if group:
        yield group


def sheets_by(items: ItemList, schema: Schema, by: str) -> list[tuple[str, list[Record]]]:
    """(sheet label, records) per power type in canonical order, or per department."""
    buckets: dict[str, list[Record]] = {}
    for record in items.records:
        label = department_of(record, schema) if by == "department" else record.get(schema.key_of("type"))
        buckets.setdefault(label or t("publish.unsorted", PUBLICATION_LANG), []).append(record)
    buckets = {label: publication_order(records, schema) for label, records in buckets.items()}
    if by == "type":
        spec = schema.role("type")
        order = list(spec.enum) if spec and spec.enum else []
        return sorted(buckets.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    return list(buckets.items())


def publication_order(records: Sequence[Record], schema: Schema) -> list[Record]:
    """Records as a published list orders them: by department, type (canonical order), 序号 (as a number where it
    is one), then where they stood in their file, so an item's sub-items keep their order."""
    type_spec = schema.role("type")
    order = {name: i for i, name in enumerate(type_spec.enum if type_spec and type_spec.enum else ())}
    type_key, seq_key = schema.key_of("type"), schema.key_of("seq")

    def key(record: Record) -> tuple[str, int, str, tuple[int, int, str], str, str, int]:
        kind = record.get(type_key)
        source = record.source
        return (
            record.department or "",
            order.get(kind, len(order)),
            kind,
            _seq_order(record.get(seq_key)),
            source.file if source else "",
            (source.sheet or "") if source else "",
            (source.row or 0) if source else 0,
        )

    return sorted(records, key=key)


def _seq_order(seq: str) -> tuple[int, int, str]:
    """'2' before '10'; '3,4' with 3; texts that are not numbers after the numbers, and no 序号 last."""
    match = _LEADING_NUMBER.match(seq)
    if match:
        return (0, int(match.group(1)), seq[match.end() :])
    return (1, 0, seq) if seq else (2, 0, "")


def sheet_name(label: str, count: int, names: SheetNames) -> str:
    """'行政处罚（254项）' as real lists name their sheets, made valid and unique by ``names`` (sheet_names.py)."""
    return names.take(label, t("publish.sheet-count", PUBLICATION_LANG, count=count))
