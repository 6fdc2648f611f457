"""A derived list against its master list: two schemas, one vocabulary of roles.

A 证照分离 or 中介服务 list has its own columns, yet its items name the licensing items they derive from. The
catalogue's records are seen through the list's schema, role by role (name, sub-item, type, basis, code, level,
body, office), so the one matcher and the one comparison serve both; the report keeps the catalogue's records as
they were read.
"""

from __future__ import annotations

from listkit.record import Record
from listkit.schema import Schema

ROLES = ("code", "name", "sub-item", "type", "basis", "body", "office", "level")


def projected(records: list[Record], source: Schema, target: Schema) -> list[Record]:
    """``records`` of ``source``'s schema with their values under ``target``'s keys, for the roles both have."""
    if source.ref == target.ref:
        return records
    keys = [
        (from_key, to_key) for role in ROLES if (from_key := source.key_of(role)) and (to_key := target.key_of(role))
    ]
    return [
        Record(
            values={to_key: record.values[from_key] for from_key, to_key in keys if from_key in record.values},
            department=record.department,
            source=record.source,
        )
        for record in records
    ]
