"""Lists as collected from many departments: the same file given twice, a licensing list counted by its
主管部门, and sheet names that count items, not records."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import listkit.read.excel as excel
from listkit.read import read_list
from listkit.read.duplicates import duplicate_files
from listkit.stats import compute_stats
from tests.conftest import CliResult
from tests.xlsx_fixtures import BASIS, HEADER, row, write_xlsx

Cli = Callable[..., CliResult]


# --- A. the same file twice ------------------------------------------------------------------------------


def _workbook_and_copy(tmp_path: Path) -> tuple[Path, Path]:
    first = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": [HEADER, row(1, "甲许可"), row(2, "乙许可")]})
    copy = tmp_path / "a (1).xlsx"
    shutil.copyfile(first, copy)
    return first, copy


def test_a_byte_identical_copy_is_read_once_and_named(tmp_path: Path) -> None:
    first, copy = _workbook_and_copy(tmp_path)
    items = read_list([first, copy])
    assert items.size == 2
    assert items.files == [str(first)]
    assert items.duplicate_files == [(str(copy), str(first))]
    assert compute_stats(items).total.records == 2


def test_only_equal_bytes_make_a_copy(tmp_path: Path) -> None:
    same_size = [tmp_path / "x.csv", tmp_path / "y.csv", tmp_path / "z.csv"]
    for path, text in zip(same_size, ["abc", "abd", "abc"], strict=True):
        path.write_text(text, encoding="utf-8")
    assert duplicate_files(same_size) == {2: 0}
    # The same path twice is the same file twice; a missing path is left for reading to report.
    assert duplicate_files([same_size[0], same_size[0], tmp_path / "missing.csv"]) == {1: 0}


@pytest.mark.parametrize("command", ["stats", "import", "export", "validate"])
def test_every_command_warns_about_a_copy_and_counts_once(cli: Cli, tmp_path: Path, command: str) -> None:
    first, copy = _workbook_and_copy(tmp_path)
    args: list[Any] = {
        "stats": ["stats", first, copy, "--format", "json"],
        "import": ["import", first, copy],
        "export": ["export", first, copy, "-o", tmp_path / "out.json", "--format", "json"],
        "validate": ["validate", first, copy, "--format", "json"],
    }[command]
    alone = cli(*[a for a in args if a != copy])
    result = cli(*args)
    assert result.code == alone.code  # a warning, not a failure
    assert f"已跳过 {copy}：内容与 {first} 完全相同，只读取一次" in result.err
    assert str(copy) not in alone.err
    if command == "stats":
        assert json.loads(result.out)["total"]["records"] == 2
    elif command == "import":
        assert result.out == alone.out and len(result.out.splitlines()) == 3  # header line + 2 records
    elif command == "validate":
        assert json.loads(result.out)["stats"] == json.loads(alone.out)["stats"]


def test_the_copy_warning_in_english_and_in_explain(cli: Cli, tmp_path: Path) -> None:
    first, copy = _workbook_and_copy(tmp_path)
    english = cli("stats", first, copy, "--lang", "en")
    assert f"Skipped {copy}: byte-identical to {first}, read once" in english.err
    explained = cli("import", first, copy, "--explain")
    assert f"{copy} 与 {first} 内容相同，未重复读取" in explained.out


# --- B. a licensing list counts by 主管部门 -----------------------------------------------------------------

LICENSING_HEADER = ["序号", "主管部门", "事项名称", "实施机关", "设定和实施依据", "备注"]


def _licensing_list(tmp_path: Path) -> Path:
    rows = [
        LICENSING_HEADER,
        ["1", "示例主管甲局", "示例设施建设许可", "示例审批中心", BASIS, ""],
        ["2", "示例主管甲局", "示例经营许可", "示例执法大队", BASIS, ""],
        ["3", "示例主管乙局", "示例资格认定", "示例审批中心", BASIS, ""],
        # No competent department written: the implementing body stands in.
        ["4", "", "示例临时占用许可", "示例管理所", BASIS, ""],
    ]
    return write_xlsx(tmp_path / "list.xlsx", {"Sheet1": rows})


def test_licensing_stats_by_department_group_by_the_competent_department(tmp_path: Path) -> None:
    items = read_list([_licensing_list(tmp_path)])
    assert items.schema_name == "licensing-list"
    stats = compute_stats(items, "department")
    assert [(r.key, r.records) for r in stats.rows] == [("示例主管甲局", 2), ("示例主管乙局", 1), ("示例管理所", 1)]
    # Grouping reads the schema's department field; it does not move 主管部门 into the record's department.
    assert {r.department for r in items.records} == {None}


def test_licensing_stats_by_department_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("stats", _licensing_list(tmp_path), "--by", "department", "--format", "json")
    assert result.code == 0
    assert [r["key"] for r in json.loads(result.out)["rows"]] == ["示例主管甲局", "示例主管乙局", "示例管理所"]


# --- C. a sheet name's count is a count of items ----------------------------------------------------------


def _items_with_sub_items(sheet: str, tmp_path: Path) -> Path:
    """Two items on three rows: the first has two sub-items, each on its own row with the item repeated."""
    rows = [
        HEADER,
        row("1", "示例设施建设许可", sub="新建"),
        row("1", "示例设施建设许可", sub="改建"),
        row("2", "示例经营许可"),
    ]
    return write_xlsx(tmp_path / "list.xlsx", {sheet: rows})


@pytest.mark.parametrize("read_as", ["rows", "columns"])
def test_the_sheet_count_is_compared_with_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_as: str) -> None:
    # The column reader takes only big sheets; lowered to 0 it takes these small ones too.
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 0 if read_as == "columns" else 1 << 62)
    matching = read_list([_items_with_sub_items("行政许可（2项）", tmp_path)])
    assert (matching.unbuilt_table() is not None) == (read_as == "columns")
    layout = matching.layouts[0]
    assert layout.notes == []
    assert (layout.records, layout.items) == (3, 2)
    # Counting records as 项 is a convention too (published breakdowns, listkit's own export): no mismatch.
    counted_as_records = read_list([_items_with_sub_items("行政许可（3项）", tmp_path)])
    assert counted_as_records.layouts[0].notes == []
    wrong = read_list([_items_with_sub_items("行政许可（4项）", tmp_path)])
    assert wrong.layouts[0].notes == ["sheet-count-mismatch:4:2"]


def test_explain_tells_items_and_records(cli: Cli, tmp_path: Path) -> None:
    result = cli("import", _items_with_sub_items("行政许可（4项）", tmp_path), "--explain")
    assert "读取记录 3 条，主项 2 项" in result.out
    assert "工作表名写明 4 项，实际读取 3 条记录，其中主项 2 项" in result.out
