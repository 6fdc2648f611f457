"""Every rule family, in the order validation runs them, and every rule they declare, by id.

Kept apart from the package's ``__init__`` (RuleInfo, which each family imports) so that the families can be
imported here plainly: the package does not import its families, and no family imports this list.
"""

from __future__ import annotations

from types import ModuleType

from listkit.validate.rules import RuleInfo, basis, completeness, disguised, duplicates, schema_rules

_FAMILIES: tuple[ModuleType, ...] = (schema_rules, duplicates, basis, disguised, completeness)


def families() -> list[ModuleType]:
    return list(_FAMILIES)


def all_rules() -> dict[str, RuleInfo]:
    return {info.id: info for family in _FAMILIES for info in family.RULES}
