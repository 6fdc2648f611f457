"""The canonical .jsonl lines of a saved table (table.saved_table), made as columns: no Record, no dict per line.

A line is what canonical.record_object + orjson make of a record: the fields present in schema order, then
department, type_from, raw (keys sorted), extra, source, absent members left out; lines in the canonical order
(identity.sort_key). Records with the same members present ("shape") are encoded together by polars' JSON
encoder, which escapes strings exactly as orjson does (tests/test_canonical_table.py); a list has a handful of
shapes. tests/test_column_read.py requires these bytes to equal the record writer's.

Why a second path: the main job, the 100,000-record benchmark workbook read and written as canonical lines,
takes 2.53 s with it and 4.78 s through records (`benchmarks/bench_twins.py write-jsonl [--without
canonical_columns]`, whole process, medians of 5 alternated runs, 2026-12-02): the lines are made without
building 100,000 Records.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from listkit.schema import Schema
from listkit.table import DEPARTMENT, EXTRA, RAW, SOURCE, TYPE_FROM, RecordTable, folded, map_distinct

if TYPE_CHECKING:
    import polars as pl

CHUNK_LINES = 65_536
# Past this many shapes (many sparse extra columns) the record writer is the quicker one.
MAX_SHAPES = 2_048


def jsonl_lines(table: RecordTable, schema: Schema) -> Iterator[tuple[bytes, int]] | None:
    """(chunk of lines, number of lines) in canonical order, each line ending in a newline; None when the table
    is better written record by record. Lines are made a chunk at a time, so that writing one chunk can
    overlap making the next (atomic.write_bytes_atomic)."""
    encoder = _Encoder(table.frame, schema)
    if encoder.shapes > MAX_SHAPES:
        return None
    return _chunks(encoder, _order(table, schema))


def _chunks(encoder: _Encoder, order: pl.Series) -> Iterator[tuple[bytes, int]]:
    import polars as pl

    for start in range(0, len(order), CHUNK_LINES):
        lines = encoder.lines(order.slice(start, CHUNK_LINES))
        buffer = io.BytesIO()
        # Bytes straight from polars (a Python str of CJK lines costs more to make and encode than the lines);
        # a JSON line holds no newline or anything else that would need quoting.
        pl.DataFrame([lines]).write_csv(buffer, include_header=False, quote_style="never")
        yield buffer.getvalue(), len(lines)


def _order(table: RecordTable, schema: Schema) -> pl.Series:
    """Row numbers in the order of identity.sort_key: identity, department, source file, sheet, row."""
    import polars as pl

    frame, column = table.frame, table.column
    code = column(schema.key_of("code"))
    identity = pl.select(
        pl.when(code.is_not_null())
        .then(pl.lit("code:") + folded(code))
        .otherwise(pl.lit("item:") + pl.concat_str([folded(column(k)) for k in schema.identity_keys], separator="\x1f"))
    ).to_series()
    source = frame.get_column(SOURCE)
    keys = pl.DataFrame(
        {
            "identity": identity,
            "department": column(DEPARTMENT).fill_null(""),
            "file": source.struct.field("file").fill_null(""),
            "sheet": source.struct.field("sheet").fill_null(""),
            "row": source.struct.field("row").fill_null(0),
        }
    )
    return keys.with_row_index().sort(keys.columns, maintain_order=True).get_column("index")


class _Encoder:
    """JSON lines for any rows of the frame. Records with the same members present (a "shape") are encoded
    together: polars' encoder writes null members as null, and a shape's records have none."""

    def __init__(self, frame: pl.DataFrame, schema: Schema) -> None:
        import polars as pl

        self.texts = [f.key for f in schema.fields if f.key in frame.columns]
        self.texts += [name for name in (DEPARTMENT, TYPE_FROM) if name in frame.columns]
        self.objects = {  # raw's keys are written sorted, extra's as they are
            name: sorted(fields) if name == RAW else fields
            for name in (RAW, EXTRA)
            if isinstance(dtype := frame.schema.get(name), pl.Struct) and (fields := [f.name for f in dtype.fields])
        }
        source = frame.get_column(SOURCE)
        base = map_distinct(source.struct.field("file"), os.path.basename, pl.String).alias("file")
        self.members = frame.select(
            *self.texts,
            *[
                pl.col(name).struct.field(f).alias(f"{name}.{f}")
                for name, fields in self.objects.items()
                for f in fields
            ],
            pl.struct(base, source.struct.field("sheet"), source.struct.field("row")).alias(SOURCE),
        )
        self.optional = [c for c in self.members.columns if c != SOURCE]
        self.shape = self.members.select(
            pl.struct([pl.col(c).is_not_null() for c in self.optional]).rank("dense").alias("shape")
            if self.optional
            else pl.lit(1).alias("shape")
        ).to_series()
        self.shapes = self.shape.n_unique()

    def lines(self, rows: pl.Series) -> pl.Series:
        """The lines of ``rows``, in that order."""
        import polars as pl

        chunk = self.members[rows].with_columns(self.shape.gather(rows).alias("__shape__"))
        lines = pl.repeat("", chunk.height, dtype=pl.String, eager=True)
        groups = chunk.with_row_index("__row__").group_by("__shape__").agg(pl.col("__row__"))
        for positions in groups.get_column("__row__"):
            group = chunk[positions]
            present = {name for name in self.optional if group.get_column(name)[0] is not None}
            parts = [pl.col(name) for name in self.texts if name in present]
            for name, fields in self.objects.items():
                chosen = [f for f in fields if f"{name}.{f}" in present]
                if chosen:
                    parts.append(pl.struct([pl.col(f"{name}.{f}").alias(f) for f in chosen]).alias(name))
            parts.append(pl.col(SOURCE))
            lines.scatter(positions, group.select(pl.struct(parts).struct.json_encode()).to_series())
        return lines
