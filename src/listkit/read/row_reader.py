"""A sheet's body read row by row into records, for any layout a real list uses.

Which rows make one record is the question here. An item merged over several rows is one record, or one per
sub-item when its sub-items stand on rows of their own; a sub-item row may leave the item name to the row above
it; a row that adds text and no sub-item continues the record above, as does a row naming it '事项名称（续）'.
Rows that are not records (notes, section headings, repeated headers: skipped_rows.py) are skipped and named in
the sheet's layout. Turning a row into a record is row_records.py's.
"""

from __future__ import annotations

from dataclasses import dataclass

from listkit.i18n import t
from listkit.model import SheetLayout, SkippedRow
from listkit.progress import Advance, track
from listkit.read.continued_rows import append_row, continue_record, continues_record
from listkit.read.merged_text import Anchor, MergedText
from listkit.read.row_records import RecordBuilder
from listkit.read.sheet_plan import SheetPlan
from listkit.read.skipped_rows import first_text, is_note, is_repeated_header, section_heading, section_type
from listkit.record import Record

PROGRESS_STEP = 4096


@dataclass
class _Open:
    """The record being built, and the cells (merge anchors) that define it."""

    record: Record
    name_anchor: Anchor | None
    sub_anchor: Anchor | None
    seq_anchor: Anchor | None


class RowReader:
    def __init__(self, plan: SheetPlan, layout: SheetLayout) -> None:
        self.plan = plan
        self.layout = layout
        self.merged = MergedText(plan.grid)
        self.builder = RecordBuilder(plan)

    def read(self, start: int) -> list[Record]:
        """The records of the rows from ``start`` down; the rows skipped are added to the layout."""
        grid = self.plan.grid
        with track(t("progress.read", where=grid.sheet or grid.file), len(grid.rows) - start) as advance:
            return self.builder.packed.split(self._read(start, advance), self.layout)

    def _read(self, start: int, advance: Advance) -> list[Record]:
        records: list[Record] = []
        current: _Open | None = None
        rows, merged_rows, fast = self.plan.grid.rows, self.merged.rows, self.builder.fast
        name_col, sub_col, seq_col = self.plan.name_col, self.plan.sub_col, self.plan.seq_col
        for row in range(start, len(rows)):
            if not (row - start + 1) % PROGRESS_STEP:
                advance(PROGRESS_STEP)
            cells = rows[row]
            if name_col is not None and row not in merged_rows:
                plain = fast(row, cells)
                if plain is not None:
                    record, texts = plain
                    records.append(record)
                    current = _Open(
                        record=record,
                        name_anchor=(row, name_col),
                        sub_anchor=(row, sub_col) if sub_col is not None and texts.get(sub_col) else None,
                        seq_anchor=(row, seq_col) if seq_col is not None and texts.get(seq_col) else None,
                    )
                    continue
            own = self.merged.own_texts(row, cells)
            if not own:
                continue  # blank row, or the covered remainder of merged cells
            current = self._place(row, own, current, records)
        advance((len(rows) - start) % PROGRESS_STEP)
        return records

    def _skip(self, row: int, reason: str, text: str = "") -> None:
        self.layout.skipped.append(SkippedRow(row=row + 1, reason=reason, text=text))

    def _place(self, row: int, own: dict[int, str], current: _Open | None, records: list[Record]) -> _Open | None:
        """Where a row that is not plain goes: skipped, into the record being built, or a record of its own."""
        plan = self.plan
        if is_note(plan, own):
            self._skip(row, "note", first_text(own))
            return current
        section = section_type(plan, own)
        heading = section_heading(plan, row, own) if section is None else None
        if section is not None:
            self.builder.section_type = section
        elif heading is not None:
            self.builder.section_values = dict.fromkeys(plan.schema.section_keys, heading)
        if section is not None or heading is not None:
            self._skip(row, "section", first_text(own))
            return current
        if is_repeated_header(plan, own):
            self._skip(row, "repeated-header", first_text(own))
            return current
        if current is not None and continues_record(plan, current.record, own):
            continue_record(plan, current.record, own)
            self._skip(row, "continuation")
            return current
        return self._merge_or_start(row, own, current, records)

    def _merge_or_start(self, row: int, own: dict[int, str], current: _Open | None, records: list[Record]) -> _Open:
        """The record being built, when the row's name (or, under it, its sub-item) reads the same merged cell, or
        it has none and adds text only; else a new record, taking the item name from the row above when the row
        writes only a new sub-item."""
        cell = self.merged.cell
        _name, name_anchor, name_own = cell(row, self.plan.name_col, own)
        _sub, sub_anchor, _sub_own = cell(row, self.plan.sub_col, own)
        _seq, seq_anchor, seq_own = cell(row, self.plan.seq_col, own)
        carry_from: _Open | None = None
        if current is not None:
            same_item_merge = name_anchor is not None and not name_own and name_anchor == current.name_anchor
            if same_item_merge and (sub_anchor is None or sub_anchor == current.sub_anchor):
                return self._append(current, row, own)
            if name_anchor is None:
                same_seq = seq_anchor is None or (not seq_own and seq_anchor == current.seq_anchor)
                if sub_anchor is not None and sub_anchor != current.sub_anchor and same_seq:
                    # A sub-item whose item name is written only on the item's first row.
                    carry_from = current
                elif sub_anchor is None and same_seq:
                    return self._append(current, row, own)
        carried = carry_from.record if carry_from is not None else None
        record = self.builder.build(row, lambda col: cell(row, col, own)[0], carried)
        records.append(record)
        if carry_from is not None:
            name_anchor = name_anchor or carry_from.name_anchor
            seq_anchor = seq_anchor or carry_from.seq_anchor
        return _Open(record=record, name_anchor=name_anchor, sub_anchor=sub_anchor, seq_anchor=seq_anchor)

    def _append(self, current: _Open, row: int, own: dict[int, str]) -> _Open:
        append_row(self.plan, current.record, own)
        self._skip(row, "continuation")
        return current
