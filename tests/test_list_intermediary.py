"""The 中介服务事项清单 sample's own figures: every service serving a licensing item of licensing-list.xlsx by its
exact name, and the declared fee rule on a template row (what every list sample must do besides is in
test_list_samples.py)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from listkit.read import read_list
from listkit.validate import validate_list
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
SAMPLE = SAMPLES / "intermediary-list.xlsx"
BROKEN = SAMPLES / "broken-intermediary-list.xlsx"
NEXT = SAMPLES / "intermediary-list-2022.xlsx"
LICENSING = SAMPLES / "licensing-list.xlsx"
RECORDS, SERVICES, DEPARTMENTS = 79, 39, 17


def expected(name: str) -> list[dict[str, object]]:
    document: list[dict[str, object]] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return document


def test_counts_and_what_each_service_serves(cli: Cli) -> None:
    records = [record.values for record in read_list([SAMPLE]).records]
    assert len(records) == RECORDS
    assert len({r["name"] for r in records}) == SERVICES
    pairs = [(r["name"], r["serves"]) for r in records]
    assert len(set(pairs)) == len(pairs)  # the identity: service and item served
    licensing = {r.values["name"]: r.values["body"] for r in read_list([LICENSING]).records}
    assert {r["serves"] for r in records} <= set(licensing)
    assert all(r["competent"] == licensing[r["serves"]] for r in records)
    served = Counter(r["serves"] for r in records)
    assert max(served.values()) >= 2  # an item needing several services
    assert max(Counter(r["name"] for r in records).values()) >= 2  # a service serving several items
    assert all(r.get("fee_basis") for r in records if r["charged"] == "是")
    assert {r["charged"] for r in records} == {"是", "否"}
    document = json.loads(cli("stats", SAMPLE, "--by", "department", "-f", "json").out)
    assert document["total"]["records"] == RECORDS
    assert len(document["rows"]) == DEPARTMENTS
    assert {row["key"] for row in document["rows"]} == {r["competent"] for r in records}
    charged = json.loads(cli("stats", SAMPLE, "--by", "department", "--rate", "charged", "-f", "json").out)
    assert charged["rates"][0]["matching"] == sum(r["charged"] == "是" for r in records)


def test_a_template_row_imports_as_the_schema(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    template = tmp_path / "t.xlsx"
    assert cli("schema", "template", "intermediary-list", "-o", template).code == 0
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    values = {
        "序号": 1, "事项编码": "ZJ990102211001", "中介服务事项名称": "水土保持方案编制",
        "涉及的审批事项": "河道采砂设立审批", "审批部门": "区水利局",
        "设定依据": "《中华人民共和国水土保持法》第二十五条",
        "中介服务实施机构": "水土保持技术服务机构", "机构资质要求": "无资质要求", "是否收费": "是",
        "收费依据": "实行市场调节价",
    }  # fmt: skip
    assert set(values) <= set(header)
    for title, value in values.items():
        sheet.cell(2, header.index(title) + 1, value)
    filled = tmp_path / "filled.xlsx"
    workbook.save(filled)
    items = read_list([filled])
    assert items.schema_name == "intermediary-list"
    assert [(r.values["name"], r.values["serves"]) for r in items.records] == [("水土保持方案编制", "河道采砂设立审批")]
    assert validate_list(items, strict=True).valid
    # without its fee basis, the declared rule finds the charged service
    sheet.cell(2, header.index("收费依据") + 1).value = None
    workbook.save(filled)
    report = validate_list(read_list([filled]))
    assert [f.rule for f in report.findings if f.severity != "info"] == ["fee-basis-when-charged"]
