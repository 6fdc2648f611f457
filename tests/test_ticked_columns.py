"""A closed field published as one ticked column per value (schema ``x-ticks``, read/ticks.py): the national 证照分离
list writes 改革方式 merged over 直接取消审批 | 审批改为备案 | 实行告知承诺 | 优化审批服务, '√' in one of them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import listkit.read.excel as excel
from listkit.read import column_body, read_list
from tests.conftest import CliResult
from tests.xlsx_fixtures import write_xlsx

MODES = ["直接取消审批", "审批改为备案", "实行告知承诺", "优化审批服务"]
# As the national list: 主管部门 after 序号 (the schema requires it), the four tick columns G:J.
TOP = ["序号", "主管部门", "改革事项", "许可证件", "设定依据", "审批层级和部门", "改革方式", "", "", "", "具体改革举措"]
TOP += ["加强事中事后监管措施", "备注"]
SUB = ["", "", "", "", "", "", *MODES, "", "", ""]
# The header block: title merged across, 改革方式 over F:I, every other header merged over both header rows.
MERGES = ["A1:M1", "G2:J2", *(f"{c}2:{c}3" for c in "ABCDEFKLM")]
ITEMS = [
    ("旅馆业特种行业许可证核发", 2),
    ("公章刻制业特种行业许可证核发", 0),
    ("互联网上网服务营业场所筹建审批", 0),
    ("娱乐场所经营活动审批", 3),
    ("户外广告设施设置审批", 1),
    ("举办健身气功活动及设立站点审批", 3),
]


def item_row(n: int, name: str, ticked: list[int], mark: str = "√") -> list[Any]:
    ticks = ["" for _ in MODES]
    for index in ticked:
        ticks[index] = mark
    return [
        str(n),
        "公安部",
        name,
        f"{name[:4]}许可证",
        "《中华人民共和国行政许可法》第十二条",
        "县级公安机关",
        *ticks,
        "申请人承诺符合条件即可当场发证",
        "开展双随机、一公开监管",
        "",
    ]


def national_rows(mark: str = "√", **ticked: list[int]) -> list[list[Any]]:
    """The national layout; ``ticked`` overrides an item's ticks by its 序号 ('n3': [] — no tick)."""
    rows: list[list[Any]] = [["证照分离改革全覆盖事项清单（2021年全国版）"], TOP, SUB]
    for n, (name, mode) in enumerate(ITEMS, start=1):
        rows.append(item_row(n, name, ticked.get(f"n{n}", [mode]), mark))
    return rows


def national(tmp_path: Path, mark: str = "√", name: str = "national.xlsx", **ticked: list[int]) -> Path:
    return write_xlsx(tmp_path / name, {"清单": national_rows(mark, **ticked)}, merges={"清单": MERGES})


def test_the_national_layout_reads_each_record_s_reform_mode(tmp_path: Path) -> None:
    items = read_list([national(tmp_path)])
    assert items.schema_name == "zhengzhao-list"
    assert [r.get("reform") for r in items.records] == [MODES[mode] for _name, mode in ITEMS]
    assert [r.get("name") for r in items.records] == [name for name, _mode in ITEMS]
    assert all(r.get("measures") and r.get("supervision") for r in items.records)
    assert all(not r.extra and not r.raw for r in items.records)  # the tick columns are not extra columns
    (layout,) = items.layouts
    assert layout.header_row == 2 and layout.header_rows == 2
    assert layout.columns["reform"] == "G" and layout.columns["measures"] == "K"
    assert layout.headers["G"] == "改革方式"
    assert not layout.extra_columns
    assert "ticked-columns:G:J:改革方式" in layout.notes


@pytest.mark.parametrize("mark", ["✓", "是", "●", "√ "])
def test_other_tick_marks(tmp_path: Path, mark: str) -> None:
    items = read_list([national(tmp_path, mark)])
    assert [r.get("reform") for r in items.records] == [MODES[mode] for _name, mode in ITEMS]


def test_validates_clean_and_stats_count_the_modes(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    path = national(tmp_path)
    result = cli("validate", path, "--strict", "--format", "json")
    assert result.code == 0, result.out + result.err
    result = cli("stats", path, "--by", "reform", "--format", "json")
    assert result.code == 0, result.err
    counts = {row["key"]: row["records"] for row in json.loads(result.out)["rows"]}
    assert counts == {"直接取消审批": 2, "审批改为备案": 1, "实行告知承诺": 1, "优化审批服务": 2}


def findings(cli: Callable[..., CliResult], path: Path) -> list[dict[str, Any]]:
    result = cli("validate", path, "--format", "json")
    found: list[dict[str, Any]] = json.loads(result.out)["findings"]
    return found


def test_no_tick_is_a_missing_reform_mode_at_the_row(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    path = national(tmp_path, n3=[])
    items = read_list([path])
    assert items.records[2].get("reform") == ""
    reform = [f for f in findings(cli, path) if f["field"] == "reform"]
    assert [(f["rule"], f["row"], f["column"]) for f in reform] == [("required-field", 6, "G")]


def test_two_ticks_are_an_invalid_value_at_the_row(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    path = national(tmp_path, n2=[1, 2])
    items = read_list([path])
    assert items.records[1].get("reform") == "审批改为备案、实行告知承诺"
    reform = [f for f in findings(cli, path) if f["field"] == "reform"]
    assert [(f["rule"], f["row"], f["column"]) for f in reform] == [("invalid-value", 5, "G")]
    assert reform[0]["value"] == "审批改为备案、实行告知承诺"


def test_explain_says_the_field_was_read_from_ticked_columns(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    path = national(tmp_path)
    result = cli("import", path, "--explain", "-o", tmp_path / "out.jsonl")
    assert result.code == 0, result.err
    shown = " ".join((result.out + result.err).split())
    assert "G–J" in shown and "改革方式" in shown


def test_the_column_reader_gives_the_same_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cell text (a number would send the sheet to the cell reader): read as columns it declines, and the
    row reader reads it as it reads the sheet cell by cell."""
    path = national(tmp_path)
    asked: list[object] = []
    real = column_body.read_body

    def spy(*args: Any) -> Any:
        found = real(*args)
        asked.append(found)
        return found

    monkeypatch.setattr(column_body, "read_body", spy)
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 0)
    by_columns = read_list([path])
    assert asked == [None]  # the column path was taken, and declined the ticked sheet
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 1 << 62)
    by_rows = read_list([path])
    assert len(asked) == 1
    assert by_columns.layouts == by_rows.layouts
    assert [r.model_dump() for r in by_columns.records] == [r.model_dump() for r in by_rows.records]
    assert [r.get("reform") for r in by_columns.records] == [MODES[mode] for _name, mode in ITEMS]


def test_export_then_import_keeps_the_values(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    path = national(tmp_path)
    out = tmp_path / "out.xlsx"
    result = cli("export", path, "-o", out)
    assert result.code == 0, result.err
    back = tmp_path / "back.jsonl"
    result = cli("import", out, "-o", back)
    assert result.code == 0, result.err
    original = read_list([path])
    again = read_list([back])
    fields = ["seq", "name", "licence", "basis", "level", "reform", "measures", "supervision"]
    # The publication orders records its own way: compare them as sets of rows.
    assert sorted([r.get(k) for k in fields] for r in again.records) == sorted(
        [r.get(k) for k in fields] for r in original.records
    )
    read = [layout for layout in read_list([out]).layouts if layout.records]
    assert read and all("reform" in layout.columns for layout in read)
    assert not any(note.startswith("ticked-columns") for layout in read for note in layout.notes)


def test_tick_columns_without_the_group_header(tmp_path: Path) -> None:
    """One header row naming the modes themselves: the value names are unambiguous, so they are the field."""
    header = ["序号", "主管部门", "改革事项", "设定依据", "审批层级和部门", *MODES, "具体改革举措"]
    rows: list[list[Any]] = [header]
    for n, (name, mode) in enumerate(ITEMS, start=1):
        ticks = ["√" if i == mode else "" for i in range(len(MODES))]
        rows.append([str(n), "公安部", name, "《中华人民共和国行政许可法》", "县级", *ticks, "告知承诺"])
    items = read_list([write_xlsx(tmp_path / "flat.xlsx", {"Sheet1": rows})])
    assert items.schema_name == "zhengzhao-list"  # the values name the field: detection finds the list
    assert [r.get("reform") for r in items.records] == [MODES[mode] for _name, mode in ITEMS]
    assert items.layouts[0].columns["reform"] == "F"


def test_a_single_column_named_like_a_value_is_not_a_tick_group(tmp_path: Path) -> None:
    header = ["序号", "改革事项", "设定依据", "改革方式", "实行告知承诺", "具体改革举措"]
    rows = [header, ["1", "旅馆业特种行业许可证核发", "《行政许可法》", "实行告知承诺", "是", "x"]]
    items = read_list([write_xlsx(tmp_path / "one.xlsx", {"Sheet1": rows})], schema="zhengzhao-list")
    (record,) = items.records
    assert record.get("reform") == "实行告知承诺"
    assert record.extra == {"实行告知承诺": "是"}


def test_power_and_licensing_lists_have_no_ticked_fields() -> None:
    from listkit.schema import bundled_schemas

    ticked = {schema.name: [f.key for f in schema.fields if f.ticks] for schema in bundled_schemas()}
    assert {name: keys for name, keys in ticked.items() if keys} == {"zhengzhao-list": ["reform"]}


def test_a_yes_no_field_split_into_ticked_columns(tmp_path: Path) -> None:
    """The class, not the one field: a schema's yes/no field published as 是 | 否 ticks under its header."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["name", "online"],
        "x-listkit": {"name": "ticked-test"},
        "properties": {
            "seq": {"type": "string", "title": "序号", "x-role": "seq"},
            "name": {"type": "string", "title": "事项名称", "x-role": "name"},
            "online": {"type": "string", "title": "是否网上办理", "enum": ["是", "否"], "x-ticks": True},
            "remark": {"type": "string", "title": "备注", "x-role": "remark"},
        },
    }
    schema_path = tmp_path / "ticked.schema.json"
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    rows = [
        ["序号", "事项名称", "是否网上办理", "", "备注"],
        ["", "", "是", "否", ""],
        ["1", "甲事项", "√", "", ""],
        ["2", "乙事项", "", "√", "线下"],
        ["3", "丙事项", "", "", ""],
    ]
    path = write_xlsx(
        tmp_path / "yesno.xlsx", {"Sheet1": rows}, merges={"Sheet1": ["C1:D1", "A1:A2", "B1:B2", "E1:E2"]}
    )
    items = read_list([path], schema=str(schema_path))
    assert [r.get("online") for r in items.records] == ["是", "否", ""]
    assert items.records[1].get("remark") == "线下"
    assert items.layouts[0].columns["online"] == "C"
