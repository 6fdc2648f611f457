"""Tables of a published document as sheets: one grid per table, and a table that continues the one before it —
split over the pages of a PDF, or broken into pieces in a Word document, each piece repeating the header — joined
into one, so that an item whose rows run over the break stays one item.

A table continues the one before it when its first rows repeat that table's first rows (the header written again
on each page; they are dropped), or when the reader says nothing stands between the two (``follows``: a PDF page
that simply goes on, a Word table split by nothing but a page break) and both have as many columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from listkit.normalize import fold
from listkit.read.grid import Grid

# A header is at most this many rows (a title row, a grouped header over a second row).
MAX_HEADER_ROWS = 3


@dataclass
class Table:
    """One table as a reader found it: texts, merges (zero-based, inclusive, within the table), where it is."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    where: str = ""  # for --explain: '第2页', '表3'
    follows: bool = False  # nothing but a page break between it and the table before it

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def joined_grids(tables: list[Table], file: str, label: str, starts: list[int] | None = None) -> list[Grid]:
    """One grid per table, tables that continue one another joined; each grid named '<label>1', '<label>2' …
    (the sheet name findings point at) and noting for --explain where each table was and which were joined. Given
    ``starts``, the index in ``tables`` of each grid's first table is appended to it."""
    groups: list[list[tuple[Table, int]]] = []  # each: (table, header rows repeated and dropped)
    for index, table in enumerate(tables):
        if not table.rows:
            continue
        if groups:
            first = groups[-1][0][0]
            repeated = repeated_header(first, table)
            if repeated or (table.follows and table.width == first.width):
                groups[-1].append((table, repeated))
                continue
        groups.append([(table, 0)])
        if starts is not None:
            starts.append(index)
    return [_one_grid(group, file, f"{label}{number}") for number, group in enumerate(groups, 1)]


def repeated_header(first: Table, table: Table) -> int:
    """How many of ``table``'s first rows repeat ``first``'s first rows (the header written again), 0 if none."""
    best = 0
    for count in range(1, min(MAX_HEADER_ROWS, len(first.rows), len(table.rows)) + 1):
        head, again = first.rows[:count], table.rows[:count]
        if not any(text.strip() for row in head for text in row):
            continue
        if [[fold(t) for t in row] for row in head] == [[fold(t) for t in row] for row in again]:
            best = count
    return best


def _one_grid(group: list[tuple[Table, int]], file: str, sheet: str) -> Grid:
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    for table, skipped in group:
        offset = len(rows) - skipped
        rows.extend(table.rows[skipped:])
        for r0, c0, r1, c1 in table.merges:
            if r1 < skipped:
                continue  # a merge inside the repeated header, which is dropped
            merges.append((max(r0, skipped) + offset, c0, r1 + offset, c1))
    grid = Grid(file=file, sheet=sheet, rows=rows, merges=merges)
    places = [table.where for table, _skipped in group if table.where]
    if len(group) > 1:
        grid.notes.append(f"tables-joined:{len(group)}:{'、'.join(places)}")
    elif places:
        grid.notes.append(f"table-from:{places[0]}")
    return grid


def put_title(grid: Grid, title: str) -> None:
    """``title`` as a row above the grid, merged over its width as a workbook's title row is (where
    meta.read_meta finds a list's title): for a table whose title stands outside it, in a page or a document."""
    width = max((len(row) for row in grid.rows), default=1) or 1
    grid.rows = [[title] + [""] * (width - 1), *grid.rows]
    grid.merges = [(r0 + 1, c0, r1 + 1, c1) for r0, c0, r1, c1 in grid.merges]
    if width > 1:
        grid.merges.insert(0, (0, 0, 0, width - 1))
    grid.hidden_rows = {row + 1 for row in grid.hidden_rows}
