"""Counts by type (canonical order), department or level, with a total row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from listkit.identity import item_columns
from listkit.model import ItemList
from listkit.schema import Schema, load_schema
from listkit.table import DEPARTMENT, RecordTable

if TYPE_CHECKING:
    import polars as pl

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


def compute_stats(items: ItemList, by: By = "type", schema: Schema | None = None) -> Stats:
    import polars as pl

    schema = schema or load_schema(items.schema_name)
    table = items.table()
    item = item_columns(table, schema)
    frame = pl.DataFrame({"group": _group_column(table, by, schema), **{f"k{i}": c for i, c in enumerate(item)}})
    counts = frame.group_by("group").agg(
        pl.len().alias("records"), pl.struct([f"k{i}" for i in range(len(item))]).n_unique().alias("items")
    )
    records = dict(zip(counts.get_column("group").to_list(), counts.get_column("records").to_list(), strict=True))
    main_items = dict(zip(counts.get_column("group").to_list(), counts.get_column("items").to_list(), strict=True))
    rows = [StatsRow(key=k, records=records[k], items=main_items[k]) for k in _order(records, by, schema)]
    all_items = frame.select(pl.struct([f"k{i}" for i in range(len(item))]).n_unique()).item() if frame.height else 0
    total = StatsRow(key="total", records=table.height, items=all_items)
    return Stats(by=by, rows=rows, total=total)


def _group_column(table: RecordTable, by: By, schema: Schema) -> pl.Series:
    if by == "type":
        column = table.column(schema.key_of("type"))
    elif by == "department":
        # A record's own department (a 部门 column, the title rows, the file name) first; else the schema's
        # department field (a licensing list's 主管部门, which differs from the body that implements the item);
        # else the implementing body. Read per record: a list may fill 主管部门 on some rows only.
        column = table.column(DEPARTMENT)
        if schema.key_of("department") is not None:
            column = column.fill_null(table.column(schema.key_of("department")))
        column = column.fill_null(table.column(schema.key_of("body")))
    else:
        column = table.column(schema.key_of("level"))
    return column.fill_null(BLANK)


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
