"""How far a sheet reaches, counted the way python-calamine will count it, from the XML as it streams past.

calamine allocates a dense rectangle from A1 to the furthest cell holding something; a single cell at XFD1048576
makes that 17 billion slots and the process aborts, beyond any `except`. So the rectangle is measured here first,
mirroring calamine's rules rather than trusting what the file declares (`<dimension ref>` is ignored):

- xlsx (calamine src/xlsx/cells_reader.rs): a `<c>` with an `r` attribute sits where `r` says; one without `r`
  sits in the column after the previous cell of its row; a `<row>` without `r` is the row after the previous
  one. Elements match by local name (`<x:c>` is a cell), the attribute by its exact name `r`, in any order and
  either quoting. A self-closing `<c/>` holds nothing but still moves the next cell along. Only cells inside
  `<sheetData>` count. A cell that holds nothing is counted all the same (calamine would drop it): erring high.
- ods (calamine src/ods.rs): `number-rows-repeated` and `number-columns-repeated` are multiplied out, but only
  cells that hold something count: LibreOffice ends each row with thousands of repeated empty cells and each
  sheet with a million repeated empty rows, which calamine drops, as this does.

Scanning every tag costs Python work per cell, so xlsx sheets first get `plain()`, a C-speed search proving that
every cell is written `<c r="A1"…` with at most one column letter and six row digits (what Excel and every
common writer produce): such a sheet cannot exceed 999,999 × 26 cells, and needs nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

MAX_TAG_BYTES = 1024**2  # a tag (or text between tags) longer than this is no spreadsheet's
MAX_ROWS = 1_048_576  # calamine caps ods rows and columns at Excel's own limits
MAX_COLUMNS = 16_384
# Filled cells an ods may add by repeating (LibreOffice writes identical neighbours once, with a count): beyond
# this, a file of a few bytes becomes hundreds of thousands of records.
MAX_REPEATED_CELLS = 1_000_000

_ATTRS = rb"""((?:[^>"']|"[^"]*"|'[^']*')*)"""  # quote-aware: calamine's XML reader allows '>' inside quotes
# Groups: '/' of an end tag, its name (row, sheetData: a cell's end tag moves nothing), a start tag's name, its
# attributes, and whether the element ends right after its start tag (a cell holding nothing).
_XLSX_TAG = re.compile(
    rb"<(?:(/)(?:[A-Za-z_][\w.-]*:)?(row|sheetData)|(?:[A-Za-z_][\w.-]*:)?(c|row|sheetData))(?=[\s/>])"
    + _ATTRS
    + rb">(?=(\s*</)?)"
)
_XLSX_START = re.compile(rb"</?(?:[A-Za-z_][\w.-]*:)?(?:c|row|sheetData)(?=[\s/>])")
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]*)(\d+)")
# A '<' inside an attribute value: XML forbids it, calamine reads past it; it could hide a cell from a scan that
# cuts the stream between tags, so a sheet holding one is refused.
_LT_IN_VALUE = re.compile(
    rb"""<[A-Za-z_][\w.:-]*(?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s+[\w.:-]+\s*=\s*(?:"[^"<]*<|'[^'<]*<)"""
)
# A row number up to Excel's last, 1048576: a province's million-record sheet is plain too (with six digits only,
# its guard counted every cell in Python: 50 s of a 75 s import).
_EXCEL_ROW = rb"(?:\d{1,6}|10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6])"
# Any cell not written plainly (r first, double-quoted, ≤ 1 letter and a row number Excel has, then only Excel's
# own attributes), or any prefixed cell or row. A second r would win in calamine: it is not among those attributes.
_NOT_PLAIN = re.compile(rb'<c(?:[\t\n\r>/]| (?!r="[A-Za-z]?' + _EXCEL_ROW + rb'"(?: (?:s|t|cm|vm|ph)="[^"<>]*")*/?>))')
# What a prefixed cell or row (<x:c …>) must contain (text may give a false alarm: only slower, never wrong).
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")

_ODS_TAG = re.compile(
    rb"<(/?)(table:table-row|table:table-cell|table:covered-table-cell|table:table)(?=[\s/>])" + _ATTRS + rb">"
)
_ODS_START = re.compile(rb"</?table:(?:table-row|table-cell|covered-table-cell|table)(?=[\s/>])")
_ODS_VALUE_ATTRS = (b"office:value-type", b"office:value", b"table:formula", b"calcext:value-type")


class TooLarge(Exception):
    """The sheet spans more than the limit: rows × cols, one-based, as far as the scan had got."""

    def __init__(self, sheet: str | None, rows: int, cols: int) -> None:
        super().__init__(sheet, rows, cols)
        self.sheet, self.rows, self.cols = sheet, rows, cols


class TooRepetitive(Exception):
    """An ods table whose repeats add more filled cells than MAX_REPEATED_CELLS."""

    def __init__(self, sheet: str | None, cells: int) -> None:
        super().__init__(sheet, cells)
        self.sheet, self.cells = sheet, cells


class Malformed(Exception):
    """Not XML a spreadsheet writer makes, in a way that could hide cells from the scan: a tag or text over
    MAX_TAG_BYTES (calamine would buffer it whole), or a '<' inside an attribute value."""


class _Tags:
    """Matches the tags of interest across chunk boundaries: what may be an unfinished tag of interest at the
    end of one chunk is carried into the next."""

    def __init__(self, tag: re.Pattern[bytes], start: re.Pattern[bytes]) -> None:
        self.tag = tag
        self.start = start
        self.carry = b""

    def matches(self, chunk: bytes, final: bool = False) -> Iterator[Any]:
        """The groups of each tag of interest now whole, in order (a generator: a sheet's worth of matches is
        never held at once)."""
        data = self.carry + chunk if self.carry else chunk
        if _LT_IN_VALUE.search(data):
            raise Malformed
        done, cut, near_end = 0, -1, len(data) - 4096
        for match in self.tag.finditer(data):
            if not final and match.end() > near_end and data.find(b"<", match.end(), len(data) - 1) < 0:
                cut = match.start()  # what follows the tag (a cell's end?) is not here yet: wait for it
                break
            done = match.end()
            yield match.groups()
        if final:
            self.carry = b""
            return
        if cut < 0:
            pending = self.start.search(data, done)
            last = data.rfind(b"<", done)
            cut = pending.start() if pending else (last if last >= 0 else len(data))
        if len(data) - cut > MAX_TAG_BYTES:
            raise Malformed
        self.carry = data[cut:]


class PlainCells:
    """Feed a sheet's XML in chunks; ``plain`` stays True while every cell is written `<c r="A1"…` (at most one
    column letter, six row digits, then only Excel's own attributes): a sheet of such cells stays in bounds.
    Each chunk is judged up to its last '<', the rest with the next chunk, so no cell tag is ever seen cut."""

    def __init__(self) -> None:
        self.plain = True
        self._carry = b""

    def feed(self, chunk: bytes) -> None:
        if not self.plain:
            return
        data = self._carry + chunk if self._carry else chunk
        end = data.rfind(b"<")
        if end < 0 or len(data) - end > MAX_TAG_BYTES:
            end = len(data)
        self._carry = data[end:]
        self.plain = _NOT_PLAIN.search(data, 0, end) is None and _PREFIXED.search(data, 0, end) is None

    def close(self) -> None:
        carry, self._carry = self._carry, b""
        self.plain = self.plain and _NOT_PLAIN.search(carry) is None and _PREFIXED.search(carry) is None


class XlsxExtent:
    """Feed a sheet's XML in chunks; raises TooLarge as soon as its cells span more than ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.rows = self.cols = 0  # one-based extent
        self._tags = _Tags(_XLSX_TAG, _XLSX_START)
        self._row = self._col = 0  # zero-based position of the next row / cell (calamine's row_index, col_index)
        self._in_data = False

    def feed(self, chunk: bytes, final: bool = False) -> None:
        rows, cols = self.rows, self.cols
        for closing, closed, name, attrs, nothing_inside in self._tags.matches(chunk, final):
            if closing:
                if closed == b"sheetData":
                    self._in_data = False
                elif self._in_data:  # </row>
                    self._row += 1
                    self._col = 0
                continue
            empty = attrs.endswith(b"/")  # calamine expands <x/> into <x></x>
            if name == b"sheetData":
                self._in_data = not empty
                continue
            if not self._in_data:
                continue  # calamine reads cells inside <sheetData> only
            ref = _attr(attrs, b"r") if b"r" in attrs else None
            if name == b"row":
                if ref is not None and (at := _position(ref)) is not None:
                    self._row = at[0]
                if empty:
                    self._row += 1
                    self._col = 0
                continue
            at = _position(ref) if ref is not None else (self._row, self._col)
            if at is None:
                continue  # an r calamine cannot read fails the sheet, allocating nothing
            row, col = at
            self._col = col + 1
            if empty or nothing_inside:
                continue  # no value: it moves the next cell along, but calamine keeps no empty cell
            rows, cols = max(rows, row + 1), max(cols, col + 1)
            if rows * cols > self.limit:
                self.rows, self.cols = rows, cols
                raise TooLarge(None, rows, cols)
        self.rows, self.cols = rows, cols


def _attr(attrs: bytes, name: bytes) -> bytes | None:
    """An attribute's raw value; the last one when written twice, as calamine reads it."""
    value = None
    for match in _ATTR.finditer(attrs):
        if match.group(1) == name:
            value = match.group(2) if match.group(2) is not None else match.group(3)
    return value


def _position(ref: bytes) -> tuple[int, int] | None:
    """Zero-based (row, column) of 'B7' (calamine accepts lower case; a row alone gives column 0)."""
    match = _REF.fullmatch(ref)
    if match is None or int(match.group(2)) < 1:
        return None
    col = 0
    for byte in match.group(1).upper():
        col = col * 26 + byte - 64
    return int(match.group(2)) - 1, max(col - 1, 0)


class OdsExtent:
    """Feed an ods content.xml in chunks; raises TooLarge (naming the table) when a table's filled cells span
    more than ``limit``, repeats multiplied out."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._tags = _Tags(_ODS_TAG, _ODS_START)
        self._table: str | None = None
        self._rows = self._cols = 0  # the current table's extent of filled cells, one-based
        self._row = 0  # rows so far in the current table
        self._repeat = 1  # the current row's repeat
        self._col = 0  # cells so far in the current row
        self._row_cols = 0  # the current row's last filled column, one-based
        self._filled = 0  # filled cells in the current row, column repeats counted
        self._written = 0  # … and as written (cell elements)
        self._repeated = 0  # filled cells the current table's repeats add

    def feed(self, chunk: bytes, final: bool = False) -> None:
        for closing, name, attrs in self._tags.matches(chunk, final):
            if name == b"table:table":
                if not closing:
                    name_attr = _attr(attrs, b"table:name")
                    self._table = name_attr.decode("utf-8", "replace") if name_attr is not None else None
                    self._rows = self._cols = self._row = self._repeated = 0
                continue
            empty = attrs.endswith(b"/")
            if name == b"table:table-row":
                if not closing:
                    self._repeat = _count(_attr(attrs, b"table:number-rows-repeated"))
                    self._col = self._row_cols = self._filled = self._written = 0
                if closing or empty:
                    self._end_row()
                continue
            if closing:
                continue
            repeat = _count(_attr(attrs, b"table:number-columns-repeated"))
            # Something in it: content, or a value or formula. Empty cells only move the next one along.
            if not empty or any(_attr(attrs, key) is not None for key in _ODS_VALUE_ATTRS):
                self._row_cols = min(self._col + repeat, MAX_COLUMNS)
                self._filled += min(repeat, MAX_COLUMNS)
                self._written += 1
            self._col = min(self._col + repeat, MAX_COLUMNS)

    def _end_row(self) -> None:
        repeat = min(self._repeat, MAX_ROWS - self._row)
        self._row += repeat
        if self._row_cols:
            self._rows, self._cols = self._row, max(self._cols, self._row_cols)
            if self._rows * self._cols > self.limit:
                raise TooLarge(self._table, self._rows, self._cols)
            # Not capped like the rows: a repeat past the sheet's last row is itself a sign of a crafted file.
            self._repeated += self._repeat * self._filled - self._written
            if self._repeated > MAX_REPEATED_CELLS:
                raise TooRepetitive(self._table, self._repeated)
        self._repeat = 1


def _count(value: bytes | None) -> int:
    """A repeat count; calamine fails the file on one it cannot read, so that counts as 1 here."""
    try:
        return max(int(value), 1) if value is not None else 1
    except ValueError:
        return 1
