"""Findings a clerk can trust on real layouts: located in the workbook from a canonical copy, levels per sheet,
placeholders, level and scope in one column. One synthetic fixture per class of real layout."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from listkit import compute_stats, read_list, validate_list
from listkit.schema import load_schema
from tests.conftest import CliResult
from tests.test_column_read import assert_same, both_ways, write_workbook
from tests.xlsx_fixtures import BASIS, write_xlsx

Cli = Callable[..., CliResult]
CODED = ["序号", "事项编码", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "实施层级及权限", "", "备注"]


def coded(seq: int, code: str, name: str, kind: str = "行政处罚", level: str = "市级") -> list[Any]:
    return [seq, code, name, "", kind, BASIS, "市示例局", level, "负责本市", ""]


def findings(report_json: str) -> list[dict[str, Any]]:
    return [f for f in json.loads(report_json)["findings"] if f["severity"] != "info"]


# --- 1. findings on a canonical file point at the workbook cell -------------------------------------------------


def test_findings_on_a_canonical_copy_name_the_workbook_cell_and_the_line(cli: Cli, tmp_path: Path) -> None:
    first = write_xlsx(
        tmp_path / "甲局权责清单.xlsx",
        {
            "行政处罚": [
                ["示例市甲局权责清单"],
                CODED,
                coded(1, "CF0000000001", "甲事项"),
                coded(2, "CF0000000001", "乙事项"),
            ]
        },
    )
    second = write_xlsx(
        tmp_path / "乙局权责清单.xlsx",
        {"Sheet1": [CODED, coded(1, "bad code", "丙事项"), coded(2, "CF0000000003", "丁事项")]},
    )
    city = tmp_path / "city.jsonl"
    assert cli("import", first, second, "-o", city).code == 0
    on_workbooks = findings(cli("validate", first, second, "--format", "json").out)
    on_copy = findings(cli("validate", city, "--format", "json").out)
    where = lambda f: (f["rule"], f["file"].rsplit("/", 1)[-1], f["sheet"], f["cell"])  # noqa: E731
    assert sorted(map(where, on_copy)) == sorted(map(where, on_workbooks))
    assert sorted(map(where, on_copy)) == [
        ("code-format", "乙局权责清单.xlsx", "Sheet1", "B2"),
        ("duplicate-code", "甲局权责清单.xlsx", "行政处罚", "B4"),  # the code column, not the name column
    ]
    lines = city.read_text(encoding="utf-8").splitlines()
    for finding in on_copy:
        assert finding["input"] == str(city)
        record = json.loads(lines[finding["line"] - 1])
        assert record["source"]["row"] == finding["row"] and record["code"] == finding["value"]
    duplicate = next(f for f in on_copy if f["rule"] == "duplicate-code")
    assert "行政处罚!B3" in duplicate["message"]  # the first occurrence, at its code cell too
    text = cli("validate", city).out
    assert "甲局权责清单.xlsx" in text and "行政处罚!B4" in text and "city.jsonl 第" in text


def test_a_repeat_in_another_workbook_names_that_workbook(tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "甲.xlsx", {"S": [CODED, coded(1, "CF0000000001", "甲事项")]})
    second = write_xlsx(tmp_path / "乙.xlsx", {"S": [CODED, coded(1, "CF0000000001", "乙事项")]})
    report = validate_list(read_list([first, second]), select=["duplicate-code"])
    (finding,) = report.findings
    assert finding.params["first"] == f"{first.name} S!B2"


def test_github_annotations_on_a_canonical_copy_point_at_its_lines(cli: Cli, tmp_path: Path) -> None:
    workbook = write_xlsx(tmp_path / "a.xlsx", {"S": [CODED, coded(1, "bad code", "甲事项")]})
    city = tmp_path / "city.jsonl"
    cli("import", workbook, "-o", city)
    (line,) = cli("validate", city, "--format", "github").out.splitlines()
    assert line.startswith(f"::error file={city},line=2,title=code-format::S!B2")


def test_an_old_canonical_file_without_column_maps_still_reads(tmp_path: Path) -> None:
    workbook = write_xlsx(tmp_path / "a.xlsx", {"S": [CODED, coded(1, "bad code", "甲事项")]})
    city = tmp_path / "city.jsonl"
    from listkit.write import canonical

    items = read_list([workbook])
    text = canonical.jsonl_bytes(items).decode()
    header, *records = text.splitlines()
    head = json.loads(header)
    del head["listkit"]["columns"]
    city.write_text("\n".join([json.dumps(head, ensure_ascii=False), *records]) + "\n", encoding="utf-8")
    (finding,) = validate_list(read_list([city]), select=["code-format"]).findings
    assert (finding.file, finding.sheet, finding.row, finding.cell, finding.line) == ("a.xlsx", "S", 2, None, 2)


@pytest.mark.parametrize(
    "columns",
    [
        pytest.param("not a map", id="not-an-object"),
        pytest.param({"maps": [{"code": "=cmd|' /C calc'!A0"}], "sheets": [["a.xlsx", None, 0]]}, id="not-a-letter"),
        pytest.param({"maps": [], "sheets": [["a.xlsx", None, 5]]}, id="no-such-map"),
        pytest.param({"maps": [{}], "sheets": [[1, 2, 3], "x", None]}, id="odd-rows"),
    ],
)
def test_malformed_column_maps_in_a_header_are_ignored(tmp_path: Path, columns: Any) -> None:
    city = tmp_path / "city.jsonl"
    head = {"listkit": {"format": "listkit-canonical", "version": 1, "schema": "power-list", "columns": columns}}
    record = {"name": "甲", "type": "行政处罚", "code": "bad", "source": {"file": "a.xlsx", "sheet": "S", "row": 2}}
    city.write_text(json.dumps(head) + "\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (finding,) = validate_list(read_list([city]), select=["code-format"]).findings
    assert finding.cell is None and finding.row == 2 and finding.line == 2


# --- 2. a catalogue with one sheet per level -----------------------------------------------------------------------

LEVELLESS = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "实施主体", "备注"]


def catalogue(path: Path) -> Path:
    def sheet(level_title: str) -> list[list[Any]]:
        rows: list[list[Any]] = [[f"示例地区{level_title}权责清单指导目录"], LEVELLESS]
        rows += [[n, f"对违法行为{n}的处罚", "", "行政处罚", BASIS, "地区示例局", ""] for n in range(1, 6)]
        return rows

    return write_xlsx(path, {"地州级": sheet("地州级"), "区县级（5项）": sheet("区县级")})


def test_the_same_item_on_two_level_sheets_is_no_duplicate(cli: Cli, tmp_path: Path) -> None:
    path = catalogue(tmp_path / "示例地区地县两级权责清单指导目录.xlsx")
    items = read_list([path])
    assert {r.values["level"] for r in items.records} == {"地州市级", "县市区级"}
    assert validate_list(items, select=["duplicate-item"]).findings == []
    assert compute_stats(items).total.items == 10
    assert [(r.key, r.items) for r in compute_stats(items, by="level").rows] == [("县市区级", 5), ("地州市级", 5)]
    # …and through the canonical copy too
    city = tmp_path / "c.jsonl"
    cli("import", path, "-o", city)
    assert [f["rule"] for f in findings(cli("validate", city, "--format", "json").out)] == []
    # the title is the file's: each sheet's title names only its own level
    assert items.meta.title == "示例地区地县两级权责清单指导目录"


def test_an_item_twice_on_one_level_sheet_is_still_a_duplicate(tmp_path: Path) -> None:
    rows = [LEVELLESS, [1, "甲处罚", "", "行政处罚", BASIS, "局", ""], [2, "甲处罚", "", "行政处罚", BASIS, "局", ""]]
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"区县级": rows})])
    assert [f.cell for f in validate_list(items, select=["duplicate-item"]).findings] == ["B3"]


def test_a_sheet_level_picks_its_own_out_of_a_list_of_levels(tmp_path: Path) -> None:
    header = [*LEVELLESS[:6], "行使层级", "备注"]
    row = [1, "甲处罚", "", "行政处罚", BASIS, "局", "地州级、区县级", ""]
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"地州级": [header, row], "区县级": [header, row]})])
    assert [(r.values["level"], r.raw.get("level")) for r in items.records] == [
        ("地州市级", "地州级、区县级"),
        ("县市区级", "地州级、区县级"),
    ]


def test_sheets_naming_their_departments_keep_them(tmp_path: Path) -> None:
    def sheet(department: str) -> list[list[Any]]:
        return [
            ["示例市权责清单"],
            [f"部门名称：{department}"],
            LEVELLESS,
            [1, "甲处罚", "", "行政处罚", BASIS, "局", ""],
        ]

    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"一": sheet("示例市甲局"), "二": sheet("示例市乙局")})])
    assert [r.department for r in items.records] == ["示例市甲局", "示例市乙局"]
    assert items.meta.department is None and items.meta.title == "示例市权责清单"
    assert [r.key for r in compute_stats(items, by="department").rows] == ["示例市乙局", "示例市甲局"]


# --- 3. placeholders --------------------------------------------------------------------------------------------


def test_placeholders_read_as_empty_with_what_was_written_kept(tmp_path: Path) -> None:
    placeholders = ["/", "／", "无", "—", "-", "——", "/", "无"]
    rows = [CODED] + [coded(n, p, f"事项{n}") for n, p in enumerate(placeholders, 1)]
    rows.append(coded(9, "CF0000000009", "事项9"))
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"S": rows})])
    assert [r.values.get("code") for r in items.records] == [None] * 8 + ["CF0000000009"]
    assert [r.raw.get("code") for r in items.records] == [*placeholders, None]
    report = validate_list(items)
    assert not [f for f in report.findings if f.rule in ("code-format", "duplicate-code")]


def test_a_placeholder_in_a_required_field_is_an_empty_field(tmp_path: Path) -> None:
    row = coded(1, "CF0000000001", "甲事项")
    row[5] = "无"
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"S": [CODED, row]})])
    (finding,) = [f for f in validate_list(items).findings if f.severity == "error"]
    assert (finding.rule, finding.cell) == ("required-field", "F2")


def test_a_schema_may_keep_its_own_none_values_per_field(tmp_path: Path) -> None:
    document = json.loads(Path(load_schema("power-list").path).read_text(encoding="utf-8"))
    document["properties"]["remark"]["x-none-values"] = []  # '无' is a remark worth keeping in this list
    schema = tmp_path / "s.schema.json"
    schema.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    row = coded(1, "/", "甲事项")
    row[9] = "无"
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"S": [CODED, row]})], schema=str(schema))
    assert items.records[0].values.get("remark") == "无" and "code" not in items.records[0].values


# --- 5. level and scope in one column -------------------------------------------------------------------------

ONE_COLUMN = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "实施层级及权限", "备注"]


def one_column_rows(count: int = 6) -> list[list[Any]]:
    scopes = [
        "负责市本级权限范围内违法行为的处罚",
        "地州市级、县市区级按管辖权限实施",
        "县市区级",
        "负责乡镇（街道）辖区内的检查",
        "市级",
        "依法实施",
        "负责本级办公用房管理工作",
    ]
    return [ONE_COLUMN] + [
        [str(n), f"对违法行为{n}的处罚", "", "行政处罚", BASIS, "局", scopes[(n - 1) % len(scopes)], ""]
        for n in range(1, count + 1)
    ]


def test_a_level_column_holding_sentences_is_split_into_level_and_scope(tmp_path: Path) -> None:
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"S": one_column_rows(7)})])
    got = [(r.values.get("level"), r.values.get("level_scope")) for r in items.records]
    assert got == [
        ("市级", "负责市本级权限范围内违法行为的处罚"),
        ("地州市级、县市区级", "地州市级、县市区级按管辖权限实施"),
        ("县市区级", None),
        ("乡镇（街道）级", "负责乡镇（街道）辖区内的检查"),
        ("市级", None),
        ("依法实施", None),  # too short to be a sentence, and no level named: left as written
        (None, "负责本级办公用房管理工作"),  # a sentence naming no level is all scope
    ]
    levels = [row.key for row in compute_stats(items, by="level").rows]
    assert sorted(levels) == sorted(["市级", "地州市级、县市区级", "县市区级", "乡镇（街道）级", "依法实施", ""])


def test_older_level_words_read_as_the_words_real_lists_use(tmp_path: Path) -> None:
    rows = [ONE_COLUMN] + [
        [str(n), f"事项{n}", "", "行政处罚", BASIS, "局", level, ""]
        for n, level in enumerate(["区县级", "县（市、区）级", "乡镇级", "地州级、县区级"], 1)
    ]
    items = read_list([write_xlsx(tmp_path / "a.xlsx", {"S": rows})])
    assert [(r.values["level"], r.raw["level"]) for r in items.records] == [
        ("县市区级", "区县级"),
        ("县市区级", "县（市、区）级"),
        ("乡镇（街道）级", "乡镇级"),
        ("地州市级、县市区级", "地州级、县区级"),
    ]


def test_the_column_reader_settles_levels_and_placeholders_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = one_column_rows(60)
    for n, row in enumerate(rows[1:]):
        row[7] = ["/", "无", "", "备注"][n % 4]
    path = write_workbook(tmp_path / "a.xlsx", {"区县级": rows})
    by_columns, by_rows = both_ways([path], monkeypatch)
    assert by_columns.unbuilt_table() is not None
    assert_same(by_columns, by_rows)
    records = by_rows.records
    assert {r.values["level"] for r in records} >= {"县市区级"}
    assert sum(1 for r in records if r.raw.get("remark")) == 30


# --- 10. the template's drop-downs ----------------------------------------------------------------------------


def test_the_template_offers_the_level_words_real_lists_use(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    assert cli("schema", "template", "power-list", "-o", out).code == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    level = next(f for f in lists if f and "县市区级" in f)
    for word in ("地州市级", "县市区级", "乡镇（街道）级"):
        assert word in level


def test_a_two_level_catalogue_diffs_level_by_level(tmp_path: Path) -> None:
    from listkit.diff import diff_lists

    def sheet(n_changed: int | None = None) -> list[list[Any]]:
        return [LEVELLESS] + [
            [n, f"对违法行为{n}的处罚", "", "行政处罚", BASIS + ("第二款" if n == n_changed else ""), "局", ""]
            for n in range(1, 4)
        ]

    old = write_xlsx(tmp_path / "old.xlsx", {"地州级": sheet(), "区县级": sheet()})
    # The next edition lists the county sheet first and changes one county item's basis.
    new = write_xlsx(tmp_path / "new.xlsx", {"区县级": sheet(2), "地州级": sheet()})
    changes = diff_lists(read_list([old]), read_list([new])).changes
    assert [(c.kind, c.aspects, c.new.values["level"] if c.new else None) for c in changes] == [
        ("adjusted", ["basis-changed"], "县市区级")
    ]
