"""What a sheet's layout notes say besides its records: things a reader of the list should check by eye.

A hidden copy of a header block (and whether its cells differ from the visible copy's: the hidden one may be the
one kept up to date), a count in the sheet's name that the items read do not match, a 序号 naming several numbers,
a column without a header that holds text, a field read from ticked columns. Each note is 'kind:arguments'; the
explain and warning texts render it.
"""

from __future__ import annotations

import re

from listkit.model import SheetLayout
from listkit.read.column_map import ColumnMap
from listkit.read.column_rows import ColumnRows, strip
from listkit.read.grid import Grid, column_letter
from listkit.read.merges import covered_cells
from listkit.record import Record
from listkit.schema import Schema
from listkit.table import SOURCE, RecordTable
from listkit.vocabulary import COUNT_WORD

_SHEET_COUNT = re.compile(rf"(\d+)\s*{COUNT_WORD}")


def hidden_copy_notes(grid: Grid, columns: ColumnMap, start: int) -> list[str]:
    """A note per hidden copy of a header: the same content, or how many body rows differ."""
    notes = []
    for hidden, shown in columns.hidden_copies:
        where = f"{column_letter(hidden)}:{column_letter(shown)}"
        differ = _differing_rows(grid, hidden, shown, start)
        notes.append(f"hidden-duplicate-differs:{where}:{differ}" if differ else f"hidden-duplicate-column:{where}")
    return notes


def _differing_rows(grid: Grid, first: int, second: int, start: int) -> int:
    """How many rows from ``start`` down hold different text in two columns (merged cells read their anchor's)."""
    if isinstance(grid.rows, ColumnRows) and not any(last >= start for _r0, _c0, last, _c1 in grid.merges):
        # As columns, without making rows: no merge reaches the body, so no cell reads another's text.
        a, b = (strip(grid.rows.column(col).slice(start)).fill_null("") for col in (first, second))
        return int((a != b).sum())
    covered = covered_cells(grid.merges, grid.rows)

    def text(row: int, col: int) -> str:
        return grid.cell(*covered.get((row, col), (row, col))).strip()

    return sum(1 for row in range(start, len(grid.rows)) if text(row, first) != text(row, second))


def ticked_column_notes(columns: ColumnMap, schema: Schema) -> list[str]:
    """A field published as one ticked column per value (ticks.py): its columns, first and last, and its title."""
    notes = []
    for group in columns.ticks.values():
        first, last = column_letter(group.first), column_letter(group.columns[-1][0])
        notes.append(f"ticked-columns:{first}:{last}:{schema.by_key[group.key].title.replace(':', '：')}")
    return notes


def sheet_count_notes(grid: Grid, layout: SheetLayout) -> list[str]:
    """Sheet names like '行政处罚（254项）' promise a count of items: say when the main items read differ (an item
    with two sub-items is one 项 on three rows). Some publishers count every record as a 项, as published
    breakdowns and listkit's own export do: a count equal to the records read is no mismatch either."""
    match = _SHEET_COUNT.search(grid.sheet or "")
    if match and int(match.group(1)) not in (layout.items, layout.records):
        return [f"sheet-count-mismatch:{match.group(1)}:{layout.items}"]
    return []


def combined_seq_notes(read: list[Record] | RecordTable, schema: Schema) -> list[str]:
    """'2,3' on one row whose name lists two items: read as one record (a judgement call, said here). Once per
    row: the records of a split sub-item cell share their row and 序号."""
    return [f"combined-seq:{row}:{seq}" for row, seq in dict.fromkeys(_combined_seqs(read, schema))]


def _combined_seqs(read: list[Record] | RecordTable, schema: Schema) -> list[tuple[int, str]]:
    """(row, 序号) of the records whose 序号 names several numbers ('2,3')."""
    seq_key = schema.key_of("seq")
    if isinstance(read, list):
        return [
            (record.at.row, seq)
            for record in read
            if "," in (seq := record.get(seq_key)) and record.at is not None and record.at.row is not None
        ]
    import polars as pl

    seqs = read.column(seq_key)
    rows = read.frame.get_column(SOURCE).struct.field("row")
    chosen = pl.DataFrame({"row": rows, "seq": seqs}).filter(pl.col("seq").str.contains(",", literal=True))
    return list(chosen.iter_rows())


def unnamed_column_notes(grid: Grid, columns: ColumnMap, start: int) -> list[str]:
    """A column without a header that holds text under it: read as nothing, said here with its count of cells."""
    notes = []
    for col in columns.unnamed:
        filled = _filled(grid, col, start)
        if filled:
            notes.append(f"unnamed-column:{column_letter(col)}:{filled}")
    return notes


def _filled(grid: Grid, col: int, start: int) -> int:
    """How many cells of a column hold text from row ``start`` down."""
    if isinstance(grid.rows, ColumnRows):
        return int((strip(grid.rows.column(col).slice(start)) != "").sum())
    return sum(1 for r in range(start, len(grid.rows)) if grid.cell(r, col).strip())
