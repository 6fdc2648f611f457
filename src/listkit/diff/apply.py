"""Replay a change order onto a base list. Every change must fit the base, or nothing is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from listkit.errors import InputError
from listkit.model import ItemList, Record
from listkit.normalize import fold
from listkit.schema import Schema, load_schema


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
    for entry in entries:
        slots = [index.take(old, entry.where) for old in entry.olds]
        for slot, old in zip(slots, entry.olds, strict=True):
            _check_fields(base.records[slot], old, schema, entry.where)
        removed.update(slots)
        if slots:
            put_at.setdefault(slots[0], []).extend(entry.news)
        else:
            appended.extend(entry.news)
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
        self.by_code: dict[str, list[int]] = {}
        self.by_item: dict[tuple[str, ...], list[int]] = {}
        for slot, record in enumerate(records):
            code = fold(record.get(schema.key_of("code")))
            if code:
                self.by_code.setdefault(code, []).append(slot)
            self.by_item.setdefault(self._item(record), []).append(slot)
        self.taken: set[int] = set()

    def _item(self, record: Record) -> tuple[str, ...]:
        return (record.department or "", *(fold(record.get(k)) for k in self.schema.identity_keys))

    def take(self, old: Record, where: str) -> int:
        code = fold(old.get(self.schema.key_of("code")))
        for candidates in (self.by_code.get(code, []) if code else [], self.by_item.get(self._item(old), [])):
            for slot in candidates:
                if slot not in self.taken:
                    self.taken.add(slot)
                    return slot
        name = old.get(self.schema.key_of("name")) or old.get(self.schema.key_of("code"))
        raise InputError("apply-missing", where=where, name=name)


def _check_fields(current: Record, old: Record, schema: Schema, where: str) -> None:
    """The change order's 'before' must be what the base says (ignoring whitespace/width and 序号)."""
    for spec in schema.fields:
        expected = old.values.get(spec.key, "")
        if spec.role == "seq" or not expected:
            continue
        actual = current.values.get(spec.key, "")
        if fold(actual) != fold(expected):
            raise InputError(
                "apply-mismatch", where=where, field=spec.title, base=_short(actual), order=_short(expected)
            )


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"
