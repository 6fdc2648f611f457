"""Refuse an .xls whose sheets would make python-calamine allocate beyond memory, before it opens the file.

calamine reserves room for a sheet's cells from its DIMENSIONS record (rows × columns, as the file declares
them), then builds a dense rectangle from A1 to the furthest cell record. Either number can be forged: BIFF
stores rows as 32-bit and columns as 16-bit numbers, so one record at (65535, 65535) or a DIMENSIONS record
claiming four billion rows aborts the process. A real .xls spans at most 65,536 × 256 cells, under the limit.
Merged ranges are not a danger here: they stay ranges (merges.py clips them to the cells that exist).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from listkit.errors import InputError

DIMENSIONS = 0x0200
BOF = 0x0809
BOUNDSHEET = 0x0085
# Cell records that begin with (row u16, column u16); MULRK and MULBLANK end with their last column.
CELLS = frozenset({0x0006, 0x0406, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6})
MULTI = frozenset({0x00BD, 0x00BE})


def check_xls(data: bytes, file: str, limit: int) -> None:
    """Raise InputError('sheet-too-large') when a sheet's declared or real extent exceeds ``limit`` cells."""
    stream = _workbook_stream(data)
    if stream is None:
        return  # not an OLE file xlrd can open: calamine says what is wrong, allocating nothing first
    names = _sheet_names(stream)
    sheet = -1
    rows = cols = 0
    for kind, offset, size in _records(stream):
        if kind == BOF:
            sheet, rows, cols = sheet + 1, 0, 0
            continue
        if kind == DIMENSIONS and size >= 10:
            if size >= 14:
                first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", stream, offset)
            else:
                first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", stream, offset)
            _check(max(last_row - first_row, 0), max(last_col - first_col, 0), limit, file, names, sheet)
        elif kind in CELLS and size >= 4:
            row, col = struct.unpack_from("<HH", stream, offset)
            rows, cols = max(rows, row + 1), max(cols, col + 1)
            _check(rows, cols, limit, file, names, sheet)
        elif kind in MULTI and size >= 6:
            row, _first = struct.unpack_from("<HH", stream, offset)
            (last,) = struct.unpack_from("<H", stream, offset + size - 2)
            rows, cols = max(rows, row + 1), max(cols, last + 1)
            _check(rows, cols, limit, file, names, sheet)


def _check(rows: int, cols: int, limit: int, file: str, names: list[str], sheet: int) -> None:
    if rows * cols > limit:
        # Substream 0 is the workbook globals; sheet n is substream n.
        name = names[sheet - 1] if 0 < sheet <= len(names) else str(max(sheet, 1))
        raise InputError(
            "sheet-too-large", file=file, sheet=name, rows=f"{rows:,}", cols=f"{cols:,}", limit=f"{limit:,}"
        )


def _workbook_stream(data: bytes) -> bytes | None:
    from xlrd.compdoc import CompDoc, CompDocError

    try:
        document = CompDoc(data, logfile=io.StringIO())
        for name in ("Workbook", "Book"):
            stream = document.get_named_stream(name)
            if stream is not None:
                return bytes(stream)
    except (CompDocError, ValueError, IndexError, struct.error, MemoryError, EOFError):
        return None
    return None


def _records(stream: bytes) -> Iterator[tuple[int, int, int]]:
    """(type, offset of data, length) of each BIFF record of interest, in order."""
    offset, end = 0, len(stream) - 4
    interesting = CELLS | MULTI | {BOF, DIMENSIONS}
    while offset <= end:
        kind, size = struct.unpack_from("<HH", stream, offset)
        if kind in interesting:
            yield kind, offset + 4, min(size, len(stream) - offset - 4)
        offset += 4 + size


def _sheet_names(stream: bytes) -> list[str]:
    """Sheet names from the BOUNDSHEET records (BIFF8 short unicode strings), in order."""
    names = []
    offset, end = 0, len(stream) - 4
    while offset <= end:
        kind, size = struct.unpack_from("<HH", stream, offset)
        if kind == BOUNDSHEET and size >= 8:
            length, high = stream[offset + 10], stream[offset + 11]
            raw = stream[offset + 12 : offset + 4 + size]
            wide = high & 1  # BIFF8 strings are UTF-16 or, when every character fits, one byte each
            names.append(raw[: length * 2].decode("utf-16-le", "replace") if wide else raw[:length].decode("latin-1"))
        elif kind == 0x000A and names:  # the globals' EOF: no BOUNDSHEET after it
            break
        offset += 4 + size
    return names
