"""Replay a change order onto a base list. Every change must fit the base, or nothing is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from listkit.errors import InputError
from listkit.model import ItemList
from listkit.normalize import fold
from listkit.record import Record
from listkit.schema import Field, Schema, load_schema


@dataclass
class Entry:
    """One change of a change order: records to take out, records to put in, and where the order says so."""

    olds: list[Record]
    news: list[Record]
    where: str  # 'changes.xlsx 变更明细!A12' or 'changes.json changes[3]', for error messages


def apply_entries(base: ItemList, entries: Sequence[Entry]) -> ItemList:
    schema = load_schema(base.schema_name)
    index = _Index(base.records, schema)
    removed: set[int] = set()
    put_at: dict[int, list[Record]] = {}  # slot of the first old record → the new records that replace it
    appended: list[Record] = []
    name_key = schema.key_of("name")
    additions: list[tuple[Record, str]] = []
    for entry in entries:
        if not entry.olds and not entry.news:
            raise InputError("not-a-change-order", file=entry.where)
        if any(not index.value(new, name_key) for new in entry.news):
            raise InputError("apply-nameless", where=entry.where)
        slots = [index.take(old, entry.where) for old in entry.olds]
        for slot, old in zip(slots, entry.olds, strict=True):
            index.check(slot, old, entry.where)
        removed.update(slots)
        if slots:
            put_at.setdefault(slots[0], []).extend(entry.news)
        else:
            appended.extend(entry.news)
            additions.extend((new, entry.where) for new in entry.news)
    index.refuse_present(additions, removed)
    result: list[Record] = []
    for slot, record in enumerate(base.records):
        result.extend(put_at.get(slot, ()))
        if slot not in removed:
            result.append(record)
    return base.model_copy(update={"records": result + appended})


class _Index:
    """Base records by code and by item identity; each record can be taken once."""

    def __init__(self, records: Sequence[Record], schema: Schema) -> None:
        self.schema = schema
        self.records = records
        # A placeholder ('无', '/') says a field is empty, in the base or in the order: the list reader empties
        # them, a change order (json, or 变更明细 read as written) keeps what it says.
        self.nothing = {spec.key: frozenset(fold(v) for v in spec.none_values) for spec in schema.fields}
        self.by_code: dict[str, list[int]] = {}
        self.by_item: dict[tuple[str, ...], list[int]] = {}
        for slot, record in enumerate(records):
            code = self.value(record, schema.key_of("code"))
            if code:
                self.by_code.setdefault(code, []).append(slot)
            self.by_item.setdefault(self._item(record), []).append(slot)
        self.taken: set[int] = set()

    def refuse_present(self, additions: Sequence[tuple[Record, str]], removed: set[int]) -> None:
        """An added record must be new: not holding the code of a record the base keeps, nor that record over
        again field for field. (Two items of one name with different bases are two items: real lists have them.)"""
        code_key = self.schema.key_of("code")
        for record, where in additions:
            code = self.value(record, code_key)
            by_code = self.by_code.get(code, []) if code else []
            for slot in dict.fromkeys([*by_code, *self.by_item.get(self._item(record), ())]):
                current = self.records[slot]
                if slot in removed or not (slot in by_code or self._same_fields(current, record)):
                    continue
                source = current.source
                place = f"{source.sheet}!{source.row}" if source and source.sheet else f"#{slot + 1}"
                name = record.get(self.schema.key_of("name"))
                raise InputError("apply-exists", where=where, name=name, at=place)

    def _same_fields(self, first: Record, second: Record) -> bool:
        keys = [spec.key for spec in self.schema.fields if spec.role != "seq"]
        return all(self.value(first, key) == self.value(second, key) for key in keys)

    def value(self, record: Record, key: str | None) -> str:
        """A field as compared: folded (whitespace and width do not count), a placeholder as empty."""
        folded = fold(record.get(key))
        return "" if key is None or folded in self.nothing.get(key, ()) else folded

    def _item(self, record: Record) -> tuple[str, ...]:
        return (fold(record.department or ""), *(self.value(record, k) for k in self.schema.identity_keys))

    def take(self, old: Record, where: str) -> int:
        """The base record the order's record stands for. Lists hold items of one name twice (separately numbered,
        with different bases) and repeat codes: of the records found by code or identity, the one the order's
        record is, else one whose fields all agree with it, else the first (which the field check then refuses,
        saying what differs)."""
        code = self.value(old, self.schema.key_of("code"))
        found = (*(self.by_code.get(code, ()) if code else ()), *self.by_item.get(self._item(old), ()))
        candidates = [slot for slot in dict.fromkeys(found) if slot not in self.taken]
        if not candidates:
            name = old.get(self.schema.key_of("name")) or old.get(self.schema.key_of("code"))
            raise InputError("apply-missing", where=where, name=name)
        slot: int = max(candidates, key=lambda s: self._likeness(self.records[s], old))  # the first of the best
        self.taken.add(slot)
        return slot

    def _likeness(self, current: Record, old: Record) -> int:
        if (current.values, current.extra, current.department) == (old.values, old.extra, old.department):
            return 2
        return 0 if self._mismatch(current, old) else 1

    def check(self, slot: int, old: Record, where: str) -> None:
        """The change order's 'before' must be what the base says (ignoring whitespace/width and 序号)."""
        current = self.records[slot]
        spec = self._mismatch(current, old)
        if spec is not None:
            base, order = excerpts(current.get(spec.key), old.get(spec.key))
            raise InputError("apply-mismatch", where=where, field=spec.title, base=base, order=order)

    def _mismatch(self, current: Record, old: Record) -> Field | None:
        """The first field the order fills with something other than the base record's value."""
        for spec in self.schema.fields:
            expected = self.value(old, spec.key)
            if spec.role != "seq" and expected and self.value(current, spec.key) != expected:
                return spec
        return None


EXCERPT = 40


def excerpts(first: str, second: str) -> tuple[str, str]:
    """Both texts cut to about EXCERPT characters around where they first differ (as the check compares them:
    whitespace skipped, widths folded): two long bases that differ in one word must not be shown as the same
    first 40 characters."""
    if len(first) <= EXCERPT and len(second) <= EXCERPT:
        return first, second
    at_first, at_second = _first_difference(first, second)
    return _cut(first, at_first), _cut(second, at_second)


def _first_difference(first: str, second: str) -> tuple[int, int]:
    i = j = 0
    while True:
        while i < len(first) and first[i].isspace():
            i += 1
        while j < len(second) and second[j].isspace():
            j += 1
        if i >= len(first) or j >= len(second) or fold(first[i]) != fold(second[j]):
            return i, j
        i, j = i + 1, j + 1


def _cut(text: str, at: int) -> str:
    start = max(0, min(at - EXCERPT // 4, len(text) - EXCERPT))
    return ("…" if start else "") + text[start : start + EXCERPT] + ("…" if start + EXCERPT < len(text) else "")
