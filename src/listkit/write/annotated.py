"""`validate --format xlsx`: a copy of the input with every offending cell highlighted and commented, plus a
校验结果 sheet listing the findings. The input itself is only read.

An .xlsx input is copied as it is (formatting kept); an .xls or .csv input is copied cell by cell (values and
merges); a canonical .jsonl/.json input becomes a sheet with one row per record, in file order.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from listkit.i18n import Lang, t
from listkit.read import read_bytes, read_grids
from listkit.read.grid import Grid, column_letter
from listkit.read.sniff import sniff
from listkit.validate.report import Finding, Report

if TYPE_CHECKING:
    from openpyxl import Workbook

FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}
FINDINGS_SHEET = "校验结果"
RECORDS_SHEET = "清单"


def annotated_bytes(path: Path, report: Report, lang: Lang) -> bytes:
    from listkit.write.stable_xlsx import workbook_bytes

    kind = sniff(read_bytes(path), str(path))
    columns: dict[str, str] = {}
    if kind == "xlsx":
        workbook = _copy_xlsx(path)
    elif kind in ("jsonl", "json"):
        workbook, columns = _records_workbook(path)
    else:
        workbook = _copy_cells(path)
    _mark(workbook, report, lang, columns)
    _findings_sheet(workbook, report, lang)
    return workbook_bytes(workbook)


def _copy_xlsx(path: Path) -> Workbook:
    from openpyxl import load_workbook

    return load_workbook(path)


def _copy_cells(path: Path) -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for grid in read_grids(path):
        _grid_sheet(workbook, grid)
    return workbook


def _grid_sheet(workbook: Workbook, grid: Grid) -> None:
    sheet = workbook.create_sheet((grid.sheet or Path(grid.file).stem)[:31])
    for r in range(len(grid.rows)):
        for c, text in enumerate(grid.texts(r)):
            if text:
                cell = sheet.cell(r + 1, c + 1, text)
                cell.data_type = "s"
    for r0, c0, r1, c1 in grid.merges:
        sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)


def _records_workbook(path: Path) -> tuple[Workbook, dict[str, str]]:
    """A canonical file has lines, not cells: one row per line (line N is row N), one column per field.
    Returns the workbook and each field's column letter."""
    from openpyxl import Workbook

    from listkit.read import read_list
    from listkit.schema import load_schema

    items = read_list([path])
    schema = load_schema(items.schema_name)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = RECORDS_SHEET
    for col, spec in enumerate(schema.fields, 1):
        sheet.cell(1, col, spec.title)
    for record in items.records:
        row = record.at.row if record.at and record.at.row else sheet.max_row + 1
        for col, spec in enumerate(schema.fields, 1):
            value = record.values.get(spec.key)
            if value:
                sheet.cell(row, col, value).data_type = "s"
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
        cell.comment = Comment(text[:2000], "listkit", width=320, height=120)


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
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for finding in report.findings:
        values: list[Any] = [
            finding.rule,
            t(f"severity.{finding.severity}", lang),
            finding.location(lang),
            finding.field or "",
            finding.message(lang),
            (finding.value or "")[:500],
        ]
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    for letter, width in zip("ABCDEF", (18, 8, 16, 14, 60, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
