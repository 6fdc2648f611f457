"""The licensing list as county, city and county-level city governments publish it (issue #16).

Three layouts: 序号 | 中央清单序号 | 区级主管部门 | 事项名称 | 实施机关 | 设定和实施依据 | 备注 (county),
序号 | 对应省清单序号 | 市主管部门 | … (city), and 序号 | 事项名称 | 主管部门 | 实施机关 | 设定依据 | 实施依据 | 备注
(county-level city), each under a title row and with section rows ('一、中央层面设定的行政许可事项', merged across
the table) that are not records and give the items under them their 设定层级.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from listkit.read import read_list
from tests.conftest import CliResult
from tests.xlsx_fixtures import write_xlsx

Cli = Callable[..., CliResult]

CENTRAL = "一、中央层面设定的行政许可事项"
LOCAL = "二、地方性法规设定的行政许可事项（2项）"
SET_CENTRAL = "中央层面设定的行政许可事项"
SET_LOCAL = "地方性法规设定的行政许可事项"
BASIS_A = "《中华人民共和国食品安全法》第三十五条"
BASIS_B = "《示例省食品小作坊管理条例》第十条"
BASIS_C = "《中华人民共和国城乡规划法》第三十七条"
BOTH_SET = "《中华人民共和国药品管理法》第五十一条"
BOTH_IMPL = "《药品经营许可证管理办法》第二条"

# (layout, header, rows under the header, where the section rows merge, expected records).
# Expected: (seq, upper_seq, competent, name, basis, impl_basis, set_level).
Expected = tuple[str, str, str, str, str, str, str]


def _county() -> tuple[list[list[Any]], list[str], list[Expected]]:
    header = ["序号", "中央清单序号", "区级主管部门", "事项名称", "实施机关", "设定和实施依据", "备注"]
    rows: list[list[Any]] = [
        ["示例市滨江区行政许可事项清单（2023年版）"],
        header,
        [CENTRAL],
        [1, 12, "区市场监督管理局", "食品生产许可", "区市场监督管理局", BASIS_A, None],
        [2, "35", "区自然资源局", "建设用地规划许可", "区自然资源局", BASIS_C, "与规划许可合并办理"],
        [3, 40, "区卫生健康局", "医疗机构执业登记", "区卫生健康局", BASIS_A, None],
        [LOCAL],
        [4, None, "区市场监督管理局", "食品小作坊登记", "区市场监督管理局", BASIS_B, None],
        [5, "/", "区农业农村局", "农作物种子生产经营许可", "区农业农村局", BASIS_B, None],
    ]
    merges = ["A1:G1", "A3:G3", "A7:G7"]
    expected: list[Expected] = [
        ("1", "12", "区市场监督管理局", "食品生产许可", BASIS_A, "", SET_CENTRAL),
        ("2", "35", "区自然资源局", "建设用地规划许可", BASIS_C, "", SET_CENTRAL),
        ("3", "40", "区卫生健康局", "医疗机构执业登记", BASIS_A, "", SET_CENTRAL),
        ("4", "", "区市场监督管理局", "食品小作坊登记", BASIS_B, "", SET_LOCAL),
        ("5", "", "区农业农村局", "农作物种子生产经营许可", BASIS_B, "", SET_LOCAL),
    ]
    return rows, merges, expected


def _city() -> tuple[list[list[Any]], list[str], list[Expected]]:
    header = ["序号", "对应省清单序号", "市主管部门", "事项名称", "实施机关", "设定和实施依据", "备注"]
    rows: list[list[Any]] = [
        ["示例市行政许可事项清单"],
        header,
        [CENTRAL],
        [1, "101", "市市场监督管理局", "食品生产许可", "市市场监督管理局", BASIS_A, None],
        [2, "102", "市药品监督管理局", "药品零售企业许可", "市市场监督管理局", BOTH_SET, None],
        [LOCAL],
        [3, "205", "市城市管理局", "城市建筑垃圾处置核准", "市城市管理局", BASIS_B, None],
        [4, "206", "市市场监督管理局", "食品小作坊登记", "县级市场监督管理部门", BASIS_B, None],
    ]
    merges = ["A1:G1", "A3:G3", "A6:G6"]
    expected: list[Expected] = [
        ("1", "101", "市市场监督管理局", "食品生产许可", BASIS_A, "", SET_CENTRAL),
        ("2", "102", "市药品监督管理局", "药品零售企业许可", BOTH_SET, "", SET_CENTRAL),
        ("3", "205", "市城市管理局", "城市建筑垃圾处置核准", BASIS_B, "", SET_LOCAL),
        ("4", "206", "市市场监督管理局", "食品小作坊登记", BASIS_B, "", SET_LOCAL),
    ]
    return rows, merges, expected


def _county_city() -> tuple[list[list[Any]], list[str], list[Expected]]:
    header = ["序号", "事项名称", "主管部门", "实施机关", "设定依据", "实施依据", "备注"]
    rows: list[list[Any]] = [
        ["示例县级市行政许可事项清单"],
        header,
        [CENTRAL],
        [1, "药品零售企业许可", "市市场监督管理局", "市市场监督管理局", BOTH_SET, BOTH_IMPL, None],
        [2, "食品生产许可", "市市场监督管理局", "市市场监督管理局", BASIS_A, None, None],
        [LOCAL],
        [3, "食品小作坊登记", "市市场监督管理局", "市市场监督管理局", BASIS_B, "/", None],
        [4, "城市建筑垃圾处置核准", "市城市管理局", "市城市管理局", BASIS_B, BASIS_C, None],
    ]
    merges = ["A1:G1", "A3:G3", "A6:G6"]
    expected: list[Expected] = [
        ("1", "", "市市场监督管理局", "药品零售企业许可", BOTH_SET, BOTH_IMPL, SET_CENTRAL),
        ("2", "", "市市场监督管理局", "食品生产许可", BASIS_A, "", SET_CENTRAL),
        ("3", "", "市市场监督管理局", "食品小作坊登记", BASIS_B, "", SET_LOCAL),
        ("4", "", "市城市管理局", "城市建筑垃圾处置核准", BASIS_B, BASIS_C, SET_LOCAL),
    ]
    return rows, merges, expected


LAYOUTS = {"county": _county, "city": _city, "county-level-city": _county_city}


def _write(tmp_path: Path, layout: str) -> tuple[Path, list[Expected]]:
    rows, merges, expected = LAYOUTS[layout]()
    path = write_xlsx(tmp_path / f"{layout}.xlsx", {"行政许可事项清单": rows}, merges={"行政许可事项清单": merges})
    return path, expected


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_published_layout_imports_exactly(tmp_path: Path, layout: str) -> None:
    path, expected = _write(tmp_path, layout)
    items = read_list([path])
    assert items.schema_name == "licensing-list"
    keys = ("seq", "upper_seq", "competent", "name", "basis", "impl_basis", "set_level")
    got = [tuple(record.values.get(key, "") for key in keys) for record in items.records]
    assert got == expected
    assert all(record.values["type"] == "行政许可" for record in items.records)
    # The section rows are not records: they are named in the sheet's layout as sections.
    (layout_read,) = items.layouts
    sections = [skipped.text for skipped in layout_read.skipped if skipped.reason == "section"]
    assert sections == [CENTRAL, LOCAL]


def test_both_bases_in_two_columns_are_kept_and_one_alone_is_the_basis(tmp_path: Path) -> None:
    header = ["序号", "事项名称", "主管部门", "实施机关", "实施依据", "备注"]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [header, [1, "食品生产许可", "市市场监督管理局", "市场局", BASIS_A]]})
    (record,) = read_list([path]).records
    assert record.values["basis"] == BASIS_A
    assert "impl_basis" not in record.values


def test_unnumbered_heading_needs_a_merge_and_a_lone_name_stays_a_record(tmp_path: Path) -> None:
    header = ["序号", "对应省清单序号", "市主管部门", "事项名称", "实施机关", "设定和实施依据", "备注"]
    rows: list[list[Any]] = [
        header,
        ["中央层面设定的行政许可事项"],
        [1, "101", "市市场监督管理局", "食品生产许可", "市市场监督管理局", BASIS_A, None],
        [None, None, None, "尚未填写的事项"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A2:G2"]})
    items = read_list([path])
    assert [(r.values["name"], r.values.get("set_level")) for r in items.records] == [
        ("食品生产许可", SET_CENTRAL),
        ("尚未填写的事项", SET_CENTRAL),
    ]


def test_explain_names_the_section_rows_and_the_count_leaves_them_out(cli: Cli, tmp_path: Path) -> None:
    path, expected = _write(tmp_path, "county")
    explained = cli("import", path, "--explain", "--lang", "en")
    assert explained.code == 0, explained.err
    assert "section heading" in explained.out
    assert CENTRAL in explained.out
    out = tmp_path / "out.jsonl"
    imported = cli("import", path, "-o", out)
    assert imported.code == 0, imported.err
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [line for line in lines if "name" in line.get("values", line)]
    assert len(records) == len(expected)
