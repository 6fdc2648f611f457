"""The canonical form: JSON Lines sorted by identity with a stable key order, so `git diff` reads like a change list.

Line 1 is a header (schema and metadata); then one record per line: the schema's fields in schema order,
then department, where the type came from, original spellings, extra columns and the source cell.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from listkit.bulk import bulk
from listkit.i18n import t
from listkit.identity import sort_key
from listkit.model import ItemList, columns_header
from listkit.progress import track
from listkit.record import Record
from listkit.schema import Schema, load_schema
from listkit.write.canonical_columns import jsonl_lines

FORMAT = "listkit-canonical"
FORMAT_VERSION = 1


def header(items: ItemList) -> dict[str, Any]:
    meta = items.meta.model_dump(exclude_none=True)
    head: dict[str, Any] = {"format": FORMAT, "version": FORMAT_VERSION, "schema": items.schema_name, "meta": meta}
    columns = items.sheet_columns()
    if columns:
        # So that a finding on this file can name the workbook cell a record came from, not just its line.
        head["columns"] = columns_header(columns)
    return {"listkit": head}


def record_object(record: Record, schema: Schema) -> dict[str, Any]:
    values = record.values
    # by_key is the fields in schema order: the same keys, in the same order, without an attribute read a field.
    obj: dict[str, Any] = {key: value for key in schema.by_key if (value := values.get(key))}
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
    return sorted(items.records, key=lambda r: sort_key(r, schema))


CHUNK_LINES = 8192


def jsonl_bytes(items: ItemList) -> bytes:
    return b"".join(jsonl_chunks(items))


def jsonl_chunks(items: ItemList) -> Iterator[bytes]:
    """The canonical .jsonl file — the header line, then one line per record in canonical order — in chunks of
    lines, so that a large list is written as it is made rather than held whole."""
    import orjson

    schema = load_schema(items.schema_name)
    dumps = orjson.dumps
    yield dumps(header(items)) + b"\n"
    table = items.unbuilt_table()
    if table is not None and table.saved:
        chunks = jsonl_lines(table, schema)
        if chunks is not None:
            with track(t("progress.write"), table.height) as advance:
                for chunk, count in chunks:
                    advance(count)
                    yield chunk
            return
    records = ordered(items, schema)
    with track(t("progress.write"), len(records)) as advance:
        for start in range(0, len(records), CHUNK_LINES):
            # Bytes end to end (orjson makes them), and no collector passes over the short-lived dicts.
            with bulk(freeze=False):
                lines = [dumps(record_object(record, schema)) for record in records[start : start + CHUNK_LINES]]
            lines.append(b"")
            advance(len(lines) - 1)
            yield b"\n".join(lines)


def json_document(items: ItemList) -> str:
    schema = load_schema(items.schema_name)
    document = {**header(items), "records": [record_object(r, schema) for r in ordered(items, schema)]}
    return json.dumps(document, ensure_ascii=False, indent=1)
