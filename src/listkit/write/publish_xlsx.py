"""The print-ready workbook: title, grouped two-row headers, wrapped CJK text, borders, items merged over their
sub-items, headers repeated on every page and page numbers, a sheet per type (or department) and a 汇总 sheet.
Paper, widths and rows come from page_plan and print_rows: 8 pt text printed at 100% on A4 or A3, rows sized to
their text, pages broken by hand so that no page starts with a nameless row. Written with rust_xlsxwriter (the
rvgsrust-xlsxwriter binding; write/rust_xlsx.py): every string is written as a string, never as a formula."""

from __future__ import annotations

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
from listkit.write.page_plan import A4_PORTRAIT, MARGINS_IN, PAGE_SAFETY, PagePlan, plan_page
from listkit.write.print_rows import Block, Pager, column_value
from listkit.write.print_text import BODY_PT, lines_needed, row_height
from listkit.write.rust_xlsx import add_format, add_sheet, new_book, package, write_row
from listkit.write.sheet_names import SheetNames

TITLE_PT = 16.0
SUMMARY_SHEET = t("publish.summary-sheet", PUBLICATION_LANG)
MAX_BREAKS = 1023  # manual page breaks Excel keeps on a sheet; pages past them break where the application likes


def workbook_bytes(items: ItemList, title: str, group_by: str, lang: Lang) -> bytes:
    schema = load_schema(items.schema_name)
    # Counted first, from the list's columns, before the records are built for the sheets.
    stats = compute_stats(items, None, schema)
    if schema.role("type") is None:  # a list without types (中介服务) is published by department
        group_by = "department"
    book = new_book()
    book.set_properties(title=label_text(title), author="listkit")
    formats = _formats(book)
    with_department = len({r.department for r in items.records if r.department}) > 1 and group_by != "department"
    columns = plan_columns(items, schema, with_department, with_extras=True)
    _summary_sheet(book, formats, stats, title, lang)
    names = SheetNames([SUMMARY_SHEET])
    with track(t("progress.write"), len(items.records)) as advance:
        for label, records in sheets_by(items, schema, group_by):
            sheet = add_sheet(book, sheet_name(label, len(records), names))
            # Each record's texts once, for the widths and for the rows.
            texts = [[column_value(record, column) for column in columns] for record in records]
            # Each sheet's widths fitted to its own records: a type's long texts are not another's.
            plan = plan_page(
                [c.title for c in columns],
                [list(column) for column in zip(*texts, strict=True)] if texts else [[] for _ in columns],
                [c.spec is not None and c.spec.role == "name" for c in columns],
            )
            _list_sheet(sheet, formats, columns, _grouped(texts, records, schema), f"{title}·{label}", plan)
            del texts  # before the next sheet's
            advance(len(records))
        return package(book)


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": BODY_FONT, "font_size": BODY_PT, "text_wrap": True, "valign": "top", "border": 1}
    return {
        "title": add_format(
            book,
            {
                "font_name": TITLE_FONT,
                "font_size": TITLE_PT,
                "bold": True,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
            },
        ),
        "header": add_format(
            book, {**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#F2F2F2"}
        ),
        "cell": add_format(book, base),
        "center": add_format(book, {**base, "align": "center"}),
        "number": add_format(book, {**base, "align": "right"}),
        "total": add_format(book, {**base, "bold": True}),
    }


def _page_setup(sheet: Any, header_rows: int, plan: PagePlan) -> None:
    if plan.paper.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper_size(plan.paper.code)
    sheet.set_margins(**MARGINS_IN, header=0.3, footer=0.3)
    sheet.set_print_center_horizontally(True)
    # A set scale, not fit-to-width: Excel ignores manual page breaks on a sheet fitted to pages.
    if plan.scale != 100:
        sheet.set_print_scale(plan.scale)
    sheet.set_repeat_rows(1, header_rows)  # the header (not the title) on every printed page
    sheet.set_footer(t("print.footer", PUBLICATION_LANG))
    sheet.freeze_panes(header_rows + 1, 0)


def _grouped(texts: list[list[str]], records: list[Record], schema: Schema) -> list[list[list[str]]]:
    """``texts`` cut where ``records`` change item (an item and its sub-items are printed together)."""
    row_of = {id(record): row for record, row in zip(records, texts, strict=True)}
    return [[row_of[id(record)] for record in group] for group in item_groups(records, schema)]


class _Rows:
    """A sheet's cells written row by row as the pages are laid out, each row's merges after it (a merge writes its
    first cell and formats the blanks it covers): nothing of a sheet is held but what the writer holds."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet

    def put(self, row: int, texts: list[str], styles: list[Any], height: float | None = None) -> None:
        """A row of texts: a call per run of columns sharing a style (the centred 序号 and type), not per cell —
        each call into the writer costs more than the cell."""
        if height is not None:
            self.sheet.set_row_height(row, height)
        start = 0
        for col in range(1, len(styles) + 1):
            if col == len(styles) or styles[col] is not styles[start]:
                write_row(self.sheet, row, start, texts[start:col], styles[start])
                start = col

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int, value: str, style: Any) -> None:
        # ``value`` is the merge's first cell, already written (and its control characters counted) by put().
        self.sheet.merge_range(first_row, first_col, last_row, last_col, value, style)


def _header(rows: _Rows, style: Any, columns: list[Column], heights: list[float]) -> int:
    """One header row, or two where the schema groups columns (实施层级及权限 over 层级 and 权限)."""
    styles = [style] * len(columns)
    if not any(c.group for c in columns):
        rows.put(1, [c.title for c in columns], styles, heights[0])
        return 1
    # The group's title over its columns, their own titles under it; an ungrouped title spans both rows.
    rows.put(1, [c.group or c.title for c in columns], styles, heights[0])
    col = 0
    while col < len(columns):
        column = columns[col]
        if column.group:
            end = col
            while end + 1 < len(columns) and columns[end + 1].group == column.group:
                end += 1
            if end > col:
                rows.merge(1, col, 1, end, column.group, style)
            col = end + 1
        else:
            rows.merge(1, col, 2, col, column.title, style)
            col += 1
    rows.put(2, [c.title if c.group else "" for c in columns], styles, heights[1])
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
    groups: list[list[list[str]]],
    title: str,
    plan: PagePlan,
) -> None:
    last_col = len(columns) - 1
    rows = _Rows(sheet)
    title_em = sum(plan.text_em) * BODY_PT / TITLE_PT
    title_height = row_height(lines_needed(title, title_em), TITLE_PT) + 6
    rows.put(0, [title] + [""] * last_col, [formats["title"]] * len(columns), title_height)
    if last_col > 0:
        rows.merge(0, 0, 0, last_col, title, formats["title"])
    headers = _header_heights(columns, plan.text_em)
    header_rows = _header(rows, formats["header"], columns, headers)
    for col, width in enumerate(plan.widths):
        sheet.set_column_width(col, width)
    page = plan.paper.text_height_pt * 100 / plan.scale * PAGE_SAFETY - sum(headers)
    pager = Pager(columns, plan.text_em, page, page - title_height)
    breaks: list[int] = []
    row = header_rows + 1
    styles = [
        formats["center"] if c.spec is not None and c.spec.role in ("seq", "type") else formats["cell"] for c in columns
    ]
    for group in groups:
        row = _block(rows, styles, pager.block(group), row, breaks)
    sheet.set_page_breaks(breaks[:MAX_BREAKS])
    _page_setup(sheet, header_rows, plan)


def _block(rows: _Rows, styles: list[Any], block: Block, first: int, breaks: list[int]) -> int:
    """An item's printed rows from ``first`` down, each row's merges after it; the row after the last."""
    merges_at: dict[int, list[tuple[int, int]]] = {}
    for top, col, bottom in block.merges:
        merges_at.setdefault(top, []).append((col, bottom))
    for offset, printed in enumerate(block.rows):
        if printed.page_break:
            breaks.append(first + offset)
        rows.put(first + offset, printed.cells, styles, printed.height)
        for col, bottom in merges_at.get(offset, ()):
            rows.merge(first + offset, col, first + bottom, col, printed.cells[col], styles[col])
    return first + len(block.rows)


def _summary_sheet(book: Any, formats: dict[str, Any], stats: Stats, title: str, lang: Lang) -> None:
    sheet = add_sheet(book, SUMMARY_SHEET)
    rows = _Rows(sheet)
    headers = [
        stats.heading(lang),
        t("col.records", lang),
        t("col.items", lang),
        t("col.share", lang),
    ]
    heading = f"{title}·{t('total', lang)}"
    rows.put(0, [heading, "", "", ""], [formats["title"]] * 4, 30)
    rows.merge(0, 0, 0, len(headers) - 1, heading, formats["title"])
    rows.put(1, headers, [formats["header"]] * 4)
    total = stats.total.records or 1
    row = 2
    for stat in stats.rows:
        rows.put(row, [stat.key or t("unspecified", lang)], [formats["cell"]])
        sheet.write(row, 1, stat.records, formats["number"])
        sheet.write(row, 2, stat.items, formats["number"])
        sheet.write(row, 3, f"{stat.records / total:.1%}", formats["number"])
        row += 1
    sheet.write(row, 0, t("total", lang), formats["total"])
    sheet.write(row, 1, stats.total.records, formats["total"])
    sheet.write(row, 2, stats.total.items, formats["total"])
    sheet.write(row, 3, "100.0%", formats["total"])
    sheet.set_column_width(0, 18)
    for col in range(1, 4):
        sheet.set_column_width(col, 12)
    _page_setup(sheet, 1, PagePlan(A4_PORTRAIT, 100, [], []))
