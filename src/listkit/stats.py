"""Counts by type (canonical order), department or level, with a total row."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

from pydantic import BaseModel

from listkit.model import ItemList, Record
from listkit.normalize import fold
from listkit.schema import Schema, load_schema

By = Literal["type", "department", "level"]
BLANK = ""  # the group of records that leave the grouping field empty


class StatsRow(BaseModel):
    key: str
    records: int
    items: int


class Stats(BaseModel):
    by: By
    rows: list[StatsRow]
    total: StatsRow

    def as_json(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "rows": [{"key": r.key, "records": r.records, "items": r.items} for r in self.rows],
            "total": {"records": self.total.records, "items": self.total.items},
        }


def item_key(record: Record, schema: Schema) -> tuple[str, ...]:
    """A main item: sub-items of one item share it. Two separately numbered items of the same name don't."""
    values = record.values
    type_key, name_key, seq_key = _item_fields(schema)
    return (record.department or "", values.get(type_key, ""), fold(values.get(name_key, "")), values.get(seq_key, ""))


def _item_fields(schema: Schema) -> tuple[str, str, str]:
    return (schema.key_of("type") or "", schema.key_of("name") or "", schema.key_of("seq") or "")


def group_of(record: Record, by: By, schema: Schema) -> str:
    if by == "type":
        return record.get(schema.key_of("type"))
    if by == "department":
        return record.department or record.get(schema.key_of("body"))
    return record.get(schema.key_of("level"))


def compute_stats(items: ItemList, by: By = "type", schema: Schema | None = None) -> Stats:
    schema = schema or load_schema(items.schema_name)
    records: dict[str, int] = defaultdict(int)
    main_items: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    all_items: set[tuple[str, ...]] = set()
    for record in items.records:
        group = group_of(record, by, schema)
        key = item_key(record, schema)
        records[group] += 1
        main_items[group].add(key)
        all_items.add(key)
    rows = [StatsRow(key=k, records=records[k], items=len(main_items[k])) for k in _order(records, by, schema)]
    total = StatsRow(key="total", records=len(items.records), items=len(all_items))
    return Stats(by=by, rows=rows, total=total)


def _order(records: dict[str, int], by: By, schema: Schema) -> list[str]:
    """Types in the schema's canonical order, then unknown ones; other groups by size. Blank comes last."""
    present = [k for k in records if k != BLANK]
    type_spec = schema.role("type")
    if by == "type" and type_spec is not None and type_spec.enum:
        canonical = [t for t in type_spec.enum if t in records]
        ordered = canonical + sorted(k for k in present if k not in type_spec.enum)
    else:
        ordered = sorted(present, key=lambda k: (-records[k], k))
    return ordered + ([BLANK] if BLANK in records else [])
