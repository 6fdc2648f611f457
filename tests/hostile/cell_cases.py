"""Hostile cases of three classes (issue 14, classes 3–5): lists whose text would be a live formula in an output
(headers, departments, types, names starting with = + - @), whose text holds control characters (NUL and \\x01,
which XML cannot hold), and whose types and departments make no valid sheet name ('[]:*?/\\', an apostrophe
first, 40 characters, names differing only in case, 'History'). Readable lists, every one: the outputs made
from them must be inert and read back (tests/test_inert_outputs.py opens each)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.hostile.corpus import Case

HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "部门"]
INJECTED_HEADERS = ['=HYPERLINK("http://x","a")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "＝1+1", "''=A1"]
LONG = "某某市某某区" * 7  # 42 characters: past the 31 a sheet name may have
SHEET_LABELS = ["'行政处罚", "行政[处罚]:*?/\\", LONG + "甲", LONG + "乙", "Abc", "ABC", "History", "汇总"]


def _csv_text(rows: list[list[str]]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")

    return make


def _jsonl(records: list[dict[str, object]]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        lines = [json.dumps({"listkit": {"schema": "power-list"}})]
        lines += [json.dumps(record, ensure_ascii=True) for record in records]  # \u0000 as JSON writes it
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    return make


def formula_rows() -> list[list[str]]:
    """A 部门 column and injected extra headers; names, bodies, departments and extras that look like formulas."""
    values = ["=1+1", "+1", "-1", "@SUM(A1)", "－1", "'=A1", "''+1", "＠x"]
    rows = [HEADER + INJECTED_HEADERS]
    for number, value in enumerate(values, 1):
        name = f'=HYPERLINK("http://x","事项{number}")' if number % 2 else f"{value}事项{number}"
        department = f"={number}部门" if number % 3 else "@局"
        extras = [value, f"=cmd|' /C calc'!A{number}", "", "-", "＝", value]
        rows.append([str(number), name, "行政处罚", "《法》第一条", value + "局", department, *extras])
    return rows


def control_records() -> list[dict[str, object]]:
    return [
        {
            "seq": "1",
            "name": "对\x00违法\x01行为的处罚",
            "type": "行政处罚",
            "basis": "《法》\x07第一条",
            "body": "区\x1b局",
            "department": "区\x01示例局",
            "extra": {"备\x01注": "\x00", "附记": "_x0041_ 像转义的文字"},
        },
        {"seq": "2", "name": "对违法行为的处罚\x0b二", "type": "行政处罚", "basis": "《法》第二条", "body": "区局"},
    ]


def sheet_records() -> list[dict[str, object]]:
    """Records whose types and departments each make a bad sheet name (grouped by type or by department)."""
    return [
        {"seq": str(n), "name": f"事项{n}", "type": label, "basis": "《法》第一条", "body": "区局", "department": label}
        for n, label in enumerate(SHEET_LABELS, 1)
    ]


def cell_cases() -> list[Case]:
    from tests.hostile.corpus import READABLE, Case

    return [
        Case("formula-headers.csv", READABLE, _csv_text(formula_rows())),
        Case("control-chars.jsonl", READABLE, _jsonl(control_records())),
        Case("sheet-names.jsonl", READABLE, _jsonl(sheet_records())),
    ]
