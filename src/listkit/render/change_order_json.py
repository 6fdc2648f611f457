"""The diff as JSON: the report a program reads, and a change order ``apply`` takes back (read/change_order_json.py)."""

from __future__ import annotations

from typing import Any

from listkit.diff.model import Change, ChangeSet
from listkit.schema import Schema, load_schema
from listkit.write.canonical import record_object


def change_json(change: Change, schema: Schema) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": change.kind,
        "aspects": change.aspects,
        "old": record_object(change.old, schema) if change.old else None,
        "new": record_object(change.new, schema) if change.new else None,
    }
    if len(change.olds) > 1:
        body["merged_from"] = [record_object(r, schema) for r in change.olds[1:]]
    if len(change.news) > 1:
        body["split_into"] = [record_object(r, schema) for r in change.news[1:]]
    body["fields"] = [f.model_dump(exclude_none=True) for f in change.fields]
    body["match"] = change.match.model_dump() if change.match else None
    return body


def changeset_json(changes: ChangeSet, version: str, show_cosmetic: bool) -> dict[str, Any]:
    schema = load_schema(changes.schema_name)
    type_spec = schema.role("type")
    order = type_spec.enum if type_spec and type_spec.enum else ()
    document: dict[str, Any] = {
        "listkit": version,
        "report_version": 1,
        "schema": changes.schema_name,
        "old": changes.old.model_dump(),
        "new": changes.new.model_dump(),
        "summary": changes.summary(schema.key_of("type"), order),
        "changes": [change_json(c, schema) for c in changes.changes],
    }
    if show_cosmetic:
        document["cosmetic"] = [change_json(c, schema) for c in changes.cosmetic]
    return document
