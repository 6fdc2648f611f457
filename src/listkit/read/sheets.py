"""The spreadsheet readers behind the format registry (listkit/formats): a file's bytes → its sheets as Grids.

Each workbook passes its guard first (guard.py, xls_guard.py): a zip bomb or an absurd extent is refused before a
parser allocates for it.
"""

from __future__ import annotations

from listkit.read.csvfile import read_csv
from listkit.read.excel import read_workbook
from listkit.read.grid import Grid
from listkit.read.guard import MAX_CELL_AREA, SheetFacts, check_workbook_zip
from listkit.read.hidden import hidden_xls
from listkit.read.xls_guard import check_xls


def xlsx_sheets(data: bytes, file: str) -> list[Grid]:
    return _zipped_workbook(data, file, columns_allowed=True)


def ods_sheets(data: bytes, file: str) -> list[Grid]:
    return _zipped_workbook(data, file, columns_allowed=False)


def _zipped_workbook(data: bytes, file: str, *, columns_allowed: bool) -> list[Grid]:
    facts = check_workbook_zip(data, file)
    # Only an .xlsx sheet can be read as columns (fastexcel); an .ods is read cell by cell.
    return list(read_workbook(data, file, facts, columns_allowed=columns_allowed))


def xls_sheets(data: bytes, file: str) -> list[Grid]:
    check_xls(data, file, MAX_CELL_AREA)
    facts = {
        name: SheetFacts(hidden_rows=hidden.rows, hidden_cols=hidden.cols) for name, hidden in hidden_xls(data).items()
    }
    return list(read_workbook(data, file, facts))


def csv_sheets(data: bytes, file: str) -> list[Grid]:
    return [read_csv(data, file)]
