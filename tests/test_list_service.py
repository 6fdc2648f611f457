"""The 政务服务事项实施清单 sample's own figures: the annual report's 网上可办率 100% and 预约办 97.43% in every stats
format, by department too, and rows served as the schema says (what every list sample must do besides is in
test_list_samples.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from listkit.read import read_list
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
SAMPLE = SAMPLES / "service-list.xlsx"
BROKEN = SAMPLES / "broken-service-list.xlsx"
NEXT = SAMPLES / "service-list-2022.xlsx"
RECORDS, ONLINE, BY_APPOINTMENT = 1245, 1245, 1213


def expected(name: str) -> list[dict[str, object]]:
    document: list[dict[str, object]] = json.loads((SAMPLES / name).read_text(encoding="utf-8"))
    return document


def test_every_row_is_served_as_the_schema_says() -> None:
    records = [record.values for record in read_list([SAMPLE]).records]
    assert {r["handling"] for r in records} == {"即办件", "承诺件"}
    assert {r["promised"] for r in records if r["handling"] == "即办件"} == {"即办", "1个工作日"}
    assert {r["visits"] for r in records} == {"0次", "1次"}
    assert {r["level"] for r in records} == {"县级"}
    for key in ("online", "appointment", "nearby", "immediate", "cross_province", "city_wide", "fee"):
        assert {r[key] for r in records} <= {"是", "否"}, key
    codes = [r["code"] for r in records]
    assert len(set(codes)) == len(codes)
    assert all(r["code"][18:-3] == r["base_code"] for r in records)  # credit code, 基本编码, 业务办理项


def test_the_report_figures_in_text_json_and_csv(cli: Cli) -> None:
    base = ["stats", SAMPLE, "--rate", "online", "--rate", "appointment"]
    document = json.loads(cli(*base, "-f", "json").out)
    assert document["rates"] == [
        {"field": "online", "value": None, "records": RECORDS, "matching": ONLINE, "share": "100.00%"},
        {"field": "appointment", "value": None, "records": RECORDS, "matching": BY_APPOINTMENT, "share": "97.43%"},
    ]
    assert document["total"]["records"] == RECORDS
    rows = list(csv.reader(io.StringIO(cli(*base, "-f", "csv").out)))
    header, total = rows[0], rows[-1]
    assert header[:3] == ["type", "records", "items"]
    assert dict(zip(header, total, strict=True)) == {
        "type": "合计",
        "records": str(RECORDS),
        "items": str(document["total"]["items"]),
        "online matching": str(ONLINE),
        "online share": "100.00%",
        "appointment matching": str(BY_APPOINTMENT),
        "appointment share": "97.43%",
    }
    text = cli(*base)
    assert text.code == 0, text.err
    *_, total_line = (line for line in text.out.splitlines() if "合计" in line)  # the rates table comes last
    cells = [cell.strip() for cell in total_line.strip("│ ").split("│")]
    assert cells == ["合计", "1,245", "1,245", "100.00%", "1,213", "97.43%"]  # records, then each rate
    assert "是否网上可办" in text.out and "是否可预约" in text.out


def test_by_department_with_the_online_rate(cli: Cli) -> None:
    result = cli("stats", SAMPLE, "--by", "department", "--rate", "online", "-f", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["by"] == "department"
    departments = {row["key"] for row in document["rows"]}
    assert "区市场监督管理局" in departments and "示例市公安局滨江分局" in departments and "" not in departments
    assert sum(row["records"] for row in document["rows"]) == RECORDS
    assert {row["rates"][0]["share"] for row in document["rows"]} == {"100.00%"}
    sizes = [row["records"] for row in document["rows"]]
    assert sizes == sorted(sizes, reverse=True)
