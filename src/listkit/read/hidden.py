"""Which rows a workbook hides. Hidden rows are still read, but a hidden row that repeats a visible record is
not a record of its own (real lists keep hidden copies of rows from the catalogue they were derived from).

Hidden columns matter for another reason: a header block copied with one copy hidden (column_map.map_columns reads
the visible copy, the one the clerk sees and prints).

python-calamine does not report row or column visibility: .xls flags come from xlrd; .xlsx ones from the sheet
XML, collected by the guard's pass over it (guard.py), so the sheet is inflated once.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import NamedTuple

MAX_COLUMNS = 16_384  # Excel's last column, XFD: '<col min="5" max="16384" hidden="1"/>' hides the rest
_COL = re.compile(rb"<(?:[\w.-]+:)?col\b([^>]*)>")
_ATTR = re.compile(rb"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_HIDDEN_ROW = re.compile(
    rb'<row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"|<row\b[^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"'
)
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(
    rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
    rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"'
)


class Hidden(NamedTuple):
    rows: set[int]  # zero-based
    cols: set[int]  # zero-based


def hidden_xls(data: bytes) -> dict[str, Hidden]:
    """Sheet name → zero-based hidden rows and columns of an .xls; unreadable flags mean nothing hidden."""
    try:
        return _xls(data)
    except Exception:
        return {}


def hidden_in(xml: bytes) -> set[int]:
    """Zero-based hidden rows named in a piece of sheet XML."""
    if b'hidden="' not in xml:
        return set()
    return {int(m.group(1) or m.group(2)) - 1 for m in _HIDDEN_ROW.finditer(xml)}


def hidden_cols_in(xml: bytes) -> set[int]:
    """Zero-based hidden columns named in a piece of sheet XML: <col min max hidden="1"> ranges (one-based,
    inclusive), attributes in any order. A zero width hides a column as surely as the flag does."""
    # <cols> comes before the cells (<sheetData>): nothing after that needs searching.
    end = xml.find(b"sheetData")
    if end >= 0:
        xml = xml[:end]
    if b"<col" not in xml and b":col" not in xml:
        return set()
    if b'hidden="' not in xml and b"hidden='" not in xml and b'width="0' not in xml and b"width='0" not in xml:
        return set()
    hidden: set[int] = set()
    for element in _COL.finditer(xml):
        attrs = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(element[1])}
        if attrs.get(b"hidden") not in (b"1", b"true") and not _zero(attrs.get(b"width")):
            continue
        try:
            first, last = int(attrs[b"min"]), int(attrs.get(b"max", attrs[b"min"]))
        except (KeyError, ValueError):
            continue  # a range that cannot be read hides nothing
        hidden.update(range(max(first, 1) - 1, min(last, MAX_COLUMNS)))
    return hidden


def _zero(width: bytes | None) -> bool:
    try:
        return width is not None and float(width) == 0
    except ValueError:
        return False


def _xls(data: bytes) -> dict[str, Hidden]:
    import xlrd

    # ragged_rows: xlrd otherwise pads every row out to the widest, and a merge over the whole sheet makes that
    # 65,536 × 256 cells (200 MB) for a sheet of two rows.
    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True)
    try:
        result: dict[str, Hidden] = {}
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = {row for row, info in sheet.rowinfo_map.items() if info.hidden}
            # colinfo_map has one entry per column of each COLINFO range.
            cols = {col for col, info in sheet.colinfo_map.items() if info.hidden or info.width == 0}
            if rows or cols:
                result[sheet.name] = Hidden(rows, cols)
            book.unload_sheet(index)
        return result
    finally:
        book.release_resources()


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8")
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"), ("&amp;", "&")):
        text = text.replace(entity, char)
    return text


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part path (xl/worksheets/sheet1.xml) → the sheet's name as Excel shows it."""
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = {}
    for match in _REL.finditer(rels):
        rel_id, target = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        targets[rel_id.decode()] = target.decode()
    parts = {}
    for match in _SHEET.finditer(workbook):
        target = targets.get(match.group(2).decode())
        if target:
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            parts[path] = _unescape(match.group(1))
    return parts
