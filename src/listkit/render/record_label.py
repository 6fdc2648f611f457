"""How a report names a record in one line: 'type · name · sub-item', the parts it has."""

from __future__ import annotations

from listkit.record import Record
from listkit.schema import Schema


def record_label(record: Record, schema: Schema) -> str:
    parts = [
        record.get(schema.key_of("type")),
        record.get(schema.key_of("name")),
        record.get(schema.key_of("sub-item")),
    ]
    return " · ".join(part for part in parts if part)
