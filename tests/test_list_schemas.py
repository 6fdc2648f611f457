"""Every list the offices keep, as a schema file (issue #16): the bundled schemas are the files in schemas/, each
is known by its headers, a closed field's other spellings read as its values, and a list that names another
list's items (中介服务 → 行政许可) is checked by looking them up."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from listkit.errors import InputError, SchemaError
from listkit.read import column_body as column_body_module
from listkit.read import excel, read_list
from listkit.schema import load_schema, schema_from_document
from listkit.schema_bundled import BUNDLED, FOLDER, bundled_path
from listkit.schema_refs import Refs, check_json_schema
from tests.conftest import SAMPLES, CliResult
from tests.xlsx_fixtures import write_xlsx

Cli = Callable[..., CliResult]
LAW = "《中华人民共和国行政许可法》第十二条"

# A header as each list is published, with one row; detection must name the list without --schema.
HEADERS: dict[str, tuple[list[str], list[Any]]] = {
    "power-list": (
        [
            "序号",
            "事项编码",
            "事项名称",
            "子项名称",
            "事项类型",
            "设定依据",
            "实施主体",
            "承办机构",
            "行使层级",
            "备注",
        ],
        [1, "XK001", "甲许可", "", "行政许可", LAW, "区示例局", "审批科", "县级", ""],
    ),
    "licensing-list": (
        ["序号", "事项名称", "主管部门", "实施机关", "设定依据", "实施依据", "备注"],
        [1, "甲许可", "区示例局", "区示例局", LAW, LAW, ""],
    ),
    "zhengzhao-list": (
        [
            "序号",
            "改革事项",
            "许可证件",
            "设定依据",
            "审批层级和部门",
            "改革方式",
            "具体改革举措",
            "加强事中事后监管措施",
        ],
        [1, "甲许可", "甲许可证", LAW, "区级：区示例局", "实行告知承诺", "制作告知承诺书", "开展核查"],
    ),
    "commitment-list": (
        ["序号", "事项名称", "实施机关", "设定依据", "承诺内容", "核查方式", "事中事后监管措施", "适用对象"],
        [1, "甲许可", "区示例局", LAW, "申请人承诺符合条件", "两个月内现场核查", "双随机抽查", "企业"],
    ),
    "service-list": (
        [
            "序号",
            "基本编码",
            "实施编码",
            "事项名称",
            "事项类型",
            "实施主体",
            "办件类型",
            "法定办结时限",
            "承诺办结时限",
            "是否网上可办",
            "是否可预约",
        ],
        [
            1,
            "000101001000",
            "11990102MB0001001X",
            "甲许可",
            "行政许可",
            "区示例局",
            "即办件",
            "5个工作日",
            "即办",
            "是",
            "是",
        ],
    ),
    "intermediary-list": (
        [
            "序号",
            "中介服务事项名称",
            "涉及的审批事项",
            "审批部门",
            "设定依据",
            "中介服务实施机构",
            "是否收费",
            "收费依据",
        ],
        [1, "甲评估", "甲许可", "区示例局", LAW, "评估机构", "否", ""],
    ),
}


# Layouts as published (DOMAIN.md §9), each known as its list.
PUBLISHED: list[tuple[str, list[str]]] = [
    (
        "intermediary-list",
        ["序号", "审批部门", "项目编码", "行政审批事项名称", "中介服务名称", "设立依据", "实施机构", "机构性质"],
    ),
    (
        "zhengzhao-list",
        ["序号", "事项名称", "设定依据", "审批层级和部门", "改革方式", "具体改革举措", "加强事中事后监管措施"],
    ),
    (
        "service-list",
        [
            "序号",
            "事项名称",
            "设定依据",
            "行使层级",
            "权力来源",
            "实施主体",
            "实施主体性质",
            "办件类型",
            "法定办结时限",
            "承诺办结时限",
            "到现场次数",
            "通办范围",
            "网上办理深度",
            "是否收费",
            "收费标准",
            "中介服务",
        ],
    ),
    ("licensing-list", ["序号", "对应省清单序号", "市主管部门", "事项名称", "实施机关", "设定和实施依据", "备注"]),
]


@pytest.mark.parametrize(("name", "header"), PUBLISHED, ids=[name for name, _h in PUBLISHED])
def test_published_layouts_are_known(tmp_path: Path, name: str, header: list[str]) -> None:
    row = [str(n) if text == "序号" else f"{text}一" for n, text in enumerate(header, 1)]
    path = write_xlsx(tmp_path / "list.xlsx", {"Sheet1": [["示例区清单"], header, row]})
    items = read_list([path])
    assert items.schema_name == name
    assert items.layouts[0].extra_columns == {}  # every column is a field of the list


def test_the_bundled_schemas_are_the_files_in_the_schemas_folder(cli: Cli) -> None:
    files = sorted(path.name.removesuffix(".schema.json") for path in FOLDER.glob("*.schema.json"))
    assert list(BUNDLED) == files
    assert set(BUNDLED) >= set(HEADERS)
    listed = cli("schema", "list")
    assert listed.code == 0
    assert [line.split("\t")[0] for line in listed.out.splitlines()] == files


@pytest.mark.parametrize("name", BUNDLED)
def test_each_bundled_schema_is_json_schema(name: str) -> None:
    # load_schema trusts the package's own files and skips this check at run time: it is made here instead.
    document = json.loads(bundled_path(name).read_text(encoding="utf-8"))
    check_json_schema(document, name)
    Refs.of(str(bundled_path(name))).check(document)
    broken = {**document, "properties": {"name": {"type": "no-such-type"}}}
    with pytest.raises(SchemaError):
        check_json_schema(broken, name)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_each_list_is_known_by_its_headers(tmp_path: Path, name: str) -> None:
    header, row = HEADERS[name]
    path = write_xlsx(tmp_path / f"{name}.xlsx", {"Sheet1": [["示例区清单"], header, row]})
    items = read_list([path])
    assert items.schema_name == name
    assert len(items.records) == 1


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_each_schema_has_a_template_that_reads_back_as_it(cli: Cli, tmp_path: Path, name: str) -> None:
    from openpyxl import load_workbook

    target = tmp_path / f"{name}-template.xlsx"
    assert cli("schema", "template", name, "-o", target).code == 0
    book = load_workbook(target)
    sheet = book.worksheets[0]
    header_row = next(r for r in range(1, 6) if any(sheet.cell(r, c).value for c in range(1, sheet.max_column + 1)))
    schema = load_schema(name)
    column_of = {
        schema.match_header(str(text)): c
        for c in range(1, sheet.max_column + 1)
        if (text := sheet.cell(header_row, c).value)
    }
    written, row = HEADERS[name]
    for text, value in zip(written, row, strict=True):
        key = schema.match_header(text)
        assert key in column_of, f"{name} template has no column for {text}"
        sheet.cell(header_row + 1, column_of[key], value)
    book.save(target)
    assert read_list([target]).schema_name == name


def test_a_header_without_the_lists_own_columns_is_not_that_list(tmp_path: Path) -> None:
    """A 告知承诺 list is one by its 承诺内容 or 核查方式 column: 事项名称 | 实施机关 | 设定依据 alone is a licensing
    list, though the commitment schema names those columns as well."""
    path = write_xlsx(
        tmp_path / "plain.xlsx",
        {
            "Sheet1": [
                ["序号", "事项名称", "主管部门", "实施机关", "设定依据", "备注"],
                [1, "甲许可", "区示例局", "区示例局", LAW, ""],
            ]
        },
    )
    assert read_list([path]).schema_name == "licensing-list"
    assert read_list([path], "commitment-list").schema_name == "commitment-list"


def test_no_header_names_the_columns_of_the_nearest_list(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "odd.xlsx", {"Sheet1": [["办件类型", "承诺办结时限", "是否网上可办"], ["即办件", "1天", "是"]]}
    )
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "header-not-found"
    service = load_schema("service-list")
    assert service.by_key["name"].title in str(caught.value.params["expected"])


def test_a_detection_need_must_name_fields_of_the_schema() -> None:
    document = json.loads((FOLDER / "commitment-list.schema.json").read_text(encoding="utf-8"))
    document["x-listkit"]["detect"] = {"needs-one-of": ["promise"]}
    with pytest.raises(SchemaError, match="promise"):
        schema_from_document(document, "bad.schema.json")


def service_row(n: int, handling: str, statutory: str, promised: str, online: str, appointment: str) -> list[Any]:
    """A row under HEADERS["service-list"]: item n, with how it is handled and served."""
    code = f"{n:03d}"
    identity = [n, f"000101{code}000", f"11990102MB0001{code}X", f"第{n}项许可", "行政许可", "区示例局"]
    return [*identity, handling, statutory, promised, online, appointment]


@pytest.mark.parametrize("path", ["columns", "rows"])
def test_other_spellings_of_a_closed_value_read_as_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    """'√', '有', '×', '无', '即办', '改为备案' — each read as the enum value it stands for, the cell kept in raw; a
    value that is no spelling of any stays for validation to report. Both body readers alike."""
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 0 if path == "columns" else 1 << 62)
    calls: list[bool] = []
    read_body = column_body_module.read_body
    monkeypatch.setattr(column_body_module, "read_body", lambda *args: calls.append(True) or read_body(*args))
    header, first = HEADERS["service-list"]
    rows = [
        first,
        service_row(2, "即办", "5个工作日", "1个工作日", "√", "有"),
        service_row(3, "承诺件", "20个工作日", "5个工作日", "×", "无"),
        service_row(4, "承诺件", "20个工作日", "5个工作日", "是", "部分"),
    ]
    # Text cells only: the column reader takes sheets of text (numbers are read cell by cell).
    text_rows = [[str(value) for value in values] for values in rows]
    source = write_xlsx(tmp_path / "service.xlsx", {"Sheet1": [["示例区政务服务事项清单"], header, *text_rows]})
    items = read_list([source])
    assert items.schema_name == "service-list"
    got = [(r.get("handling"), r.get("online"), r.get("appointment")) for r in items.records]
    assert got == [("即办件", "是", "是"), ("即办件", "是", "是"), ("承诺件", "否", "否"), ("承诺件", "是", "部分")]
    assert items.records[1].raw == {"handling": "即办", "online": "√", "appointment": "有"}
    assert items.records[2].raw == {"online": "×", "appointment": "无"}
    assert "appointment" not in items.records[3].raw
    assert calls == ([True] if path == "columns" else [])


def test_other_spellings_in_a_list_file_of_records(tmp_path: Path) -> None:
    """A jsonl written by someone's script may tick with '√' too: read alike (not by the columnar fast path)."""
    lines = [
        {"listkit": {"format": "listkit-canonical", "version": 1, "schema": "service-list"}},
        {"name": "甲许可", "body": "区示例局", "online": "√", "handling": "即办"},
        {"name": "乙许可", "body": "区示例局", "online": "是", "handling": "承诺件"},
    ]
    path = tmp_path / "service.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    records = read_list([path]).records
    assert [(r.get("online"), r.get("handling")) for r in records] == [("是", "即办件"), ("是", "承诺件")]
    assert records[0].raw == {"online": "√", "handling": "即办"}


def test_stats_rate_counts_ticks_as_yes(cli: Cli, tmp_path: Path) -> None:
    header, first = HEADERS["service-list"]
    rows = [first, service_row(2, "即办件", "5个工作日", "即办", "×", "√")]
    source = write_xlsx(tmp_path / "service.xlsx", {"Sheet1": [header, *rows]})
    result = cli("stats", source, "--rate", "online", "--rate", "appointment", "-f", "json")
    assert result.code == 0, result.err
    rates = {rate["field"]: rate["share"] for rate in json.loads(result.out)["rates"]}
    assert rates == {"online": "50.00%", "appointment": "100.00%"}


# --- a list naming the items of another -----------------------------------------------------------------------


def _licensing_names() -> list[str]:
    return [record.get("name") for record in read_list([SAMPLES / "licensing-list.xlsx"]).records]


def _intermediary(tmp_path: Path, serves: list[str]) -> Path:
    header, _row = HEADERS["intermediary-list"]
    rows = [[n, f"第{n}项中介服务", named, "区示例局", LAW, "评估机构", "否", ""] for n, named in enumerate(serves, 1)]
    return write_xlsx(tmp_path / "intermediary.xlsx", {"Sheet1": [["示例区中介服务事项清单"], header, *rows]})


def test_check_looks_up_the_items_a_list_names(cli: Cli, tmp_path: Path) -> None:
    names = _licensing_names()
    typo = names[2][:-1] + ("批" if names[2][-1] != "批" else "核")  # one character off
    serves = [names[0], names[0], f"{names[1]}；{names[3]}", typo, "宠物医院设立许可", f"{names[4]}\n不存在的许可事项"]
    source = _intermediary(tmp_path, serves)
    result = cli("check", source, "--against", SAMPLES / "licensing-list.xlsx", "-f", "json")
    assert result.code == 1, result.err
    report = json.loads(result.out)
    assert report["schema"] == "intermediary-list"
    by_row = {item["list"]["source"]["row"]: item for item in report["items"]}
    statuses = {row - 2: by_row[row]["status"] for row in by_row}
    # Two services of one licence, one service of two licences: all found; nothing is "missing".
    assert statuses == {1: "conforming", 2: "conforming", 3: "conforming", 4: "differs", 5: "extra", 6: "extra"}
    assert by_row[6]["fields"] == [{"field": "serves", "old": names[2], "new": typo}]
    assert by_row[7]["fields"] == [{"field": "serves", "new": "宠物医院设立许可"}]
    assert by_row[8]["fields"] == [{"field": "serves", "new": "不存在的许可事项"}]
    assert report["summary"]["missing"] == 0
    within = json.loads(
        cli("check", source, "--against", SAMPLES / "licensing-list.xlsx", "--scope", "within", "-f", "json").out
    )
    assert sorted(item["list"]["source"]["row"] for item in within["items"] if item["status"] == "extra") == [7, 8]
    text = cli("check", source, "--against", SAMPLES / "licensing-list.xlsx").err
    assert "按所涉事项核对 6 项" in text


def test_check_refuses_a_catalogue_without_the_named_role(cli: Cli, tmp_path: Path) -> None:
    document: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "x-listkit": {"name": "nameless"},
        "type": "object",
        "properties": {
            "code": {"type": "string", "title": "编码", "x-role": "code"},
            "what": {"type": "string", "title": "内容"},
        },
    }
    schema_file = tmp_path / "nameless.schema.json"
    schema_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    catalogue = write_xlsx(tmp_path / "catalogue.xlsx", {"Sheet1": [["编码", "内容"], ["A0001", "甲"]]})
    source = _intermediary(tmp_path, ["甲"])
    result = cli("check", source, "--against", catalogue, "--against-schema", schema_file)
    assert result.code == 2
    assert "Traceback" not in result.err
