"""The canonical form: JSON Lines sorted by identity with a stable key order, so `git diff` reads like a change list.

Line 1 is a header (schema and metadata); then one record per line: the schema's fields in schema order,
then department, where the type came from, original spellings, extra columns and the source cell.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from listkit.model import ItemList, Record
from listkit.schema import Schema, load_schema

if TYPE_CHECKING:
    import polars as pl

FORMAT = "listkit-canonical"
FORMAT_VERSION = 1


def header(items: ItemList) -> dict[str, Any]:
    meta = items.meta.model_dump(exclude_none=True)
    return {"listkit": {"format": FORMAT, "version": FORMAT_VERSION, "schema": items.schema_name, "meta": meta}}


def record_object(record: Record, schema: Schema) -> dict[str, Any]:
    values = record.values
    obj: dict[str, Any] = {f.key: values[f.key] for f in schema.fields if values.get(f.key)}
    if record.department:
        obj["department"] = record.department
    if record.type_from:
        obj["type_from"] = record.type_from
    if record.raw:
        obj["raw"] = dict(sorted(record.raw.items()))
    if record.extra:
        obj["extra"] = record.extra
    if record.source is not None:
        source = record.source
        obj["source"] = {"file": os.path.basename(source.file), "sheet": source.sheet, "row": source.row}
    return obj


def ordered(items: ItemList, schema: Schema) -> list[Record]:
    records = items.records
    return [records[i] for i in canonical_order(records, schema)]


def canonical_order(records: Sequence[Record], schema: Schema) -> list[int]:
    """Record positions in canonical order: identity, then department and source as tie-breakers, so output
    never depends on luck. One sort of columns: at a million records, a Python key per record cost seconds."""

    return _sort_frame(records, schema).with_row_index("at").sort(SORT_COLUMNS, maintain_order=True)["at"].to_list()


SORT_COLUMNS = ["identity", "department", "file", "sheet", "row"]


def _sort_frame(records: Sequence[Record], schema: Schema) -> pl.DataFrame:
    """The sort key as columns. A record's identity across editions is its code where the list has one, else type +
    name + sub-item; each folded (whitespace and full/half-width punctuation ignored)."""
    import polars as pl

    from listkit.table import folded

    def column(values: list[str | None]) -> pl.Series:
        return pl.Series(values, dtype=pl.String)

    code_key = schema.key_of("code")
    code = column([r.values.get(code_key) or None for r in records] if code_key else [None] * len(records))
    item = [folded(column([r.values.get(k) or None for r in records])) for k in schema.identity_keys]
    by_item = pl.concat_str(item, separator="\x1f") if item else pl.lit("")
    return pl.DataFrame({"code": code}).select(
        pl.when(pl.col("code").is_not_null())
        .then(pl.lit("code:") + folded(code))
        .otherwise(pl.lit("item:") + by_item)
        .alias("identity"),
        column([r.department or "" for r in records]).alias("department"),
        column([r.source.file if r.source else "" for r in records]).alias("file"),
        column([(r.source.sheet or "") if r.source else "" for r in records]).alias("sheet"),
        pl.Series([(r.source.row or 0) if r.source else 0 for r in records], dtype=pl.Int64).alias("row"),
    )


def jsonl_bytes(items: ItemList) -> bytes:
    """The canonical .jsonl file: header line, then one line per record in canonical order.

    Lines are assembled as columns — each field's JSON text (polars escapes strings exactly as orjson does) joined
    in ``record_object``'s key order, empty fields left out — and written in one go. tests/test_write_canonical.py
    checks every line against ``orjson.dumps(record_object(...))``.
    """
    import io

    import orjson
    import polars as pl

    schema = load_schema(items.schema_name)
    records = items.records
    order = canonical_order(records, schema)
    records = [records[i] for i in order]
    pieces = _pieces(records, schema)
    lines = pl.select(pl.concat_str(pieces, separator=",", ignore_nulls=True).alias("line")) if records else None
    out = io.BytesIO()
    out.write(orjson.dumps(header(items)) + b"\n")
    if lines is not None:
        lines.select(pl.lit("{") + pl.col("line") + pl.lit("}")).write_csv(
            out, include_header=False, quote_style="never"
        )
    return out.getvalue()


def _pieces(records: Sequence[Record], schema: Schema) -> list[pl.Expr]:
    """One expression per member of ``record_object``, in its order: '"key":value', or null when left out."""
    import orjson
    import polars as pl

    def text(values: list[str | None]) -> pl.Series:
        return pl.Series(values, dtype=pl.String)

    def member(key: str, values: pl.Series | pl.Expr) -> pl.Expr:
        value = values if isinstance(values, pl.Expr) else pl.lit(values)
        return pl.lit(orjson.dumps(key).decode() + ":") + _json_string(value)

    pieces = [member(f.key, text([r.values.get(f.key) or None for r in records])) for f in schema.fields]
    pieces.append(member("department", text([r.department or None for r in records])))
    pieces.append(member("type_from", text([r.type_from or None for r in records])))
    # Nested objects are rare (a variant type's original spelling, extra columns): orjson writes those.
    pieces.append(pl.lit(text([_nested("raw", dict(sorted(r.raw.items()))) if r.raw else None for r in records])))
    pieces.append(pl.lit(text([_nested("extra", r.extra) if r.extra else None for r in records])))
    sources = [r.source for r in records]
    has_source = pl.lit(pl.Series([s is not None for s in sources], dtype=pl.Boolean))
    file = pl.lit(text([os.path.basename(s.file) if s else None for s in sources]))
    sheet = pl.lit(text([s.sheet if s else None for s in sources]))
    row = pl.lit(pl.Series([s.row if s else None for s in sources], dtype=pl.Int64))
    source = (
        pl.lit('"source":{"file":')
        + _json_string(file)
        + pl.lit(',"sheet":')
        + _json_string(sheet).fill_null("null")
        + pl.lit(',"row":')
        + row.cast(pl.String).fill_null("null")
        + pl.lit("}")
    )
    pieces.append(pl.when(has_source).then(source))
    return pieces


def _json_string(value: pl.Expr) -> pl.Expr:
    """A string column as JSON string literals (null stays null): encoded as a one-field object, then unwrapped."""
    import polars as pl

    return pl.when(value.is_not_null()).then(pl.struct(value.alias("v")).struct.json_encode().str.slice(5).str.head(-1))


def _nested(key: str, value: dict[str, str]) -> str:
    import orjson

    return orjson.dumps(key).decode() + ":" + orjson.dumps(value).decode()


def json_document(items: ItemList) -> str:
    schema = load_schema(items.schema_name)
    document = {**header(items), "records": [record_object(r, schema) for r in ordered(items, schema)]}
    return json.dumps(document, ensure_ascii=False, indent=1)
