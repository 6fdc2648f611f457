"""A record's identity across editions: its code where the list has one, else type + name + sub-item, folded.

Folding ignores whitespace and full/half-width punctuation; the displayed text is never changed.
"""

from __future__ import annotations

from listkit.model import Record
from listkit.normalize import fold
from listkit.schema import Schema


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
