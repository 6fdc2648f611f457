"""check's 对照表: one row per item a clerk can file — its status, the catalogue's and the list's name, type and
basis side by side, the cells that differ marked, a 说明 column left for the clerk; printed as the publication."""

from __future__ import annotations

import io
from datetime import datetime

from listkit.cells import label_text
from listkit.check.model import CheckResult
from listkit.i18n import Lang, t
from listkit.record import Record
from listkit.render.check_text import aspects_text, status_label
from listkit.schema import load_schema
from listkit.write.page_plan import printed_workbook_options
from listkit.write.printed_table import PrintedTable, write_printed_table

FIXED_TIME = datetime(2000, 1, 1)  # the package's dates: the same check gives the same bytes
HAND_ROOM = "　" * 8
SIDE_BY_SIDE_ROLES = ("name", "type", "basis")


def workbook_bytes(result: CheckResult, lang: Lang, title: str) -> bytes:
    import xlsxwriter

    schema, reference_schema = load_schema(result.schema_name), load_schema(result.reference_schema)
    roles = [role for role in SIDE_BY_SIDE_ROLES if schema.key_of(role)]
    titles = [schema.by_key[schema.key_of(role) or ""].display_title(lang) for role in roles]
    headers = [
        t("change-order.column.number", lang),
        schema.department_title(lang),
        t("check.column.status", lang),
        t("check.column.aspects", lang),
    ]
    for heading in titles:
        headers += [t("check.column.of-reference", lang, title=heading), t("check.column.of-list", lang, title=heading)]
    headers.append(t("check.column.note", lang))
    rows, marked = [], []
    for number, item in enumerate(result.items, start=1):
        row = [str(number), item.department, status_label(item.status, lang), aspects_text(item, lang)]
        differing = {change.field for change in item.fields}
        for role in roles:
            if schema.key_of(role) in differing:
                marked += [(number - 1, len(row)), (number - 1, len(row) + 1)]
            row += [_value(item.reference, reference_schema.key_of(role)), _value(item.listed, schema.key_of(role))]
        row.append("")
        rows.append(row)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, printed_workbook_options())
    book.set_properties({"title": label_text(title), "created": FIXED_TIME, "creator": "listkit"})
    name_column = 4  # the catalogue's name: a continued row names the item by it
    write_printed_table(
        book,
        PrintedTable(
            sheet=t("check.sheet", lang),
            title=title,
            headers=headers,
            rows=rows,
            centered={0, 2},
            hand_room={len(headers) - 1: HAND_ROOM},
            marked=marked,
            repeated=(0, 1, 2),
            name_column=name_column,
            name_columns=(name_column, name_column + 1),
        ),
        lang,
    )
    book.close()
    return buffer.getvalue()


def _value(record: Record | None, key: str | None) -> str:
    return record.get(key) if record is not None else ""
