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

from listkit.errors import InputError
from listkit.read.hidden import hidden_in, sheet_parts

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


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + (byte - 64)
    return number


def _size(n: int) -> str:
    if n < 1024**2:
        return f"{n / 1024:,.0f} KB"
    return f"{n / 1024**2:,.0f} MB" if n < 1024**3 else f"{n / 1024**3:,.1f} GB"


def check_workbook_zip(data: bytes, file: str) -> dict[str, set[int]]:
    """Refuse what would exhaust memory; return, by sheet name, the rows the workbook hides (xlsx)."""
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
        hidden: dict[str, set[int]] = {}
        for entry in entries:
            size, rows = _inflate(archive, entry, file, MAX_TOTAL_BYTES - total, names)
            total += size
            if rows and entry.filename in names:
                hidden[names[entry.filename]] = rows
        return hidden


def _inflate(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str, budget: int, names: dict[str, str]
) -> tuple[int, set[int]]:
    """Stream one entry, counting its true size; sheets are also measured for the area they span and searched
    for hidden rows."""
    is_sheet = entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml")
    is_ods_content = entry.filename == "content.xml"
    size = 0
    wide = False
    hidden: set[int] = set()
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
                    # Overlap chunks a little so a reference cut in two is still seen whole.
                    window = tail + chunk
                    if is_sheet:
                        # Columns past Z are rare in lists: only then is the sheet measured cell by cell.
                        wide = wide or _WIDE_REF.search(window) is not None
                        hidden |= hidden_in(window)
                    else:
                        _check_ods_repeats(window, file)
                    tail = window[-64:]
        if wide:
            _check_area(archive, entry, file, names)
    except ZIP_ERRORS as exc:
        raise InputError("corrupt-workbook", file=file, reason=f"{entry.filename}: {exc}") from None
    return size, hidden


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
            tail = window[-64:]
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
