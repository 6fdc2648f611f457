"""How a report names a record in one line ('type · name · sub-item', the parts it has), and the column of types."""

from __future__ import annotations

from listkit.i18n import Lang, t
from listkit.record import Record
from listkit.schema import Schema


def record_label(record: Record, schema: Schema) -> str:
    parts = [
        record.get(schema.key_of("type")),
        record.get(schema.key_of("name")),
        record.get(schema.key_of("sub-item")),
    ]
    return " · ".join(part for part in parts if part)


def type_heading(schema: Schema, lang: Lang) -> str:
    """The header over a column of types: the list's own word (权力类型, 事项类型), else the catalogue's."""
    spec = schema.role("type")
    return spec.display_title(lang) if spec is not None else t("by.type", lang)
