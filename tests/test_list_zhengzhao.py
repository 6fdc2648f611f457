"""The 证照分离改革事项清单 sample's own figures: 437 items by 改革方式 in every stats format (what every list sample
must do besides is in test_list_samples.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
SCHEMA = "zhengzhao-list"
LIST = SAMPLES / "zhengzhao-list.xlsx"
BROKEN = SAMPLES / "broken-zhengzhao-list.xlsx"
NEXT = SAMPLES / "zhengzhao-list-2022.xlsx"
# The four reform modes in the schema's order, and how many of the 437 items each has.
BY_REFORM = {"直接取消审批": 53, "审批改为备案": 41, "实行告知承诺": 97, "优化审批服务": 246}
TOTAL = 437


def expected(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def test_stats_by_reform_in_every_format(cli: Cli) -> None:
    text = cli("stats", LIST, "--by", "reform")
    assert text.code == 0
    for mode, count in BY_REFORM.items():
        assert re.search(rf"{mode}\s*│\s*{count}\s*│\s*{count}\s*│", text.out), mode
    assert re.search(rf"合计\s*│\s*{TOTAL}\s*│\s*{TOTAL}\s*│", text.out)
    report = json.loads(cli("stats", LIST, "--by", "reform", "-f", "json").out)
    assert report["by"] == "reform"
    assert [(row["key"], row["records"]) for row in report["rows"]] == list(BY_REFORM.items())
    assert report["total"] == {"records": TOTAL, "items": TOTAL}
    assert sum(BY_REFORM.values()) == TOTAL
    rows = list(csv.reader(io.StringIO(cli("stats", LIST, "--by", "reform", "-f", "csv").out)))
    assert rows[0] == ["reform", "records", "items"]
    assert rows[1:] == [[mode, str(n), str(n)] for mode, n in BY_REFORM.items()] + [["合计", str(TOTAL), str(TOTAL)]]


def _changes(report: dict[str, Any]) -> Counter[tuple[str, tuple[str, ...], str]]:
    def name(change: dict[str, Any]) -> str:
        side = change["old"] if change["kind"] == "cancelled" else change["new"]
        return str(side["name"])

    return Counter((c["kind"], tuple(sorted(c["aspects"])), name(c)) for c in report["changes"])
