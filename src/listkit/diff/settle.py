"""Settle, as columns, the pairs that did not change, before any record is built.

Between two editions of a province's list almost every record is untouched. The first matching stage pairs
records by code (or ``--key``); a code that occurs once on each side can only pair with itself. Such a pair
whose every compared column is equal is "unchanged" whatever the later stages do, so it is counted here with
one join and a few column comparisons, and only the rest (additions, cancellations, edits, repeated codes)
goes through record matching and classification.

With cosmetic differences wanted (``--show-cosmetic``), a pair that differs only in 序号 is left to the record
stages, which list it; without, it is settled too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from listkit.schema import Schema
from listkit.table import DEPARTMENT, RecordTable, folded

if TYPE_CHECKING:
    import polars as pl

# Columns the comparison of two records does not look at (where a record came from, how its type was written).
NOT_COMPARED = frozenset({"source", "raw", "type_from"})


@dataclass
class Settled:
    old_rest: list[int]  # rows of the old table still to match, in order
    new_rest: list[int]
    unchanged: int  # pairs settled as unchanged


def settle_unchanged(
    old: RecordTable, new: RecordTable, schema: Schema, *, key: str | None, keep_cosmetic: bool
) -> Settled:
    import polars as pl

    everything = Settled(list(range(old.height)), list(range(new.height)), 0)
    first = key or schema.key_of("code")
    if first is None or not old.height or not new.height:
        return everything
    pairs = _unique_pairs(_keys(old, first, by_department=key is not None), _keys(new, first, key is not None))
    if not pairs.height:
        return everything
    old_rows, new_rows = pairs.get_column("old"), pairs.get_column("new")
    seq_key = schema.key_of("seq")
    same = pl.Series("same", [True] * pairs.height)
    for column in _compared(old, new):
        if column == seq_key and not keep_cosmetic:
            continue
        same = same & _side(old, column, old_rows).eq_missing(_side(new, column, new_rows))
    settled_old = set(old_rows.filter(same).to_list())
    settled_new = set(new_rows.filter(same).to_list())
    return Settled(
        [i for i in range(old.height) if i not in settled_old],
        [j for j in range(new.height) if j not in settled_new],
        len(settled_old),
    )


def _keys(table: RecordTable, key: str, by_department: bool) -> pl.DataFrame:
    """The first stage's key of each row, as ``match`` forms it; rows without one, or sharing it, left out."""
    import polars as pl

    columns = {"key": folded(table.column(key))}
    if by_department:
        # --key values are unique only within one department's list (see match.py).
        columns["department"] = table.column(DEPARTMENT)
    frame = pl.DataFrame(columns).with_row_index("row").filter(pl.col("key") != "")
    names = list(columns)
    return frame.filter(pl.struct(names).is_unique())


def _unique_pairs(old: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    on = [c for c in old.columns if c != "row"]
    joined = old.join(new, on=on, how="inner", nulls_equal=True, suffix="_new")
    return joined.select(joined.get_column("row").alias("old"), joined.get_column("row_new").alias("new"))


def _compared(old: RecordTable, new: RecordTable) -> list[str]:
    seen = dict.fromkeys([*old.frame.columns, *new.frame.columns])
    return [c for c in seen if c not in NOT_COMPARED]


def _side(table: RecordTable, column: str, rows: pl.Series) -> pl.Series:
    """A column at the paired rows; a struct as its JSON text, a missing column as nulls."""
    import polars as pl

    if column not in table.frame.columns:
        return pl.Series(column, [None] * len(rows), dtype=pl.String)
    values = table.frame.get_column(column).gather(rows)
    if isinstance(values.dtype, pl.Struct):
        return values.struct.json_encode()
    return values.cast(pl.String)
