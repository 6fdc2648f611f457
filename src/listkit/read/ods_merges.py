"""Merged ranges and hidden rows and columns of an .ods, which python-calamine does not report.

An .ods keeps every sheet in one content.xml: a `<table:table table:name>` per sheet, its rows
`<table:table-row>` and cells `<table:table-cell>` / `<table:covered-table-cell>` (the positions a merge covers).
A merge is written on its first cell, `table:number-rows-spanned` × `table:number-columns-spanned`; identical
neighbours are written once with `table:number-columns-repeated` / `table:number-rows-repeated`. Columns carry
`table:visibility="collapse"` on `<table:table-column>`, rows on `<table:table-row>`.

Read here with lxml's streaming parser, element by element, each cleared once passed. Repeats only advance the
position: a merge written on a repeated cell or row is kept as one range plus its repeat counts, and multiplied
out only after the sheet's end, cut to the rows and columns holding something (calamine keeps nothing past them)
and counted first against MAX_MERGES. Hidden rows and columns are kept as runs and cut the same way. The guard
(guard.py, extent.py) has already refused a content.xml whose repeats add absurdly many filled cells, or whose
filled cells span too much: this runs after it.

Positions are calamine's: row 0 is the table's first row, column 0 its first column, empty leading rows and
columns counted (excel.py reads with skip_empty_area=False).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree


MAX_ROWS = 1_048_576  # calamine caps ods rows and columns at Excel's own limits (extent.py)
MAX_COLUMNS = 16_384

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_T_TABLE = f"{{{_TABLE}}}table"
_T_ROW = f"{{{_TABLE}}}table-row"
_T_CELL = f"{{{_TABLE}}}table-cell"
_T_COVERED = f"{{{_TABLE}}}covered-table-cell"
_T_COLUMN = f"{{{_TABLE}}}table-column"
_A_NAME = f"{{{_TABLE}}}name"
_A_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_A_COLS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_A_ROWS_SPANNED = f"{{{_TABLE}}}number-rows-spanned"
_A_COLS_SPANNED = f"{{{_TABLE}}}number-columns-spanned"
_A_VISIBILITY = f"{{{_TABLE}}}visibility"
_VALUE_ATTRS = (
    f"{{{_OFFICE}}}value-type",
    f"{{{_OFFICE}}}value",
    f"{{{_TABLE}}}formula",
    "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type",
)

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column; zero-based, inclusive


class TooManyMerges(Exception):
    """A table holds more merged ranges than the limit, repeats multiplied out."""

    def __init__(self, sheet: str) -> None:
        super().__init__(sheet)
        self.sheet = sheet


@dataclass
class OdsSheet:
    merges: set[Merge] = field(default_factory=set)
    hidden_rows: set[int] = field(default_factory=set)  # zero-based
    hidden_cols: set[int] = field(default_factory=set)  # zero-based


@dataclass
class _Spanned:
    """A merge as written: its first cell, its size, and how often its cell and row repeat it."""

    row: int
    col: int
    height: int
    width: int
    row_repeat: int
    col_repeat: int


class _Table:
    def __init__(self, name: str) -> None:
        self.name = name
        self.row = 0  # position of the next row
        self.col = 0  # position of the next cell in the current row
        self.row_repeat = 1
        self.column = 0  # position of the next <table:table-column>
        self.rows = 0  # one-based extent of cells holding something
        self.cols = 0
        self.row_filled = 0  # the current row's last filled column, one-based
        self.spanned: list[_Spanned] = []
        self.hidden_rows: list[tuple[int, int]] = []  # runs: first, count
        self.hidden_cols: list[tuple[int, int]] = []

    def sheet(self, max_merges: int) -> OdsSheet:
        """What the table holds, cut to its filled extent; TooManyMerges past ``max_merges``."""
        rows, cols = self.rows, self.cols
        kept = [s for s in self.spanned if s.row < rows and s.col < cols]
        count = 0
        for s in kept:
            count += _times(s.row, s.row_repeat, rows) * _times(s.col, s.col_repeat, cols)
            if count > max_merges:
                raise TooManyMerges(self.name)
        merges = {
            (s.row + i, s.col + j, s.row + i + s.height - 1, s.col + j + s.width - 1)
            for s in kept
            for i in range(_times(s.row, s.row_repeat, rows))
            for j in range(_times(s.col, s.col_repeat, cols))
        }
        return OdsSheet(
            merges=merges, hidden_rows=_expand(self.hidden_rows, rows), hidden_cols=_expand(self.hidden_cols, cols)
        )


def _times(start: int, repeat: int, end: int) -> int:
    """How many of ``repeat`` positions from ``start`` fall before ``end``."""
    return max(min(repeat, end - start), 0)


def _expand(runs: Iterable[tuple[int, int]], end: int) -> set[int]:
    return {i for first, count in runs for i in range(first, first + _times(first, count, end))}


def _count(value: str | None, limit: int) -> int:
    """A repeat or span count, at least 1 and at most ``limit`` (calamine fails the file on one it cannot read)."""
    if value is None:
        return 1
    try:
        return min(max(int(value), 1), limit)
    except ValueError:
        return 1


class NotWellFormed(Exception):
    """content.xml is not well-formed XML."""


def ods_tables(content: IO[bytes], max_merges: int) -> dict[str, OdsSheet]:
    """Table name → its merges and hidden rows and columns, from a content.xml stream; raises TooManyMerges, and
    NotWellFormed for XML lxml cannot read — the file is refused then, before calamine sees it: python-calamine
    never returns from an .ods whose table is not closed."""
    from lxml import etree

    sheets: dict[str, OdsSheet] = {}
    try:
        _read(content, max_merges, sheets)
    except etree.XMLSyntaxError as exc:
        raise NotWellFormed(str(exc)) from None
    return sheets


def _read(content: IO[bytes], max_merges: int, sheets: dict[str, OdsSheet]) -> None:
    from lxml import etree

    table: _Table | None = None
    nested = 0  # depth of tables inside the current table's cells (ignored, as calamine does)
    events = etree.iterparse(
        content,
        events=("start", "end"),
        tag=(_T_TABLE, _T_ROW, _T_CELL, _T_COVERED, _T_COLUMN),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for event, element in events:
        tag = element.tag
        if tag == _T_TABLE:
            if event == "start":
                if table is None:
                    table = _Table(element.get(_A_NAME) or "")
                else:
                    nested += 1
            elif nested:
                nested -= 1
            elif table is not None:
                sheets[table.name] = table.sheet(max_merges)
                table = None
                _release(element)
            continue
        if table is None or nested:
            if event == "end" and table is None:
                _release(element)
            continue
        if tag == _T_ROW:
            if event == "start":
                table.row_repeat = _count(element.get(_A_ROWS_REPEATED), MAX_ROWS)
                table.col = table.row_filled = 0
                if element.get(_A_VISIBILITY, "visible") != "visible":
                    table.hidden_rows.append((table.row, table.row_repeat))
            else:
                if table.row_filled:
                    table.rows = min(table.row + table.row_repeat, MAX_ROWS)
                    table.cols = max(table.cols, table.row_filled)
                table.row = min(table.row + table.row_repeat, MAX_ROWS)
                _release(element)
            continue
        if tag == _T_COLUMN:
            if event == "end":
                repeat = _count(element.get(_A_COLS_REPEATED), MAX_COLUMNS)
                if element.get(_A_VISIBILITY, "visible") != "visible":
                    table.hidden_cols.append((table.column, repeat))
                table.column = min(table.column + repeat, MAX_COLUMNS)
                _release(element)
            continue
        if event == "start":
            continue  # a cell is judged whole, at its end
        repeat = _count(element.get(_A_COLS_REPEATED), MAX_COLUMNS)
        if len(element) or any(element.get(key) is not None for key in _VALUE_ATTRS):
            table.row_filled = min(table.col + repeat, MAX_COLUMNS)
        if tag == _T_CELL:
            height = _count(element.get(_A_ROWS_SPANNED), MAX_ROWS)
            width = _count(element.get(_A_COLS_SPANNED), MAX_COLUMNS)
            if height > 1 or width > 1:
                table.spanned.append(_Spanned(table.row, table.col, height, width, table.row_repeat, repeat))
        table.col = min(table.col + repeat, MAX_COLUMNS)
        _release(element)


def _release(element: etree._Element) -> None:
    """Drop a passed element and the siblings before it, so that memory stays flat however long the file."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def ods_content(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The content.xml of an .ods, or None for any other zip."""
    try:
        return archive.getinfo("content.xml")
    except KeyError:
        return None
