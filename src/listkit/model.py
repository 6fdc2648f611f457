"""The data model of a list: its metadata, its records (record.py), and per sheet what the reader understood.

The records are held as ``Record`` objects or as a column table (table.py), whichever the list was read as.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from listkit.record import Record
from listkit.schema import load_schema
from listkit.table import RecordTable, table_from_records


class SkippedRow(BaseModel):
    row: int
    reason: str
    text: str = ""


class SheetLayout(BaseModel):
    """What the reader understood of one sheet: the ``--explain`` story and the cell-reference map."""

    file: str
    sheet: str | None
    header_row: int | None = None
    header_rows: int = 1
    columns: dict[str, str] = Field(default_factory=dict)  # field key → column letter
    headers: dict[str, str] = Field(default_factory=dict)  # column letter → header text as written
    extra_columns: dict[str, str] = Field(default_factory=dict)  # column letter → header kept as extra
    records: int = 0
    items: int = 0  # distinct main items among the records (sub-items of one item count once)
    type_from_sheet: str | None = None
    skipped: list[SkippedRow] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    read_as: str | None = None  # the format the file was read as ('XLS' for an .xls named .xlsx, 'PDF' …)


class SheetColumns(BaseModel):
    """Where each field stood in a sheet that records were read from (field key → column letter): what findings
    on a canonical copy of the list point at. ``file`` is the workbook's name as records' ``source`` gives it."""

    file: str
    sheet: str | None = None
    columns: dict[str, str] = Field(default_factory=dict)


def columns_header(sheets: list[SheetColumns]) -> dict[str, Any]:
    """Column maps as a canonical header keeps them, small for a province's thousands of sheets: each distinct map
    once, then ``[file, sheet, map]`` per sheet, or ``[file, null, map]`` for a file whose sheets share one map."""
    maps: dict[tuple[tuple[str, str], ...], int] = {}
    by_file: dict[str, list[tuple[str | None, int]]] = {}
    for sheet in sheets:
        index = maps.setdefault(tuple(sorted(sheet.columns.items())), len(maps))
        by_file.setdefault(sheet.file, []).append((sheet.sheet, index))
    rows: list[list[Any]] = []
    for file, entries in by_file.items():
        if len({index for _sheet, index in entries}) == 1:
            rows.append([file, None, entries[0][1]])
        else:
            rows.extend([file, sheet, index] for sheet, index in entries)
    return {"maps": [dict(m) for m in maps], "sheets": rows}


def columns_from_header(value: Any) -> list[SheetColumns]:
    """``columns_header`` read back; anything malformed (a hand-edited or hostile header) is left out."""
    if not (isinstance(value, dict) and isinstance(value.get("maps"), list) and isinstance(value.get("sheets"), list)):
        return []
    maps = [
        {str(k): v for k, v in m.items() if isinstance(v, str) and v.isascii() and v.isalpha() and len(v) <= 3}
        if isinstance(m, dict)
        else {}
        for m in value["maps"]
    ]
    kept: list[SheetColumns] = []
    for row in value["sheets"]:
        if not (isinstance(row, list) and len(row) == 3 and isinstance(row[0], str)):
            continue
        file, sheet, index = row
        if (sheet is None or isinstance(sheet, str)) and type(index) is int and 0 <= index < len(maps):
            kept.append(SheetColumns(file=file, sheet=sheet, columns=maps[index]))
    return kept


class ListMeta(BaseModel):
    title: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    department: str | None = None
    edition: str | None = None
    document: str | None = None


class ItemList(BaseModel):
    """A list as read: its schema, metadata, records and, per sheet, what the reader understood.

    Records live in one of two forms. A spreadsheet reader builds ``Record`` objects; the canonical reader
    hands over a column table instead (a million records as objects cost gigabytes and seconds), and
    ``records`` materialises them only when a caller walks them all. Once ``records`` has been touched it is
    the truth (callers may edit it), so the table is dropped and ``table()`` builds a fresh one.
    """

    schema_name: str  # a bundled schema name, or the path of the user's schema file
    meta: ListMeta = Field(default_factory=ListMeta)
    layouts: list[SheetLayout] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list)
    # Files given with others that turned out not to be lists at all (a README beside the workbooks).
    skipped_files: list[str] = Field(default_factory=list)
    # (copy, the earlier file it repeats byte for byte): files given twice ('a.xlsx' and 'a (1).xlsx'), read once.
    duplicate_files: list[tuple[str, str]] = Field(default_factory=list)
    # The column maps of the workbooks a canonical file was made from (its header keeps them).
    source_columns: list[SheetColumns] = Field(default_factory=list)
    _records: list[Record] | None = PrivateAttr(default=None)
    _table: RecordTable | None = PrivateAttr(default=None)

    def __init__(self, *, records: Iterable[Record] = (), **data: Any) -> None:
        super().__init__(**data)
        self._records = list(records)

    @classmethod
    def from_table(cls, table: RecordTable, **data: Any) -> ItemList:
        items = cls(**data)
        items._records, items._table = None, table
        return items

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> ItemList:
        """As pydantic's, with ``records`` accepted in ``update`` (it is a property, which pydantic would skip)."""
        rest = dict(update or {})
        records = rest.pop("records", None)
        copy = super().model_copy(update=rest, deep=deep)
        if records is not None:
            copy.records = list(records)
        return copy

    @property
    def records(self) -> list[Record]:
        if self._records is None:
            assert self._table is not None
            self._records = self._table.all_records()
            self._table = None
        return self._records

    @records.setter
    def records(self, records: list[Record]) -> None:
        self._records, self._table = records, None

    def sheet_columns(self) -> list[SheetColumns]:
        """Every sheet's column map, the sheets read now and those a canonical file remembers, by workbook name."""
        found: dict[tuple[str, str | None], SheetColumns] = {}
        for kept in self.source_columns:
            found.setdefault((kept.file, kept.sheet), kept)
        for layout in self.layouts:
            if layout.columns:
                name = os.path.basename(layout.file)
                sheet = SheetColumns(file=name, sheet=layout.sheet, columns=layout.columns)
                found.setdefault((name, layout.sheet), sheet)
        return sorted(found.values(), key=lambda c: (c.file, c.sheet or ""))

    @property
    def size(self) -> int:
        """How many records, without materialising them."""
        return len(self._records) if self._records is not None else self._table.height if self._table else 0

    def unbuilt_table(self) -> RecordTable | None:
        """The column table, while no ``Record`` has been built from it (else None)."""
        return self._table if self._records is None else None

    def set_table(self, table: RecordTable) -> None:
        self._records, self._table = None, table

    def table(self) -> RecordTable:
        """The records as columns, for the passes that look at every record."""
        if self._table is not None:
            return self._table
        return table_from_records(self.records, load_schema(self.schema_name))
