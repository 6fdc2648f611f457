"""The check result as JSON: the contract CI and scripts rely on (records as canonical jsonl writes them)."""

from __future__ import annotations

from typing import Any

from listkit.check.model import CheckResult
from listkit.record import Record
from listkit.schema import Schema, load_schema
from listkit.write.canonical import record_object


def check_json(result: CheckResult, version: str) -> dict[str, Any]:
    schema, reference_schema = load_schema(result.schema_name), load_schema(result.reference_schema)

    def record(value: Record | None, of: Schema) -> dict[str, Any] | None:
        return record_object(value, of) if value is not None else None

    return {
        "listkit": version,
        "report_version": 1,
        "schema": result.schema_name,
        "list": result.list_files,
        "against": result.reference_files,
        "level": result.level,
        "scope": result.scope,
        "summary": result.summary.as_dict(),
        "departments": [{"department": d.department, "summary": d.summary.as_dict()} for d in result.departments],
        "items": [
            {
                "status": item.status,
                "aspects": item.aspects,
                "list": record(item.listed, schema),
                "reference": record(item.reference, reference_schema),
                "fields": [f.model_dump(exclude_none=True) for f in item.fields],
                "match": item.match.model_dump() if item.match else None,
            }
            for item in result.items
        ],
    }
