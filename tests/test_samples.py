"""The bundled samples: the published breakdown, clean lists valid, every seeded defect found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from listkit.read import read_list
from listkit.stats import compute_stats
from listkit.validate import validate_list
from tests.conftest import SAMPLES

# DOMAIN.md §2: the published breakdown of one district's 3,630 records, in canonical order.
PUBLISHED = {
    "行政许可": 437,
    "行政处罚": 2122,
    "行政强制": 141,
    "行政征收": 105,
    "行政给付": 26,
    "行政检查": 193,
    "行政确认": 41,
    "行政奖励": 13,
    "行政裁决": 5,
    "其他行政权力": 205,
    "公共服务": 342,
}


def expected(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def test_district_list_is_the_published_breakdown() -> None:
    stats = compute_stats(read_list([SAMPLES / "district-power-list.xlsx"]))
    assert [(row.key, row.records) for row in stats.rows] == list(PUBLISHED.items())
    assert stats.total.records == 3630
    truth = expected("district-power-list.expected.json")
    assert stats.total.items == truth["items"]
    assert {row.key: row.items for row in stats.rows} == {k: v["items"] for k, v in truth["by_type"].items()}


def test_department_csv_in_gbk() -> None:
    raw = (SAMPLES / "department-power-list.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    items = read_list([SAMPLES / "department-power-list.csv"])
    truth = expected("department-power-list.expected.json")
    stats = compute_stats(items)
    assert (stats.total.records, stats.total.items) == (truth["records"], truth["items"])


@pytest.mark.parametrize(
    ("sample", "schema"),
    [
        ("district-power-list.xlsx", None),
        ("department-power-list.csv", None),
        ("licensing-list.xlsx", None),
        ("zhengzhao-list.xlsx", "zhengzhao-list"),
    ],
)
def test_clean_samples_have_no_errors_or_warnings(sample: str, schema: str | None) -> None:
    items = read_list([SAMPLES / sample], schema)
    report = validate_list(items, strict=True)
    assert [(f.rule, f.cell) for f in report.findings if f.severity != "info"] == []
    assert report.valid


def test_schema_is_detected_from_headers() -> None:
    assert read_list([SAMPLES / "licensing-list.xlsx"]).schema_name == "licensing-list"
    assert read_list([SAMPLES / "district-power-list.xlsx"]).schema_name == "power-list"


def test_derived_list_needs_only_its_schema_file() -> None:
    schema = "zhengzhao-list"
    items = read_list([SAMPLES / "zhengzhao-list.xlsx"], schema)
    assert len(items.records) == 437
    assert {r.values["reform"] for r in items.records} == {
        "直接取消审批",
        "审批改为备案",
        "实行告知承诺",
        "优化审批服务",
    }
    # the same file with one reform mode outside the schema's enum is reported as invalid-value
    items.records[0].values["reform"] = "改为审批"
    report = validate_list(items)
    assert [(f.rule, f.cell) for f in report.findings if f.severity == "error"] == [("invalid-value", "H3")]


def test_every_seeded_defect_is_reported_with_its_cell() -> None:
    report = validate_list(read_list([SAMPLES / "broken-power-list.xlsx"]))
    got = sorted((f.rule, f.severity, f.cell) for f in report.findings if f.severity != "info")
    seeded = sorted((d["rule"], d["severity"], d["cell"]) for d in expected("broken-power-list.expected.json"))
    assert got == seeded
    assert all(f.sheet == "Sheet1" for f in report.findings if f.severity != "info")
    assert not report.valid


def test_generator_is_deterministic(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SAMPLES / "generate.py"), "--out", str(tmp_path)], check=True)
    produced = sorted(p.name for p in tmp_path.iterdir())
    assert produced, "the generator wrote nothing"
    for name in produced:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name
