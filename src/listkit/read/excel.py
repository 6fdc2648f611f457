"""xlsx / xls / ods through python-calamine: cached values of formulas, merged ranges, every sheet.

calamine reports no merged ranges for an .ods: those come from the guard's pass (guard.py, ods_merges.py).

A large .xlsx sheet whose cells are all text is read as columns instead, by fastexcel (the same calamine parser,
straight into Arrow: no Python object per cell). The guard's pass over the XML has already collected its merged
ranges and hidden rows, and fastexcel itself proves every cell is text (a column holding anything else fails
its strict type check, and the sheet is read the usual way). Its rows become Python lists only if the layout
needs them (column_rows.py).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import python_calamine as calamine

from listkit.errors import InputError
from listkit.read.column_rows import ColumnRows
from listkit.read.grid import Grid
from listkit.read.guard import SheetFacts
from listkit.read.merges import clip

if TYPE_CHECKING:
    import fastexcel
    import python_calamine

# Below this much sheet XML (about 4,000 rows of a list) reading cell by cell costs well under a second.
COLUMN_READ_MIN_BYTES = 4 * 1024**2


def read_workbook(
    data: bytes, file: str, facts: dict[str, SheetFacts], *, columns_allowed: bool = False
) -> Iterator[Grid]:
    """Each sheet of the workbook as a Grid, in workbook order."""
    book = _Workbook(data, file)
    candidates = {
        name
        for name, sheet in facts.items()
        if columns_allowed and sheet.looks_text_only and sheet.size >= COLUMN_READ_MIN_BYTES
    }
    # Opening a workbook parses its shared strings: python-calamine is opened only for sheets it has to read.
    names = book.columns().sheet_names if candidates else book.cells().sheet_names
    for name in names:
        sheet_facts = facts.get(name, SheetFacts())
        grid = book.column_grid(name, sheet_facts) if name in candidates else None
        yield grid if grid is not None else book.cell_grid(name, sheet_facts)


class _Workbook:
    def __init__(self, data: bytes, file: str) -> None:
        self.data = data
        self.file = file
        self._cells: python_calamine.CalamineWorkbook | None = None
        self._columns: fastexcel.ExcelReader | None = None

    def cells(self) -> python_calamine.CalamineWorkbook:
        if self._cells is None:
            try:
                self._cells = calamine.load_workbook(io.BytesIO(self.data))
            except calamine.PasswordError:
                raise InputError("password-required", file=self.file) from None
            except (calamine.CalamineError, ValueError, OSError) as exc:
                raise InputError("corrupt-workbook", file=self.file, reason=_short(exc)) from None
            except BaseException as exc:
                raise _panic(exc, self.file) from None
        return self._cells

    def columns(self) -> fastexcel.ExcelReader:
        import fastexcel

        if self._columns is None:
            try:
                self._columns = fastexcel.read_excel(self.data)
            except (fastexcel.FastExcelError, ValueError, OSError) as exc:
                raise InputError("corrupt-workbook", file=self.file, reason=_short(exc)) from None
            except BaseException as exc:
                raise _panic(exc, self.file) from None
        return self._columns

    def cell_grid(self, name: str, facts: SheetFacts) -> Grid:
        try:
            sheet = self.cells().get_sheet_by_name(name)
            # skip_empty_area=False keeps absolute positions, so rows and columns match Excel's.
            values = sheet.to_python(skip_empty_area=False)
            # None for an .ods, whose ranges the guard's pass over content.xml collected (ods_merges.py).
            ranges = sheet.merged_cell_ranges
        except (calamine.CalamineError, ValueError) as exc:
            raise InputError("corrupt-workbook", file=self.file, reason=f"{name}: {_short(exc)}") from None
        except BaseException as exc:
            raise _panic(exc, self.file, name) from None
        merges = sorted(facts.merges) if ranges is None else [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]
        return Grid(
            file=self.file,
            sheet=name,
            rows=values,
            # Cut to the cells that exist: a merge drawn over the whole sheet covers only what is there.
            merges=clip(merges, len(values), max(map(len, values), default=0)),
            hidden_rows=facts.hidden_rows,
            hidden_cols=facts.hidden_cols,
        )

    def column_grid(self, name: str, facts: SheetFacts) -> Grid | None:
        """The sheet as text columns; None when some cell holds a number, date or boolean."""
        import fastexcel
        import polars as pl

        first_columns: list[int] = []

        def keep(column: Any) -> bool:
            first_columns.append(column.absolute_index)
            return True

        quiet = logging.getLogger("fastexcel")
        level = quiet.level
        quiet.setLevel(logging.ERROR)  # it warns of columns holding nothing but empty or error cells
        try:
            # Types guessed from every cell, strictly: a column mixing text with anything else is an error.
            batch = self.columns().load_sheet(
                name,
                header_row=None,
                skip_rows=0,
                schema_sample_rows=None,
                dtype_coercion="strict",
                eager=True,
                use_columns=keep,
            )
        except fastexcel.UnsupportedColumnTypeCombinationError:
            return None
        except (fastexcel.FastExcelError, ValueError, OSError) as exc:
            raise InputError("corrupt-workbook", file=self.file, reason=f"{name}: {_short(exc)}") from None
        except BaseException as exc:
            raise _panic(exc, self.file, name) from None
        finally:
            quiet.setLevel(level)
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        if any(dtype not in (pl.String, pl.Null) for dtype in frame.dtypes):
            return None
        rows = ColumnRows(frame.cast(pl.String), first_columns[0] if first_columns else 0)
        return Grid(
            file=self.file,
            sheet=name,
            rows=rows,
            merges=clip(sorted(facts.merges), len(rows), rows.width),
            hidden_rows=facts.hidden_rows,
            hidden_cols=facts.hidden_cols,
        )


def _panic(exc: BaseException, file: str, sheet: str | None = None) -> BaseException:
    """A panic inside the Rust parser (a malformed file it did not expect) reaches Python as pyo3's
    PanicException, a BaseException: report it as a damaged workbook. Interrupts pass through untouched."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | MemoryError) or type(exc).__name__ != "PanicException":
        return exc
    where = f"{sheet}: " if sheet else ""
    return InputError("corrupt-workbook", file=file, reason=f"{where}{_short(exc)}")


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
