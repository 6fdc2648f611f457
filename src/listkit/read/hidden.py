"""Which rows a workbook hides. Hidden rows are still read, but a hidden row that repeats a visible record is
not a record of its own (real lists keep hidden copies of rows from the catalogue they were derived from).

python-calamine does not report row visibility: .xls row flags come from xlrd; .xlsx ones from the sheet XML,
collected by the guard's pass over it (guard.py), so the sheet is inflated once.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

_HIDDEN_ROW = re.compile(
    rb'<row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"|<row\b[^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"'
)
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(
    rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
    rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"'
)


def hidden_rows_xls(data: bytes) -> dict[str, set[int]]:
    """Sheet name → zero-based hidden rows of an .xls; unreadable flags mean no hidden rows."""
    try:
        return _xls(data)
    except Exception:
        return {}


def hidden_in(xml: bytes) -> set[int]:
    """Zero-based hidden rows named in a piece of sheet XML."""
    if b'hidden="' not in xml:
        return set()
    return {int(m.group(1) or m.group(2)) - 1 for m in _HIDDEN_ROW.finditer(xml)}


def _xls(data: bytes) -> dict[str, set[int]]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    try:
        result: dict[str, set[int]] = {}
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            hidden = {row for row, info in sheet.rowinfo_map.items() if info.hidden}
            if hidden:
                result[sheet.name] = hidden
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
