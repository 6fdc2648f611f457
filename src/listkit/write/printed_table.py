"""One printed table sheet (XlsxWriter): a title row, a header row, then rows of text, laid out for paper.

Every sheet listkit writes for people to file — the change order's 调整情况表, check's 对照表 — is this: column
widths and paper from the page plan, row heights from the lines each cell needs, borders on every cell (the
empty ones left for the clerk's hand too), print set-up as the publication's. A row taller than Excel's 409 pt
goes on over following rows (continuation.py's marks), never cut off on paper.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from listkit.continuation import continued_name
from listkit.i18n import Lang
from listkit.write.fonts import BODY_FONT
from listkit.write.page_plan import plan_page
from listkit.write.print_setup import landscape, set_up_print
from listkit.write.print_text import BODY_PT, cut, lines_in, lines_needed, row_height
from listkit.write.xlsx_cells import merge_text, write_text

TITLE_PT = 14.0
MAX_ROW_PT = 409.0  # Excel's limit
MARK_FILL = "#FFEB9C"


@dataclass
class PrintedTable:
    sheet: str
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    centered: Collection[int] = ()
    # Columns left for the clerk's hand, planned as if they held this much.
    hand_room: dict[int, str] = field(default_factory=dict)
    # (row, column) cells to mark: what differs.
    marked: Collection[tuple[int, int]] = ()
    # On a continued row: the columns repeated as they are, and the one naming the item ("名称（续）").
    repeated: Sequence[int] = ()
    name_column: int | None = None
    # Columns that name the items: read first, so never squeezed to a few characters (page_plan).
    name_columns: Collection[int] = ()
    # The last resort for a cell Excel cannot hold even once continued (it cannot be cut): what it prints instead.
    fit: Callable[[str], str] | None = None


def write_printed_table(book: Any, table: PrintedTable, lang: Lang) -> None:
    formats = _formats(book)
    sheet = book.add_worksheet(table.sheet)
    width = len(table.headers)
    texts = [[row[col] for row in table.rows] + [table.hand_room.get(col, "")] for col in range(width)]
    plan = plan_page(table.headers, texts, [col in table.name_columns for col in range(width)])
    for col, column_width in enumerate(plan.widths):
        sheet.set_column(col, col, column_width)
    merge_text(sheet, (0, 0), (0, width - 1), table.title, formats["title"])
    sheet.set_row(0, row_height(1, TITLE_PT))
    header_lines = max(lines_needed(h, em) for h, em in zip(table.headers, plan.text_em, strict=True))
    sheet.set_row(1, row_height(header_lines))
    for col, header in enumerate(table.headers):
        write_text(sheet, 1, col, header, formats["header"])
    number = 2
    marked = set(table.marked)
    for index, row in enumerate(table.rows):
        for printed in continued_rows(list(row), plan.text_em, table.repeated, table.name_column):
            piece = [table.fit(value) for value in printed] if table.fit else printed
            lines = max(lines_needed(value, em) for value, em in zip(piece, plan.text_em, strict=True))
            sheet.set_row(number, min(row_height(lines), MAX_ROW_PT))
            for col, value in enumerate(piece):
                # An empty cell is written blank: the border, on the cells left for the clerk too.
                style = "marked" if (index, col) in marked else "center" if col in table.centered else "cell"
                write_text(sheet, number, col, value, formats[style])
            number += 1
    set_up_print(sheet, plan, lang, header_rows=1, paper=landscape(plan))


def continued_rows(
    row: list[str], em: Sequence[float], repeated: Sequence[int], name_column: int | None
) -> list[list[str]]:
    """A row taller than a row can be, as the rows it goes on over: each cell too tall is cut where a line ends
    (print_text.cut) and carried on the next row, which repeats ``repeated`` and names the item '…（续）'."""
    most = lines_in(MAX_ROW_PT)
    rows = [row]
    while True:
        current = rows[-1]
        following = [""] * len(row)
        carried = False
        for col, value in enumerate(current):
            if lines_needed(value, em[col]) > most and (pieces := cut(value, em[col], most)) is not None:
                current[col], following[col] = pieces
                carried = True
        if not carried:
            return rows
        for col in repeated:
            following[col] = row[col]
        if name_column is not None:
            following[name_column] = continued_name(row[name_column])
        rows.append(following)


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": BODY_FONT, "font_size": BODY_PT, "text_wrap": True, "valign": "top", "border": 1}
    return {
        "title": book.add_format(
            {"font_name": BODY_FONT, "font_size": TITLE_PT, "bold": True, "align": "center", "valign": "vcenter"}
        ),
        "header": book.add_format(
            {**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#F2F2F2"}
        ),
        "cell": book.add_format(base),
        "center": book.add_format({**base, "align": "center"}),
        "marked": book.add_format({**base, "bg_color": MARK_FILL}),
    }
