"""A sheet read as columns, seen as the rows the layout parser walks.

The title and header rows are made as Python lists on demand (they are few); all rows only when the layout
cannot take the body as columns (column_body.py) and walks it row by row. Rows look exactly as
python-calamine gives them: absolute positions from column A, "" for an empty cell.

Why a second path: reading the 100,000-record benchmark workbook takes 2.09 s as columns and 3.86 s as a grid
of cells (`benchmarks/bench_twins.py read-xlsx [--without column_rows]`, whole process, medians of 5 alternated
runs, 2026-12-02); the column body (column_body.py) needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    import polars as pl

HEAD_ROWS = 64
# What Python's str.strip() removes (every character whose isspace() is true); tests/test_column_read.py checks
# the list. polars' strip_chars() without it would keep \x1c-\x1f, which Python strips.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)


class ColumnRows(Sequence[list[Any]]):
    def __init__(self, frame: pl.DataFrame, first_column: int) -> None:
        self.frame = frame  # one String column per sheet column from ``first_column`` on; null where empty
        self.first_column = first_column
        self._head: list[list[Any]] | None = None
        self._all: list[list[Any]] | None = None

    @classmethod
    def from_rows(cls, rows: list[list[str]]) -> ColumnRows:
        """Rows of text (a csv as Python's csv module read it) as columns: "" is an empty cell, a short row is
        padded with empty ones."""
        import polars as pl

        width = max(map(len, rows), default=0)
        if not width:  # blank lines only: one empty column keeps the row count
            return cls(pl.DataFrame({"0": pl.Series([None] * len(rows), dtype=pl.String)}), 0)
        padded = [row if len(row) == width else row + [""] * (width - len(row)) for row in rows]
        # Every row is now ``width`` long: strict.
        columns = {
            f"{index}": pl.Series(column, dtype=pl.String) for index, column in enumerate(zip(*padded, strict=True))
        }
        frame = pl.DataFrame(columns)
        return cls(frame.select(pl.when(pl.col(name) != "").then(pl.col(name)).alias(name) for name in columns), 0)

    def __len__(self) -> int:
        return self.frame.height

    @overload
    def __getitem__(self, index: int) -> list[Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[Any]]: ...

    def __getitem__(self, index: int | slice) -> list[Any] | list[list[Any]]:
        if isinstance(index, int) and 0 <= index < HEAD_ROWS:
            return self.head()[index]
        if isinstance(index, slice) and index.step in (None, 1):
            start, stop, _step = index.indices(len(self))
            if stop <= HEAD_ROWS:
                return self.head()[start:stop]
        return self.all()[index]

    def head(self) -> list[list[Any]]:
        if self._head is None:
            self._head = self._rows(self.frame.head(HEAD_ROWS))
        return self._head

    def all(self) -> list[list[Any]]:
        if self._all is None:
            self._all = self._rows(self.frame)
        return self._all

    def _rows(self, frame: pl.DataFrame) -> list[list[Any]]:
        pad = [""] * self.first_column
        return [pad + ["" if value is None else value for value in row] for row in frame.iter_rows()]

    def column(self, index: int) -> pl.Series:
        """Sheet column ``index`` (absolute); all null outside the columns read."""
        import polars as pl

        position = index - self.first_column
        if 0 <= position < self.frame.width:
            return self.frame.to_series(position)
        return pl.repeat(None, self.frame.height, dtype=pl.String, eager=True)

    @property
    def width(self) -> int:
        return self.first_column + self.frame.width

    def is_empty(self) -> bool:
        return not self.frame.width or not has_text(self.frame).any()


def has_text(frame: pl.DataFrame) -> pl.Series:
    """For each row: does any cell hold more than whitespace?"""
    import polars as pl

    cells = [(strip(frame.to_series(i)) != "").fill_null(False) for i in range(frame.width)]
    return pl.select(pl.any_horizontal(cells)).to_series()


def strip(cells: pl.Series) -> pl.Series:
    """Python's str.strip() of every value. Only values with whitespace at an end are stripped: stripping every
    value of a column of long texts costs several times more than finding the few that need it."""
    spaces = list(WHITESPACE)
    edge = (cells.str.head(1).is_in(spaces) | cells.str.tail(1).is_in(spaces)).fill_null(False)
    if not edge.any():
        return cells
    rows = edge.arg_true()
    return cells.clone().scatter(rows, cells.gather(rows).str.strip_chars(WHITESPACE))
