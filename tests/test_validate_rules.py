"""Each rule on small lists: what it reports, where, and what it leaves alone."""

from __future__ import annotations

from typing import Any

import pytest

from listkit.errors import UsageError
from listkit.model import ItemList, SheetLayout
from listkit.record import Record, SourceRef
from listkit.validate import validate_list

COLUMNS = {"seq": "A", "code": "B", "name": "C", "sub_name": "D", "type": "E", "basis": "F", "body": "G"}
GOOD = {"name": "甲许可", "type": "行政许可", "basis": "《中华人民共和国行政许可法》第十二条", "body": "区示例局"}


def make(*rows: dict[str, Any], raw: dict[int, dict[str, str]] | None = None) -> ItemList:
    records = [
        Record(
            values={k: v for k, v in values.items() if v},
            source=SourceRef(file="t.xlsx", sheet="S", row=i + 2),
            raw=(raw or {}).get(i, {}),
        )
        for i, values in enumerate(rows)
    ]
    layout = SheetLayout(file="t.xlsx", sheet="S", header_row=1, columns=COLUMNS)
    return ItemList(schema_name="power-list", records=records, layouts=[layout], files=["t.xlsx"])


def found(items: ItemList, **kwargs: Any) -> list[tuple[str, str, str | None]]:
    report = validate_list(items, ignore=["completeness"], **kwargs)
    return [(f.rule, f.severity, f.cell) for f in report.findings]


def test_clean_list_has_no_findings() -> None:
    assert found(make(GOOD, {**GOOD, "name": "乙许可"})) == []


def test_required_fields() -> None:
    assert found(make({**GOOD, "name": "", "body": ""})) == [
        ("required-field", "error", "C2"),
        ("required-field", "error", "G2"),
    ]


def test_unknown_type_lists_the_canonical_types() -> None:
    report = validate_list(make({**GOOD, "type": "行政审查"}), select=["unknown-type"])
    (finding,) = report.findings
    assert finding.cell == "E2"
    assert "行政许可" in finding.message("zh") and "公共服务" in finding.message("zh")


def test_type_variant_is_a_warning_naming_both_spellings() -> None:
    items = make({**GOOD, "type": "行政处罚", "name": "对甲的处罚"}, raw={0: {"type": "处罚"}})
    report = validate_list(items, select=["type-variant"])
    (finding,) = report.findings
    assert (finding.severity, finding.cell) == ("warning", "E2")
    assert "处罚" in finding.message("en") and "行政处罚" in finding.message("en")


def test_duplicates_fold_punctuation_and_point_at_the_first() -> None:
    items = make(
        {**GOOD, "name": "甲（乙）许可", "code": "990102001XK00100"},
        {**GOOD, "name": "甲(乙) 许可", "code": "990102001XK00200"},
        {**GOOD, "name": "丙许可", "code": "990102001XK00100"},
    )
    report = validate_list(items, select=["duplicate-item", "duplicate-code"])
    assert [(f.rule, f.cell) for f in report.findings] == [("duplicate-item", "C3"), ("duplicate-code", "B4")]
    assert "S!C2" in report.findings[0].message("zh")


def test_same_name_different_sub_items_is_not_a_duplicate() -> None:
    assert found(make({**GOOD, "sub_name": "1.设立"}, {**GOOD, "sub_name": "2.变更"})) == []


def test_code_format_comes_from_the_schema_pattern() -> None:
    assert found(make({**GOOD, "code": "990102abc CF001"})) == [("code-format", "error", "B2")]


def test_field_length() -> None:
    assert found(make({**GOOD, "name": "许" * 301})) == [("field-length", "error", "C2")]


@pytest.mark.parametrize(
    ("basis", "expected"),
    [
        ("依照有关法律法规执行", [("basis-format", "warning", "F2")]),
        ("《中华人民共和国行政许可法》第十二条（一", [("basis-format", "error", "F2")]),
        ("《国务院关于取消行政审批项目的决定》（国发[2013]19号）", [("basis-format", "warning", "F2")]),
        ("《国务院关于取消行政审批项目的决定》（国发〔2013〕19号）", []),
        # full-width opening with half-width closing is read as a pair, as a reader would
        ("《中华人民共和国会计法》（1985年1月21日通过)", []),
        ("【法规】《关于修改〈道路运输条例〉的决定》（2019年修正）", []),
        # a law named with a mistyped opening bracket: one finding (the bracket), not also "no law named"
        ("【法规】（禁止使用童工规定》（2002年10月1日国务院令第364号公布）", [("basis-format", "error", "F2")]),
    ],
)
def test_basis_format(basis: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(make({**GOOD, "basis": basis})) == expected


def test_document_number_suggestion() -> None:
    report = validate_list(make({**GOOD, "basis": "《关于…的通知》新政发【2021】58号"}), select=["basis-format"])
    (finding,) = report.findings
    assert "新政发〔2021〕58号" in finding.message("zh")
    basis = "《条例》，见自治区人民政府的通知新政发【2021】58号"
    report = validate_list(make({**GOOD, "basis": basis}), select=["basis-format"])
    (finding,) = report.findings
    assert finding.value == "新政发【2021】58号"  # quoted from the issuer on, not from the sentence before it


def test_disguised_licence_only_outside_licensing_and_penalties() -> None:
    items = make(
        {**GOOD, "type": "其他行政权力", "name": "建设项目备案审批"},
        {**GOOD, "type": "行政处罚", "name": "对未经许可擅自经营的处罚"},
        {**GOOD, "type": "行政确认", "name": "不动产登记"},
    )
    assert found(items) == [("disguised-licence", "warning", "C2")]


def test_completeness_counts_each_optional_field() -> None:
    items = make({**GOOD, "office": "审批科"}, {**GOOD, "name": "乙许可"})
    report = validate_list(items, select=["completeness"])
    office = next(f for f in report.findings if f.field == "office")
    assert (office.severity, office.params["filled"], office.params["total"]) == ("info", 1, 2)
    assert office.message("en") == "Field '承办机构' filled in 50.0% of records (1/2)"


def test_select_ignore_strict_and_max_errors() -> None:
    items = make({**GOOD, "name": ""}, {**GOOD, "name": "", "type": "行政审查"}, {**GOOD, "basis": "无依据说明"})
    assert {f.rule for f in validate_list(items, select=["unknown-type"]).findings} == {"unknown-type"}
    assert "required-field" not in {f.rule for f in validate_list(items, ignore=["required-field"]).findings}
    warnings_only = make({**GOOD, "basis": "无依据说明"})
    assert validate_list(warnings_only).valid
    assert not validate_list(warnings_only, strict=True).valid
    capped = validate_list(items, max_errors=1, ignore=["completeness"])
    assert capped.errors == 3 and capped.truncated_at == 1
    assert [f.severity for f in capped.findings].count("error") == 1


def test_unknown_rule_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        validate_list(make(GOOD), select=["no-such-rule"])


def test_findings_are_sorted_by_row_then_rule() -> None:
    items = make({**GOOD, "name": "", "code": "bad code"}, {**GOOD, "name": "乙", "body": ""})
    rows = [(f.row, f.rule) for f in validate_list(items, ignore=["completeness"]).findings]
    assert rows == sorted(rows, key=lambda x: (x[0] or 0, x[1]))


def test_a_code_with_a_final_newline_fails_its_pattern() -> None:
    # '$' in a JSON Schema pattern is the end of the text; Python's '$' would also accept a final newline.
    assert found(make({**GOOD, "code": "990102201XK00100\n"})) == [("code-format", "error", "B2")]
    assert found(make({**GOOD, "code": "990102201XK00100"})) == []
