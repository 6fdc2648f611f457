"""The 变更明细 sheet of a change-order workbook, read back exactly as it was written.

Not through the list reader (read/sheet.py): that one cleans what published lists need cleaned — trims cells,
joins the lines of names, empties placeholders ('无', '/'), splits packed sub-items, reads a row without a name as
the continuation of the row above, and renames a second copy of a header to ``header(P)``. A change order's
cells are records already: each is taken as written (only a number a clerk typed becomes its text), so that
``apply(OLD, diff(OLD, NEW))`` gives NEW itself, and an extra column comes back under its own header however
much that header looks like one of the schema's.

Columns: the first 变更序号, the first 原/新, the first column of each schema field (by title or alias) and the
first department column (the schema's: 部门 unless it says otherwise, by title or alias) are what they say; every
other column with a header is an extra field under that header, as written. listkit writes all schema fields and
the department column before any extra column, so an extra field named like a schema header ('说明',
'责任事项依据(P)') stays an extra field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from listkit.diff.apply import Entry
from listkit.diff.change_order import CHANGE_NO, DETAIL_SHEET, SIDE
from listkit.diff.labels import NEW_MARKS, OLD_MARKS
from listkit.errors import InputError
from listkit.normalize import fold
from listkit.read import read_grids
from listkit.read.grid import Grid, column_letter
from listkit.read.header_find import HEADER_SEARCH_ROWS
from listkit.read.types import TypeResolver
from listkit.record import Record, make_record, make_source
from listkit.schema import Schema


@dataclass
class _Columns:
    number: int
    side: int
    fields: dict[int, str] = field(default_factory=dict)  # column → field key
    department: int | None = None
    extras: dict[int, str] = field(default_factory=dict)  # column → extra field name (its header as written)


def entries_from_workbook(path: Path, schema: Schema) -> list[Entry]:
    file = str(path)
    found = _detail_sheet(read_grids(path))
    if found is None:
        raise InputError("not-a-change-order", file=file)
    grid, header_row = found
    columns = _columns(grid, header_row, schema, f"{file} {grid.sheet}!{header_row + 1}")
    if schema.key_of("name") not in columns.fields.values():
        raise InputError("not-a-change-order", file=file)
    reader = _RowReader(schema, columns, file, grid.sheet)
    anchors = _anchors(grid)
    groups: dict[str, Entry] = {}
    for row in range(header_row + 1, len(grid.rows)):
        cells = [grid.cell(*anchors.get((row, col), (row, col))) for col in range(len(grid.rows[row]))]
        if not any(cell.strip() for cell in cells):
            continue
        where = f"{file} {grid.sheet}!{row + 1}"
        number, side = _at(cells, columns.number).strip(), _at(cells, columns.side).strip().lower()
        if not number or side not in (*OLD_MARKS, *NEW_MARKS):
            raise InputError("change-order-row", where=where, columns=f"{CHANGE_NO}、{SIDE}")
        entry = groups.setdefault(number, Entry(olds=[], news=[], where=where))
        (entry.olds if side in OLD_MARKS else entry.news).append(reader.record(cells, row))
    return list(groups.values())


class _RowReader:
    def __init__(self, schema: Schema, columns: _Columns, file: str, sheet: str | None) -> None:
        self.columns = columns
        self.file, self.sheet = file, sheet
        self.types = TypeResolver(schema)
        self.type_key = schema.key_of("type")
        # A list of one type (a licensing list) need not say it on every row; its reader fills it in, so does this.
        spec = schema.role("type")
        self.default_type = spec.default if spec else None

    def record(self, cells: list[str], row: int) -> Record:
        """A row as a record: each cell's text as written."""
        columns = self.columns
        values = {key: value for col, key in columns.fields.items() if (value := _at(cells, col))}
        raw: dict[str, str] = {}
        type_from = None
        if self.type_key is not None and self.type_key in values:
            self.types.canonicalise(values, raw, self.type_key)  # a clerk's '许可' is 行政许可, as in every list
            type_from = "column"
        elif self.type_key is not None and self.default_type:
            values[self.type_key], type_from = self.default_type, "default"
        department = _at(cells, columns.department) if columns.department is not None else ""
        at = make_source(self.file, self.sheet, row + 1)
        return make_record(
            values,
            at,
            department=department or None,
            extra={name: value for col, name in columns.extras.items() if (value := _at(cells, col))},
            raw=raw,
            type_from=type_from,
            at=at,
        )


def _at(cells: list[str], col: int) -> str:
    return cells[col] if col < len(cells) else ""


def _detail_sheet(grids: list[Grid]) -> tuple[Grid, int] | None:
    """The 变更明细 sheet (else the first sheet with a 变更序号 header) and its header row."""
    ordered = sorted(grids, key=lambda g: g.sheet != DETAIL_SHEET)
    for grid in ordered:
        for row in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
            folded = {fold(text) for text in grid.texts(row)}
            if fold(CHANGE_NO) in folded and fold(SIDE) in folded:
                return grid, row
    return None


def _columns(grid: Grid, row: int, schema: Schema, where: str) -> _Columns:
    headers = grid.texts(row)
    folded = [fold(text) for text in headers]
    columns = _Columns(number=folded.index(fold(CHANGE_NO)), side=folded.index(fold(SIDE)))
    used: set[str] = set()
    named: dict[str, int] = {}
    for col, header in enumerate(headers):
        if not header.strip() or col in (columns.number, columns.side):
            continue  # a column without a header holds nothing listkit wrote
        key = schema.match_header(header)
        if key is not None and key not in used:
            columns.fields[col] = key
            used.add(key)
        elif columns.department is None and folded[col] in schema.department_headers:
            columns.department = col
        elif header in named:
            # Two extra columns of one name: which one holds the field is anybody's guess, so neither is taken.
            letters = f"{column_letter(named[header])}、{column_letter(col)}"
            raise InputError("change-order-duplicate-column", where=where, columns=letters, header=header)
        else:
            columns.extras[col] = header
            named[header] = col
    return columns


def _anchors(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """Cells covered by a merge → the merge's first cell: a clerk may merge 变更序号 over a change's rows."""
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in grid.merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                covered[(r, c)] = (r0, c0)
    return covered
