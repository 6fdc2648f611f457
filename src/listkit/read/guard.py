"""Refuse workbooks that would exhaust memory before a parser touches them.

An .xlsx is a zip of XML: a "zip bomb" inflates a small file to gigabytes, and a single cell written far away
(XFD1048576) makes a dense reader allocate the whole 17-billion-cell rectangle — python-calamine aborts the
process then, which no `except` can catch. So, before calamine sees an .xlsx or .ods, every entry is inflated
here as a stream — never held whole — counting its real size (headers can lie) and, for sheets, the rectangle
calamine will allocate, counted as calamine counts it (extent.py): cells without a reference, attributes in any
order, namespace prefixes, ods repeats multiplied out. Merged ranges are collected as ranges, never expanded;
an absurd number of them is refused. What is refused is said plainly, with the limit, and exits 2.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from listkit.errors import InputError
from listkit.read.extent import (
    MAX_REPEATED_CELLS,
    Malformed,
    OdsExtent,
    PlainCells,
    TooLarge,
    TooRepetitive,
    XlsxExtent,
)
from listkit.read.hidden import hidden_cols_in, hidden_in, sheet_parts
from listkit.read.ods_merges import NotWellFormed, TooManyMerges, ods_content, ods_tables

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 6 * 1024**3  # inflated; a 1,048,576-row sheet of real text is ~2-3 GB
MAX_RATIO = 100  # inflated / compressed, for entries above RATIO_FLOOR; real sheet XML stays under ~30
RATIO_FLOOR = 16 * 1024**2
MAX_CELL_AREA = 40_000_000  # rows × columns a sheet may span (Excel's own maximum row count × 38 columns)
assert MAX_CELL_AREA > 1_048_576 * 26  # extent.PlainCells relies on it: one column letter, Excel's rows
# Merged ranges a sheet may hold: each costs some hundred bytes in every reader; a real list has one per merged
# cell of its items, a few per record.
MAX_MERGES = 2_000_000
CHUNK = 4 * 1024**2
# What a damaged zip makes the standard library raise, beyond BadZipFile: bad offsets (ValueError), broken
# deflate streams (zlib.error), unknown compression (NotImplementedError), encrypted entries (RuntimeError) …
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)
_MERGE = re.compile(
    rb"""<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?["']"""
)
# A cell holding something other than text: no t, or t other than shared/inline/formula string, and not
# self-closing (<c r="B2" s="1"/> is an empty styled cell).
_NON_TEXT_CELL = re.compile(rb'<c(?=[\s>])(?![^>]*\bt="(?:s|str|inlineStr)")[^>]*(?<!/)>')
OVERLAP = 64  # bytes carried into the next chunk, so a reference cut in two is still seen whole
TAG_CARRY = 4096  # … or more, back to the last '<', so that a tag cut in two is seen whole


@dataclass
class SheetFacts:
    """What the guard's pass over a sheet's XML learnt on the way, so that nothing reads it twice for them."""

    hidden_rows: set[int] = field(default_factory=set)  # zero-based
    hidden_cols: set[int] = field(default_factory=set)  # zero-based
    merges: set[tuple[int, int, int, int]] = field(default_factory=set)  # zero-based, inclusive
    # No cell of the sheet's first chunk (4 MB, some thousands of rows) holds anything but text: worth trying to
    # read the sheet as text columns (excel.py, which checks every cell then). xlsx sheets only.
    looks_text_only: bool = False
    size: int = 0  # bytes of sheet XML


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper():
        number = number * 26 + (byte - 64)
    return number


def _size(n: int) -> str:
    if n < 1024**2:
        return f"{n / 1024:,.0f} KB"
    return f"{n / 1024**2:,.0f} MB" if n < 1024**3 else f"{n / 1024**3:,.1f} GB"


def check_workbook_zip(data: bytes, file: str) -> dict[str, SheetFacts]:
    """Refuse what would exhaust memory; return, by sheet name, what the pass learnt of each sheet (xlsx), or
    what a second, streaming pass over an .ods's content.xml finds (ods_merges.py)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as exc:
        raise InputError("corrupt-workbook", file=file, reason=f"zip: {exc}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise InputError("zip-too-many-entries", file=file, count=len(entries), limit=MAX_ENTRIES)
        declared = sum(e.file_size for e in entries)
        if declared > MAX_TOTAL_BYTES:
            raise InputError("zip-too-large", file=file, size=_size(declared), limit=_size(MAX_TOTAL_BYTES))
        for entry in entries:
            if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise InputError(
                    "zip-bomb",
                    file=file,
                    entry=entry.filename,
                    size=_size(entry.file_size),
                    packed=_size(entry.compress_size),
                )
        try:
            names = sheet_parts(archive)
        except (*ZIP_ERRORS, UnicodeDecodeError):
            names = {}  # not an xlsx (ods), or no workbook part: calamine will say what is wrong
        total = 0
        facts: dict[str, SheetFacts] = {}
        for entry in entries:
            size, sheet = _inflate(archive, entry, file, MAX_TOTAL_BYTES - total, names)
            total += size
            if entry.filename in names:
                facts[names[entry.filename]] = sheet
        if not names and (content := ods_content(archive)) is not None:
            facts = _ods_facts(archive, content, file)  # after the pass above has bounded its repeats
        return facts


def _ods_facts(archive: zipfile.ZipFile, content: zipfile.ZipInfo, file: str) -> dict[str, SheetFacts]:
    """Merged ranges and hidden rows and columns of each table of an .ods (calamine reports neither)."""
    try:
        with archive.open(content) as stream:
            sheets = ods_tables(stream, MAX_MERGES)
    except TooManyMerges as exc:
        raise _too_many_merges(file, exc.sheet) from None
    except NotWellFormed as exc:
        raise InputError("corrupt-workbook", file=file, reason=f"{content.filename}: {exc}") from None
    except ZIP_ERRORS as exc:
        raise InputError("corrupt-workbook", file=file, reason=f"{content.filename}: {exc}") from None
    return {
        name: SheetFacts(hidden_rows=sheet.hidden_rows, hidden_cols=sheet.hidden_cols, merges=sheet.merges)
        for name, sheet in sheets.items()
    }


def _inflate(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str, budget: int, names: dict[str, str]
) -> tuple[int, SheetFacts]:
    """Stream one entry, counting its true size; sheets are also measured for the area they span, searched for
    hidden rows and columns and merged ranges, and their first chunk for cells that hold something other than text."""
    is_sheet = entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml")
    is_ods_content = entry.filename == "content.xml"
    size = 0
    plain = PlainCells()  # while every cell is written <c r="A1"…, the sheet cannot exceed the limit
    ods = OdsExtent(MAX_CELL_AREA) if is_ods_content else None
    before_cells = True
    facts = SheetFacts()
    tail = b""
    limit = max(MAX_RATIO * max(entry.compress_size, 1), RATIO_FLOOR)
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > budget or (size > limit and size > RATIO_FLOOR):
                    raise InputError(
                        "zip-bomb",
                        file=file,
                        entry=entry.filename,
                        size=f"> {_size(size)}",
                        packed=_size(entry.compress_size),
                    )
                if ods is not None:
                    _measure(ods, chunk, file, entry.filename)
                if is_sheet:
                    window = tail + chunk
                    plain.feed(chunk)
                    facts.hidden_rows |= hidden_in(window)
                    if before_cells:  # column flags precede the cells: later chunks need no search
                        facts.hidden_cols |= hidden_cols_in(window)
                        before_cells = b"sheetData" not in window
                    if b"mergeCell" in window:
                        facts.merges |= {_merge(m) for m in _MERGE.finditer(window)}
                        if len(facts.merges) > MAX_MERGES:
                            raise _too_many_merges(file, _sheet_name(entry, names))
                    if size == len(chunk):  # the first chunk; cells written unprefixed (<c>, not <x:c>)
                        facts.looks_text_only = b"<sheetData" in window and not _NON_TEXT_CELL.search(window)
                    tail = _tail(window)
        if ods is not None:
            _measure(ods, b"", file, entry.filename, final=True)
        plain.close()
        if is_sheet and not plain.plain:
            _check_area(archive, entry, file, _sheet_name(entry, names))
    except ZIP_ERRORS as exc:
        raise InputError("corrupt-workbook", file=file, reason=f"{entry.filename}: {exc}") from None
    facts.size = size
    return size, facts


def _tail(window: bytes) -> bytes:
    """What of a chunk to look at again with the next one: the last bytes, back to the start of the last tag."""
    start = window.rfind(b"<", max(0, len(window) - TAG_CARRY))
    return window[min(start, len(window) - OVERLAP) if start >= 0 else -OVERLAP :]


def _merge(match: re.Match[bytes]) -> tuple[int, int, int, int]:
    first_col, first_row = _column_number(match.group(1)) - 1, int(match.group(2)) - 1
    if match.group(3) is None:
        return first_row, first_col, first_row, first_col
    return first_row, first_col, int(match.group(4)) - 1, _column_number(match.group(3)) - 1


def _sheet_name(entry: zipfile.ZipInfo, names: dict[str, str]) -> str:
    return names.get(entry.filename, entry.filename.rsplit("/", 1)[-1])


def _check_area(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str, sheet: str) -> None:
    """The rectangle calamine will allocate, cell by cell as it counts them, for a sheet whose cells are not all
    written plainly (extent.py); refused as soon as it passes the limit."""
    extent = XlsxExtent(MAX_CELL_AREA)
    with archive.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            _measure(extent, chunk, file, sheet)
        _measure(extent, b"", file, sheet, final=True)


def _measure(extent: XlsxExtent | OdsExtent, chunk: bytes, file: str, sheet: str, *, final: bool = False) -> None:
    try:
        extent.feed(chunk, final)
    except TooLarge as exc:
        raise InputError(
            "sheet-too-large",
            file=file,
            sheet=exc.sheet or sheet,
            rows=f"{exc.rows:,}",
            cols=f"{exc.cols:,}",
            limit=f"{MAX_CELL_AREA:,}",
        ) from None
    except TooRepetitive as exc:
        raise InputError(
            "sheet-too-repetitive",
            file=file,
            sheet=exc.sheet or sheet,
            cells=f"{exc.cells:,}",
            limit=f"{MAX_REPEATED_CELLS:,}",
        ) from None
    except Malformed:
        raise InputError("sheet-malformed", file=file, sheet=sheet) from None


def _too_many_merges(file: str, sheet: str) -> InputError:
    return InputError("sheet-too-many-merges", file=file, sheet=sheet, limit=f"{MAX_MERGES:,}")
