"""`validate --format xlsx`: a copy of the input with every offending cell highlighted and commented, plus a
校验结果 sheet listing the findings. The input itself is only read.

The copy is made from what validate's read kept (read.ReadSource), not from a second read: an .xls, .ods or .csv
input is copied cell by cell from the sheets the read parsed (values and merges); a canonical .jsonl/.json input
becomes a sheet with one row per record the read gave, in file order. An .xlsx input is the exception, copied as
it is (formatting kept): its original bytes are loaded with openpyxl — a copy of the file, not a read through
listkit's readers. Every cell is inert (cells.py): an .xlsx copy holds the values listkit read, not the input's
formulas, and text is written as strings.
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from listkit.cells import label_text
from listkit.i18n import Lang, t
from listkit.model import ItemList
from listkit.read import ReadSource, read_bytes
from listkit.read.grid import Grid, column_letter
from listkit.read.guard import check_workbook_zip
from listkit.schema import load_schema
from listkit.validate.report import Finding, Report
from listkit.write.sheet_names import SheetNames
from listkit.write.stable_xlsx import workbook_bytes
from listkit.write.xlsx_cells import set_text

if TYPE_CHECKING:
    from openpyxl import Workbook

FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}
FINDINGS_SHEET = t("findings.sheet", "zh")  # the copy's sheet names stay the same in every language
RECORDS_SHEET = t("findings.records-sheet", "zh")
COPY_MERGED_CELLS = 4_000_000  # merged cells openpyxl may be asked to make (~100 bytes each)


def annotated_bytes(source: ReadSource, report: Report, lang: Lang) -> bytes:
    """The annotated copy of the input ``source`` (as the read kept it), with ``report``'s findings."""
    columns: dict[str, str] = {}
    if source.kind == "xlsx":
        workbook = _copy_xlsx(source)
    elif not source.sheets:  # a file of records (jsonl, json): no sheet to copy
        workbook, columns = _records_workbook(source.items)
    else:
        workbook = _copy_cells(source.sheets)
    _mark(workbook, report, lang, columns)
    _findings_sheet(workbook, report, lang)
    return workbook_bytes(workbook)


def _copy_xlsx(source: ReadSource) -> Workbook:
    from openpyxl import load_workbook

    data = source.data if source.data is not None else read_bytes(source.path)
    if _merged_cells(data, str(source.path)) > COPY_MERGED_CELLS:
        # openpyxl makes an object per merged cell: a merge drawn over a whole sheet would never load. The
        # cell-by-cell copy keeps values and merges (clipped to the cells that exist), not formatting.
        return _copy_cells(source.sheets)
    # data_only: each formula's cached value, as listkit read and checked it; a formula from a file that came
    # by e-mail is not handed on to the person opening the copy. From the bytes, not the path: openpyxl judges
    # a path by its suffix, and a real .xlsx is often named .xls.
    return load_workbook(io.BytesIO(data), data_only=True)


def _merged_cells(data: bytes, file: str) -> int:
    """Cells covered by merged ranges in all sheets, as the ranges are drawn."""
    facts = check_workbook_zip(data, file)
    return sum((r1 - r0 + 1) * (c1 - c0 + 1) for sheet in facts.values() for r0, c0, r1, c1 in sheet.merges)


def _copy_cells(sheets: list[Grid]) -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for grid in sheets:
        _grid_sheet(workbook, grid)
    return workbook


def _grid_sheet(workbook: Workbook, grid: Grid) -> None:
    sheet = workbook.create_sheet(SheetNames(workbook.sheetnames).take(grid.sheet or Path(grid.file).stem))
    for r in range(len(grid.rows)):
        for c, text in enumerate(grid.texts(r)):
            if text:
                set_text(sheet.cell(r + 1, c + 1), text)
    for r0, c0, r1, c1 in grid.merges:
        sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)


def _records_workbook(items: ItemList) -> tuple[Workbook, dict[str, str]]:
    """A canonical file has lines, not cells: one row per line (line N is row N), one column per field.
    Returns the workbook and each field's column letter."""
    from openpyxl import Workbook

    schema = load_schema(items.schema_name)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = RECORDS_SHEET
    for col, spec in enumerate(schema.fields, 1):
        set_text(sheet.cell(1, col), spec.title)
    for record in items.records:
        row = record.at.row if record.at and record.at.row else sheet.max_row + 1
        for col, spec in enumerate(schema.fields, 1):
            value = record.values.get(spec.key)
            if value:
                set_text(sheet.cell(row, col), value)
    return workbook, {spec.key: column_letter(col - 1) for col, spec in enumerate(schema.fields, 1)}


def _mark(workbook: Workbook, report: Report, lang: Lang, field_columns: dict[str, str]) -> None:
    """Fill and comment each offending cell; a cell with several findings gets them all in one comment."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[tuple[str, int, str], list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if finding.row is None or finding.severity == "info":
            continue
        sheet = RECORDS_SHEET if field_columns else finding.sheet or workbook.sheetnames[0]
        column = finding.column or field_columns.get(finding.field or "")
        if column:
            by_cell[(sheet, finding.row, column)].append(finding)
    for (sheet_name, row, column), findings in sorted(by_cell.items()):
        if sheet_name not in workbook.sheetnames:
            continue
        cell = workbook[sheet_name][f"{column}{row}"]
        if type(cell).__name__ == "MergedCell":
            continue
        worst = "error" if any(f.severity == "error" for f in findings) else "warning"
        cell.fill = PatternFill("solid", start_color=FILLS[worst], end_color=FILLS[worst])
        text = "\n".join(f"[{f.rule}] {f.message(lang)}" for f in findings)
        cell.comment = Comment(label_text(text[:2000]), "listkit", width=320, height=120)


def _findings_sheet(workbook: Workbook, report: Report, lang: Lang) -> None:
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(FINDINGS_SHEET, 0)
    headers = [
        t("col.rule", lang),
        t("col.severity", lang),
        t("col.cell", lang),
        t("col.field", lang),
        t("col.message", lang),
        t("col.value", lang),
    ]
    for col, header in enumerate(headers, 1):
        set_text(sheet.cell(1, col), header).font = Font(bold=True)
    for row, finding in enumerate(report.findings, 2):
        values = [
            finding.rule,
            t(f"severity.{finding.severity}", lang),
            finding.location(lang),
            finding.field or "",
            finding.message(lang),
            (finding.value or "")[:500],
        ]
        for col, value in enumerate(values, 1):
            if value:
                set_text(sheet.cell(row, col), value)
    for letter, width in zip("ABCDEF", (18, 8, 16, 14, 60, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
