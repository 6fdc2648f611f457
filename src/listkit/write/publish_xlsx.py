"""The print-ready workbook: title, grouped two-row headers, wrapped CJK text, borders, items merged over their
sub-items, A4 landscape with headers repeated on every page and page numbers, a sheet per type (or department)
and a 汇总 sheet. Written with XlsxWriter: every string is written as a string, never as a formula."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from listkit.i18n import Lang, t
from listkit.model import ItemList, Record
from listkit.progress import track
from listkit.schema import Schema, load_schema
from listkit.stats import Stats, compute_stats
from listkit.write.layout import Column, item_groups, lines_needed, plan_columns, sheet_name, sheets_by

FONT = "宋体"  # SimSun; LibreOffice and WPS fall back to a CJK serif where it is missing
TITLE_FONT = "方正小标宋简体"
FIXED_TIME = datetime(2000, 1, 1)
POINTS_PER_LINE = 12.5
MAX_ROW_HEIGHT = 409.0  # Excel's limit
# Columns whose text is the same for every sub-item of an item are merged down over the item's rows.
NEVER_MERGED = ("sub-item", "code")


def workbook_bytes(items: ItemList, title: str, group_by: str, lang: Lang) -> bytes:
    import xlsxwriter

    schema = load_schema(items.schema_name)
    # Counted first, from the list's columns, before the records are built for the sheets.
    stats = compute_stats(items, "type", schema)
    buffer = io.BytesIO()
    # constant_memory: each row goes to a temporary file as soon as the next one starts (a million records held
    # as cells took gigabytes), so every sheet below is written strictly in row order (see _Rows).
    book = xlsxwriter.Workbook(
        buffer,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    book.set_properties({"title": title, "created": FIXED_TIME, "creator": "listkit"})
    formats = _formats(book)
    with_department = len({r.department for r in items.records if r.department}) > 1 and group_by != "department"
    columns = plan_columns(items, schema, with_department)
    _summary_sheet(book, formats, stats, title, lang)
    used = {"汇总"}
    with track(t("progress.write"), len(items.records)) as advance:
        for label, records in sheets_by(items, schema, group_by):
            sheet = book.add_worksheet(sheet_name(label, len(records), used))
            _list_sheet(sheet, formats, columns, records, schema, f"{title}·{label}")
            advance(len(records))
        book.close()
    return buffer.getvalue()


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": 10, "text_wrap": True, "valign": "top", "border": 1}
    return {
        "title": book.add_format(
            {"font_name": TITLE_FONT, "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"}
        ),
        "header": book.add_format(
            {**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#F2F2F2"}
        ),
        "cell": book.add_format(base),
        "center": book.add_format({**base, "align": "center"}),
        "number": book.add_format({**base, "align": "right"}),
        "total": book.add_format({**base, "bold": True}),
    }


def _page_setup(sheet: Any, header_rows: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.center_horizontally()
    sheet.fit_to_pages(1, 0)  # as wide as one page, as many pages long as it takes
    sheet.repeat_rows(1, header_rows)  # the header (not the title) on every printed page
    sheet.set_footer("&C第 &P 页，共 &N 页")
    sheet.freeze_panes(header_rows + 1, 0)


class _Rows:
    """Cells of a block of rows — merges included — written out in row order, as constant_memory requires.

    XlsxWriter's merge_range writes the merged area at once, down the rows; here a merge is its first cell, the
    formatted blanks it covers, and the range recorded on the sheet for <mergeCells> (what merge_range records).
    """

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.cells: dict[int, dict[int, tuple[str, Any]]] = {}
        self.heights: dict[int, float] = {}
        self.merges: list[list[int]] = []

    def put(self, row: int, col: int, value: str, style: Any) -> None:
        self.cells.setdefault(row, {})[col] = (value, style)

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int, value: str, style: Any) -> None:
        for row in range(first_row, last_row + 1):
            for col in range(first_col, last_col + 1):
                self.put(row, col, value if (row, col) == (first_row, first_col) else "", style)
        self.merges.append([first_row, first_col, last_row, last_col])

    def write(self) -> None:
        for row in sorted(self.cells):
            if row in self.heights:
                self.sheet.set_row(row, self.heights[row])
            for col, (value, style) in sorted(self.cells[row].items()):
                if value:
                    self.sheet.write_string(row, col, value, style)
                else:
                    self.sheet.write_blank(row, col, None, style)
        self.sheet.merge.extend(self.merges)
        self.cells, self.heights, self.merges = {}, {}, []


def _header(rows: _Rows, formats: dict[str, Any], columns: list[Column]) -> int:
    """One header row, or two where the schema groups columns (实施层级及权限 over 层级 and 权限)."""
    grouped = any(c.group for c in columns)
    if not grouped:
        for col, column in enumerate(columns):
            rows.put(1, col, column.title, formats["header"])
        return 1
    col = 0
    while col < len(columns):
        column = columns[col]
        if column.group:
            end = col
            while end + 1 < len(columns) and columns[end + 1].group == column.group:
                end += 1
            if end > col:
                rows.merge(1, col, 1, end, column.group, formats["header"])
            else:
                rows.put(1, col, column.group, formats["header"])
            for sub in range(col, end + 1):
                rows.put(2, sub, columns[sub].title, formats["header"])
            col = end + 1
        else:
            rows.merge(1, col, 2, col, column.title, formats["header"])
            col += 1
    return 2


def _list_sheet(
    sheet: Any, formats: dict[str, Any], columns: list[Column], records: list[Record], schema: Schema, title: str
) -> None:
    last_col = len(columns) - 1
    rows = _Rows(sheet)
    rows.merge(0, 0, 0, last_col, title, formats["title"])
    rows.heights[0] = 30
    header_rows = _header(rows, formats, columns)
    rows.write()
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
    row = header_rows + 1
    for group in item_groups(records, schema):
        row = _item(rows, formats, columns, group, row)
        rows.write()
    _page_setup(sheet, header_rows)


def _value(record: Record, column: Column) -> str:
    return (record.department or "") if column.key == "department" else record.values.get(column.key, "")


def _item(rows: _Rows, formats: dict[str, Any], columns: list[Column], group: list[Record], first: int) -> int:
    heights = [0.0] * len(group)
    last = first + len(group) - 1
    for col, column in enumerate(columns):
        values = [_value(r, column) for r in group]
        style = (
            formats["center"] if column.spec is not None and column.spec.role in ("seq", "type") else formats["cell"]
        )
        mergeable = len(group) > 1 and (column.spec is None or column.spec.role not in NEVER_MERGED)
        if mergeable and len(set(values)) == 1:
            rows.merge(first, col, last, col, values[0], style)
            need = lines_needed(values[0], column.width) * POINTS_PER_LINE
            share = need / len(group)
            heights = [max(h, share) for h in heights]
            continue
        for offset, value in enumerate(values):
            rows.put(first + offset, col, value, style)
            heights[offset] = max(heights[offset], lines_needed(value, column.width) * POINTS_PER_LINE)
    for offset, height in enumerate(heights):
        rows.heights[first + offset] = min(max(height + 4, 18.0), MAX_ROW_HEIGHT)
    return first + len(group)


def _summary_sheet(book: Any, formats: dict[str, Any], stats: Stats, title: str, lang: Lang) -> None:
    sheet = book.add_worksheet("汇总")
    headers = [t("by.type", lang), t("col.records", lang), t("col.items", lang), t("col.share", lang)]
    sheet.merge_range(0, 0, 0, len(headers) - 1, f"{title}·{t('total', lang)}", formats["title"])
    sheet.set_row(0, 30)
    for col, header in enumerate(headers):
        sheet.write_string(1, col, header, formats["header"])
    total = stats.total.records or 1
    row = 2
    for stat in stats.rows:
        sheet.write_string(row, 0, stat.key or t("unspecified", lang), formats["cell"])
        sheet.write_number(row, 1, stat.records, formats["number"])
        sheet.write_number(row, 2, stat.items, formats["number"])
        sheet.write_string(row, 3, f"{stat.records / total:.1%}", formats["number"])
        row += 1
    sheet.write_string(row, 0, t("total", lang), formats["total"])
    sheet.write_number(row, 1, stats.total.records, formats["total"])
    sheet.write_number(row, 2, stats.total.items, formats["total"])
    sheet.write_string(row, 3, "100.0%", formats["total"])
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 3, 12)
    _page_setup(sheet, 1)
