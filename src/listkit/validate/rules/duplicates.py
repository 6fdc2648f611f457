"""应统尽统、不重不漏: no item twice (same type + name + sub-item), no code twice.

Names are compared folded (whitespace and full/half-width punctuation ignored); the later occurrence is
reported and points at the first. In a list that spans departments, the same item under two departments
is not a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat

from listkit.model import Record
from listkit.normalize import fold
from listkit.validate.context import Context
from listkit.validate.report import Finding
from listkit.validate.rules import RuleInfo

RULES = (
    RuleInfo(
        "duplicate-item", "error", "事项重复（类型、名称、子项相同）", "Duplicate item (same type, name, sub-item)"
    ),
    RuleInfo("duplicate-code", "error", "事项编码重复", "Duplicate item code"),
)


def check(ctx: Context) -> Iterator[Finding]:
    schema = ctx.schema
    name_key = schema.key_of("name")
    identity = schema.identity_keys
    code_key = schema.key_of("code")
    seen_items: dict[tuple[str, str], Record] = {}
    seen_codes: dict[str, Record] = {}
    for record in ctx.items.records:
        values = record.values
        if identity and name_key and values.get(name_key):
            # One fold over the joined identity fields (NUL cannot occur in cell text) instead of one per field.
            key = (record.department or "", fold("\0".join(map(values.get, identity, repeat("")))))
            first = seen_items.setdefault(key, record)
            if first is not record:
                yield ctx.finding(
                    "duplicate-item", "error", record, name_key, value=values[name_key], first=ctx.where(first)
                )
        code = fold(values.get(code_key, "")) if code_key else ""
        if code:
            first = seen_codes.setdefault(code, record)
            if first is not record:
                yield ctx.finding(
                    "duplicate-code",
                    "error",
                    record,
                    code_key,
                    value=values[code_key or ""],
                    first=ctx.where(first),
                )
