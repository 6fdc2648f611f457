"""Rules a schema declares: ``x-listkit.rules`` as a list of rule declarations, checked when the schema loads.

Each declaration is ``{"id": "kebab-case-id", "severity": "error"|"warning", "title": {"zh": …, "en": …},
"kind": …, …}``, with kinds ``required-when`` (``field``, optional ``when``: ``{"field": K, "in": [values]}``),
``at-most-when`` (``field``, ``max`` days, optional ``when``) and ``not-greater-than`` (``field``, ``than``: both
read as numbers of days). validate/rules/declared.py runs them. The older form, ``x-listkit.rules`` as an object
of rule id → options (validate/context.py ``option``), declares nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal

from listkit.errors import SchemaError

KINDS = ("required-when", "at-most-when", "not-greater-than")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
DeclaredSeverity = Literal["error", "warning"]


@dataclass(frozen=True)
class Condition:
    """``when``: the rule applies to a record whose ``field`` holds one of ``values`` (compared stripped)."""

    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class DeclaredRule:
    id: str
    severity: DeclaredSeverity
    title: str
    title_en: str
    kind: str
    field: str
    when: Condition | None = None
    max: float | None = None
    than: str | None = None


def declared_rules(meta: Any, keys: Collection[str], path: str) -> tuple[DeclaredRule, ...]:
    """The rules ``x-listkit.rules`` declares, or a SchemaError naming the schema file and the rule."""
    listed = meta.get("rules") if isinstance(meta, dict) else None
    if listed is None or isinstance(listed, dict):  # none, or options of built-in rules
        return ()
    if not isinstance(listed, list):
        raise SchemaError("schema-rule-entry", file=path, rule="x-listkit.rules", entry="rules", expected="[…]")
    rules: list[DeclaredRule] = []
    for index, entry in enumerate(listed):
        rule = _declared(entry, index, keys, path)
        if any(other.id == rule.id for other in rules):
            raise SchemaError("schema-rule-id", file=path, rule=rule.id)
        rules.append(rule)
    return tuple(rules)


def _declared(entry: Any, index: int, keys: Collection[str], path: str) -> DeclaredRule:
    given = entry.get("id") if isinstance(entry, dict) else None
    name = given if isinstance(given, str) and given else f"#{index + 1}"

    def refuse(entry_name: str, expected: str) -> SchemaError:
        return SchemaError("schema-rule-entry", file=path, rule=name, entry=entry_name, expected=expected)

    if not isinstance(entry, dict):
        raise refuse(f"x-listkit.rules[{index}]", '{"id": …, "kind": …}')
    if not isinstance(given, str) or not RULE_ID.match(given):
        raise SchemaError("schema-rule-id", file=path, rule=name)
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SchemaError("schema-rule-kind", file=path, rule=name, kind=kind, known=", ".join(KINDS))
    severity = entry.get("severity")
    if severity not in ("error", "warning"):
        raise refuse("severity", '"error" | "warning"')
    title = entry.get("title")
    if not isinstance(title, dict) or not _text(title.get("zh")) or not _text(title.get("en")):
        raise refuse("title", '{"zh": "…", "en": "…"}')

    def field_of(entry_name: str, value: Any) -> str:
        if not _text(value):
            raise refuse(entry_name, '"<field key>"')
        if value not in keys:
            raise SchemaError("schema-rule-field", file=path, rule=name, entry=entry_name, field=value)
        return str(value)

    field = field_of("field", entry.get("field"))
    when: Condition | None = None
    if kind in ("required-when", "at-most-when") and "when" in entry:
        spec = entry["when"]
        values = spec.get("in") if isinstance(spec, dict) else None
        if not isinstance(values, list) or not values or not all(_text(v) for v in values):
            raise refuse("when", '{"field": "…", "in": ["…"]}')
        when = Condition(field_of("when.field", spec.get("field")), tuple(str(v).strip() for v in values))
    limit: float | None = None
    if kind == "at-most-when":
        raw = entry.get("max")
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw < 0:
            raise refuse("max", "number ≥ 0")
        limit = float(raw)
    than = field_of("than", entry.get("than")) if kind == "not-greater-than" else None
    return DeclaredRule(
        id=given,
        severity=severity,
        title=str(title["zh"]),
        title_en=str(title["en"]),
        kind=kind,
        field=field,
        when=when,
        max=limit,
        than=than,
    )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
