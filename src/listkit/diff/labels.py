"""The words reports and change orders use for kinds and aspects of change, in both languages.

The words are the catalogue's (``diff.kind.*``, ``diff.aspect.*``, ``diff.direction.*`` in
listkit/messages/changes.py); these tables give them by kind, aspect and direction for ``label``.
"""

from __future__ import annotations

from listkit.diff.model import ASPECTS, KINDS
from listkit.i18n import MESSAGES, Lang
from listkit.vocabulary import NEW_MARKS as NEW_MARKS  # what a change-order row says it is, read back by `apply`
from listkit.vocabulary import OLD_MARKS as OLD_MARKS


def _catalogue(prefix: str, names: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    return {name: MESSAGES[f"{prefix}.{name}"] for name in names}


KIND_LABELS = _catalogue("diff.kind", (*KINDS, "cosmetic"))
ASPECT_LABELS = _catalogue("diff.aspect", ASPECTS)
DIRECTION_LABELS = _catalogue("diff.direction", ("delegated", "taken-back"))


def label(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]
