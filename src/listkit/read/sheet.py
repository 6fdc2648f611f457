"""One sheet read: its header found, its columns mapped, its body made into records, and what was understood of
it (the SheetLayout behind ``--explain`` and the warnings).

This is the order of the steps and nothing more; each is in a module named for it: header_find.py,
column_map.py, sheet_plan.py, then the body read as whole columns (column_body.py) where every row is plain, else
row by row (row_reader.py), and sheet_notes.py. The rules are general; nothing refers to a particular file.
"""

from __future__ import annotations

from listkit.identity import count_items
from listkit.model import SheetLayout, SkippedRow
from listkit.normalize import fold
from listkit.read import column_body
from listkit.read.column_map import header_text, map_columns
from listkit.read.column_rows import ColumnRows
from listkit.read.grid import Grid, column_letter
from listkit.read.header_find import HeaderMatch, data_start, header_rows
from listkit.read.row_reader import RowReader
from listkit.read.sheet_notes import (
    combined_seq_notes,
    hidden_copy_notes,
    sheet_count_notes,
    ticked_column_notes,
    unnamed_column_notes,
)
from listkit.read.sheet_plan import SheetPlan
from listkit.read.types import TypeResolver
from listkit.record import Record
from listkit.schema import Schema
from listkit.table import RecordTable


def read_sheet(
    grid: Grid, schema: Schema, header: HeaderMatch, types: TypeResolver
) -> tuple[list[Record] | RecordTable, SheetLayout]:
    """A sheet's records (as columns where the sheet was read as columns and its body is plain), and what was
    understood of it."""
    rows = header_rows(grid, header.row, schema)
    start = data_start(grid, header.row, rows)
    columns = map_columns(grid, header.row, rows, schema)
    layout = SheetLayout(
        file=grid.file,
        sheet=grid.sheet,
        header_row=header.row + 1,
        header_rows=rows,
        columns={key: column_letter(col) for col, key in columns.fields.items()},
        headers={column_letter(col): header_text(grid, header.row, rows, col) for col in columns.fields},
        extra_columns={column_letter(col): text for col, text in columns.extras.items()},
    )
    for first, group in columns.ticks.items():
        # Findings on the field point at the group's first column of the record's row (ticks.py).
        layout.columns[group.key] = column_letter(first)
        layout.headers[column_letter(first)] = group.header or header_text(grid, header.row, rows, first)
    layout.notes.extend(grid.notes)
    layout.notes.extend(hidden_copy_notes(grid, columns, start))
    layout.notes.extend(ticked_column_notes(columns, schema))
    plan = SheetPlan(grid, schema, columns, types, layout.headers.values())
    if plan.sheet_type:
        layout.type_from_sheet = plan.sheet_type
    read: list[Record] | RecordTable | None = None
    if isinstance(grid.rows, ColumnRows):
        # Looked up on the module when called, so that a benchmark can switch the column path off.
        read = column_body.read_body(plan, start)
    if read is None:
        read = _drop_hidden_repeats(RowReader(plan, layout).read(start), grid, schema, layout)
    layout.records = len(read) if isinstance(read, list) else read.height
    layout.items = count_items(read, schema)
    layout.notes.extend(sheet_count_notes(grid, layout))
    layout.notes.extend(combined_seq_notes(read, schema))
    layout.notes.extend(unnamed_column_notes(grid, columns, start))
    return read, layout


def _drop_hidden_repeats(records: list[Record], grid: Grid, schema: Schema, layout: SheetLayout) -> list[Record]:
    """A record on hidden rows that repeats a visible record of the sheet is a leftover, not a record (real lists
    keep hidden copies of rows from the catalogue they were derived from)."""
    if not grid.hidden_rows:
        return records
    keys = [schema.key_of("seq"), schema.key_of("name"), schema.key_of("sub-item")]

    def key(record: Record) -> tuple[str, ...]:
        return tuple(fold(record.get(k)) for k in keys)

    def hidden(record: Record) -> bool:
        return record.at is not None and (record.at.row or 0) - 1 in grid.hidden_rows

    visible = {key(r) for r in records if not hidden(r)}
    kept = []
    for record in records:
        if hidden(record) and key(record) in visible:
            row = record.at.row if record.at and record.at.row else 0
            skipped = SkippedRow(row=row, reason="hidden-repeat", text=record.get(keys[1])[:60])
            if not layout.skipped or layout.skipped[-1] != skipped:  # a split cell's records: one row skipped
                layout.skipped.append(skipped)
            continue
        kept.append(record)
    return kept
