"""Every spreadsheet and CSV listkit writes is inert, well-formed and read back (issue 14, classes 3–5).

The hostile lists of tests/hostile/cell_cases.py — formula-like headers, departments, types and values, control
characters, labels that make no valid sheet name — go through every writer: import (xlsx, csv, json, jsonl),
export (xlsx by type and by department, csv, json, md, html), diff --format xlsx, validate --format xlsx, stats
--format csv, schema template. No cell anywhere is a formula, no CSV field starts with an unguarded = + - @, no
part holds a character XML cannot, every sheet name is one Excel accepts, and what listkit reads back is the
list it wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listkit.cells import csv_cell, csv_text_read, tallied, xlsx_text
from listkit.model import ItemList
from listkit.read import read_list
from listkit.write.sheet_names import SheetNames
from tests.conftest import CliResult
from tests.hostile.cell_cases import INJECTED_HEADERS, SHEET_LABELS, cell_cases
from tests.inert_checks import LIVE, csv_problems, xlsx_problems

Cli = Callable[..., CliResult]
CASES = [case.name for case in cell_cases()]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cells")
    paths = {}
    for case in cell_cases():
        case.make(folder / case.name)
        paths[case.name] = folder / case.name
    return paths


def content(items: ItemList, department: bool = True) -> list[str]:
    """Every record's text; a publication keeps departments only as a column when it has several (or as its
    sheets' names, when grouped by them), so its comparison may leave them out."""
    return sorted(
        json.dumps(
            [sorted(r.values.items()), sorted(r.extra.items()), r.department if department else None],
            ensure_ascii=False,
        )
        for r in items.records
    )


@pytest.mark.parametrize("case", CASES)
def test_canonical_outputs_are_inert_and_read_back(
    cli: Cli, hostile: dict[str, Path], tmp_path: Path, case: str
) -> None:
    source = hostile[case]
    expected = content(read_list([source]))
    for suffix in ("xlsx", "csv", "json", "jsonl"):
        out = tmp_path / f"canonical.{suffix}"
        result = cli("import", source, "-o", out)
        assert result.code == 0, result.err
        if suffix == "xlsx":
            assert xlsx_problems(out) == []
        elif suffix == "csv":
            assert csv_problems(out.read_text(encoding="utf-8-sig")) == []
        assert content(read_list([out])) == expected, suffix
    # On stdout too (csv): the same text.
    result = cli("import", source, "--format", "csv")
    assert result.code == 0 and csv_problems(result.out) == []


@pytest.mark.parametrize("case", CASES)
def test_publications_are_inert_and_read_back(cli: Cli, hostile: dict[str, Path], tmp_path: Path, case: str) -> None:
    source = hostile[case]
    expected = content(read_list([source]))
    for name, extra in (("type.xlsx", []), ("department.xlsx", ["--group-by", "department"]), ("p.csv", [])):
        out = tmp_path / name
        result = cli("export", source, "-o", out, *extra)
        assert result.code == 0, result.err
        if name.endswith(".xlsx"):
            assert xlsx_problems(out) == [], name
            assert content(read_list([out]), department=False) == content(read_list([source]), department=False)
        else:
            assert csv_problems(out.read_text(encoding="utf-8-sig")) == []
            assert content(read_list([out])) == expected, name
    for suffix in ("json", "md", "html"):
        assert cli("export", source, "-o", tmp_path / f"p.{suffix}").code == 0
    assert content(read_list([tmp_path / "p.json"])) == expected


@pytest.mark.parametrize("case", CASES)
def test_change_orders_are_inert_and_apply(cli: Cli, hostile: dict[str, Path], tmp_path: Path, case: str) -> None:
    source = hostile[case]
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"listkit": {"schema": "power-list"}}) + "\n", encoding="utf-8")
    order, back = tmp_path / "order.xlsx", tmp_path / "back.jsonl"
    assert cli("diff", empty, source, "--format", "xlsx", "-o", order).code == 0
    assert xlsx_problems(order) == []
    result = cli("apply", empty, order, "-o", back)
    assert result.code == 0, result.err
    assert content(read_list([back])) == content(read_list([source]))
    # A change order cancelling everything: the old records' text in the workbook.
    assert cli("diff", source, empty, "--format", "xlsx", "-o", order).code == 0
    assert xlsx_problems(order) == []


@pytest.mark.parametrize("case", CASES)
def test_annotated_copies_and_stats_are_inert(cli: Cli, hostile: dict[str, Path], tmp_path: Path, case: str) -> None:
    source = hostile[case]
    for input_path in (source, tmp_path / "as.csv", tmp_path / "as.xlsx"):
        if input_path != source:
            assert cli("import", source, "-o", input_path).code == 0
        out = tmp_path / "annotated.xlsx"
        result = cli("validate", input_path, "--format", "xlsx", "-o", out)
        assert result.code in (0, 1), result.err
        assert xlsx_problems(out) == [], input_path.name
        read_list([out])  # reads back
    for by in ("type", "department"):
        result = cli("stats", source, "--format", "csv", "--by", by)
        assert result.code == 0 and csv_problems(result.out) == []


def test_an_input_formula_is_not_handed_on_by_the_annotated_copy(cli: Cli, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "with-formula.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["序号", "事项名称", "权力类型", "实施依据", "行使主体"])
    sheet.write_row(1, 0, ["1", "对违法行为的处罚", "行政处罚", "《法》第八条"])
    sheet.write_formula(1, 4, '=HYPERLINK("http://x","区局")', None, "区局")
    book.close()
    out = tmp_path / "annotated.xlsx"
    assert cli("validate", path, "--format", "xlsx", "-o", out).code in (0, 1)
    assert xlsx_problems(out) == []
    assert read_list([out]).records[0].values["body"] == "区局"


def test_the_template_of_a_hostile_schema_is_inert(cli: Cli, tmp_path: Path) -> None:
    schema = tmp_path / "hostile.schema.json"
    properties = {
        "name": {"type": "string", "title": INJECTED_HEADERS[0], "x-role": "name"},
        "remark": {"type": "string", "title": "@SUM(1)\x01", "enum": ["=1+1", "+x"]},
    }
    document = {"title": "'清单[一]:*?/\\" + "很长" * 20, "type": "object", "properties": properties}
    schema.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "template.xlsx"
    result = cli("schema", "template", schema, "-o", out)
    assert result.code == 0, result.err
    assert xlsx_problems(out) == []
    assert cli("schema", "template", "power-list", "-o", out).code == 0 and xlsx_problems(out) == []


def test_control_characters_are_counted_on_stderr(cli: Cli, hostile: dict[str, Path], tmp_path: Path) -> None:
    source = hostile["control-chars.jsonl"]
    result = cli("import", source, "-o", tmp_path / "o.csv")
    assert result.code == 0 and "个单元格含控制字符" in result.err and "o.csv" in result.err
    result = cli("export", source, "-o", tmp_path / "o.xlsx", "--lang", "en")
    assert result.code == 0 and "hold control characters" in result.err
    # Nothing to say for a list without them, nor for JSON, which holds them as escapes.
    assert "控制字符" not in cli("import", hostile["sheet-names.jsonl"], "-o", tmp_path / "s.csv").err
    assert "控制字符" not in cli("import", source, "-o", tmp_path / "o.jsonl").err


def test_bad_sheet_labels_get_valid_distinct_names(cli: Cli, hostile: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "by-department.xlsx"
    assert cli("export", hostile["sheet-names.jsonl"], "-o", out, "--group-by", "department").code == 0
    from openpyxl import load_workbook

    names = load_workbook(out, read_only=True).sheetnames
    assert len(names) == len(SHEET_LABELS) + 1 == len({n.casefold() for n in names})
    assert "行政_处罚______（1项）" in names  # '[]:*?/\\' each made '_'
    assert "行政处罚（1项）" in names and "History（1项）" in names  # the apostrophe taken off; not 'History' itself
    assert {"Abc（1项）", "ABC（2）（1项）"} <= set(names)


# --- the mechanisms themselves ---------------------------------------------------------------------------------
texts = st.one_of(
    st.text(max_size=20),
    st.text(alphabet="'=+-@\t\r＝＋－＠_x0123456789ABCDEFabcdef\x00\x01\x1f\n", max_size=20),
)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_a_csv_cell_reads_back_as_the_text(text: str) -> None:
    written = csv_cell(text)
    assert not written.startswith(LIVE)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", written)
    assert csv_text_read(written) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=45), max_size=12), st.sampled_from(["", "（12项）", "（1234567项）"]))
def test_sheet_names_are_valid_and_distinct(labels: list[str], suffix: str) -> None:
    names = SheetNames(["汇总"])
    made = [names.take(label, suffix) for label in labels]
    keys = [name.casefold() for name in made]
    assert len(set(keys)) == len(keys) and "汇总" not in keys and "history" not in keys
    for name in made:
        assert 0 < len(name.encode("utf-16-le")) // 2 <= 31
        assert not re.search(r"[\[\]:*?/\\\x00-\x1f]", name) and not name.startswith("'") and not name.endswith("'")


def test_openpyxl_text_is_escaped_as_xlsxwriter_escapes_it() -> None:
    with tallied() as tally:
        assert xlsx_text("a\x00b\x01c\r_x0041_") == "a_x0000_b_x0001_c_x000D__x005F_x0041_"
        assert xlsx_text("甲\n乙\t") == "甲\n乙\t"
    assert tally.controls == 1
