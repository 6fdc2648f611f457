"""Several numbered sub-items packed into one 子项名称 cell are as many records as the cell numbers.

Only a run of two or more pieces numbered 1, 2, 3 … (or n, n+1 …), each at the cell start or after a separator,
splits; a single numbered sub-item, legal text with numbers and numbers out of order stay one record. The
column read declines such sheets, so both reads agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from listkit.read import read_list
from listkit.read.subitems import split_sub_items
from tests.conftest import CliResult
from tests.test_column_read import HEADER as COLUMN_HEADER
from tests.test_column_read import assert_same, both_ways, record_row, write_workbook
from tests.xlsx_fixtures import HEADER, row, write_xlsx

Cli = Callable[..., CliResult]
PACKED = "1.对甲事项的审批；2.对乙事项的审批；3.对丙事项的审批"


def subs(path: Path) -> list[tuple[str, str, int | None]]:
    """(name, sub-item, source row) of every record read."""
    return [(r.get("name"), r.get("sub_name"), r.source.row if r.source else None) for r in read_list([path]).records]


def test_semicolon_separated_sub_items_are_one_record_each(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"S": [HEADER, row(1, "甲许可", sub=PACKED, remark="说明"), row(2, "乙许可")]},
    )
    items = read_list([path])
    assert [(r.get("seq"), r.get("name"), r.get("sub_name")) for r in items.records] == [
        ("1", "甲许可", "1.对甲事项的审批"),
        ("1", "甲许可", "2.对乙事项的审批"),
        ("1", "甲许可", "3.对丙事项的审批"),
        ("2", "乙许可", ""),
    ]
    first, *others = items.records[:3]
    for other in others:
        # a copy of the item's other fields, pointing at the same source row
        assert {k: v for k, v in other.values.items() if k != "sub_name"} == {
            k: v for k, v in first.values.items() if k != "sub_name"
        }
        assert other.source == first.source and other.at == first.at and other.type_from == first.type_from
    assert first.source is not None and first.source.row == 2
    assert items.layouts[0].records == 4


def test_line_separated_sub_items_split_and_keep_their_own_line_breaks_joined(tmp_path: Path) -> None:
    packed = "1.对甲事项的\n审批\n2.对乙事项的审批。\n3、对丙事项的审批"
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可", sub=packed)]})
    assert subs(path) == [
        ("甲许可", "1.对甲事项的审批", 2),
        ("甲许可", "2.对乙事项的审批", 2),
        ("甲许可", "3、对丙事项的审批", 2),
    ]


def test_bracketed_numbers_split_from_any_start(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "S": [
                HEADER,
                row(1, "甲许可", sub="（1）对甲事项的审批；（2）对乙事项的审批"),
                row(2, "乙许可", sub="(3)对丙事项的审批\n(4)对丁事项的审批"),
            ]
        },
    )
    assert subs(path) == [
        ("甲许可", "（1）对甲事项的审批", 2),
        ("甲许可", "（2）对乙事项的审批", 2),
        ("乙许可", "(3)对丙事项的审批", 3),
        ("乙许可", "(4)对丁事项的审批", 3),
    ]


NOT_PACKED = [
    "5.示例机构终止审批",  # a single numbered sub-item (one row of several)
    "依照第1项、第2项规定的审批",  # numbers inside legal text
    "高度1.5米；2.5米以上的设施",  # decimals, not numbers of pieces
    "1.5米以上；2.5米以下的设施",
    "1.对甲事项的审批；3.对乙事项的审批",  # a gap
    "2.对甲事项的审批；1.对乙事项的审批",  # out of order
    "包括：\n1.对甲事项的审批\n2.对乙事项的审批",  # text before the first number
    "（1）对甲事项的审批（2）对乙事项的审批",  # the second number runs on without a separator
]


@pytest.mark.parametrize("text", NOT_PACKED)
def test_cells_that_are_one_sub_item_stay_one_record(text: str, tmp_path: Path) -> None:
    assert split_sub_items(text) is None
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"S": [HEADER, row(1, "甲许可", sub=text), row(2, "乙许可", sub="1.对甲的审批\n2.对乙的审批")]},
    )
    got = subs(path)
    assert got[0][:2] == ("甲许可", text.replace("\n", "")) and got[0][2] == 2
    assert [s for name, s, _row in got[1:]] == ["1.对甲的审批", "2.对乙的审批"]  # the control still splits


def test_a_merged_item_is_completed_before_it_is_split(tmp_path: Path) -> None:
    """Continuation rows of a merged item add to every split record, not only to the last one."""
    continuation = ["", "", "", "", "", "", "", "", "", "第二段"]
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"S": [HEADER, row(1, "甲许可", sub="1.对甲的审批\n2.对乙的审批", remark="第一段"), continuation]},
        merges={"S": [f"{c}2:{c}3" for c in "ABCDEFGHI"]},
    )
    items = read_list([path])
    assert [(r.get("sub_name"), r.get("remark")) for r in items.records] == [
        ("1.对甲的审批", "第一段\n第二段"),
        ("2.对乙的审批", "第一段\n第二段"),
    ]
    assert [s.reason for s in items.layouts[0].skipped] == ["continuation"]


def test_a_hidden_row_repeating_a_split_record_is_skipped_once(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    packed = "1.对甲的审批；2.对乙的审批"
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可", sub=packed), row(1, "甲许可", sub=packed)]})
    book = load_workbook(path)
    book["S"].row_dimensions[3].hidden = True
    book.save(path)
    items = read_list([path])
    assert [(r.get("sub_name"), r.source.row if r.source else None) for r in items.records] == [
        ("1.对甲的审批", 2),
        ("2.对乙的审批", 2),
    ]
    assert [(s.row, s.reason) for s in items.layouts[0].skipped] == [(3, "hidden-repeat")]


def test_explain_names_the_split_cells(cli: Cli, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"S": [["示例局权责清单"], HEADER, row(1, "甲许可"), row("2,3", "乙许可", sub=PACKED)]},
    )
    items = read_list([path])
    assert items.layouts[0].notes == ["split-sub-items:C4:3", "combined-seq:4:2,3"]
    result = cli("import", path, "--explain")
    assert result.code == 0
    assert "单元格 C4 的子项名称含 3 个编号子项，已拆为 3 条记录" in result.out
    assert "读取记录 4 条" in result.out
    english = cli("import", path, "--explain", "--lang", "en")
    assert "Cell C4 packs 3 numbered sub-items: read as 3 records" in english.out


def test_split_records_survive_the_canonical_form(cli: Cli, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可", sub=PACKED)]})
    out = tmp_path / "a.jsonl"
    assert cli("import", path, "-o", out).code == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert [line["sub_name"] for line in lines] == PACKED.split("；")
    assert {line["source"]["row"] for line in lines} == {2}
    assert [r.get("sub_name") for r in read_list([out]).records] == PACKED.split("；")
    assert cli("validate", path).code == 0  # distinct sub-items: no duplicate finding


def column_rows(sub: str) -> list[list[Any]]:
    return [COLUMN_HEADER] + [record_row(n) for n in range(1, 20)] + [record_row(20, sub=sub)]


def test_the_column_read_declines_packed_cells_and_agrees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packed = write_workbook(tmp_path / "packed.xlsx", {"Sheet1": column_rows("1.对甲的审批\n2.对乙的审批")})
    by_columns, by_rows = both_ways([packed], monkeypatch)
    assert by_columns.unbuilt_table() is None  # read row by row
    assert_same(by_columns, by_rows)
    assert [r.get("sub_name") for r in by_rows.records[-2:]] == ["1.对甲的审批", "2.对乙的审批"]
    assert by_rows.size == 21
    # numbers that do not split leave the sheet on the column path, with the same records
    plain = write_workbook(tmp_path / "plain.xlsx", {"Sheet1": column_rows("1.5米；2.5米以上的设施")})
    by_columns, by_rows = both_ways([plain], monkeypatch)
    assert by_columns.unbuilt_table() is not None
    assert_same(by_columns, by_rows)
    assert by_rows.size == 20
