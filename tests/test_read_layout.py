"""The reader on real-shaped sheets: title rows, merged headers, vertical merges, sub-items, notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read import read_list
from tests.xlsx_fixtures import BASIS, HEADER, merge_keeping_values, row, write_xlsx


def names(path: Path) -> list[tuple[str, str, str]]:
    items = read_list([path])
    return [(r.values.get("seq", ""), r.values.get("name", ""), r.values.get("sub_name", "")) for r in items.records]


def test_title_rows_are_skipped_and_header_found(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "S": [
                ["示例市示例局2024年权责清单"],
                ["部门名称：示例市示例局"],
                HEADER,
                row(1.0, "甲许可"),
                row(2.0, "乙许可"),
            ]
        },
        merges={"S": ["A1:J1", "A2:J2", "H3:I3"]},
    )
    items = read_list([path])
    assert [r.values["name"] for r in items.records] == ["甲许可", "乙许可"]
    assert items.layouts[0].header_row == 3
    assert items.meta.department == "示例市示例局"
    assert items.meta.edition == "2024年"
    # the header merged over H:I puts the level in H and the scope text in I
    assert items.layouts[0].columns["level"] == "H"
    assert items.layouts[0].columns["level_scope"] == "I"
    assert items.records[0].values["level_scope"] == "负责本区"
    assert items.records[0].values["seq"] == "1"
    assert items.records[0].source is not None and items.records[0].source.row == 4


def test_repeated_header_cell_and_blank_continuation_header(tmp_path: Path) -> None:
    repeated = [*HEADER[:8], "实施层级及权限", "备注"]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [repeated, row(1, "甲许可")]})
    layout = read_list([path]).layouts[0]
    assert layout.columns["level"] == "H" and layout.columns["level_scope"] == "I"
    path = write_xlsx(tmp_path / "b.xlsx", {"S": [HEADER, row(1, "甲许可")]})
    layout = read_list([path]).layouts[0]
    assert layout.columns["level_scope"] == "I"


def test_header_words_with_line_breaks_and_full_width(tmp_path: Path) -> None:
    header = [
        "序号",
        "事项\n名称",
        "子项\n名称",
        "权力\n类型",
        "实施依据",
        "行使\n主体",
        "承办机构",
        "实施层级\n及权限",
        "",
        "责任事项（内容）",
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [header, row(1, "对拒绝\n配合统\n计调查的处罚", kind="行政\n处罚")]})
    items = read_list([path])
    record = items.records[0]
    assert record.values["name"] == "对拒绝配合统计调查的处罚"
    assert record.values["type"] == "行政处罚"
    assert items.layouts[0].columns["responsibility"] == "J"


def test_vertical_merge_is_one_record_with_texts_joined(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(1, "甲处罚", kind="行政处罚"),
        ["", "", "", "", "第二段依据", "", "", "", "", "续写备注"],
        row(2, "乙处罚", kind="行政处罚"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [*rows]}, merges={"S": ["A2:A3", "B2:B3", "C2:C3", "D2:D3"]})
    items = read_list([path])
    assert [r.values["name"] for r in items.records] == ["甲处罚", "乙处罚"]
    assert items.records[0].values["basis"] == f"{BASIS}\n第二段依据"
    assert items.records[0].values["remark"] == "续写备注"


def test_sub_items_under_a_merged_item_name(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(1, "资质审批", "1.甲级资质"),
        row("", "", "2.乙级资质"),
        row("", "", "3.丙级资质"),
        row(2, "单项许可"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A2:A4", "B2:B4"]})
    assert names(path) == [
        ("1", "资质审批", "1.甲级资质"),
        ("1", "资质审批", "2.乙级资质"),
        ("1", "资质审批", "3.丙级资质"),
        ("2", "单项许可", ""),
    ]


def test_name_merge_shorter_than_seq_merge_carries_the_name(tmp_path: Path) -> None:
    rows = [HEADER, row(4, "培训机构审批", "1.设立"), row("", "", "2.变更"), row("", "", "3.终止"), row(5, "下一项")]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A2:A4", "B2:B3"]})
    assert names(path)[2] == ("4", "培训机构审批", "3.终止")
    assert len(names(path)) == 4


def test_nested_sub_item_merges_inside_an_item_merge(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(2, "危化品检查", "1.生产单位"),
        row("", "", ""),
        row("", "", ""),
        row("", "", "2.经营单位"),
        row("", "", ""),
    ]
    merges = ["A2:A6", "B2:B6", "C2:C4", "C5:C6", "D2:D6"]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": merges})
    assert names(path) == [("2", "危化品检查", "1.生产单位"), ("2", "危化品检查", "2.经营单位")]


def test_sub_items_repeat_the_name_and_only_seq_is_merged(tmp_path: Path) -> None:
    rows = [HEADER, row(1, "企业资质审批", "1.甲"), row("", "企业资质审批", "2.乙"), row(2, "另一项")]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A2:A3"]})
    assert names(path) == [("1", "企业资质审批", "1.甲"), ("1", "企业资质审批", "2.乙"), ("2", "另一项", "")]


def test_same_name_separately_numbered_stays_two_records(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(339, "对不正当价格行为的处罚", kind="行政处罚", basis="《价格法》第十四条"),
        row(340, "对不正当价格行为的处罚", kind="行政处罚", basis="《价格法》第四十条"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows})
    assert len(names(path)) == 2


def test_notes_under_the_table_and_trailing_blank_rows(tmp_path: Path) -> None:
    rows = [HEADER, row(1, "甲许可"), ["备注：包括市、区两级行使的行政权力"], [], [None, None]]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A3:J3"]})
    items = read_list([path])
    assert len(items.records) == 1
    assert [s.reason for s in items.layouts[0].skipped] == ["note"]


def test_type_from_sheet_name_and_section_rows(tmp_path: Path) -> None:
    sheet_rows = [HEADER, row(1, "甲处罚", kind=""), row(2, "乙处罚", kind="处罚")]
    section_rows = [
        HEADER,
        ["一、行政检查"],
        row(1, "甲检查", kind=""),
        ["二、其他行政权力（2项）"],
        row(2, "乙", kind=""),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"行政处罚（2项）": sheet_rows, "Sheet2": section_rows})
    items = read_list([path])
    got = [(r.values["type"], r.type_from, r.raw.get("type")) for r in items.records]
    assert got == [
        ("行政处罚", "sheet", None),
        ("行政处罚", "column", "处罚"),
        ("行政检查", "section", None),
        ("其他行政权力", "section", None),
    ]
    assert items.layouts[0].notes == []  # '（2项）' matches the two records read


def test_sheet_count_mismatch_is_noted(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"行政许可（3项）": [HEADER, row(1, "甲许可")]})
    assert read_list([path]).layouts[0].notes == ["sheet-count-mismatch:3:1"]


def test_unknown_columns_are_kept_as_extra(tmp_path: Path) -> None:
    header = [*HEADER, "救助渠道"]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [header, [*row(1, "甲许可"), "向上级机关申诉"]]})
    items = read_list([path])
    assert items.records[0].extra == {"救助渠道": "向上级机关申诉"}
    assert items.layouts[0].extra_columns == {"K": "救助渠道"}


def test_sub_item_none_values_mean_no_sub_item(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可", "无"), row(2, "乙许可", "\n")]})
    assert names(path) == [("1", "甲许可", ""), ("2", "乙许可", "")]


def test_empty_sheets_are_skipped_but_a_file_without_any_header_fails(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可")], "Sheet1": []})
    items = read_list([path])
    assert len(items.records) == 1
    assert items.layouts[1].notes == ["empty-sheet"]
    bad = write_xlsx(tmp_path / "b.xlsx", {"S": [["姓名", "电话"], ["张三", "123"]]})
    with pytest.raises(InputError) as caught:
        read_list([bad])
    assert caught.value.key == "header-not-found"
    assert "事项名称" in caught.value.message("zh") and "姓名" in caught.value.message("zh")


def test_formula_seq_reads_cached_value(tmp_path: Path) -> None:
    # openpyxl writes formulas without cached values; calamine then reports ''. A formula with a cached
    # value is what Excel saves: build one by hand in the sheet XML.
    import zipfile

    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可"), row(2, "乙许可")]})
    patched = tmp_path / "b.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = text.replace('<c r="A3" t="n"><v>2</v></c>', '<c r="A3"><f>COUNT($A$2:A2)+1</f><v>2</v></c>')
                text = text.replace('<c r="A3"><v>2</v></c>', '<c r="A3"><f>COUNT($A$2:A2)+1</f><v>2</v></c>')
                assert "<f>" in text
                data = text.encode()
            target.writestr(info, data)
    assert [n[0] for n in names(patched)] == ["1", "2"]


def test_hidden_rows_repeating_a_visible_record_are_not_records(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = [
        HEADER,
        row(1, "渔业资源费征收", kind="行政征收"),
        row("", "", kind="行政征收"),
        row(1, "渔业资源费征收", kind="行政征收"),
        row(2, "隐藏但不重复", kind="行政征收"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A2:A3", "B2:B3"]})
    workbook = load_workbook(path)
    for hidden in (2, 3, 5):
        workbook["S"].row_dimensions[hidden].hidden = True
    workbook.save(path)
    items = read_list([path])
    assert [(r.values["seq"], r.values["name"]) for r in items.records] == [
        ("1", "渔业资源费征收"),
        ("2", "隐藏但不重复"),
    ]
    assert [(s.row, s.reason) for s in items.layouts[0].skipped if s.reason != "continuation"] == [(2, "hidden-repeat")]


def test_combined_seq_is_one_record_and_said_so(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row("2,3", "两项：甲核发、乙签发")]})
    items = read_list([path])
    assert len(items.records) == 1
    assert items.layouts[0].notes == ["combined-seq:2:2,3"]


def test_department_column_and_file_name_metadata(tmp_path: Path) -> None:
    header = [*HEADER, "部门"]
    path = write_xlsx(
        tmp_path / "2024年示例市甲局权责清单.xlsx", {"S": [header, [*row(1, "甲许可"), "示例市乙局"], row(2, "乙许可")]}
    )
    items = read_list([path])
    assert [r.department for r in items.records] == ["示例市乙局", "示例市甲局"]
    assert (items.meta.jurisdiction, items.meta.edition) == ("示例市", "2024年")


def test_two_row_header_under_a_merged_cell(tmp_path: Path) -> None:
    top = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级及权限", "", "备注"]
    sub = ["", "", "", "", "", "", "", "层级", "权限", ""]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:I1", "J1:J2"]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [top, sub, row(1, "甲许可")]}, merges={"S": merges})
    items = read_list([path])
    layout = items.layouts[0]
    assert (layout.header_row, layout.header_rows) == (1, 2)
    assert (layout.columns["level"], layout.columns["level_scope"]) == ("H", "I")
    assert [r.values["name"] for r in items.records] == ["甲许可"]


def test_values_hidden_under_a_merge_are_ignored(tmp_path: Path) -> None:
    rows = [
        HEADER,
        row(1, "甲处罚", kind="行政处罚", remark="可见备注"),
        row("", "", kind="", basis="", body="", office="", level="", scope="", remark="合并下的旧值"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows})
    merged = merge_keeping_values(
        path, ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3", "J2:J3"]
    )
    items = read_list([merged])
    assert len(items.records) == 1
    assert items.records[0].values["remark"] == "可见备注"


def test_trailing_blank_columns_rows_with_only_merges_and_leading_breaks(tmp_path: Path) -> None:
    wide_header = [*HEADER, *([""] * 240), " "]
    rows = [
        wide_header,
        row(1, "甲处罚", kind="\n行政处罚"),
        [],
        ["", "", "", "", "", "", "", "", "", "", *([""] * 240), " "],
        row(2, " 乙处罚", kind=" 其他行政权力"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows}, merges={"S": ["A4:C4", "D4:E4"]})
    items = read_list([path])
    assert [(r.values["name"], r.values["type"]) for r in items.records] == [
        ("甲处罚", "行政处罚"),
        ("乙处罚", "其他行政权力"),
    ]
    assert items.layouts[0].extra_columns == {}


def test_unnamed_column_with_values_is_reported_not_read(tmp_path: Path) -> None:
    rows = [[*HEADER, "", "", ""], [*row(1, "甲许可"), "", "", "行政许可"], [*row(2, "乙许可"), "", "", "行政处罚"]]
    path = write_xlsx(tmp_path / "a.xlsx", {"S": rows})
    items = read_list([path])
    assert items.layouts[0].notes == ["unnamed-column:M:2"]
    assert all(r.extra == {} for r in items.records)
