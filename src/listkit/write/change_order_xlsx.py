"""The change order as a workbook: 调整情况表 for people to read, sign and print, 变更明细 for ``apply``.

Written with XlsxWriter, which writes every string exactly: leading and trailing spaces are marked to be kept,
and carriage returns, other control characters and text that looks like an escape (``_x000D_``) are escaped
as Excel does. So 变更明细 reads back (read/change_order_workbook.py) as the very text of each record. A cell
holds at most 32,767 characters in Excel: a longer value is refused, never cut (a cut basis would be a
different basis, and ``apply`` would write it into the new list).
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from listkit.cells import label_text
from listkit.diff.change_order import DETAIL_SHEET
from listkit.diff.model import ChangeSet
from listkit.errors import InputError
from listkit.i18n import Lang, t
from listkit.schema import Schema, load_schema
from listkit.write.change_order_rows import (
    SUMMARY_SHEET,
    detail_rows,
    summary_headers,
    summary_rows,
)
from listkit.write.fonts import BODY_FONT as FONT
from listkit.write.page_plan import plan_page, printed_workbook_options
from listkit.write.print_setup import landscape, set_up_print
from listkit.write.print_text import BODY_PT
from listkit.write.printed_table import PrintedTable, write_printed_table
from listkit.write.xlsx_cells import write_text

EXCEL_CELL_LIMIT = 32_767  # characters, counted as Excel counts them: UTF-16 code units
FIXED_TIME = datetime(2000, 1, 1)  # the package's dates: the same change order gives the same bytes
# The columns left blank for the clerk's hand (调整理由, 调整依据, 备注) are planned as if they held this much.
HAND_ROOM = {7: "　" * 8, 8: "　" * 8, 9: "　" * 5}
CENTERED = frozenset({0, 4})  # 序号, 权力类型


def workbook_bytes(changes: ChangeSet, lang: Lang, show_cosmetic: bool, title: str) -> bytes:
    import xlsxwriter

    schema = load_schema(changes.schema_name)
    header, rows = detail_rows(changes, schema, show_cosmetic)
    check_lengths(header, rows, schema)  # before anything is written
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, printed_workbook_options())
    book.set_properties({"title": label_text(title), "created": FIXED_TIME, "creator": "listkit"})
    _summary_sheet(book, summary_headers(schema), summary_rows(changes, schema, lang), title, lang)
    _detail_sheet(book, header, rows, lang)
    book.close()
    return buffer.getvalue()


def excel_length(text: str) -> int:
    """Characters as Excel counts them: a character beyond the BMP (rare ideographs of names) counts twice."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def check_lengths(header: list[str], rows: list[list[str]], schema: Schema) -> None:
    """Refuse a change order with a value Excel cannot hold, naming the change, the record and the field."""
    name_col = header.index(schema.by_key[name_key].title) if (name_key := schema.key_of("name")) else None
    for row in rows:
        for col, value in enumerate(row):
            if len(value) * 2 > EXCEL_CELL_LIMIT and excel_length(value) > EXCEL_CELL_LIMIT:
                name = row[name_col] if name_col is not None else ""
                raise InputError(
                    "change-order-too-long",
                    change=row[0],
                    side=row[1],
                    name=name if len(name) <= 40 else name[:39] + "…",
                    field=header[col],
                    length=f"{excel_length(value):,}",
                    limit=f"{EXCEL_CELL_LIMIT:,}",
                )


def _summary_sheet(book: Any, headers: list[str], rows: list[list[str]], title: str, lang: Lang) -> None:
    """调整情况表: a change whose 调整内容 (two long bases, say) is taller than a row can be goes on over following
    rows, as the publication continues a record: 序号 and 部门 repeated, the item named "事项名称（续）"."""
    table = PrintedTable(
        sheet=SUMMARY_SHEET,
        title=title,
        headers=headers,
        rows=rows,
        centered=CENTERED,
        hand_room=HAND_ROOM,
        repeated=(0, 1),
        name_column=2,
        fit=lambda value: _fit(value, lang),
    )
    write_printed_table(book, table, lang)


def _fit(value: str, lang: Lang) -> str:
    """The last resort for a summary cell Excel cannot hold (a 调整内容 is continued on following rows long before,
    unless it cannot be cut): it is for people, so it is shortened, saying where the full text is (变更明细,
    which is never shortened)."""
    if excel_length(value) <= EXCEL_CELL_LIMIT:
        return value
    note = t("diff.see-detail", lang)
    keep = EXCEL_CELL_LIMIT - excel_length(note)
    text = value[:keep]
    while excel_length(text) > keep:  # characters beyond the BMP count twice
        text = text[:-1]
    return text + note


def _detail_sheet(book: Any, header: list[str], rows: list[list[str]], lang: Lang) -> None:
    """What ``apply`` reads; printed too (on the paper its columns need), but sized to be read on screen: rows are
    left at their default height, so a long basis shows its first line."""
    bold = book.add_format({"font_name": FONT, "font_size": BODY_PT, "bold": True, "border": 1})
    cell = book.add_format({"font_name": FONT, "font_size": BODY_PT, "valign": "top", "border": 1})
    sheet = book.add_worksheet(DETAIL_SHEET)
    plan = plan_page(header, [[row[col] for row in rows] for col in range(len(header))])
    for col, width in enumerate(plan.widths):
        sheet.set_column(col, col, width)
    for col, title in enumerate(header):
        write_text(sheet, 0, col, title, bold)
    for number, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value:
                write_text(sheet, number, col, value, cell)
    set_up_print(sheet, plan, lang, header_rows=1, title_rows=0, paper=landscape(plan))
    sheet.freeze_panes(1, 2)  # 变更序号 and 原/新 stay in view
