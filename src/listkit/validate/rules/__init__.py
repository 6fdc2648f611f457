"""The rule families. Each module declares the rule ids it produces and one ``check(ctx)`` generator."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from listkit.validate.context import Context
from listkit.validate.report import Finding, Severity


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: Severity
    zh: str
    en: str


Check = Callable[[Context], Iterable[Finding]]


def families() -> list[ModuleType]:
    from listkit.validate.rules import basis, completeness, disguised, duplicates, schema_rules

    return [schema_rules, duplicates, basis, disguised, completeness]


def all_rules() -> dict[str, RuleInfo]:
    return {info.id: info for family in families() for info in family.RULES}
