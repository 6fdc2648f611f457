"""Large text-only xlsx sheets are read as columns (fastexcel + column_body.py) and written as columns
(canonical_columns.py). Every sheet here is read both ways — as columns and cell by cell — and must give the
same records, the same layout story and the same canonical bytes; the plain ones must really take the column
path, the others fall back to rows (and still agree)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import listkit.read.csvfile as csvfile
import listkit.read.excel as excel
from listkit.model import ItemList
from listkit.read import read_list
from listkit.read.column_rows import WHITESPACE
from listkit.read.guard import check_workbook_zip
from listkit.write.atomic import made_ahead
from listkit.write.canonical import jsonl_bytes
from tests.conftest import REAL

HEADER = ["序号", "事项编码", "事项名称", "子项名称", "权力类型", "实施依据", "承办机构", "备注", "自定义", "部门"]


def record_row(n: int, **cells: str) -> list[str]:
    values = {
        "seq": str(n),
        "code": f"990102201XK{n:05d}",
        "name": f"对违反规定行为的处罚{n % 7}",
        "sub": "",
        "type": "行政处罚",
        "basis": "《中华人民共和国行政处罚法》第八条",
        "office": "执法科",
        "remark": "",
        "extra": "",
        "department": "",
    } | cells
    return list(values.values())


def plain_rows() -> list[list[str]]:
    """Everything the fast path cleans: edges, line breaks, variants, 无, '2,3', escapes, blanks."""
    rows = [
        ["示例市林业局权责清单（2024年版）"],
        ["部门：示例市林业局"],
        HEADER,
    ]
    rows += [record_row(n) for n in range(1, 40)]
    rows += [
        record_row(40, name="  名称前后有空格\u3000", sub="无", remark='含"引号"与\\反斜杠'),
        record_row(41, name="跨行的\n事项名称", basis="第一行\r\n第二行\r第三行", type="处罚"),
        record_row(42, name="\x1c分隔符\x1f", seq="1.0", extra="附加", department="示例市另一局"),
        record_row(43, seq="2,3", code="", name="没有编码的事项", type=""),
        record_row(44, seq="２、３", sub="—", office=" ", remark="制表\t与控制\x01字符"),
        ["", "", "", "", "", "", "", "", "", ""],
        ["   ", "", "", "", "", "", "", "", "", ""],
        record_row(45, name="English name\nwith words", type="其他行政权力"),
    ]
    return rows


def write_workbook(path: Path, sheets: dict[str, list[list[Any]]], *, merges: list[str] = (), hidden: int = -1) -> Path:
    """An xlsx with shared strings, as Excel and WPS write them (xlsxwriter, not in constant-memory mode)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value is not None and value != "":
                    sheet.write(r, c, value)
            if r == hidden:
                sheet.set_row(r, None, None, {"hidden": True})
        for ref in merges:
            sheet.merge_range(ref, None)
    book.close()
    return path


def both_ways(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> tuple[ItemList, ItemList]:
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 0)
    by_columns = read_list(paths)
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 1 << 62)
    by_rows = read_list(paths)
    return by_columns, by_rows


def assert_same(by_columns: ItemList, by_rows: ItemList) -> None:
    assert by_columns.layouts == by_rows.layouts
    assert by_columns.meta == by_rows.meta
    assert jsonl_bytes(by_columns) == jsonl_bytes(by_rows)  # the column writer, where the table is unbuilt
    assert [(r.model_dump(), r.at) for r in by_columns.records] == [(r.model_dump(), r.at) for r in by_rows.records]


def test_whitespace_is_what_python_strips() -> None:
    assert "".join(chr(c) for c in range(0x110000) if chr(c).isspace()) == WHITESPACE


def test_a_plain_sheet_is_read_and_written_as_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_workbook(tmp_path / "示例市林业局权责清单.xlsx", {"行政处罚": plain_rows()}, merges=["A1:J1"])
    by_columns, by_rows = both_ways([path], monkeypatch)
    assert by_columns.unbuilt_table() is not None and by_rows.unbuilt_table() is None
    assert_same(by_columns, by_rows)
    records = by_rows.records
    assert len(records) == 45
    renamed = next(r for r in records if r.values["name"] == "跨行的事项名称")
    assert renamed.raw == {"type": "处罚"} and renamed.values["type"] == "行政处罚"
    assert renamed.values["basis"] == "第一行\n第二行\n第三行"
    assert next(r for r in records if r.get("seq") == "2,3").type_from == "sheet"
    assert any(n.startswith("combined-seq:") for n in by_rows.layouts[0].notes)
    assert by_rows.meta.department == "示例市林业局"
    assert {r.department for r in records} == {"示例市林业局", "示例市另一局"}


def test_the_column_writer_escapes_as_orjson(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hard = ['"', "\\", "\x00", "\x08", "\x0b", "\x1f", "\x7f", "\u2028", "/", "é", "\U0001f600", "\ud7ff", "a\tb"]
    rows = [HEADER] + [record_row(n, name=f"名{text}称{n}", remark=text + "尾") for n, text in enumerate(hard, 1)]
    path = write_workbook(tmp_path / "list.xlsx", {"Sheet1": rows})
    by_columns, by_rows = both_ways([path], monkeypatch)
    assert by_columns.unbuilt_table() is not None
    assert_same(by_columns, by_rows)


@pytest.mark.parametrize("note", [False, True], ids=["plain", "note-under-the-table"])
def test_a_big_csv_is_read_as_columns_as_it_is_row_by_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, note: bool
) -> None:
    rows = [["示例市林业局权责清单"], HEADER] + [
        record_row(n, remark=f"备注{n}" if n % 3 else "") for n in range(1, 40)
    ]
    rows.append([])  # a blank line: shorter than the rest
    if note:
        rows.append(["注：本清单自公布之日起施行。"])  # a note row: the column path declines the body, as for a sheet
    text = "\n".join(",".join(f'"{cell}"' if "," in cell or "\n" in cell else cell for cell in row) for row in rows)
    path = tmp_path / "示例市林业局权责清单.csv"
    path.write_text(text + "\n", encoding="gb18030")
    monkeypatch.setattr(csvfile, "COLUMN_READ_MIN_BYTES", 0)
    by_columns = read_list([path])
    monkeypatch.setattr(csvfile, "COLUMN_READ_MIN_BYTES", 1 << 62)
    by_rows = read_list([path])
    assert (by_columns.unbuilt_table() is not None) is not note and by_rows.unbuilt_table() is None
    assert_same(by_columns, by_rows)
    assert len(by_rows.records) == 39 and by_rows.records[1].values["remark"] == "备注2"


def test_two_plain_sheets_and_two_files_stay_one_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [HEADER] + [record_row(n) for n in range(1, 30)]
    first = write_workbook(tmp_path / "a.xlsx", {"行政许可": rows, "行政处罚": rows})
    second = write_workbook(tmp_path / "b.xlsx", {"Sheet1": rows})
    by_columns, by_rows = both_ways([first, second], monkeypatch)
    assert by_columns.unbuilt_table() is not None
    assert by_columns.size == 87
    assert_same(by_columns, by_rows)


@pytest.mark.parametrize(
    "case",
    [
        "note under the table",
        "section row",
        "sub-item row without a name",
        "a header word as name",
        "merged name",
        "hidden row",
        "a number",
    ],
)
def test_sheets_that_are_not_plain_are_read_row_by_row(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows: list[list[Any]] = [HEADER] + [record_row(n) for n in range(1, 12)]
    merges: list[str] = []
    hidden = -1
    if case == "note under the table":
        rows.append(["注：本清单自公布之日起施行。"])
    elif case == "section row":
        rows.insert(5, ["一、行政许可"])
    elif case == "sub-item row without a name":
        rows.insert(5, ["", "", "", "第二个子项", "", "", "", "", "", ""])
    elif case == "a header word as name":
        rows.append(record_row(12, name="事项名称"))
    elif case == "merged name":
        rows[4][2] = rows[5][2]
        merges = ["C5:C6"]
    elif case == "hidden row":
        rows.append(record_row(1))
        hidden = len(rows) - 1
    else:
        rows[3][0] = 3  # a number: the strict type check sends the sheet to python-calamine
    path = write_workbook(tmp_path / "list.xlsx", {"Sheet1": rows}, merges=merges, hidden=hidden)
    by_columns, by_rows = both_ways([path], monkeypatch)
    assert by_columns.unbuilt_table() is None
    assert_same(by_columns, by_rows)


def test_the_guard_collects_merges_and_tells_text_only_sheets(tmp_path: Path) -> None:
    import python_calamine

    rows: list[list[Any]] = [["标题"], HEADER, record_row(1), record_row(2)]
    text = write_workbook(tmp_path / "text.xlsx", {"A": rows}, merges=["A1:J1", "C3:C4", "D3:E3"])
    facts = check_workbook_zip(text.read_bytes(), str(text))
    sheet = python_calamine.load_workbook(str(text)).get_sheet_by_name("A")
    expected = {(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges}
    assert facts["A"].merges == expected and facts["A"].looks_text_only
    numbers = write_workbook(tmp_path / "numbers.xlsx", {"B": [HEADER, [1, "x"]]})
    assert not check_workbook_zip(numbers.read_bytes(), str(numbers))["B"].looks_text_only


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not available")
def test_real_workbooks_read_the_same_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in sorted(p for p in REAL.iterdir() if p.suffix.lower() == ".xlsx"):
        assert_same(*both_ways([path], monkeypatch))


def test_chunks_are_made_ahead_in_order_and_errors_reach_the_writer() -> None:
    def chunks(fail_at: int | None) -> Iterator[bytes]:
        for n in range(50):
            if n == fail_at:
                raise ValueError("broken chunk")
            yield str(n).encode()

    assert list(made_ahead(chunks(None))) == [str(n).encode() for n in range(50)]
    with pytest.raises(ValueError, match="broken chunk"):
        list(made_ahead(chunks(7)))
    early = made_ahead(chunks(None))
    assert next(early) == b"0"
    early.close()  # a consumer that stops early stops the helper (close joins it)


@pytest.mark.parametrize("line", ["\n", ",,\n"], ids=["blank-lines", "empty-fields"])
def test_a_big_csv_with_nothing_in_it_is_refused_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    from listkit.errors import InputError

    path = tmp_path / "empty.csv"
    path.write_text(line * 1000, encoding="utf-8")
    messages = []
    for threshold in (0, 1 << 62):
        monkeypatch.setattr(csvfile, "COLUMN_READ_MIN_BYTES", threshold)
        with pytest.raises(InputError) as refused:
            read_list([path])
        messages.append(str(refused.value))
    assert messages[0] == messages[1]
