"""A sheet as the layout parser sees it: cell texts in absolute positions, plus merged ranges."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Grid:
    file: str
    sheet: str | None
    rows: list[list[str]]
    # Merged ranges, zero-based and inclusive: (first_row, first_col, last_row, last_col).
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # zero-based

    def cell(self, row: int, col: int) -> str:
        if row < len(self.rows):
            cells = self.rows[row]
            if col < len(cells):
                return cells[col]
        return ""


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
