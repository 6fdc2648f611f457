"""A change order given as the diff's JSON report (render/change_order_json.py): its changes as ``apply`` takes them.

Both sections are read: 'changes', and 'cosmetic' when the report kept it (``--show-cosmetic``): its 序号- and
width-only changes are changes to apply too.
"""

from __future__ import annotations

from typing import Any

from listkit.diff.apply import Entry
from listkit.diff.change_order import check_kind
from listkit.errors import InputError
from listkit.read.canonical import record_from_object
from listkit.record import Record
from listkit.schema import Schema


def entries_from_json(document: Any, file: str, schema: Schema) -> list[Entry]:
    if not isinstance(document, dict) or not isinstance(document.get("changes"), list):
        raise InputError("not-a-change-order", file=file)
    entries = []
    for section in ("changes", "cosmetic"):
        for number, change in enumerate(document.get(section) or [], start=1):
            where = f"{file} {section}[{number}]"
            if not isinstance(change, dict):
                raise InputError("not-a-change-order", file=where)
            olds = _records(change, ("old", "merged_from"), number, file, where, schema)
            news = _records(change, ("new", "split_into"), number, file, where, schema)
            check_kind(change.get("kind"), "cosmetic" if section == "cosmetic" else None, olds, news, where)
            entries.append(Entry(olds=olds, news=news, where=where))
    return entries


def _records(
    change: dict[str, Any], keys: tuple[str, str], number: int, file: str, where: str, schema: Schema
) -> list[Record]:
    """The records on one side of a change: the first under 'old' ('new'), the rest of a merge (split) under
    'merged_from' ('split_into')."""
    single, many = change.get(keys[0]), change.get(keys[1]) or []
    objects = ([single] if single else []) + (list(many) if isinstance(many, list) else [many])
    if not all(isinstance(o, dict) for o in objects):
        raise InputError("not-a-change-order", file=where)
    return [record_from_object(o, number, file, schema) for o in objects]
