"""Rows that go on with the record above instead of starting one.

Two kinds. A row under an item merged over several rows, that adds no sub-item of its own: its cells' texts
continue the record's fields (a long basis split over rows). And a row naming the record above
'事项名称（续）': a publication printing a record too long for one row on several (see listkit.continuation),
whose texts go on where the row above cut them. The row reader decides which rows these are; this joins them.
"""

from __future__ import annotations

from listkit.continuation import continues, join_continued
from listkit.normalize import join_lines, normalize_seq
from listkit.read.sheet_plan import SheetPlan
from listkit.record import Record


def append_row(plan: SheetPlan, record: Record, own: dict[int, str]) -> None:
    """A row of the record's merged item: its own (unmerged) texts continue the record's fields, in order. A
    序号, type or code is one value, never continued."""
    for col, text in own.items():
        key = plan.columns.fields.get(col)
        if key is None:
            header = plan.columns.extras.get(col)
            if header is not None:
                record.extra[header] = f"{record.extra[header]}\n{text}" if header in record.extra else text
            continue
        spec = plan.schema.by_key[key]
        if spec.role in ("seq", "type", "code"):
            continue
        previous = record.values.get(key)
        joined = text if not previous else (previous + text if spec.single_line else f"{previous}\n{text}")
        record.values[key] = join_lines(joined) if spec.single_line else joined


def continues_record(plan: SheetPlan, record: Record, own: dict[int, str]) -> bool:
    """A row naming the record above "事项名称（续）", with its 序号 or none."""
    schema = plan.schema
    written = own.get(plan.name_col) if plan.name_col is not None else None
    if not written or not continues(join_lines(written), record.get(schema.key_of("name"))):
        return False
    seq = own.get(plan.seq_col) if plan.seq_col is not None else None
    return not seq or normalize_seq(seq) == record.get(schema.key_of("seq"))


def continue_record(plan: SheetPlan, record: Record, own: dict[int, str]) -> None:
    """The record's texts continued by a row that repeats its 序号, name and sub-item: each cell's text goes on
    on a new line, or inside the line it was cut from (listkit.continuation.join_continued)."""
    repeated = {plan.name_col, plan.seq_col, plan.sub_col, plan.columns.department}
    for col, text in own.items():
        if col in repeated:
            continue
        key = plan.columns.fields.get(col)
        if key is None:
            header = plan.columns.extras.get(col)
            if header is not None:
                record.extra[header] = join_continued(record.extra.get(header, ""), text)
            continue
        spec = plan.schema.by_key[key]
        if spec.role in ("type", "code"):
            continue
        previous = record.values.get(key, "")
        record.values[key] = join_lines(previous + text) if spec.single_line else join_continued(previous, text)
