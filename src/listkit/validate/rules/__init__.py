"""The rule families. Each module declares the rule ids it produces and one ``check(ctx)`` generator; registry.py
lists them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from listkit.i18n import Lang, t
from listkit.validate.context import Context
from listkit.validate.report import Finding, Severity


@dataclass(frozen=True)
class RuleInfo:
    """A rule's stable id and severity; its title is the catalogue's ``rule.<id>`` (listkit/messages/rules.py), or,
    for a rule a schema declares, the schema's own (zh, en)."""

    id: str
    severity: Severity
    titles: tuple[str, str] | None = None

    @property
    def title_key(self) -> str:
        return f"rule.{self.id}"

    def title(self, lang: Lang) -> str:
        if self.titles is not None:
            return self.titles[0] if lang == "zh" else self.titles[1]
        return t(self.title_key, lang)


Check = Callable[[Context], Iterable[Finding]]
