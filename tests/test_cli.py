"""The command contract of CLI.md: outputs, formats, exit codes, languages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
BROKEN = SAMPLES / "broken-power-list.xlsx"
DISTRICT = SAMPLES / "district-power-list.xlsx"


def test_validate_clean_sample_exits_0(cli: Cli) -> None:
    result = cli("validate", SAMPLES / "licensing-list.xlsx")
    assert result.code == 0
    assert "校验通过" in result.err


def test_validate_broken_sample_exits_1_with_rules_and_cells(cli: Cli) -> None:
    result = cli("validate", BROKEN)
    assert result.code == 1
    for rule, cell in [("duplicate-code", "Sheet1!B18"), ("unknown-type", "Sheet1!E12"), ("basis-format", "F24")]:
        assert rule in result.out
        assert cell in result.out
    assert "校验未通过" in result.err


def test_validate_json_shape_and_byte_identical(cli: Cli) -> None:
    first = cli("validate", BROKEN, "--format", "json")
    second = cli("validate", BROKEN, "--format", "json")
    assert first.code == second.code == 1
    assert first.out == second.out
    report = json.loads(first.out)
    assert set(report) == {"listkit", "report_version", "valid", "stats", "findings"}
    assert report["report_version"] == 1 and report["valid"] is False
    assert report["stats"]["files"] == 1 and report["stats"]["records"] == 30
    finding = next(f for f in report["findings"] if f["rule"] == "duplicate-item")
    assert {k: finding[k] for k in ("severity", "file", "sheet", "column", "cell", "field")} == {
        "severity": "error",
        "file": str(BROKEN),
        "sheet": "Sheet1",
        "column": "C",
        "cell": "C16",
        "field": "name",
    }
    assert finding["row"] == 16
    keys = [(f["file"], f["sheet"] or "", f["row"] or 0, f["rule"]) for f in report["findings"]]
    assert keys == sorted(keys)


def test_json_report_equals_the_library_result(cli: Cli) -> None:
    from listkit import __version__
    from listkit.read import read_list
    from listkit.validate import validate_list

    library = validate_list(read_list([str(BROKEN)])).as_json("zh", __version__)
    assert json.loads(cli("validate", BROKEN, "--format", "json").out) == library


def test_github_annotations(cli: Cli) -> None:
    result = cli("validate", BROKEN, "--format", "github")
    lines = result.out.splitlines()
    assert result.code == 1
    assert f"::error file={BROKEN},title=unknown-type::Sheet1!E12 " in "\n".join(lines)
    assert any(line.startswith("::warning ") and "title=disguised-licence" in line for line in lines)
    assert len(lines) == 13


def test_english_messages(cli: Cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    english = cli("validate", BROKEN, "--format", "json", "--lang", "en")
    messages = [f["message"] for f in json.loads(english.out)["findings"]]
    assert any("Required field" in m for m in messages)
    assert not any("必填" in m for m in messages)
    monkeypatch.setenv("LISTKIT_LANG", "en")
    assert "Invalid" in cli("validate", BROKEN).err


def test_strict_select_ignore_and_max_errors(cli: Cli) -> None:
    assert cli("validate", BROKEN, "--select", "disguised-licence").code == 0
    assert cli("validate", BROKEN, "--select", "disguised-licence", "--strict").code == 1
    ignored = cli("validate", BROKEN, "--ignore", "required-field,unknown-type", "--format", "json")
    assert not {"required-field", "unknown-type"} & {f["rule"] for f in json.loads(ignored.out)["findings"]}
    capped = json.loads(cli("validate", BROKEN, "--max-errors", "2", "--format", "json").out)
    assert capped["stats"]["errors"] == 9 and capped["stats"]["truncated_at"] == 2
    assert [f["severity"] for f in capped["findings"]].count("error") == 2


def test_several_files_in_one_report(cli: Cli) -> None:
    result = cli("validate", BROKEN, SAMPLES / "licensing-list.xlsx", "--format", "json")
    report = json.loads(result.out)
    assert report["stats"]["files"] == 2 and report["stats"]["records"] == 80


def test_input_errors_exit_2_with_one_message(cli: Cli, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.xlsx"
    corrupt.write_bytes(DISTRICT.read_bytes()[:5000])
    pdf = tmp_path / "scan.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n%...")
    cases = [
        (("validate", tmp_path / "missing.xlsx"), "文件不存在"),
        (("validate", corrupt), "已损坏"),
        (("validate", pdf), "PDF"),
        (("validate", BROKEN, "--schema", "no-such-schema"), "未知的模式"),
        (("validate", BROKEN, "--select", "no-such-rule"), "未知的规则"),
        (("stats", tmp_path), "是目录"),
    ]
    for args, words in cases:
        result = cli(*args)
        assert result.code == 2, args
        assert words in result.err, (args, result.err)
        assert "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert result.out == ""


def test_bad_option_is_a_usage_error(cli: Cli) -> None:
    assert cli("validate", BROKEN, "--format", "yaml").code == 2
    assert cli("stats", DISTRICT, "--by", "colour").code == 2


def test_invalid_user_schema_exits_2(cli: Cli, tmp_path: Path) -> None:
    not_json = tmp_path / "a.schema.json"
    not_json.write_text("{nope", encoding="utf-8")
    bad = tmp_path / "b.schema.json"
    bad.write_text(json.dumps({"type": "object", "properties": {"name": {"type": "strin"}}}), encoding="utf-8")
    for schema, words in [(not_json, "不是合法的 JSON"), (bad, "不是合法的 JSON Schema")]:
        result = cli("validate", BROKEN, "--schema", schema)
        assert result.code == 2 and words in result.err


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.xlsx")
    plain = subprocess.run([sys.executable, "-m", "listkit", "validate", missing], capture_output=True, text=True)
    debug = subprocess.run(
        [sys.executable, "-m", "listkit", "--debug", "validate", missing], capture_output=True, text=True
    )
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert "Traceback" in debug.stderr and "InputError" in debug.stderr


def test_stats_formats(cli: Cli) -> None:
    text = cli("stats", DISTRICT)
    assert text.code == 0
    lines = [line for line in text.out.splitlines() if "│" in line]
    assert lines[0].split("│")[1].strip() == "行政许可" and "437" in lines[0]
    assert "合计" in text.out and "3,630" in text.out
    report = json.loads(cli("stats", DISTRICT, "--format", "json").out)
    assert report["by"] == "type"
    assert report["rows"][0] == {"key": "行政许可", "records": 437, "items": 377}
    assert report["total"]["records"] == 3630
    csv_lines = cli("stats", DISTRICT, "--format", "csv").out.splitlines()
    assert csv_lines[0] == "type,records,items" and csv_lines[-1].startswith("合计,3630,")


def test_stats_by_department_and_level(cli: Cli) -> None:
    by_department = json.loads(cli("stats", DISTRICT, "--by", "department", "--format", "json").out)
    assert sum(r["records"] for r in by_department["rows"]) == 3630
    assert len(by_department["rows"]) == 25
    by_level = json.loads(cli("stats", DISTRICT, "--by", "level", "--format", "json").out)
    assert sum(r["records"] for r in by_level["rows"]) == 3630


def test_schema_list_and_show(cli: Cli) -> None:
    listed = cli("schema", "list")
    assert listed.code == 0 and "power-list" in listed.out and "licensing-list" in listed.out
    shown = cli("schema", "show", "power-list")
    assert "事项名称" in shown.out and "职权名称" in shown.out
    document = json.loads(cli("schema", "show", "licensing-list", "--json").out)
    assert document["$schema"].endswith("2020-12/schema")


def test_console_script_and_module_entry_points() -> None:
    for command in (
        [sys.executable, "-m", "listkit", "--version"],
        [str(Path(sys.executable).parent / "listkit"), "--version"],
    ):
        done = subprocess.run(command, capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.startswith("listkit ")


def test_validate_xlsx_marks_every_offending_cell(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    expected = {d["cell"] for d in json.loads((SAMPLES / "broken-power-list.expected.json").read_text("utf-8"))}
    out = tmp_path / "report.xlsx"
    result = cli("validate", BROKEN, "--format", "xlsx", "-o", out)
    assert result.code == 1 and out.exists()
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["校验结果", "Sheet1"]
    sheet = workbook["Sheet1"]
    marked = {c.coordinate: c for row in sheet.iter_rows() for c in row if c.comment}
    assert set(marked) == expected
    assert "[unknown-type]" in marked["E12"].comment.text and marked["E12"].fill.start_color.rgb.endswith("FFC7CE")
    assert marked["C30"].fill.start_color.rgb.endswith("FFEB9C")  # a warning: disguised-licence
    assert sheet["A1"].value == load_workbook(BROKEN)["Sheet1"]["A1"].value  # a copy of the input
    findings = workbook["校验结果"]
    assert findings.max_row - 1 == len(json.loads(cli("validate", BROKEN, "--format", "json").out)["findings"])
    # a canonical input: one row per line, findings at line and field
    canonical = tmp_path / "broken.jsonl"
    cli("import", BROKEN, "-o", canonical)
    out2 = tmp_path / "report2.xlsx"
    assert cli("validate", canonical, "--format", "xlsx", "-o", out2).code == 1
    records = load_workbook(out2)["清单"]
    assert sum(1 for row in records.iter_rows() for c in row if c.comment) == len(expected)
    assert cli("validate", BROKEN, "--format", "xlsx").code == 2  # needs -o
    assert cli("validate", BROKEN, BROKEN, "--format", "xlsx", "-o", tmp_path / "x.xlsx").code == 2


def test_reports_can_go_to_a_file(cli: Cli, tmp_path: Path) -> None:
    as_json, as_text = tmp_path / "r.json", tmp_path / "r.txt"
    assert cli("validate", BROKEN, "--format", "json", "-o", as_json).code == 1
    assert json.loads(as_json.read_text("utf-8"))["stats"]["errors"] == 9
    result = cli("validate", BROKEN, "-o", as_text)
    assert result.code == 1 and result.out == "" and "unknown-type" in as_text.read_text("utf-8")
    assert cli("validate", BROKEN, "-o", BROKEN).code == 2  # never over an input
