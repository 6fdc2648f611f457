"""Sections of the message catalogue kept in files of their own; ``i18n.MESSAGES`` joins them to its own, and
``i18n.t`` looks every key up there. Each section is a dict of key → (zh, en), like ``i18n.MESSAGES``."""

from __future__ import annotations

from listkit.messages import changes, check, documents, repo, rules, stats

SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "rules": rules.MESSAGES,
    "changes": changes.MESSAGES,
    "documents": documents.MESSAGES,
    "check": check.MESSAGES,
    "stats": stats.MESSAGES,
    "repo": repo.MESSAGES,
}
