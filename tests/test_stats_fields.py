"""stats --by any field and --rate (issue #16): groups in enum order or by size, yes/no shares exact to the
hundredth, on the samples and on small lists whose answers are known."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from listkit.errors import UsageError
from listkit.model import ItemList
from listkit.read import read_list
from listkit.record import make_record
from listkit.schema import Schema, load_schema, schema_from_document
from listkit.stats import Rate, RateSpec, compute_stats
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
DISTRICT = str(SAMPLES / "district-power-list.xlsx")
LICENSING = str(SAMPLES / "licensing-list.xlsx")
ZHENGZHAO = [str(SAMPLES / "zhengzhao-list.xlsx"), "--schema", "zhengzhao-list"]

# A list with two yes/no columns: 是否网上办理 (the default yes words) and 即办 (its own: 即办件).
DOCUMENT: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "x-listkit": {"name": "service-list", "title": {"zh": "服务清单", "en": "Service list"}},
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "title": "事项名称", "x-title-en": "Item", "x-role": "name", "x-identity": True},
        "type": {
            "type": "string",
            "title": "事项类型",
            "x-title-en": "Type",
            "x-role": "type",
            "enum": ["行政许可", "公共服务"],
        },
        "body": {"type": "string", "title": "实施机关", "x-title-en": "Body", "x-role": "body"},
        "online": {"type": "string", "title": "是否网上办理", "x-title-en": "Online"},
        "instant": {"type": "string", "title": "即办", "x-title-en": "Instant", "x-yes-values": ["即办件"]},
    },
}
ROWS = [  # name, type, body, online, instant
    ("甲", "行政许可", "区甲局", "是", "即办件"),
    ("乙", "行政许可", "区甲局", "√", "是"),
    ("丙", "公共服务", "区乙局", "Yes", ""),
    ("丁", "公共服务", "区乙局", "否", "即办件"),
    ("戊", "行政许可", "区乙局", "1", ""),
    ("己", "", "区乙局", "", ""),
    ("庚", "其他", "区甲局", "TRUE", ""),
]


@pytest.fixture
def schema(tmp_path: Path) -> tuple[Schema, Path]:
    path = tmp_path / "service.schema.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8")
    return schema_from_document(DOCUMENT, str(path)), path


def _items(schema: Schema, rows: Sequence[tuple[str, ...]] = ROWS) -> ItemList:
    keys = ("name", "type", "body", "online", "instant")
    records = [make_record({k: v for k, v in zip(keys, row, strict=True) if v}, None) for row in rows]
    return ItemList(schema_name=schema.path, records=records)


def _workbook(tmp_path: Path, rows: Sequence[tuple[str, ...]] = ROWS) -> str:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["事项名称", "事项类型", "实施机关", "是否网上办理", "即办"])
    for row in rows:
        sheet.append([int(v) if v.isdigit() else v for v in row])
    path = tmp_path / "service.xlsx"
    workbook.save(path)
    return str(path)


# --- the library ------------------------------------------------------------------------------------------------


def test_share_is_a_percentage_with_two_decimals_rounded_half_up() -> None:
    def share(matching: int, records: int) -> str | None:
        rate: str | None = Rate(field="f", records=records, matching=matching).share
        return rate

    assert share(3, 4) == "75.00%"
    assert share(1, 3) == "33.33%" and share(2, 3) == "66.67%"
    assert share(1, 8) == "12.50%" and share(1, 800) == "0.13%"  # 0.125 rounds up, not to even
    assert share(3800, 3900) == "97.44%" and share(0, 5) == "0.00%" and share(5, 5) == "100.00%"
    assert share(0, 0) is None


def test_rate_spec_parses_field_and_value() -> None:
    assert RateSpec.parse("online") == RateSpec("online", None)
    assert RateSpec.parse("level=县级") == RateSpec("level", "县级")
    assert RateSpec.parse("remark=") == RateSpec("remark", "")


def test_yes_values_in_total_and_per_group(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    stats = compute_stats(_items(loaded), "type", loaded, rates=["online"])
    # 是, √, Yes, 1, TRUE say yes; 否 and blank do not.
    assert [(r.records, r.matching, r.share) for r in stats.rates] == [(7, 5, "71.43%")]
    assert stats.total.rates == stats.rates
    by_group = {row.key: (row.rates[0].matching, row.records, row.rates[0].share) for row in stats.rows}
    assert by_group == {
        "行政许可": (3, 3, "100.00%"),
        "公共服务": (1, 2, "50.00%"),
        "其他": (1, 1, "100.00%"),
        "": (0, 1, "0.00%"),
    }
    # The enum's order, then other values, then the blank group.
    assert [row.key for row in stats.rows] == ["行政许可", "公共服务", "其他", ""]


def test_a_field_may_list_its_own_yes_values(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    stats = compute_stats(_items(loaded), "body", loaded, rates=["instant", "即办=是"])
    instant, equals = stats.rates
    # x-yes-values replaces the default words: 是 is not yes in 即办, though it is what '=是' asks for.
    assert (instant.field, instant.value, instant.matching, instant.share) == ("instant", None, 2, "28.57%")
    assert (equals.field, equals.value, equals.matching) == ("instant", "是", 1)
    assert [(row.key, row.records) for row in stats.rows] == [("区乙局", 4), ("区甲局", 3)]  # by size
    assert stats.by == "body"


def test_three_of_four(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    rows = [("甲", "行政许可", "区甲局", "是", ""), ("乙", "行政许可", "区甲局", "是", "")]
    rows += [("丙", "行政许可", "区甲局", "是", ""), ("丁", "行政许可", "区甲局", "否", "")]
    stats = compute_stats(_items(loaded, rows), "online", loaded, rates=["online", "online=否"])
    assert [(r.matching, r.records, r.share) for r in stats.rates] == [(3, 4, "75.00%"), (1, 4, "25.00%")]
    assert [(row.key, row.records) for row in stats.rows] == [("是", 3), ("否", 1)]


def test_value_is_compared_folded(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    rows = [("甲", "行政许可", "区 甲 局", "", ""), ("乙", "行政许可", "区甲局", "", ""), ("丙", "", "区乙局", "", "")]
    stats = compute_stats(_items(loaded, rows), "type", loaded, rates=["body=区甲局"])
    assert (stats.rates[0].matching, stats.rates[0].share) == (2, "66.67%")


def test_a_field_by_its_title(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    by_title = compute_stats(_items(loaded), "是否网上办理", loaded, rates=["Online"])
    by_key = compute_stats(_items(loaded), "online", loaded, rates=["online"])
    assert by_title.as_json() == by_key.as_json() and by_title.by == "online"


def test_unknown_field_is_a_usage_error(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    with pytest.raises(UsageError) as by:
        compute_stats(_items(loaded), "colour", loaded)
    assert by.value.params["option"] == "--by" and "online" in by.value.params["reason"]
    with pytest.raises(UsageError) as rate:
        compute_stats(_items(loaded), "type", loaded, rates=["colour=red"])
    assert rate.value.params["option"] == "--rate"


def test_samples_by_remark_level_and_type() -> None:
    items = read_list([DISTRICT])
    schema = load_schema(items.schema_name)
    for by in ("remark", "备注", "level", "type", "basis"):
        stats = compute_stats(items, by)
        assert sum(row.records for row in stats.rows) == stats.total.records == 3630
        keys = [row.key for row in stats.rows]
        assert len(keys) == len(set(keys))
        if keys[-1] == "":
            keys.pop()
        enum = schema.by_key[stats.by].enum
        if enum is None:
            sizes = [row.records for row in stats.rows if row.key]
            assert sizes == sorted(sizes, reverse=True)
        else:
            assert keys == [value for value in enum if value in keys] + sorted(k for k in keys if k not in enum)
    remark = compute_stats(items, "备注")
    assert remark.by == "remark" and remark.rows[-1].key == "" and remark.rows[-1].records == 3460


def test_enum_order_of_a_user_schema() -> None:
    items = read_list([ZHENGZHAO[0]], schema=ZHENGZHAO[2])
    schema = load_schema(ZHENGZHAO[2])
    stats = compute_stats(items, "reform", schema)
    enum = schema.by_key["reform"].enum
    assert enum is not None
    assert [row.key for row in stats.rows if row.key in enum] == [v for v in enum if v in {r.key for r in stats.rows}]


def test_role_groupings_keep_their_shape() -> None:
    items = read_list([LICENSING])
    for by in ("type", "department", "level"):
        document = compute_stats(items, by).as_json()
        assert set(document) == {"by", "rows", "total"} and document["by"] == by
        assert set(document["total"]) == {"records", "items"}
        assert all(set(row) == {"key", "records", "items"} for row in document["rows"])


# --- the command ------------------------------------------------------------------------------------------------


def test_cli_json_equals_the_library(cli: Cli, schema: tuple[Schema, Path], tmp_path: Path) -> None:
    _loaded, path = schema
    workbook = _workbook(tmp_path)
    args = ["stats", workbook, "--schema", str(path), "--by", "type", "--rate", "online", "--rate", "即办=是"]
    result = cli(*args, "-f", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    library = compute_stats(
        read_list([workbook], schema=str(path)), "type", load_schema(str(path)), ["online", "即办=是"]
    )
    assert document == library.as_json()
    assert document["rates"] == [
        {"field": "online", "value": None, "records": 7, "matching": 5, "share": "71.43%"},
        {"field": "instant", "value": "是", "records": 7, "matching": 1, "share": "14.29%"},
    ]
    first = document["rows"][0]
    assert first["key"] == "行政许可" and first["rates"][0] == {
        "field": "online",
        "value": None,
        "records": 3,
        "matching": 3,
        "share": "100.00%",
    }
    assert document["total"]["rates"] == document["rates"]


def test_cli_text_and_csv(cli: Cli, schema: tuple[Schema, Path], tmp_path: Path) -> None:
    _loaded, path = schema
    workbook = _workbook(tmp_path)
    base = ["stats", workbook, "--schema", str(path), "--rate", "online"]
    text = cli(*base)
    assert text.code == 0, text.err
    assert "比率统计" in text.out and "是否网上办理·比率" in text.out and "71.43%" in text.out
    assert "（未填）" in text.out
    english = cli(*base, "--lang", "en")
    assert "Online: rate" in english.out and "Online: matching" in english.out and "Total" in english.out
    assert "(blank)" in english.out
    lines = cli(*base, "-f", "csv").out.splitlines()
    assert lines[0] == "type,records,items,online matching,online share"
    assert lines[1] == "行政许可,3,3,3,100.00%"
    assert lines[-1] == "合计,7,7,5,71.43%"


def test_cli_by_department_with_a_rate(cli: Cli, schema: tuple[Schema, Path], tmp_path: Path) -> None:
    _loaded, path = schema
    result = cli(
        "stats", _workbook(tmp_path), "--schema", str(path), "--by", "department", "--rate", "online", "-f", "json"
    )
    document = json.loads(result.out)
    assert [(row["key"], row["rates"][0]["matching"], row["rates"][0]["share"]) for row in document["rows"]] == [
        ("区乙局", 2, "50.00%"),
        ("区甲局", 3, "100.00%"),
    ]


def test_cli_by_field_on_samples(cli: Cli) -> None:
    by_title = cli("stats", DISTRICT, "--by", "备注", "-f", "json")
    by_key = cli("stats", DISTRICT, "--by", "remark", "-f", "json")
    assert by_title.code == 0 and by_title.out == by_key.out
    text = cli("stats", DISTRICT, "--by", "remark", "--lang", "en")
    assert "Remark" in text.out and "(blank)" in text.out and "3,460" in text.out
    licensing = json.loads(cli("stats", LICENSING, "--by", "level", "--rate", "level=区级", "-f", "json").out)
    assert licensing["rates"][0]["matching"] == licensing["total"]["records"]


def test_cli_unknown_field_exits_2(cli: Cli) -> None:
    for option in ("--by", "--rate"):
        result = cli("stats", DISTRICT, option, "colour")
        assert result.code == 2 and "Traceback" not in result.err
        assert option in result.err and "colour" in result.err and "remark" in result.err and "department" in result.err


def test_rate_of_a_department(schema: tuple[Schema, Path]) -> None:
    loaded, _path = schema
    stats = compute_stats(_items(loaded), "type", loaded, rates=["department=区甲局"])
    rate = stats.rates[0]
    assert (rate.field, rate.value, rate.matching, rate.share) == ("department", "区甲局", 3, "42.86%")
    assert rate.display("zh") == "部门=区甲局" and rate.display("en") == "Department=区甲局"
