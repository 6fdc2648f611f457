"""listkit import: canonical outputs, lossless round trips, --explain, and never touching the inputs."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.model import ItemList
from listkit.read import read_list
from listkit.schema_bundled import bundled_path
from tests.conftest import SAMPLES, CliResult
from tests.xlsx_fixtures import HEADER, row, write_xlsx

Cli = Callable[..., CliResult]
SAMPLE_LISTS = [
    ("district-power-list.xlsx", None),
    ("department-power-list.csv", None),
    ("licensing-list.xlsx", None),
    ("broken-power-list.xlsx", None),
    ("zhengzhao-list.xlsx", None),
    ("commitment-list.xlsx", None),
    ("service-list.xlsx", None),
    ("intermediary-list.xlsx", None),
    # A user's schema file, which travels with the list (a copy of a bundled one will do).
    ("zhengzhao-list.xlsx", str(bundled_path("zhengzhao-list"))),
]


def comparable(items: ItemList) -> list[tuple[object, ...]]:
    """Everything a record carries, source file reduced to its name (the canonical form keeps only that)."""
    return sorted(
        (
            tuple(sorted(r.values.items())),
            r.department,
            tuple(sorted(r.extra.items())),
            tuple(sorted(r.raw.items())),
            r.type_from,
            Path(r.source.file).name if r.source else None,
            r.source.sheet if r.source else None,
            r.source.row if r.source else None,
        )
        for r in items.records
    )


@pytest.mark.parametrize(
    ("sample", "schema"), SAMPLE_LISTS, ids=[f"{s}-{'file' if f else 'bundled'}" for s, f in SAMPLE_LISTS]
)
def test_jsonl_round_trip_is_lossless(cli: Cli, tmp_path: Path, sample: str, schema: str | None) -> None:
    if schema:
        # A header may name only a schema file in its own folder (read/header_schema.py): they travel together.
        schema = str(shutil.copy(schema, tmp_path))
    extra = ["--schema", schema] if schema else []
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert cli("import", SAMPLES / sample, "-o", first, *extra).code == 0
    assert cli("import", first, "-o", second).code == 0  # the header names the schema: no --schema needed
    assert first.read_bytes() == second.read_bytes()
    original = read_list([SAMPLES / sample], schema)
    again = read_list([first])
    assert comparable(again) == comparable(original)
    assert again.meta == original.meta and again.schema_name == original.schema_name


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
@pytest.mark.parametrize("sample", ["district-power-list.xlsx", "department-power-list.csv", "licensing-list.xlsx"])
def test_other_canonical_formats_keep_every_value(cli: Cli, tmp_path: Path, sample: str, fmt: str) -> None:
    out = tmp_path / f"list.{fmt}"
    assert cli("import", SAMPLES / sample, "-o", out).code == 0

    def values(items: ItemList) -> list[tuple[object, ...]]:
        return sorted((tuple(sorted(r.values.items())), r.department) for r in items.records)

    assert values(read_list([out])) == values(read_list([SAMPLES / sample]))


def test_jsonl_layout_is_git_friendly(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "list.jsonl"
    cli("import", SAMPLES / "department-power-list.csv", "-o", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])["listkit"]
    assert header["schema"] == "power-list" and header["meta"]["department"] == "示例市滨江区文化广电旅游体育局"
    records = [json.loads(line) for line in lines[1:]]
    assert len(records) == 30
    # identity order: no codes in this list, so (name, sub-item, type) folded
    names = [(r["name"], r.get("sub_name", "")) for r in records]
    assert names == sorted(names, key=lambda n: (n[0].replace("（", "(").replace("）", ")"), n[1]))
    schema_order = [
        "seq",
        "code",
        "name",
        "sub_name",
        "type",
        "basis",
        "body",
        "office",
        "level",
        "level_scope",
        "duty",
        "responsibility",
        "responsibility_basis",
        "accountable",
        "accountability",
        "remark",
    ]
    for record in records:
        fields = [k for k in record if k in schema_order]
        assert fields == sorted(fields, key=schema_order.index)
        assert list(record)[-1] == "source" and record["source"]["file"] == "department-power-list.csv"
        assert "nan" not in record.values() and None not in record.values()


def test_codes_decide_the_order_when_present(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "list.jsonl"
    cli("import", SAMPLES / "district-power-list.xlsx", "-o", out)
    codes = [json.loads(line)["code"] for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert codes == sorted(codes) and len(codes) == 3630


def test_jsonl_to_stdout_without_output(cli: Cli) -> None:
    result = cli("import", SAMPLES / "licensing-list.xlsx")
    lines = result.out.splitlines()
    assert result.code == 0 and len(lines) == 51 and json.loads(lines[0])["listkit"]["schema"] == "licensing-list"


def test_explain_tells_what_was_understood(cli: Cli, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "行政许可（3项）": [
                ["示例局权责清单"],
                [*HEADER, "救助渠道"],
                [*row(1, "甲许可", kind=""), "申诉"],
                row(2, "乙许可"),
                ["备注：示例"],
            ]
        },
    )
    result = cli("import", path, "--explain")
    assert result.code == 0
    for words in [
        "表头：第 2 行",
        "B  事项名称 → name",
        "I  · → level_scope",
        "K  救助渠道 → extra",
        "工作表名给出权力类型：行政许可",
        "读取记录 2 条",
        "表下备注",
        "工作表名写明 3 项，实际读取 2 条记录",
    ]:
        assert words in result.out, words
    english = cli("import", path, "--explain", "--lang", "en")
    assert "2 records read" in english.out and "note under the table" in english.out


def test_extra_columns_survive_the_canonical_form(cli: Cli, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [[*HEADER, "救助渠道"], [*row(1, "甲许可"), "向上级机关申诉"]]})
    out = tmp_path / "a.jsonl"
    cli("import", path, "-o", out)
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[1])
    assert record["extra"] == {"救助渠道": "向上级机关申诉"}
    assert read_list([out]).records[0].extra == {"救助渠道": "向上级机关申诉"}


def test_formula_like_text_is_never_a_formula(cli: Cli, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可", remark='=HYPERLINK("http://x")')]})
    # openpyxl stores a leading '=' as a formula; write it as text the way a clerk's file would have it
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["S"]["J2"].data_type = "s"
    workbook.save(path)
    csv_out, xlsx_out = tmp_path / "o.csv", tmp_path / "o.xlsx"
    assert cli("import", path, "-o", csv_out).code == 0 and cli("import", path, "-o", xlsx_out).code == 0
    assert "'=HYPERLINK" in csv_out.read_text(encoding="utf-8-sig")
    import zipfile

    sheet = zipfile.ZipFile(xlsx_out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert read_list([xlsx_out]).records[0].values["remark"] == '=HYPERLINK("http://x")'


def test_csv_output_has_a_bom_for_excel(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "o.csv"
    cli("import", SAMPLES / "licensing-list.xlsx", "-o", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_outputs_are_deterministic(cli: Cli, tmp_path: Path) -> None:
    for fmt in ("jsonl", "json", "csv", "xlsx"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        cli("import", SAMPLES / "licensing-list.xlsx", "-o", a)
        cli("import", SAMPLES / "licensing-list.xlsx", "-o", b)
        assert a.read_bytes() == b.read_bytes(), fmt


def test_refuses_to_overwrite_an_input_and_keeps_old_output_on_failure(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "list.jsonl"
    cli("import", SAMPLES / "licensing-list.xlsx", "-o", source)
    before = source.read_bytes()
    result = cli("import", source, "-o", source)
    assert result.code == 2 and "拒绝覆盖" in result.err and source.read_bytes() == before
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    result = cli("import", broken, "-o", source)
    assert result.code == 2 and source.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_unknown_output_suffix_and_missing_directory(cli: Cli, tmp_path: Path) -> None:
    assert cli("import", SAMPLES / "licensing-list.xlsx", "-o", tmp_path / "list.txt").code == 2
    result = cli("import", SAMPLES / "licensing-list.xlsx", "-o", tmp_path / "no" / "list.jsonl")
    assert result.code == 2 and "输出目录不存在" in result.err


def test_bad_canonical_lines_name_the_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"name": "甲", "type": "行政许可"}\n[1, 2]\n', encoding="utf-8")
    result = cli("stats", path)
    assert result.code == 2 and "第 2 行不是 JSON 对象" in result.err
    path.write_text('{"name": "甲", "type": "行政许可"}\n{"name": \n', encoding="utf-8")
    result = cli("stats", path)
    assert result.code == 2 and "第 2 行不是合法的 JSON" in result.err


def test_jsonl_from_another_tool_without_header(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    lines = [{"name": "甲许可", "type": "许可", "basis": "《行政许可法》第十二条", "body": "区示例局", "color": "red"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    items = read_list([path])
    assert items.schema_name == "power-list"
    assert items.records[0].extra == {"color": "red"}
    assert (items.records[0].values["type"], items.records[0].raw) == ("行政许可", {"type": "许可"})
    report = json.loads(cli("validate", path, "--format", "json").out)
    variant = [f for f in report["findings"] if f["rule"] == "type-variant"]
    assert variant and variant[0]["row"] == 1 and variant[0]["file"] == str(path) and variant[0]["cell"] is None
