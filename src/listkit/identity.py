"""A record's identity across editions: its code where the list has one, else type + name + sub-item, folded;
and the main item a record belongs to (what counts as one 项).

Folding ignores whitespace and full/half-width punctuation; the displayed text is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from listkit.normalize import fold
from listkit.record import Record
from listkit.schema import Schema
from listkit.table import DEPARTMENT, RecordTable, folded

if TYPE_CHECKING:
    import polars as pl


def identity(record: Record, schema: Schema) -> str:
    code_key = schema.key_of("code")
    code = record.values.get(code_key, "") if code_key else ""
    if code:
        return "code:" + fold(code)
    return "item:" + "\x1f".join(fold(record.values.get(key, "")) for key in schema.identity_keys)


def sort_key(record: Record, schema: Schema) -> tuple[str, str, str, str, int]:
    """Canonical order: identity, then department and source as tie-breakers, so output never depends on luck."""
    source = record.source
    return (
        identity(record, schema),
        record.department or "",
        source.file if source else "",
        (source.sheet or "") if source else "",
        (source.row or 0) if source else 0,
    )


def item_key(record: Record, schema: Schema) -> tuple[str, ...]:
    """A main item: sub-items of one item share it. Two separately numbered items of the same name don't."""
    return item_keys(schema)(record)


def item_keys(schema: Schema) -> Callable[[Record], tuple[str, ...]]:
    """``item_key`` for many records of one schema: the schema's fields looked up once."""
    type_key, name_key, seq_key, level_key = _item_fields(schema)

    def key(record: Record) -> tuple[str, ...]:
        values = record.values
        return (
            record.department or "",
            values.get(type_key, ""),
            fold(values.get(name_key, "")),
            values.get(seq_key, ""),
            fold(values.get(level_key, "")),
        )

    return key


def _item_fields(schema: Schema) -> tuple[str, str, str, str]:
    # The level too: a catalogue with one sheet per level lists the same item once per level.
    type_key, name_key, seq_key, level_key = (schema.key_of(role) or "" for role in ("type", "name", "seq", "level"))
    return type_key, name_key, seq_key, level_key


def item_columns(table: RecordTable, schema: Schema) -> list[pl.Series]:
    """The same item key as ``item_key``, as columns: department, type, folded name, 序号, folded level."""
    type_key, name_key, seq_key, level_key = _item_fields(schema)
    return [
        table.column(DEPARTMENT).fill_null(""),
        table.column(type_key).fill_null(""),
        folded(table.column(name_key)),
        table.column(seq_key).fill_null(""),
        folded(table.column(level_key)),
    ]


def count_items(read: list[Record] | RecordTable, schema: Schema) -> int:
    """How many main items some records hold (sub-items of one item count once), by ``item_key``."""
    if isinstance(read, list):
        return len(set(map(item_keys(schema), read)))
    if not read.height:
        return 0
    import polars as pl

    # Named by position: two fields a schema lacks would both be unnamed columns.
    return int(pl.DataFrame({f"k{i}": c for i, c in enumerate(item_columns(read, schema))}).n_unique())
