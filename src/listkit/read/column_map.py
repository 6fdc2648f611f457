"""Which column holds which schema field, read from the header row(s).

A header merged over two columns is one header, the second column being the field that continues the first
(层级 | 权限 under '行使层级'); a header written twice maps its second copy to the continuing field or keeps it as an
extra column; a 部门 column (the schema's department column: its title or an alias) names each record's
department; a header block copied with one copy hidden in Excel/WPS is read from the visible copy, the one the
clerk sees and prints; a field that stands in for another (``x-stands-in-for``: 实施依据 for the basis) is read as
that one when the sheet has no column of it; a closed field published as one ticked column per value (``x-ticks``:
'改革方式' over 直接取消审批 | 审批改为备案 | …) is read from those columns together (ticks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from listkit.normalize import fold, join_lines
from listkit.read.grid import Grid, column_letter
from listkit.read.merges import Covered, covered_cells
from listkit.read.ticks import TickGroup, find_ticks
from listkit.schema import Schema


@dataclass
class ColumnMap:
    fields: dict[int, str] = field(default_factory=dict)  # column index → field key
    extras: dict[int, str] = field(default_factory=dict)  # column index → header kept as an extra field
    unnamed: list[int] = field(default_factory=list)  # columns without any header
    department: int | None = None  # a 部门 column (lists that span departments, listkit's own csv/xlsx)
    # (hidden column, visible column read instead): a header block copied, one copy hidden in Excel/WPS.
    hidden_copies: list[tuple[int, int]] = field(default_factory=list)
    # First column → a field published as ticked columns, one per value (x-ticks): read from all of them.
    ticks: dict[int, TickGroup] = field(default_factory=dict)


def map_columns(grid: Grid, header: int, rows: int, schema: Schema) -> ColumnMap:
    covered = covered_cells(grid.merges, grid.rows)
    width = max((len(grid.rows[r]) for r in range(header, header + rows)), default=0)
    mapping = ColumnMap()
    used: set[str] = set()
    previous: str | None = None
    headers = [_column_header(grid, covered, header, rows, col, schema) for col in range(width)]
    demoted = _hidden_copies(grid, headers)
    mapping.ticks = _ticks(grid, covered, header, rows, headers, schema)
    ticked = {col for group in mapping.ticks.values() for col, _value in group.columns}
    for col, (own, key, _borrowed) in enumerate(headers):
        if col in ticked:
            previous = None
            continue
        if col in demoted:
            # The clerk sees and prints the visible copy; the hidden one is kept, not read as the field.
            mapping.extras[col] = f"{own}({column_letter(col)})"
            previous = None
            continue
        if key is not None and key in used:
            # The same header twice (merged over two columns, or simply repeated): the second one is the
            # field that continues it, if the schema has one.
            key = schema.continuation_of(key)
            if key is None or key in used:
                mapping.extras[col] = f"{own}({column_letter(col)})"
                previous = None
                continue
        if key is None and not own and previous is not None:
            key = schema.continuation_of(previous)
            if key in used:
                key = None
        if key is not None:
            mapping.fields[col] = key
            used.add(key)
            previous = key
        elif own and mapping.department is None and fold(own) in schema.department_headers:
            mapping.department = col
            previous = None
        elif own:
            mapping.extras[col] = own
            previous = None
        else:
            mapping.unnamed.append(col)
            previous = None
    mapping.hidden_copies = [
        (hidden, shown) for hidden, shown in sorted(demoted.items()) if mapping.fields.get(shown) == headers[shown][1]
    ]
    _stand_in(mapping, schema)
    return mapping


def _ticks(
    grid: Grid, covered: Covered, header: int, rows: int, headers: list[tuple[str, str | None, bool]], schema: Schema
) -> dict[int, TickGroup]:
    """The fields published as ticked columns; not a field that a column of its own also names (that column is
    read, the others are left to the usual mapping)."""
    above = [join_lines(grid.cell(*covered.get((header, col), (header, col)))) for col in range(len(headers))]
    groups = find_ticks(zip(above, (own for own, _key, _borrowed in headers), strict=True), schema)
    ticked = {col for group in groups.values() for col, _value in group.columns}
    named = {key for col, (_own, key, borrowed) in enumerate(headers) if col not in ticked and not borrowed}
    return {first: group for first, group in groups.items() if group.key not in named}


def _stand_in(mapping: ColumnMap, schema: Schema) -> None:
    """A column whose field stands in for another (x-stands-in-for) is read as that one when no column is: 实施依据
    beside 设定依据 is a field of its own, and alone it is the legal basis."""
    for col, key in sorted(mapping.fields.items()):
        target = schema.by_key[key].stands_in_for
        if target is not None and target in schema.by_key and target not in mapping.fields.values():
            mapping.fields[col] = target


def header_text(grid: Grid, first: int, rows: int, col: int) -> str:
    """The header as written for a column: the lowest non-empty header cell (the sub-header under a group)."""
    texts = [join_lines(grid.cell(r, col)) for r in range(first, first + rows)]
    return next((text for text in reversed(texts) if text), "")


def _column_header(
    grid: Grid, covered: Covered, header: int, rows: int, col: int, schema: Schema
) -> tuple[str, str | None, bool]:
    """(header text, its field, borrowed?): borrowed when the text is a merged header cell's, written in a column
    to the left (a header merged over H:I is one header, not two copies)."""
    texts = []
    lent = []
    for r in range(header, header + rows):
        anchor = covered.get((r, col), (r, col))
        texts.append(join_lines(grid.cell(*anchor)))
        lent.append(anchor[1] != col)
    own = texts[-1] or texts[0]
    key = schema.match_header(texts[-1]) or schema.match_header(texts[0])
    return own, key, lent[-1] if texts[-1] else lent[0]


def _hidden_copies(grid: Grid, headers: list[tuple[str, str | None, bool]]) -> dict[int, int]:
    """Hidden column → the visible column read instead, where a field's header is written in several columns
    and some are hidden: the visible copy is what the clerk sees. A hidden column that is the only copy of its
    header, or copies that are all visible or all hidden, are left to the usual mapping."""
    if not grid.hidden_cols:
        return {}
    copies: dict[str, list[int]] = {}
    for col, (_own, key, borrowed) in enumerate(headers):
        if key is not None and not borrowed:
            copies.setdefault(key, []).append(col)
    demoted: dict[int, int] = {}
    for cols in copies.values():
        visible = [col for col in cols if col not in grid.hidden_cols]
        if visible and len(visible) < len(cols):
            demoted.update((col, visible[0]) for col in cols if col in grid.hidden_cols)
    return demoted
