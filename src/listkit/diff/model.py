"""Changes between two editions: data first (pydantic); text, json, markdown, html and xlsx render it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from listkit.record import Record

Kind = Literal["added", "cancelled", "adjusted", "cosmetic"]
KINDS: tuple[str, ...] = ("added", "cancelled", "adjusted")
# Aspects of an adjustment, in the order reports list them.
ASPECTS: tuple[str, ...] = (
    "renamed",
    "type-changed",
    "basis-changed",
    "body-changed",
    "office-changed",
    "level-changed",
    "code-changed",
    "merged",
    "split",
    "other-field-changed",
)


class FieldChange(BaseModel):
    field: str
    old: str | None = None
    new: str | None = None
    # For level changes: 'delegated' (下放, to a lower level) or 'taken-back' (上收).
    direction: str | None = None


class MatchInfo(BaseModel):
    by: Literal["code", "key", "identity", "fuzzy", "merge", "split"]
    score: float = 1.0


class Change(BaseModel):
    """One change. ``olds``/``news`` hold the records before and after: one each for an adjustment, several
    on one side for a merge (olds) or a split (news), none on the missing side for an addition or cancellation."""

    kind: Kind
    aspects: list[str] = Field(default_factory=list)
    olds: list[Record] = Field(default_factory=list)
    news: list[Record] = Field(default_factory=list)
    fields: list[FieldChange] = Field(default_factory=list)
    match: MatchInfo | None = None

    @property
    def old(self) -> Record | None:
        return self.olds[0] if self.olds else None

    @property
    def new(self) -> Record | None:
        return self.news[0] if self.news else None

    def subject(self) -> Record:
        """The record a report names the change by: the new one, else the old one."""
        record = self.new or self.old
        assert record is not None
        return record


class ListRef(BaseModel):
    file: str
    records: int


class ChangeSet(BaseModel):
    schema_name: str
    old: ListRef
    new: ListRef
    changes: list[Change]
    unchanged: int
    # Kept for the ``apply`` round trip and --show-cosmetic; reports leave them out by default.
    cosmetic: list[Change] = Field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind)

    def by_type(self, type_key: str | None) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for change in self.changes:
            kind_of = change.subject().get(type_key)
            row = table.setdefault(kind_of, dict.fromkeys(KINDS, 0))
            row[change.kind] += 1
        return table

    @property
    def has_differences(self) -> bool:
        return bool(self.changes)

    def summary(self, type_key: str | None, order: tuple[str, ...] = ()) -> dict[str, Any]:
        table = self.by_type(type_key)
        ranked = sorted(table, key=lambda k: (order.index(k) if k in order else len(order), k))
        return {
            "added": self.count("added"),
            "cancelled": self.count("cancelled"),
            "adjusted": self.count("adjusted"),
            "unchanged": self.unchanged,
            "by_type": {k: table[k] for k in ranked},
        }
