"""A list whose items name items of another list (``x-refers-to``): each name looked up in the catalogue.

A 中介服务 item serves a licensing item, which it names in its 涉及的审批事项 column; several services serve one item
and one service may serve several (named one per line or between '；'). So this is not a pairing of items, as the
catalogue check is, but a lookup: a listed item conforms when every item it names is in the catalogue (and applies
at the list's level), 'differs' when one is named by another spelling, and is 'extra' when one is not. A catalogue
item no listed item names is not missing: most licences need no intermediary service.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from listkit.check.model import CheckItem, Status
from listkit.diff.classify import aspect_of
from listkit.diff.model import FieldChange, MatchInfo
from listkit.errors import UsageError
from listkit.normalize import fold
from listkit.record import Record
from listkit.schema import Field, Schema

# Between the items one cell names; '、' is not among them, as it sits inside many items' own names.
NAME_SEPARATORS = re.compile(r"[；;\n]+")


def referring_field(schema: Schema) -> Field | None:
    return next((spec for spec in schema.fields if spec.refers_to), None)


def resolve_references(
    records: Sequence[Record],
    schema: Schema,
    field: Field,
    reference: Sequence[Record],
    reference_schema: Schema,
    applies: Sequence[bool],
    *,
    fuzzy: bool,
    min_score: float,
) -> list[CheckItem]:
    """Each of ``records`` with its status: the items its ``field`` names looked up in ``reference``."""
    assert field.refers_to is not None
    target = reference_schema.key_of(field.refers_to)
    if target is None:
        raise UsageError(
            "bad-option", option="--against", reason=f"{reference_schema.title}: no {field.refers_to} ({field.title})"
        )
    lookup = _Lookup([fold(record.get(target)) for record in reference], fuzzy, min_score)
    found: list[CheckItem] = []
    for record in records:
        names = [name.strip() for name in NAME_SEPARATORS.split(record.get(field.key)) if name.strip()]
        hits = [lookup.find(name) for name in names]
        unresolved = [name for name, hit in zip(names, hits, strict=True) if hit is None]
        if not names or unresolved:
            missing = [FieldChange(field=field.key, old=None, new=name) for name in unresolved]
            found.append(CheckItem(status="extra", listed=record, fields=missing))
            continue
        resolved = [hit for hit in hits if hit is not None]
        index, how = resolved[0]
        if not all(applies[i] for i, _how in resolved):
            found.append(CheckItem(status="out-of-level", listed=record, reference=reference[index], match=how))
            continue
        # Named by another spelling: found, but the cell should say the catalogue's name.
        respelled = [
            FieldChange(field=field.key, old=reference[i].get(target), new=name)
            for name, (i, hit) in zip(names, resolved, strict=True)
            if hit.by == "fuzzy"
        ]
        status: Status = "differs" if respelled else "conforming"
        aspects = [aspect_of(field, schema)] if respelled else []
        found.append(
            CheckItem(
                status=status, aspects=aspects, listed=record, reference=reference[index], fields=respelled, match=how
            )
        )
    return found


class _Lookup:
    """Folded catalogue names → their first record; a name not found as written, by its nearest spelling."""

    def __init__(self, names: list[str], fuzzy: bool, min_score: float) -> None:
        self.first: dict[str, int] = {}
        for index, name in enumerate(names):
            if name:
                self.first.setdefault(name, index)
        self.names = list(self.first)
        self.fuzzy = fuzzy
        self.cutoff = min_score * 100
        self.known: dict[str, tuple[int, MatchInfo] | None] = {}

    def find(self, name: str) -> tuple[int, MatchInfo] | None:
        folded = fold(name)
        if folded not in self.known:
            self.known[folded] = self._find(folded)
        return self.known[folded]

    def _find(self, folded: str) -> tuple[int, MatchInfo] | None:
        if folded in self.first:
            return self.first[folded], MatchInfo(by="identity")
        if not self.fuzzy or not self.names:
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(folded, self.names, scorer=fuzz.ratio, score_cutoff=self.cutoff)
        if best is None:
            return None
        return self.first[best[0]], MatchInfo(by="fuzzy", score=round(best[1] / 100, 3))
