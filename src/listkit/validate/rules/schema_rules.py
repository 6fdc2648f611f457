"""Record-level checks that the schema itself states: required, enum, pattern, length.

fastjsonschema answers "valid?" quickly for every record; only a failing record goes through jsonschema for
the full list of errors, each mapped to a stable rule id by the keyword that failed and the field's role.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from listkit.record import Record
from listkit.schema_refs import refusal
from listkit.table import rows_where
from listkit.validate.columnar import compile_columns
from listkit.validate.context import Context
from listkit.validate.report import Finding
from listkit.validate.rules import RuleInfo

RULES = (
    RuleInfo("required-field", "error"),
    RuleInfo("unknown-type", "error"),
    RuleInfo("type-variant", "warning"),
    RuleInfo("invalid-value", "error"),
    RuleInfo("code-format", "error"),
    RuleInfo("field-format", "error"),
    RuleInfo("field-length", "error"),
    RuleInfo("schema-violation", "error"),
)


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.table
    type_key = ctx.schema.key_of("type")
    variants = set(rows_where(table.raw(type_key).is_not_null())) if type_key else set()
    failing = _failing(ctx)
    for index, record in table.records_at(list(variants | failing)).items():  # in row order
        if index in variants and type_key:
            yield ctx.finding(
                "type-variant",
                "warning",
                record,
                type_key,
                value=record.raw[type_key],
                canonical=record.values.get(type_key, ""),
            )
        if index in failing:
            yield from _details(ctx, record)


def _failing(ctx: Context) -> set[int]:
    """Which records fail the schema: column passes where the schema allows (see columnar.py), else
    fastjsonschema record by record."""
    from fastjsonschema import JsonSchemaValueException

    columns = compile_columns(ctx.schema.validation_document)
    if columns is not None:
        return columns(ctx.table)
    validate = ctx.schema.fast_validator
    failing = set()
    for index, record in enumerate(ctx.table.all_records()):
        try:
            validate(record.values)
        except JsonSchemaValueException:
            failing.add(index)
    return failing


def _details(ctx: Context, record: Record) -> Iterator[Finding]:
    schema = ctx.schema
    required_done = False
    try:
        errors = sorted(schema.detail_validator.iter_errors(record.values), key=lambda e: list(e.path))
    except Exception as exc:
        # jsonschema follows references as it meets them, wrapping a refused one in its own errors: the refusal
        # (schema_refs.py) is what the user must see, through the CLI's exit 2.
        refused = refusal(exc)
        if refused is None:
            raise
        raise refused from None
    for error in errors:
        keyword = error.validator
        if keyword == "required":
            # jsonschema raises one error per missing field; report each field once, in schema order.
            if not required_done:
                required_done = True
                for key in error.validator_value:
                    if key not in record.values:
                        yield ctx.finding("required-field", "error", record, key, title=schema.by_key[key].title)
            continue
        key = str(error.path[0]) if error.path else None
        spec = schema.by_key.get(key) if key else None
        value = record.values.get(key, "") if key else ""
        title = spec.title if spec else (key or "")
        yield _map(ctx, record, keyword, key, spec, value, title, error)


def _map(
    ctx: Context, record: Record, keyword: Any, key: str | None, spec: Any, value: str, title: str, error: Any
) -> Finding:
    if keyword == "minLength" and not value.strip():
        return ctx.finding("required-field", "error", record, key, title=title)
    if keyword == "enum":
        allowed = "、".join(str(v) for v in error.validator_value)
        rule = "unknown-type" if spec is not None and spec.role == "type" else "invalid-value"
        return ctx.finding(rule, "error", record, key, value=value, title=title, allowed=allowed)
    if keyword == "pattern":
        rule = "code-format" if spec is not None and spec.role == "code" else "field-format"
        return ctx.finding(rule, "error", record, key, value=value, title=title, pattern=error.validator_value)
    if keyword == "maxLength":
        return ctx.finding(
            "field-length",
            "error",
            record,
            key,
            value=value,
            title=title,
            length=len(value),
            limit=error.validator_value,
        )
    return ctx.finding("schema-violation", "error", record, key, value=value, title=title, reason=error.message)
