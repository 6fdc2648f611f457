"""The 告知承诺制事项清单 sample's own figures: 565 items by 事项类型 in every stats format (what every list sample
must do besides is in test_list_samples.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from listkit.read import read_list
from listkit.stats import compute_stats
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
SCHEMA = "commitment-list"
LIST = SAMPLES / "commitment-list.xlsx"
BROKEN = SAMPLES / "broken-commitment-list.xlsx"
NEXT = SAMPLES / "commitment-list-2022.xlsx"
TOTAL = 565
BY_TYPE = {"行政许可": 262, "证明事项": 168, "行政确认": 57, "其他行政权力": 38, "公共服务": 22, "行政给付": 18}


def expected(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def test_stats_count_565_records_by_type(cli: Cli) -> None:
    stats = compute_stats(read_list([LIST]))
    assert (stats.total.records, stats.total.items) == (TOTAL, TOTAL)
    assert {row.key: row.records for row in stats.rows} == BY_TYPE
    assert sum(BY_TYPE.values()) == TOTAL
    report = json.loads(cli("stats", LIST, "--by", "type", "-f", "json").out)
    assert report["total"] == {"records": TOTAL, "items": TOTAL}
    assert {row["key"]: row["records"] for row in report["rows"]} == BY_TYPE
    rows = list(csv.reader(io.StringIO(cli("stats", LIST, "--by", "type", "-f", "csv").out)))
    assert rows[-1] == ["合计", str(TOTAL), str(TOTAL)]
    assert {row[0]: int(row[1]) for row in rows[1:-1]} == BY_TYPE
    text = cli("stats", LIST).out
    assert re.search(rf"合计\s*│\s*{TOTAL}\s*│\s*{TOTAL}\s*│", text)
    assert re.search(r"证明事项\s*│\s*168\s*│", text)


def _changes(report: dict[str, Any]) -> Counter[tuple[str, tuple[str, ...], str]]:
    def name(change: dict[str, Any]) -> str:
        side = change["old"] if change["kind"] == "cancelled" else change["new"]
        return str(side["name"])

    return Counter((c["kind"], tuple(sorted(c["aspects"])), name(c)) for c in report["changes"])
