"""Text cells for the two xlsx libraries listkit writes with, each as cells.py has it: a string cell that nothing
evaluates, control characters in Excel's _xHHHH_ form and counted.

XlsxWriter (the publication, the change order, the template) escapes control characters and escape-like texts
itself: the text goes in as it is, and is only counted. openpyxl (the canonical xlsx, validate's annotated copy)
refuses controls and turns a leading '=' into a formula: the text is escaped first (``xlsx_text``) and the cell
typed as a string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from listkit.cells import note_controls, xlsx_text

if TYPE_CHECKING:
    from openpyxl.cell import Cell, WriteOnlyCell
    from openpyxl.worksheet.worksheet import Worksheet


def write_text(sheet: Any, row: int, col: int, text: str, style: Any = None) -> None:
    """XlsxWriter: ``text`` as a string cell, or a blank one (keeping ``style``: borders) where it is empty."""
    if text:
        note_controls(text)
        sheet.write_string(row, col, text, style)
    else:
        sheet.write_blank(row, col, None, style)


def merge_text(sheet: Any, first: tuple[int, int], last: tuple[int, int], text: str, style: Any = None) -> None:
    """XlsxWriter: a merged range holding ``text`` as a string (merge_range writes its value with write())."""
    sheet.merge_range(*first, *last, "", style)
    write_text(sheet, *first, text, style)


def set_text(cell: Cell, text: str) -> Cell:
    """openpyxl: ``text`` into ``cell`` as a string, never a formula."""
    cell.value = xlsx_text(text)
    cell.data_type = "s"
    return cell


def text_cell(sheet: Worksheet, text: str | None) -> WriteOnlyCell:
    """openpyxl, write-only: a string cell holding ``text``, or an empty one."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=xlsx_text(text) if text else None)
    if text:
        cell.data_type = "s"
    return cell
