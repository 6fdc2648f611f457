"""Settle, as columns, the pairs that did not change, before any record is built.

Between two editions of a province's list almost every record is untouched. The first matching stage pairs
records by code (or ``--key``); a code that occurs once on each side can only pair with itself. Such a pair
whose every compared column is equal is "unchanged" whatever the later stages do, so it is counted here with
one join and a row hash per side, and only the rest (additions, cancellations, edits, repeated codes) goes
through record matching and classification.

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
# Rows are compared by two independent 64-bit hashes of their compared columns — one pass over each table
# instead of gathering a million long texts per column; two rows with different text agreeing on both is a
# 1-in-2^128 event.
SEEDS = (0x5EED_0001, 0x5EED_0002)


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
    columns = [c for c in _compared(old, new) if keep_cosmetic or c != seq_key]
    old_hashes, new_hashes = _content_hashes(old, columns), _content_hashes(new, columns)
    same = pl.repeat(True, pairs.height, dtype=pl.Boolean, eager=True)
    for old_hash, new_hash in zip(old_hashes, new_hashes, strict=True):
        same = same & (old_hash.gather(old_rows) == new_hash.gather(new_rows))
    return Settled(_rest(old, old_rows.filter(same)), _rest(new, new_rows.filter(same)), int(same.sum()))


def _keys(table: RecordTable, key: str, by_department: bool) -> pl.DataFrame:
    """The first stage's key of each row, as ``match`` forms it; rows without one, or sharing it, left out."""
    import polars as pl

    columns = {"key": folded(table.column(key))}
    if by_department:
        # --key values are unique only within one department's list (see match.py).
        columns["department"] = table.column(DEPARTMENT)
    frame = pl.DataFrame(columns).with_row_index("row").filter(pl.col("key") != "")
    unique = pl.col("key").is_unique() if len(columns) == 1 else pl.struct(list(columns)).is_unique()
    return frame.filter(unique)


def _rest(table: RecordTable, settled: pl.Series) -> list[int]:
    """The rows not settled, in order."""
    import polars as pl

    # Sorted: polars before 2.0 refuses to scatter at unsorted indexes (the join gives them in no set order).
    left = pl.repeat(True, table.height, dtype=pl.Boolean, eager=True).scatter(settled.sort(), False)
    return left.arg_true().to_list()


def _unique_pairs(old: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    on = [c for c in old.columns if c != "row"]
    joined = old.join(new, on=on, how="inner", nulls_equal=True, suffix="_new")
    return joined.select(joined.get_column("row").alias("old"), joined.get_column("row_new").alias("new"))


def _compared(old: RecordTable, new: RecordTable) -> list[str]:
    seen = dict.fromkeys([*old.frame.columns, *new.frame.columns])
    return [c for c in seen if c not in NOT_COMPARED]


def _content_hashes(table: RecordTable, columns: list[str]) -> list[pl.Series]:
    """Per seed, a hash of each row's compared columns, in the same column order on both sides (absent columns as
    null); both seeds in one pass over the table."""
    import polars as pl

    present = table.frame.schema
    parts = []
    for column in columns:
        if column not in present:
            parts.append(pl.lit(None, dtype=pl.String).alias(column))
        elif isinstance(present[column], pl.Struct):
            parts.append(pl.col(column).struct.json_encode())
        else:
            parts.append(pl.col(column).cast(pl.String))
    row = pl.struct(parts)
    hashes = table.frame.select([row.hash(seed).alias(str(seed)) for seed in SEEDS])
    return [hashes.get_column(str(seed)) for seed in SEEDS]
