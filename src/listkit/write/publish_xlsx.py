"""The print-ready workbook: title, grouped two-row headers, wrapped CJK text, borders, items merged over their
sub-items, headers repeated on every page and page numbers, a sheet per type (or department) and a 汇总 sheet.
Paper, widths and rows come from page_plan and print_rows: 8 pt text printed at 100% on A4 or A3, rows sized to
their text, pages broken by hand so that no page starts with a nameless row. Written with XlsxWriter: every string is
written as a string, never as a formula."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from listkit.cells import label_text
from listkit.i18n import Lang, t
from listkit.model import ItemList
from listkit.progress import track
from listkit.record import Record
from listkit.schema import Schema, load_schema
from listkit.stats import Stats, compute_stats
from listkit.write.fonts import BODY_FONT, TITLE_FONT
from listkit.write.layout import PUBLICATION_LANG, Column, item_groups, plan_columns, sheet_name, sheets_by
from listkit.write.page_plan import A4_PORTRAIT, MARGINS_IN, PAGE_SAFETY, PagePlan, plan_page, printed_workbook_options
from listkit.write.print_rows import Block, Pager, column_value
from listkit.write.print_text import BODY_PT, lines_needed, row_height
from listkit.write.sheet_names import SheetNames
from listkit.write.xlsx_cells import merge_text, write_text

TITLE_PT = 16.0
FIXED_TIME = datetime(2000, 1, 1)
SUMMARY_SHEET = t("publish.summary-sheet", PUBLICATION_LANG)
MAX_BREAKS = 1023  # manual page breaks Excel keeps on a sheet; pages past them break where the application likes


def workbook_bytes(items: ItemList, title: str, group_by: str, lang: Lang) -> bytes:
    import xlsxwriter

    schema = load_schema(items.schema_name)
    # Counted first, from the list's columns, before the records are built for the sheets.
    stats = compute_stats(items, None, schema)
    if schema.role("type") is None:  # a list without types (中介服务) is published by department
        group_by = "department"
    buffer = io.BytesIO()
    # constant_memory: each row goes to a temporary file as soon as the next one starts (a million records held
    # as cells took gigabytes), so every sheet below is written strictly in row order (see _Rows).
    book = xlsxwriter.Workbook(
        buffer,
        {"constant_memory": True, **printed_workbook_options()},
    )
    book.set_properties({"title": label_text(title), "created": FIXED_TIME, "creator": "listkit"})
    formats = _formats(book)
    with_department = len({r.department for r in items.records if r.department}) > 1 and group_by != "department"
    columns = plan_columns(items, schema, with_department, with_extras=True)
    _summary_sheet(book, formats, stats, title, lang)
    names = SheetNames([SUMMARY_SHEET])
    with track(t("progress.write"), len(items.records)) as advance:
        for label, records in sheets_by(items, schema, group_by):
            sheet = book.add_worksheet(sheet_name(label, len(records), names))
            # Each sheet's widths fitted to its own records: a type's long texts are not another's.
            plan = plan_page(
                [c.title for c in columns],
                [[column_value(r, c) for r in records] for c in columns],
                [c.spec is not None and c.spec.role == "name" for c in columns],
            )
            _list_sheet(sheet, formats, columns, records, schema, f"{title}·{label}", plan)
            advance(len(records))
        book.close()
    return buffer.getvalue()


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": BODY_FONT, "font_size": BODY_PT, "text_wrap": True, "valign": "top", "border": 1}
    return {
        "title": book.add_format(
            {
                "font_name": TITLE_FONT,
                "font_size": TITLE_PT,
                "bold": True,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
            }
        ),
        "header": book.add_format(
            {**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#F2F2F2"}
        ),
        "cell": book.add_format(base),
        "center": book.add_format({**base, "align": "center"}),
        "number": book.add_format({**base, "align": "right"}),
        "total": book.add_format({**base, "bold": True}),
    }


def _page_setup(sheet: Any, header_rows: int, plan: PagePlan) -> None:
    if plan.paper.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper(plan.paper.code)
    sheet.set_margins(**MARGINS_IN)
    sheet.center_horizontally()
    # A set scale, not fit-to-width: Excel ignores manual page breaks on a sheet fitted to pages.
    sheet.set_print_scale(plan.scale)
    sheet.repeat_rows(1, header_rows)  # the header (not the title) on every printed page
    sheet.set_footer(t("print.footer", PUBLICATION_LANG))
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
                write_text(self.sheet, row, col, value, style)
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


def _header_heights(columns: list[Column], widths: list[float]) -> list[float]:
    """Heights of the header rows: one, or two under grouped columns (a group's title spans its columns)."""
    if not any(c.group for c in columns):
        return [row_height(max(lines_needed(c.title, w) for c, w in zip(columns, widths, strict=True)))]
    groups: dict[str, float] = {}
    for column, width in zip(columns, widths, strict=True):
        if column.group:
            groups[column.group] = groups.get(column.group, 0.0) + width
    top = max(lines_needed(group, width) for group, width in groups.items())
    subs = max(lines_needed(c.title, w) for c, w in zip(columns, widths, strict=True) if c.group)
    spanning = max((lines_needed(c.title, w) for c, w in zip(columns, widths, strict=True) if not c.group), default=1)
    return [row_height(top), row_height(max(subs, spanning - top))]


def _list_sheet(
    sheet: Any,
    formats: dict[str, Any],
    columns: list[Column],
    records: list[Record],
    schema: Schema,
    title: str,
    plan: PagePlan,
) -> None:
    last_col = len(columns) - 1
    rows = _Rows(sheet)
    rows.merge(0, 0, 0, last_col, title, formats["title"])
    title_em = sum(plan.text_em) * BODY_PT / TITLE_PT
    title_height = rows.heights[0] = row_height(lines_needed(title, title_em), TITLE_PT) + 6
    header_rows = _header(rows, formats, columns)
    headers = _header_heights(columns, plan.text_em)
    for offset, height in enumerate(headers, start=1):
        rows.heights[offset] = height
    rows.write()
    for col, width in enumerate(plan.widths):
        sheet.set_column(col, col, width)
    page = plan.paper.text_height_pt * 100 / plan.scale * PAGE_SAFETY - sum(headers)
    pager = Pager(columns, plan.text_em, page, page - title_height)
    breaks: list[int] = []
    row = header_rows + 1
    centered = [c.spec is not None and c.spec.role in ("seq", "type") for c in columns]
    for group in item_groups(records, schema):
        block = pager.block(group)
        row = _block(rows, formats, block, centered, row, breaks)
        rows.write()
    sheet.set_h_pagebreaks(breaks[:MAX_BREAKS])
    _page_setup(sheet, header_rows, plan)


def _block(
    rows: _Rows, formats: dict[str, Any], block: Block, centered: list[bool], first: int, breaks: list[int]
) -> int:
    """An item's printed rows from ``first`` down; the row after the last."""
    for offset, printed in enumerate(block.rows):
        if printed.page_break:
            breaks.append(first + offset)
        rows.heights[first + offset] = printed.height
        for col, text in enumerate(printed.cells):
            rows.put(first + offset, col, text, formats["center"] if centered[col] else formats["cell"])
    for top, col, bottom in block.merges:
        style = formats["center"] if centered[col] else formats["cell"]
        rows.merge(first + top, col, first + bottom, col, block.rows[top].cells[col], style)
    return first + len(block.rows)


def _summary_sheet(book: Any, formats: dict[str, Any], stats: Stats, title: str, lang: Lang) -> None:
    sheet = book.add_worksheet(SUMMARY_SHEET)
    headers = [
        stats.heading(lang),
        t("col.records", lang),
        t("col.items", lang),
        t("col.share", lang),
    ]
    merge_text(sheet, (0, 0), (0, len(headers) - 1), f"{title}·{t('total', lang)}", formats["title"])
    sheet.set_row(0, 30)
    for col, header in enumerate(headers):
        write_text(sheet, 1, col, header, formats["header"])
    total = stats.total.records or 1
    row = 2
    for stat in stats.rows:
        write_text(sheet, row, 0, stat.key or t("unspecified", lang), formats["cell"])
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
    _page_setup(sheet, 1, PagePlan(A4_PORTRAIT, 100, [], []))
