"""The published workbooks in ../shared/real (not part of this repository): a correct reader gets the figures
their README gives. Skips cleanly where the folder is absent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.read import read_list
from listkit.stats import compute_stats
from tests.conftest import REAL, CliResult
from tests.real_expected import REAL_FIGURES

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not available")


def real_files() -> list[Path]:
    return sorted(p for p in REAL.iterdir() if p.suffix.lower() in (".xls", ".xlsx")) if REAL.is_dir() else []


def figures_for(path: Path) -> tuple[int, int, dict[str, int]]:
    matches = [key for key in REAL_FIGURES if key in path.name]
    assert len(matches) == 1, path.name
    return REAL_FIGURES[matches[0]]


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.name)
def test_records_items_and_types_match_the_published_figures(path: Path) -> None:
    records, items, by_type = figures_for(path)
    stats = compute_stats(read_list([path]))
    assert (stats.total.records, stats.total.items) == (records, items)
    assert {row.key: row.records for row in stats.rows} == by_type


def test_all_eleven_workbooks_are_covered() -> None:
    assert len(real_files()) == len(REAL_FIGURES) == 11


def test_city_import_equals_the_files_one_by_one(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    city = tmp_path / "city.jsonl"
    result = cli("import", *sorted(REAL.iterdir()), "-o", city)
    assert result.code == 0, result.err
    assert "README.md" in result.err  # the README beside the workbooks is skipped, and said so
    together = json.loads(cli("stats", city, "--by", "department", "--format", "json").out)
    alone: dict[str, int] = {}
    for path in real_files():
        report = json.loads(cli("stats", path, "--by", "department", "--format", "json").out)
        (row,) = report["rows"]
        alone[row["key"]] = row["records"]
    assert {row["key"]: row["records"] for row in together["rows"]} == alone
    assert together["total"]["records"] == sum(figures_for(p)[0] for p in real_files())


def test_city_jsonl_round_trip_is_byte_identical(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert cli("import", *real_files(), "-o", first).code == 0
    assert cli("import", first, "-o", second).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_traps_named_in_the_readme_are_handled() -> None:
    by_name = {next(k for k in REAL_FIGURES if k in p.name): p for p in real_files()}
    agriculture = read_list([by_name["农业农村局"]])
    skipped = [s.reason for layout in agriculture.layouts for s in layout.skipped]
    assert "hidden-repeat" in skipped
    assert any(note.startswith("combined-seq:") for layout in agriculture.layouts for note in layout.notes)
    assert {r.type_from for r in agriculture.records} == {"column", "sheet"}
    finance = read_list([by_name["财政局"]])  # OLE .xls named .xlsx, notes row under the table
    assert any(s.reason == "note" for layout in finance.layouts for s in layout.skipped)
    housing = read_list([by_name["住房和城乡建设局"]])
    assert housing.layouts[0].columns["level_scope"] == "I"  # the repeated header '实施层级及权限'
    assert [layout.notes for layout in housing.layouts][1] == ["empty-sheet"]


PLACEHOLDERS = {"/", "／", "无", "—", "-", "——"}


def item_at_level(record: dict[str, str]) -> tuple[str, ...]:
    keys = ("department", "type", "name", "sub_name", "level")
    return tuple("".join(record.get(key, "").split()) for key in keys)


def test_city_findings_are_located_and_free_of_the_known_false_alarms(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    city = tmp_path / "city.jsonl"
    assert cli("import", *real_files(), "-o", city).code == 0
    reports = {
        "workbooks": json.loads(cli("validate", *real_files(), "--format", "json").out),
        "city.jsonl": json.loads(cli("validate", city, "--format", "json").out),
    }
    records = {
        (r["source"]["file"], r["source"]["sheet"], r["source"]["row"]): r
        for r in map(json.loads, city.read_text(encoding="utf-8").splitlines()[1:])
    }
    shown: dict[str, list[tuple[str, str, str, str]]] = {}
    for label, report in reports.items():
        findings = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
        assert findings, label
        for finding in findings:
            # every error and warning names a workbook and a cell in it
            assert finding["file"] and finding["sheet"] and finding["cell"], (label, finding)
            assert finding["file"].rsplit("/", 1)[-1] in {p.name for p in real_files()}
            if finding["rule"] in ("code-format", "duplicate-code"):
                assert finding["value"] not in PLACEHOLDERS
            if finding["rule"] == "duplicate-item":
                # a repeat is looked for within a level: never the same item listed once per level
                record = records[(finding["file"].rsplit("/", 1)[-1], finding["sheet"], finding["row"])]
                same = [r for r in records.values() if item_at_level(r) == item_at_level(record)]
                assert len(same) >= 2, finding
        shown[label] = sorted((f["rule"], f["file"].rsplit("/", 1)[-1], f["sheet"], f["cell"]) for f in findings)
    assert shown["workbooks"] == shown["city.jsonl"]  # the canonical copy points where the workbooks do
