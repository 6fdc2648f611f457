"""A sheet as the layout parser sees it: cell texts in absolute positions, plus merged ranges."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from listkit.normalize import cell_text
from listkit.read.column_rows import ColumnRows


@dataclass
class Grid:
    file: str
    sheet: str | None
    # Cell values as the reader produced them: str, or numbers, dates, booleans from a workbook. Converting
    # every cell up front costs more than reading the sheet; text is made where a cell is used. A large text-only
    # sheet is read as columns (column_rows.ColumnRows) and made into rows only if the layout needs them.
    rows: Sequence[list[Any]]
    # Merged ranges, zero-based and inclusive: (first_row, first_col, last_row, last_col).
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # zero-based
    # Zero-based columns hidden in Excel/WPS: of two copies of a header, the clerk sees and prints the visible one.
    hidden_cols: set[int] = field(default_factory=set)
    # What the reader says of where the grid came from, for --explain ('table-from:第2页', 'tables-joined:…'): notes as
    # SheetLayout keeps them, 'kind:arg:arg', each kind an 'explain.<kind>' message.
    notes: list[str] = field(default_factory=list)

    def cell(self, row: int, col: int) -> str:
        if row < len(self.rows):
            cells = self.rows[row]
            if col < len(cells):
                value = cells[col]
                return value if type(value) is str else cell_text(value)
        return ""

    def texts(self, row: int) -> list[str]:
        """A row's cells as text."""
        return (
            [value if type(value) is str else cell_text(value) for value in self.rows[row]]
            if row < len(self.rows)
            else []
        )

    def is_empty(self) -> bool:
        if isinstance(self.rows, ColumnRows):
            return self.rows.is_empty()
        return not any(value is not None and value != "" and str(value).strip() for row in self.rows for value in row)


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
