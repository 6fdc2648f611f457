"""Flat tables of a list — CSV (UTF-8 with BOM, for Excel) and a plain .xlsx — that listkit reads back.

Columns: the schema's titles in schema order, then the department column (部门, or the schema's own header for it)
and any extra columns. Every cell, headers included, is written as cells.py has it: never a formula, control
characters escaped, read back as written. The headers are the Chinese ones whatever ``--lang`` says: they are
what listkit (and a clerk's copy of the list) reads back.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from listkit.cells import csv_cell
from listkit.model import ItemList
from listkit.record import Record
from listkit.schema import Schema, load_schema
from listkit.write.canonical import ordered
from listkit.write.sheet_names import SheetNames
from listkit.write.stable_xlsx import workbook_bytes
from listkit.write.xlsx_cells import text_cell

if TYPE_CHECKING:
    from openpyxl import Workbook


def columns(items: ItemList, schema: Schema) -> tuple[list[str], list[str]]:
    """(field keys, extra headers) in output order; extras in the order they first appear."""
    extras: dict[str, None] = {}
    for record in items.records:
        for header in record.extra:
            extras.setdefault(header, None)
    return [f.key for f in schema.fields], list(extras)


def rows(items: ItemList, schema: Schema) -> tuple[list[str], list[list[str]]]:
    keys, extras = columns(items, schema)
    with_department = any(r.department for r in items.records)
    department = [schema.department_title("zh")] if with_department else []
    header = [schema.by_key[k].title for k in keys] + department + extras
    body = [_row(r, keys, extras, with_department) for r in ordered(items, schema)]
    return header, body


def _row(record: Record, keys: list[str], extras: list[str], with_department: bool) -> list[str]:
    cells = [record.values.get(k, "") for k in keys]
    if with_department:
        cells.append(record.department or "")
    cells.extend(record.extra.get(h, "") for h in extras)
    return cells


def csv_bytes(items: ItemList) -> bytes:
    schema = load_schema(items.schema_name)
    header, body = rows(items, schema)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(cell) for cell in header])
    writer.writerows([csv_cell(cell) for cell in row] for row in body)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def xlsx_bytes(items: ItemList) -> bytes:
    schema = load_schema(items.schema_name)
    header, body = rows(items, schema)
    return workbook_bytes(_workbook(schema.title, header, body))


def _workbook(title: str, header: list[str], body: list[list[str]]) -> Workbook:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SheetNames().take(title))
    for values in (header, *body):
        sheet.append([text_cell(sheet, value) for value in values])
    return workbook
