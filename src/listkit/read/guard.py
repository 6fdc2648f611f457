"""Refuse workbooks that would exhaust memory before a parser touches them.

An .xlsx is a zip of XML: a "zip bomb" inflates a small file to gigabytes, and a single cell written far away
(XFD1048576) makes a dense reader allocate the whole 17-billion-cell rectangle — python-calamine aborts the
process then, which no `except` can catch. So, before calamine sees an .xlsx or .ods, every entry is inflated
here as a stream — never held whole — counting its real size (headers can lie) and, for sheets, the furthest
cell reference. What is refused is said plainly, with the limit, and exits 2.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from listkit.errors import InputError
from listkit.read.hidden import hidden_cols_in, hidden_in, sheet_parts

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 6 * 1024**3  # inflated; a 1,048,576-row sheet of real text is ~2-3 GB
MAX_RATIO = 100  # inflated / compressed, for entries above RATIO_FLOOR; real sheet XML stays under ~30
RATIO_FLOOR = 16 * 1024**2
MAX_CELL_AREA = 40_000_000  # rows × columns a sheet may span (Excel's own maximum row count × 38 columns)
assert MAX_CELL_AREA > 1_048_576 * 26  # _check_area relies on it
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
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_WIDE_REF = re.compile(rb'<c r="[A-Z]{2,3}\d')
_ODS_REPEAT = re.compile(rb'number-(?:rows|columns)-repeated="(\d+)"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')
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
    for byte in letters:
        number = number * 26 + (byte - 64)
    return number


def _size(n: int) -> str:
    if n < 1024**2:
        return f"{n / 1024:,.0f} KB"
    return f"{n / 1024**2:,.0f} MB" if n < 1024**3 else f"{n / 1024**3:,.1f} GB"


def check_workbook_zip(data: bytes, file: str) -> dict[str, SheetFacts]:
    """Refuse what would exhaust memory; return, by sheet name, what the pass learnt of each sheet (xlsx)."""
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
        return facts


def _inflate(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str, budget: int, names: dict[str, str]
) -> tuple[int, SheetFacts]:
    """Stream one entry, counting its true size; sheets are also measured for the area they span, searched for
    hidden rows and columns and merged ranges, and their first chunk for cells that hold something other than text."""
    is_sheet = entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml")
    is_ods_content = entry.filename == "content.xml"
    size = 0
    wide = False
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
                if is_sheet or is_ods_content:
                    window = tail + chunk
                    if is_sheet:
                        # Columns past Z are rare in lists: only then is the sheet measured cell by cell.
                        wide = wide or _WIDE_REF.search(window) is not None
                        facts.hidden_rows |= hidden_in(window)
                        if before_cells:  # column flags precede the cells: later chunks need no search
                            facts.hidden_cols |= hidden_cols_in(window)
                            before_cells = b"sheetData" not in window
                        if b"<mergeCell " in window:
                            facts.merges |= {_merge(m) for m in _MERGE.finditer(window)}
                        if size == len(chunk):  # the first chunk; cells written unprefixed (<c>, not <x:c>)
                            facts.looks_text_only = b"<sheetData" in window and not _NON_TEXT_CELL.search(window)
                    else:
                        _check_ods_repeats(window, file)
                    tail = _tail(window)
        if wide:
            _check_area(archive, entry, file, names)
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


def _check_area(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str, names: dict[str, str]) -> None:
    """The rectangle a dense reader will allocate: furthest row × furthest column of any cell.

    Only needed for sheets with cells past column Z: up to column Z, even Excel's last row stays in bounds
    (1,048,576 × 26 < MAX_CELL_AREA).
    """
    max_row = max_col = 0
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            for letters, row in _CELL_REF.findall(window):
                max_col = max(max_col, _column_number(letters))
                max_row = max(max_row, int(row))
            tail = window[-OVERLAP:]
    if max_row * max_col > MAX_CELL_AREA:
        sheet = names.get(entry.filename, entry.filename.rsplit("/", 1)[-1])
        raise InputError(
            "sheet-too-large",
            file=file,
            sheet=sheet,
            rows=f"{max_row:,}",
            cols=f"{max_col:,}",
            limit=f"{MAX_CELL_AREA:,}",
        )


def _check_ods_repeats(window: bytes, file: str) -> None:
    """ODS compresses empty space as 'repeated' cells; a repeat big enough to fill a sheet is refused."""
    for match in _ODS_REPEAT.finditer(window):
        if int(match.group(1)) > MAX_CELL_AREA:
            raise InputError(
                "sheet-too-large",
                file=file,
                sheet="content.xml",
                rows=match.group(1).decode(),
                cols="-",
                limit=f"{MAX_CELL_AREA:,}",
            )
