"""Every rule family, in the order validation runs them, and every rule they declare, by id.

Kept apart from the package's ``__init__`` (RuleInfo, which each family imports) so that the families can be
imported here plainly: the package does not import its families, and no family imports this list.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from listkit.errors import SchemaError
from listkit.schema import Schema
from listkit.validate.rules import RuleInfo, basis, completeness, declared, disguised, duplicates, schema_rules

_FAMILIES: tuple[ModuleType, ...] = (schema_rules, duplicates, basis, disguised, completeness, declared)


def families() -> list[ModuleType]:
    return list(_FAMILIES)


def all_rules() -> dict[str, RuleInfo]:
    """The built-in rules: those every list has."""
    return {info.id: info for family in _FAMILIES for info in family.RULES}


def family_rules(family: ModuleType, schema: Schema) -> tuple[RuleInfo, ...]:
    """The rules a family runs for a list of this schema: its own, or (declared.py) the schema's."""
    rules_for = getattr(family, "rules_for", None)
    found: tuple[RuleInfo, ...] = rules_for(schema) if rules_for is not None else family.RULES
    return found


def rules_of(schemas: Iterable[Schema]) -> dict[str, RuleInfo]:
    """The built-in rules and those the schemas declare (x-listkit.rules); a declared id may not be a built-in
    one."""
    known = all_rules()
    builtin = set(known)
    for schema in schemas:
        for info in declared.rules_for(schema):
            if info.id in builtin:
                raise SchemaError("schema-rule-id", file=schema.path, rule=info.id)
            known.setdefault(info.id, info)
    return known
