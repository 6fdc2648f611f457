"""应统尽统、不重不漏: no item twice (same type + name + sub-item), no code twice.

Names are compared folded (whitespace and full/half-width punctuation ignored); the later occurrence is
reported and points at the first. In a list that spans departments, the same item under two departments
is not a duplicate; nor is the same item at two levels.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from listkit.table import DEPARTMENT, folded, joined
from listkit.validate.context import Context
from listkit.validate.report import Finding
from listkit.validate.rules import RuleInfo

if TYPE_CHECKING:
    import polars as pl

RULES = (RuleInfo("duplicate-item", "error"), RuleInfo("duplicate-code", "error"))


def check(ctx: Context) -> Iterator[Finding]:
    import polars as pl

    schema = ctx.schema
    table = ctx.table
    name_key = schema.key_of("name")
    identity = schema.identity_keys
    code_key = schema.key_of("code")
    if identity and name_key:
        # One fold over the joined identity fields (NUL cannot occur in cell text) instead of one per field.
        # The same item at two levels (a catalogue with one sheet per level) is two entries, not a duplicate.
        level_key = schema.key_of("level")
        level = folded(table.column(level_key)) if level_key else pl.repeat("", table.height, eager=True)
        keys = [table.column(DEPARTMENT).fill_null(""), level, folded(joined(table, identity, "\0"))]
        yield from _report(ctx, "duplicate-item", name_key, _repeats(keys, table.column(name_key).is_not_null()))
    if code_key:
        code = folded(table.column(code_key))
        yield from _report(ctx, "duplicate-code", code_key, _repeats([code], code != ""))


def _report(ctx: Context, rule: str, key: str, pairs: list[tuple[int, int]]) -> Iterator[Finding]:
    """A finding at each repeat, pointing at the first occurrence."""
    built = ctx.table.records_at([row for pair in pairs for row in pair])
    for row, first in pairs:
        record = built[row]
        first_at = ctx.where(built[first], key, beside=record)
        yield ctx.finding(rule, "error", record, key, value=record.values[key], first=first_at)


def _repeats(keys: list[pl.Series], counted: pl.Series) -> list[tuple[int, int]]:
    """(row, first row with the same keys) for every row after the first of its kind, among rows counted."""
    import polars as pl

    names = [f"k{i}" for i in range(len(keys))]
    frame = pl.DataFrame({name: key for name, key in zip(names, keys, strict=True)}).with_row_index("row")
    frame = frame.filter(counted)
    # Most lists have few duplicates: find the keys that repeat first, then order only those rows.
    frame = frame.filter(pl.struct(names).is_duplicated())
    repeats = frame.with_columns(pl.col("row").min().over(names).alias("first")).filter(
        pl.col("row") != pl.col("first")
    )
    return list(zip(repeats.get_column("row").to_list(), repeats.get_column("first").to_list(), strict=True))
