"""CSV/TSV in the encodings Chinese offices actually send: UTF-8 (with or without BOM), GBK/GB18030, UTF-16."""

from __future__ import annotations

import csv
import io

from listkit.cells import csv_text_read
from listkit.errors import InputError
from listkit.read.column_rows import ColumnRows
from listkit.read.grid import Grid
from listkit.read.guard import MAX_CELL_AREA

COLUMN_READ_MIN_BYTES = 4 * 1024**2  # as for a workbook's sheet (excel.py)
MAX_COLUMNS = 16_384  # Excel's own limit; a wider "row" is not a list


def decode(data: bytes, file: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("bad-encoding", file=file)


def _delimiter(text: str) -> str:
    sample = text[:8192]
    lines = sample.splitlines()[:20]
    best, best_score = ",", 0
    for candidate in (",", "\t", ";"):
        counts = [line.count(candidate) for line in lines if line.strip()]
        score = max(counts, default=0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv(data: bytes, file: str) -> Grid:
    try:
        text = decode(data, file)
    except UnicodeDecodeError:
        raise InputError("bad-encoding", file=file) from None
    if "\x00" in text:
        raise InputError("bad-encoding", file=file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise InputError(
                    "too-many-columns", file=file, row=reader.line_num, cols=f"{len(row):,}", limit=f"{MAX_COLUMNS:,}"
                )
            cells += len(row)
            if cells > MAX_CELL_AREA:
                raise InputError(
                    "sheet-too-large",
                    file=file,
                    sheet="-",
                    rows=f"> {len(rows):,}",
                    cols="-",
                    limit=f"{MAX_CELL_AREA:,}",
                )
            rows.append(row)
    except csv.Error as exc:
        if "field limit" in str(exc):
            limit = f"{csv.field_size_limit():,}"
            raise InputError("field-too-long", file=file, row=reader.line_num, limit=limit) from None
        raise InputError("file-unreadable", file=file, reason=f"line {reader.line_num}: {exc}") from None
    if "'" in text or "_x" in text:
        # A formula guard or an escaped control character, as listkit writes them (cells.py): read as written.
        rows = [[csv_text_read(cell) for cell in row] for row in rows]
    if len(data) >= COLUMN_READ_MIN_BYTES:
        # A big csv's body read as columns, as a big .xlsx sheet is (column_body.py): a 100,000-record diff of two
        # csv editions took 10.0 s row by row.
        return Grid(file=file, sheet=None, rows=ColumnRows.from_rows(rows))
    return Grid(file=file, sheet=None, rows=rows)
