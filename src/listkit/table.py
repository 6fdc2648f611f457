"""Records as columns: one polars column per field, for the passes that look at every record.

Validation, stats and diff ask questions of whole columns ("which codes fail the pattern?", "which identities
occur twice?"); asked record by record of a million pydantic objects they took tens of seconds. Here they run
as column operations, and a ``Record`` is built only for the rows a finding or a change points at.

Text functions that must agree exactly with the record-level code (``fold``, the basis analysis) are applied in
Python to each *distinct* value and joined back: lists repeat the same names and bases thousands of times, and
converting every cell of a column to a Python string costs more than the work itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from listkit.normalize import fold
from listkit.record import Record, make_record, make_source
from listkit.schema import Schema

if TYPE_CHECKING:
    import polars as pl

DEPARTMENT = "department"
RAW = "raw"
EXTRA = "extra"
TYPE_FROM = "type_from"
SOURCE = "source"


@dataclass
class RecordTable:
    """``frame`` has a String column for each schema field present (null where empty) and ``department``;
    ``materialise(rows)`` builds those rows as the ``Record`` objects the record-level readers would have built."""

    frame: pl.DataFrame
    materialise: Callable[[Sequence[int]], list[Record]]
    # True when the frame holds exactly what a canonical line saves (see saved_table), so that it can be
    # written out as columns.
    saved: bool = False

    def record(self, row: int) -> Record:
        return self.materialise([row])[0]

    def records_at(self, rows: Sequence[int]) -> dict[int, Record]:
        """The records of many rows, built in one pass (one at a time costs a frame lookup each)."""
        distinct = sorted(set(rows))
        return dict(zip(distinct, self.materialise(distinct), strict=True))

    def all_records(self) -> list[Record]:
        return self.materialise(range(self.frame.height))

    @property
    def height(self) -> int:
        return self.frame.height

    def column(self, key: str | None) -> pl.Series:
        """A field's column; all null when the list has no such column."""
        import polars as pl

        if key is not None and key in self.frame.columns:
            return self.frame.get_column(key)
        return pl.repeat(None, self.frame.height, dtype=pl.String, eager=True).alias(key or "")

    def raw(self, key: str) -> pl.Series:
        """What the file said in a field that reading canonicalised (a type written '处罚'); null elsewhere."""
        import polars as pl

        if RAW in self.frame.columns:
            raw = self.frame.get_column(RAW)
            if isinstance(raw.dtype, pl.Struct) and key in [f.name for f in raw.dtype.fields]:
                return raw.struct.field(key)
        return pl.repeat(None, self.frame.height, dtype=pl.String, eager=True).alias(key)


def table_from_records(records: Sequence[Record], schema: Schema) -> RecordTable:
    """A table over records already built (a spreadsheet read); row i is ``records[i]``."""
    import polars as pl

    columns: dict[str, list[str | None]] = {key: [r.values.get(key) or None for r in records] for key in schema.by_key}
    columns[DEPARTMENT] = [r.department or None for r in records]
    frame = pl.DataFrame(columns, schema={key: pl.String for key in columns})
    if any(r.extra for r in records):
        # Compared as one text (diff/settle.py): equal texts mean equal extra fields.
        extra = [json.dumps(r.extra, ensure_ascii=False, sort_keys=True) if r.extra else None for r in records]
        frame = frame.with_columns(pl.Series(EXTRA, extra, dtype=pl.String))
    raw_keys = sorted({key for r in records if r.raw for key in r.raw})
    if raw_keys:
        raw = pl.DataFrame(
            {k: [r.raw.get(k) for r in records] for k in raw_keys}, schema=dict.fromkeys(raw_keys, pl.String)
        )
        frame = frame.with_columns(raw.to_struct(RAW))
    return RecordTable(frame, lambda rows: [records[i] for i in rows])


def saved_table(frame: pl.DataFrame, schema: Schema) -> RecordTable:
    """A table whose frame holds everything a record saves, and nothing else: a String column per field present
    (null where empty), ``department``, ``type_from``, ``raw`` and ``extra`` (structs of Strings, null fields
    absent; either may be missing), ``source`` (struct of file, sheet, row). Records are built from it alone,
    pointing (``at``) where they came from."""
    field_keys = [c for c in frame.columns if c in schema.by_key]
    optional = [DEPARTMENT, TYPE_FROM, RAW, EXTRA]

    def materialise(rows: Sequence[int]) -> list[Record]:
        chosen = frame if rows == range(frame.height) else frame[list(rows)]
        values = [chosen.get_column(key).to_list() for key in field_keys]
        nones = [None] * chosen.height
        department, type_from, raw, extra = (
            chosen.get_column(name).to_list() if name in chosen.columns else nones for name in optional
        )
        records = []
        for index, source in enumerate(chosen.get_column(SOURCE).to_list()):
            origin = make_source(source["file"], source["sheet"], source["row"])
            records.append(
                make_record(
                    {key: column[index] for key, column in zip(field_keys, values, strict=True) if column[index]},
                    origin,
                    department=department[index],
                    extra=_present(extra[index]),
                    raw=_present(raw[index]),
                    type_from=type_from[index],
                    at=origin,
                )
            )
        return records

    return RecordTable(frame, materialise, saved=True)


def _present(fields: dict[str, str | None] | None) -> dict[str, str]:
    return {key: value for key, value in fields.items() if value is not None} if fields else {}


def concat_saved(tables: Sequence[RecordTable], schema: Schema) -> RecordTable | None:
    """Saved tables one after another, when their columns agree (else None: build records instead)."""
    if not tables or not all(t.saved for t in tables) or any(t.frame.schema != tables[0].frame.schema for t in tables):
        return None
    import polars as pl

    return saved_table(pl.concat([t.frame for t in tables], how="vertical", rechunk=False), schema)


def map_distinct(column: pl.Series, function: Callable[[str], Any], dtype: Any = None) -> pl.Series:
    """``function`` applied to each distinct non-null value, as a column aligned with ``column`` (null stays
    null)."""
    import polars as pl

    distinct = column.drop_nulls().unique()
    results = pl.Series("result", [function(v) for v in distinct.to_list()], dtype=dtype)
    lookup = pl.DataFrame({"value": distinct, "result": results})
    joined = pl.DataFrame({"value": column}).join(lookup, on="value", how="left", maintain_order="left")
    return joined.get_column("result")


# What ``str.split()`` treats as whitespace among ASCII characters (\x1c–\x1f are separators to Python).
_ASCII_SPACE = r"[\t\n\x0b\x0c\r \x1c-\x1f]"


def folded(column: pl.Series) -> pl.Series:
    """``normalize.fold`` of every value; null folds to ''.

    For ASCII text fold is only "drop whitespace, lower-case", done here as column operations (codes are ASCII
    and all distinct, so a per-value Python call would be a million calls); other text goes through ``fold``
    once per distinct value. tests/test_table.py checks both agree with ``fold``.
    """
    import polars as pl

    ascii_only = (column.str.len_bytes() == column.str.len_chars()).fill_null(True)
    native = column.str.replace_all(_ASCII_SPACE, "").str.to_lowercase() if ascii_only.any() else column
    if ascii_only.all():
        return native.fill_null("")
    others = column if not ascii_only.any() else pl.select(pl.when(~ascii_only).then(column)).to_series()
    python = map_distinct(others, fold, pl.String)
    return native.zip_with(ascii_only, python).fill_null("")


def joined(table: RecordTable, keys: Sequence[str], separator: str) -> pl.Series:
    """The fields ``keys`` of each record joined with ``separator`` (missing fields as '')."""
    import polars as pl

    if not keys:
        return pl.Series("joined", [""] * table.height, dtype=pl.String)
    parts = [table.column(key).fill_null("") for key in keys]
    return pl.select(pl.concat_str(parts, separator=separator)).to_series()


def rows_where(mask: pl.Series) -> list[int]:
    """The row numbers where a boolean column is true (null counts as false)."""
    return mask.fill_null(False).arg_true().to_list()
