"""Records whose 子项名称 cell packs several numbered sub-items, split into one record per sub-item.

subitems.py tells whether a cell packs sub-items and cuts it into its pieces. Here the record read from such a
row is remembered while the sheet is read, and split only once it is read whole: continuation rows may still add
to the record, and every piece's record is a copy of the completed one. Each split cell is named in the sheet's
layout notes.
"""

from __future__ import annotations

from listkit.model import SheetLayout
from listkit.normalize import join_lines
from listkit.read.grid import column_letter
from listkit.read.sheet_plan import SheetPlan
from listkit.read.subitems import split_sub_items
from listkit.record import Record, make_record


class PackedSubItems:
    def __init__(self, plan: SheetPlan) -> None:
        self.plan = plan
        self._packed: list[tuple[Record, list[str]]] = []  # (record, its cell's pieces as written)

    def note(self, record: Record, cell: str) -> None:
        """Remember the record if its sub-item cell (as written: line breaks may separate pieces) packs several."""
        pieces = split_sub_items(cell)
        if pieces is not None:
            self._packed.append((record, pieces))

    def split(self, records: list[Record], layout: SheetLayout) -> list[Record]:
        """Each remembered record becomes k records: copies of it, each with its own piece as the sub-item, all
        from the same row."""
        sub_key, sub_col = self.plan.sub_key, self.plan.sub_col
        if not self._packed or sub_key is None or sub_col is None:
            return records
        single_line = self.plan.schema.by_key[sub_key].single_line
        pieces_of = {id(record): pieces for record, pieces in self._packed}
        self._packed = []
        split: list[Record] = []
        for record in records:
            pieces = pieces_of.get(id(record))
            if pieces is None:
                split.append(record)
                continue
            row = record.at.row if record.at is not None and record.at.row is not None else 0
            layout.notes.append(f"split-sub-items:{column_letter(sub_col)}{row}:{len(pieces)}")
            for piece in pieces:
                values = {**record.values, sub_key: join_lines(piece) if single_line else piece}
                split.append(
                    make_record(
                        values,
                        record.source,
                        department=record.department,
                        extra=dict(record.extra),
                        raw=dict(record.raw),
                        type_from=record.type_from,
                        at=record.at,
                    )
                )
        return split
