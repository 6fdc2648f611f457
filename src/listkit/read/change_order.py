"""Read a change order from a file, whatever its format: the diff's JSON report or a workbook's 变更明细."""

from __future__ import annotations

import json
from pathlib import Path

from listkit.diff.apply import Entry
from listkit.errors import InputError
from listkit.read import read_bytes
from listkit.read.change_order_json import entries_from_json
from listkit.read.change_order_workbook import entries_from_workbook
from listkit.read.sniff import sniff
from listkit.schema import load_schema


def read_change_order(path: Path, schema_name: str) -> list[Entry]:
    file = str(path)
    schema = load_schema(schema_name)
    data = read_bytes(path)
    kind = sniff(data, file)
    if kind in ("json", "jsonl"):  # a one-line JSON document sniffs as JSON Lines
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise InputError("json-invalid", file=file, row=1, reason=str(exc)) from None
        return entries_from_json(document, file, schema)
    if kind in ("xlsx", "xls", "ods"):
        return entries_from_workbook(path, schema)
    raise InputError("not-a-change-order", file=file)
